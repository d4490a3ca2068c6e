// A problem-solving plan (SARA) through the bot's HTTP interface: started with a place and case references
// (never a home address or names), each stage's work recorded before it moves on, closed with lessons,
// shared to the library by a coordinator, and found from another town. The summary counts open plans.
import { describe, expect, it } from 'vitest';
import { USERS, cardText, guardCard, invokeCard, lastCard, useBot } from '../support/bot-harness.js';
import type { ProblemPlan } from '../../src/domain/problem.js';

const bot = useBot();

async function plan(): Promise<ProblemPlan> {
  const [p] = await bot.ctx.stores.problems.listByTown('newquay');
  if (!p) throw new Error('no plan');
  return p;
}
/** A change to the plan from a card showing its current version. */
async function act(verb: string, data: Record<string, unknown> = {}, who = USERS.caseWorker) {
  const p = await plan();
  return cardText(invokeCard(await bot.invoke(who, verb, { problemId: p.id, version: p.version, ...data })));
}

const start = {
  town: 'newquay',
  type: 'place',
  title: 'Repeat ASB at the harbour car park at night',
  hotspot: 'Harbour car park',
  objective: 'Halve ASB reports at the car park within six months',
  caseRefs: 'ECINS 123456, NICHE-2026-0042',
};

describe('a problem-solving plan through SARA', () => {
  it('refuses a home address, a name as a case reference, or personal details, and saves nothing', async () => {
    const home = invokeCard(
      await bot.invoke(USERS.caseWorker, 'problem.create', { ...start, hotspot: '14 Fore Street' }),
    );
    expect(cardText(home)).toContain('a home address: "14 Fore Street"');
    const name = invokeCard(
      await bot.invoke(USERS.caseWorker, 'problem.create', { ...start, caseRefs: 'John Smith' }),
    );
    expect(cardText(name)).toContain('a person\'s name: "John Smith"');
    const kept = guardCard(name).confirm!; // "it is not personal data": the plan still takes only case references
    const ref = invokeCard(
      await bot.invoke(USERS.caseWorker, kept.verb, { ...kept.data, personalDataReason: 'A test name' }),
    );
    expect(cardText(ref)).toContain('Case references look like "ECINS 123456"');
    const phone = invokeCard(
      await bot.invoke(USERS.caseWorker, 'problem.create', {
        ...start,
        objective: 'Ring 07700 900123 weekly',
      }),
    );
    expect(cardText(phone)).toContain('looks like it contains a phone number');
    expect(guardCard(phone).confirm).toBeNull(); // an identifier is refused outside notes and new actions
    const viewer = invokeCard(await bot.invoke(USERS.clerk, 'problem.create', start));
    expect(cardText(viewer)).toContain('Viewers and board members can read but not change');
    expect(await bot.ctx.stores.problems.listByTown('newquay')).toHaveLength(0);
  });

  it('starts at scanning with the next reference, and moves on only when the stage is done', async () => {
    const card = cardText(invokeCard(await bot.invoke(USERS.caseWorker, 'problem.create', start)));
    expect(card).toContain('NQY-P01');
    expect(card).toContain('[Scanning] → Analysis');
    expect(await act('problem.advance')).toContain('Record the scanning evidence before analysis');
    await act('problem.scan', {
      evidence: '41 ASB reports in six months, 70% on Friday and Saturday nights',
    });
    expect(await act('problem.advance')).toContain('[Analysis]');
    expect((await plan()).stage).toBe('analysis');
  });

  it('takes the analysis triangle and measures; a triangle alone is not enough to respond', async () => {
    expect(await act('problem.scan', { evidence: 'late' })).toContain(
      'Scanning evidence belongs to scanning',
    );
    await act('problem.analyse', {
      offender: 'Groups of young people, cars meeting (ECINS 123456)',
      victim: 'Car park users and nearby businesses',
      place: 'Harbour car park, unlit after 22:00',
      handler: 'Youth service, parents',
      guardian: 'Harbour staff, police patrols',
      manager: 'Harbour authority',
      hypothesis: 'An unlit, unmanaged space with easy car access attracts gatherings',
    });
    expect(await act('problem.advance')).toContain('Set at least one measure');
    expect(
      await act('problem.measure', {
        measureName: 'ASB reports a month',
        measureBaseline: '7',
        measureTarget: '7',
      }),
    ).toContain('The target must differ from the baseline');
    await act('problem.measure', {
      measureName: 'ASB reports a month',
      measureBaseline: '7',
      measureTarget: '3',
    });
    expect(await act('problem.advance')).toContain('[Response]');
  });

  it('links response actions of the town only, then assesses before and after, with lessons', async () => {
    const [nqy] = await bot.ctx.stores.actions.listByTown('newquay');
    const [tru] = await bot.ctx.stores.actions.listByTown('truro');
    expect(await act('problem.link', { actionId: tru!.id })).toContain("not one of NQY-P01's town's actions");
    expect(await act('problem.link', { actionId: nqy!.id })).toContain(nqy!.ref);
    expect(await act('problem.advance')).toContain('[Assessment]');
    expect(
      await act('problem.assess', { delivered: 'true', outcome: 'Fewer reports', displacement: 'None seen' }),
    ).toContain('Give the after value of each of the 1 measures');
    const assessed = await act('problem.assess', {
      delivered: 'true',
      outcome: 'Reports fell after lighting and patrols',
      displacement: 'Slight rise at the bus station, monitored',
      after0: '4',
    });
    expect(assessed).toContain('now 4 (75% of the way)');
    expect(await act('problem.advance')).toContain('Record the lessons learned before closing');
    await act('problem.lessons', {
      lessons: 'Lighting plus a harbour warden worked; start the warden earlier',
    });
    expect(await act('problem.advance')).toContain('Closed');
  });

  it('is shared to the library by a coordinator only, and found from another town', async () => {
    expect(await act('problem.publish', { theme: 'Car park ASB' })).toContain(
      'Only coordinators can do that',
    );
    expect(await act('problem.publish', { theme: 'Car park ASB' }, USERS.coordinator)).toContain(
      'In the library',
    );
    expect(await act('problem.publish', { theme: 'Again' }, USERS.coordinator)).toContain(
      'in the library already',
    );

    await bot.sayInChannel(USERS.beatManager, 'library car park');
    const found = cardText(lastCard(bot.connector));
    expect(found).toContain('Best-practice library for "car park": 1 plans');
    expect(found).toContain('NQY-P01 Repeat ASB at the harbour car park at night');
    expect(found).toContain('Newquay');
    await bot.say(USERS.beatManager, 'library car park people');
    expect(cardText(lastCard(bot.connector))).toContain('0 plans');
    await bot.say(USERS.beatManager, 'problem nqy-p01');
    expect(cardText(lastCard(bot.connector))).toContain('Lessons learned');
  });

  it('shows a town its open plans by stage in the summary', async () => {
    await bot.invoke(USERS.caseWorker, 'problem.create', {
      ...start,
      title: 'Street drinking in the gardens',
      hotspot: 'Killacourt gardens',
    });
    await bot.say(USERS.caseWorker, 'summary newquay');
    expect(cardText(lastCard(bot.connector))).toContain('Open plans: 1 at scanning');
    await bot.say(USERS.caseWorker, 'problems newquay');
    const list = cardText(lastCard(bot.connector));
    expect(list).toContain('NQY-P01');
    expect(list).toContain('NQY-P02');
    const trail = (await bot.ctx.stores.audit.listForEntity((await plan()).id)).map((e) => e.change);
    expect(trail[0]).toBe('problem.created');
    expect(trail.at(-1)).toBe('problem.publish');
  });
});
