// The residents' survey indicator through the bot's HTTP interface: coordinators record readings and the
// baseline, board members set targets, proxies are always labelled, bad figures are refused with the reason,
// and the summary shows the trajectory to target; a board member starts a new cycle, the old one kept.
import { describe, expect, it } from 'vitest';
import { USERS, cardText, invokeCard, lastCard, useBot } from '../support/bot-harness.js';

// Demo data: Truro's current cycle, baseline 48% (2025, 380 asked), target 56% by 2028, a 2026 proxy; the
// programme's first cycle (2017 to 2021) kept under "Earlier cycles".
const bot = useBot();

const indicator = async () => (await bot.ctx.stores.indicators.get('truro'))!;
const changes = async () => (await bot.ctx.stores.audit.listForEntity('truro')).map((e) => e.change);

describe("a town's residents' survey indicator, in Teams", () => {
  it('shows the figures, the proxy labelled as such, and the chart with its text fallback', async () => {
    await bot.say(USERS.clerk, 'indicator truro');
    const card = lastCard(bot.connector);
    const text = cardText(card);
    expect(text).toContain("Safer Truro: residents' confidence");
    expect(text).toContain('48% (2025, 380 asked, ±5 points)');
    expect(text).toContain('56% by 2028');
    expect(text).toMatch(/2026: \d+% from Have Your Say survey \(demo\), PROXY/);
    expect(text).toContain('From 2017: baseline 44%, target 52% by 2021, last survey 49% (2021)');
    const chart = (card.body as { type: string; data?: { legend: string }[] }[]).find(
      (e) => e.type === 'Chart.Line',
    );
    expect(chart?.data?.map((d) => d.legend)).toEqual(['Target path', "Residents' survey", 'Proxy surveys']);
    expect(JSON.stringify(chart)).toContain('"fallback"');
    // Every year of the span is on the axis, so the years are evenly spaced: 2025 to 2028 on the trajectory.
    const trajectory = (chart as unknown as { data: { values: { x: string }[] }[] }).data[0]!.values;
    expect(trajectory.map((v) => v.x)).toEqual(['2025', '2026', '2027', '2028']);
    // A viewer sees no forms; a coordinator sees the reading and baseline forms, not the target.
    expect(card.actions ?? []).toEqual([]);
    await bot.say(USERS.coordinator, 'indicator truro');
    const titles = (lastCard(bot.connector).actions as { title: string }[]).map((a) => a.title);
    expect(titles).toEqual(['Record a reading…', 'Set baseline…']);
    await bot.say(USERS.board, 'indicator truro');
    const boardTitles = (lastCard(bot.connector).actions as { title: string }[]).map((a) => a.title);
    expect(boardTitles).toEqual(['Set target…', 'Start a new cycle…']);
  });

  it('records a survey reading typed into the card, and judges it against the trajectory', async () => {
    const before = await indicator();
    const card = invokeCard(
      await bot.invoke(USERS.coordinator, 'indicator.reading', {
        town: 'truro',
        version: before.version,
        readingYear: '2027',
        readingValue: '49',
        readingSampleSize: '400',
        source: 'Residents survey',
        proxy: 'false',
      }),
    );
    const text = cardText(card);
    expect(text).toContain('2027: 49% from Residents survey (±4.9 points)');
    // 4.3 below the 53.3% line, inside the ±4.9 margin: on track as far as the survey can tell.
    expect(text).toContain(
      '2027: on the trajectory to target (within the margin of error) (53.3% expected by then); the survey found 49% ±4.9 points',
    );
    expect((await indicator()).version).toBe(before.version + 1);
    expect((await changes()).at(-1)).toBe('indicator.reading');
  });

  it('labels a proxy reading and gives it the standard caveat', async () => {
    const current = await indicator();
    const text = cardText(
      invokeCard(
        await bot.invoke(USERS.coordinator, 'indicator.reading', {
          town: 'truro',
          version: current.version,
          readingYear: '2028',
          readingValue: '58',
          source: 'Town council satisfaction survey',
          proxy: 'true',
        }),
      ),
    );
    expect(text).toContain('2028: 58% from Town council satisfaction survey, PROXY');
    expect(text).toContain('read with caution');
    expect(text).toContain('2027: on the trajectory'); // progress is judged on the real survey only
  });

  it('refuses impossible figures, naming each, and changes nothing', async () => {
    const current = await indicator();
    const attempt = (data: Record<string, unknown>) =>
      bot.invoke(USERS.coordinator, 'indicator.reading', {
        town: 'truro',
        version: current.version,
        source: 'Residents survey',
        ...data,
      });
    expect(cardText(invokeCard(await attempt({ readingYear: '2023', readingValue: '104' })))).toContain(
      'A percentage cannot be above 100',
    );
    expect(
      cardText(
        invokeCard(await attempt({ readingYear: '2023', readingValue: '50', readingSampleSize: '0' })),
      ),
    ).toContain('The sample size must be at least 1');
    expect(cardText(invokeCard(await attempt({ readingYear: 'next', readingValue: '50' })))).toContain(
      'Year must be a number',
    );
    expect(cardText(invokeCard(await attempt({ readingValue: '50' })))).toContain('The year is required');
    expect(
      cardText(invokeCard(await attempt({ readingYear: '2027', readingValue: '50' }))), // 2027 is recorded
    ).toContain('There is already a 2027 reading from Residents survey');
    expect(await indicator()).toEqual(current);
  });

  it('lets only coordinators record, and only board members set targets, with an audit record', async () => {
    const current = await indicator();
    const member = invokeCard(
      await bot.invoke(USERS.beatManager, 'indicator.reading', {
        town: 'truro',
        version: current.version,
        readingYear: '2023',
        readingValue: '50',
        source: 'Residents survey',
      }),
    );
    expect(cardText(member)).toContain('Only coordinators can do that');
    const coordinator = invokeCard(
      await bot.invoke(USERS.coordinator, 'indicator.target', {
        town: 'truro',
        version: current.version,
        targetYear: '2029',
        targetValue: '60',
      }),
    );
    expect(cardText(coordinator)).toContain("Only members of the county board set Truro's target");
    expect(await indicator()).toEqual(current);

    const board = invokeCard(
      await bot.invoke(USERS.board, 'indicator.target', {
        town: 'truro',
        version: current.version,
        targetYear: '2029',
        targetValue: '60',
      }),
    );
    expect(cardText(board)).toContain('60% by 2029');
    const [event] = (await bot.ctx.stores.audit.listForEntity('truro')).slice(-1);
    expect(event).toMatchObject({
      change: 'indicator.target',
      actor: { id: USERS.board.aadObjectId },
      before: { target: { year: 2028, value: 56 } },
      after: { target: { year: 2029, value: 60 } },
    });
  });

  it('answers a stale card with the indicator as it is now', async () => {
    const stale = invokeCard(
      await bot.invoke(USERS.board, 'indicator.target', {
        town: 'truro',
        version: 1,
        targetYear: '2029',
        targetValue: '70',
      }),
    );
    expect(cardText(stale)).toContain('changed while you were looking at it');
    expect((await indicator()).target).toEqual({ year: 2029, value: 60 });
  });

  it('judges a reading after the target year against the target, on the card and the summary alike', async () => {
    const current = await indicator();
    const card = invokeCard(
      await bot.invoke(USERS.coordinator, 'indicator.reading', {
        town: 'truro',
        version: current.version,
        readingYear: '2031',
        readingValue: '50',
        readingSampleSize: '1000',
        source: 'Residents survey',
      }),
    );
    const verdict = '2031: short of the target (60% by 2029); the survey found 50% ±3.1 points';
    expect(cardText(card)).toContain(verdict);
    const chart = (
      card.body as { type: string; data?: { legend: string; values: { x: string }[] }[] }[]
    ).find((e) => e.type === 'Chart.Line');
    // The trajectory stops at the target year; the target carries on, every year, to the reading.
    const lines = chart!.data!.map((d) => [d.legend, d.values.at(0)?.x, d.values.at(-1)?.x]);
    expect(lines).toEqual([
      ['Target path', '2025', '2029'],
      ['Target (year passed)', '2029', '2031'],
      ["Residents' survey", '2025', '2031'],
      ['Proxy surveys', '2026', '2028'],
    ]);
    await bot.say(USERS.caseWorker, 'summary truro');
    expect(cardText(lastCard(bot.connector))).toContain(verdict);
  });

  it('puts the trajectory and the judgement on the town summary', async () => {
    await bot.say(USERS.caseWorker, 'summary truro');
    const card = lastCard(bot.connector);
    expect(JSON.stringify(card)).toContain('"type":"Chart.Line"');
    expect(cardText(card)).toMatch(/20\d\d: (on|behind|ahead|short|at|beyond)/);
  });

  it('lets a board member start a new cycle, keeping the last readable; nobody else', async () => {
    const current = await indicator();
    const cycle = { town: 'truro', version: current.version, cycleYear: '2031', cycleValue: '50' };
    const full = { ...cycle, cycleSampleSize: '1000', cycleTargetValue: '58' };
    const refused = invokeCard(await bot.invoke(USERS.coordinator, 'indicator.cycle', full));
    expect(cardText(refused)).toContain("Only members of the county board set Truro's new cycle");
    const missing = invokeCard(await bot.invoke(USERS.board, 'indicator.cycle', cycle));
    expect(cardText(missing)).toContain('The sample size is required');
    expect(await indicator()).toEqual(current);
    const card = invokeCard(await bot.invoke(USERS.board, 'indicator.cycle', full));
    const text = cardText(card);
    expect(text).toContain('a new cycle has started');
    expect(text).toContain('50% (2031, 1000 asked');
    expect(text).toContain('58% by 2034');
    expect(text).toContain('From 2025: baseline 48%, target 60% by 2029, last survey 50% (2031)');
    expect(text).toContain('From 2017: baseline 44%');
    const event = (await bot.ctx.stores.audit.listForEntity('truro')).at(-1);
    expect(event).toMatchObject({ change: 'indicator.cycle', after: { baseline: { year: 2031 } } });
  });
});
