// The residents' survey indicator through the bot's HTTP interface: coordinators record readings and the
// baseline, board members set targets, proxies are always labelled, bad figures are refused with the reason,
// and the summary shows the trajectory to target.
import { describe, expect, it } from 'vitest';
import { USERS, cardText, invokeCard, lastCard, useBot } from '../support/bot-harness.js';

const bot = useBot(); // demo data: Truro's baseline 44% (2017, 360 asked), target 52% by 2021, a 2019 proxy

const indicator = async () => (await bot.ctx.stores.indicators.get('truro'))!;
const changes = async () => (await bot.ctx.stores.audit.listForEntity('truro')).map((e) => e.change);

describe("a town's residents' survey indicator, in Teams", () => {
  it('shows the figures, the proxy labelled as such, and the chart with its text fallback', async () => {
    await bot.say(USERS.clerk, 'indicator truro');
    const card = lastCard(bot.connector);
    const text = cardText(card);
    expect(text).toContain("Safer Truro: residents' confidence");
    expect(text).toContain('44% (2017, 360 asked, ±5.1 points)');
    expect(text).toContain('52% by 2021');
    expect(text).toMatch(/2019: 47% from Have Your Say survey \(demo\), PROXY/);
    const chart = (card.body as { type: string; data?: { legend: string }[] }[]).find(
      (e) => e.type === 'Chart.Line',
    );
    expect(chart?.data?.map((d) => d.legend)).toEqual([
      'Trajectory to target',
      "Residents' survey",
      'Local surveys (proxy)',
    ]);
    expect(JSON.stringify(chart)).toContain('"fallback"');
    // A viewer sees no forms; a coordinator sees the reading and baseline forms, not the target.
    expect(card.actions ?? []).toEqual([]);
    await bot.say(USERS.coordinator, 'indicator truro');
    const titles = (lastCard(bot.connector).actions as { title: string }[]).map((a) => a.title);
    expect(titles).toEqual(['Record a reading…', 'Set baseline…']);
  });

  it('records a survey reading typed into the card, and judges it against the trajectory', async () => {
    const before = await indicator();
    const card = invokeCard(
      await bot.invoke(USERS.coordinator, 'indicator.reading', {
        town: 'truro',
        version: before.version,
        readingYear: '2021',
        readingValue: '49',
        readingSampleSize: '400',
        source: 'Residents survey',
        proxy: 'false',
      }),
    );
    const text = cardText(card);
    expect(text).toContain('2021: 49% from Residents survey (±4.9 points)');
    // 3 below the 52% line, inside the ±4.9 margin: on track as far as the survey can tell.
    expect(text).toContain(
      '2021: on the trajectory to target (within the margin of error) (52% expected by then)',
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
          readingYear: '2022',
          readingValue: '58',
          source: 'Town council satisfaction survey',
          proxy: 'true',
        }),
      ),
    );
    expect(text).toContain('2022: 58% from Town council satisfaction survey, PROXY');
    expect(text).toContain('read with caution');
    expect(text).toContain('2021: on the trajectory'); // progress is judged on the real survey only
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
      cardText(invokeCard(await attempt({ readingYear: '2021', readingValue: '50' }))), // 2021 is recorded
    ).toContain('There is already a 2021 reading from Residents survey');
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
        targetYear: '2024',
        targetValue: '60',
      }),
    );
    expect(cardText(coordinator)).toContain("Only members of the county board set Truro's target");
    expect(await indicator()).toEqual(current);

    const board = invokeCard(
      await bot.invoke(USERS.board, 'indicator.target', {
        town: 'truro',
        version: current.version,
        targetYear: '2024',
        targetValue: '60',
      }),
    );
    expect(cardText(board)).toContain('60% by 2024');
    const [event] = (await bot.ctx.stores.audit.listForEntity('truro')).slice(-1);
    expect(event).toMatchObject({
      change: 'indicator.target',
      actor: { id: USERS.board.aadObjectId },
      before: { target: { year: 2021, value: 52 } },
      after: { target: { year: 2024, value: 60 } },
    });
  });

  it('answers a stale card with the indicator as it is now', async () => {
    const stale = invokeCard(
      await bot.invoke(USERS.board, 'indicator.target', {
        town: 'truro',
        version: 1,
        targetYear: '2024',
        targetValue: '70',
      }),
    );
    expect(cardText(stale)).toContain('changed while you were looking at it');
    expect((await indicator()).target).toEqual({ year: 2024, value: 60 });
  });

  it('puts the trajectory and the judgement on the town summary', async () => {
    await bot.say(USERS.caseWorker, 'summary truro');
    const card = lastCard(bot.connector);
    expect(JSON.stringify(card)).toContain('"type":"Chart.Line"');
    expect(cardText(card)).toMatch(/2021: (on|behind|ahead)/);
  });
});
