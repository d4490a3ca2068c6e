// The personal-data guard through the bot's HTTP interface, as a partner meets it on an action's card: a
// note about a person with an offence is refused (no way to keep it) and offered back with the words taken
// out; a note naming someone is held until it is kept with a reason, which the audit trail records; a note
// about a place passes. A SARA analysis field is held to the same rule.
import { beforeAll, describe, expect, it } from 'vitest';
import { USERS, cardText, guardCard, invokeCard, useBot } from '../support/bot-harness.js';
import type { Action } from '../../src/domain/action.js';

const bot = useBot();

async function action(ref: string): Promise<Action> {
  const found = await bot.ctx.stores.actions.getByRef(ref);
  if (!found) throw new Error(`no ${ref}`);
  return found;
}
const note = async (ref: string, text: string, extra: Record<string, unknown> = {}) => {
  const current = await action(ref);
  const data = { actionId: current.id, version: current.version, note: text, ...extra };
  return invokeCard(await bot.invoke(USERS.coordinator, 'action.note', data));
};
const overrides = async () =>
  (await bot.ctx.stores.audit.listByTown('truro', 500)).filter((e) => e.change === 'personal_data.confirmed');

beforeAll(async () => {
  await bot.sayInChannel(USERS.coordinator, 'link truro');
});

describe('notes on an action card', () => {
  it('refuses a person with drug use and an offence, offers the text without them, and saves nothing', async () => {
    const before = await action('TRU-002');
    const text = 'Mr Pascoe, 34, is using heroin again and breached his probation order; he sleeps by Boots.';
    const card = guardCard(await note('TRU-002', text));
    expect(card.title).toBe('Personal details: not saved');
    expect(card.confirm).toBeNull();
    expect(card.inputs.edited_note).toBe(
      '[person], [age], is [drug detail] again and breached his [offence detail] order; he [safeguarding detail] Boots.',
    );
    // A forged "keep it" changes nothing either: a person with an offence is never kept as written.
    const forged = await note('TRU-002', text, { personalDataConfirmed: true, personalDataReason: 'fine' });
    expect(guardCard(forged).title).toBe('Personal details: not saved');
    expect(await action('TRU-002')).toEqual(before);

    const saved = await bot.invoke(USERS.coordinator, card.save.verb, {
      ...card.save.data,
      edited_note: 'ECINS 123456: engagement offered again, see the case record',
    });
    expect(cardText(invokeCard(saved))).toContain('ECINS 123456: engagement offered again');
    expect((await action('TRU-002')).notes.at(-1)?.text).toBe(
      'ECINS 123456: engagement offered again, see the case record',
    );
  });

  it('holds a note that names someone until it is kept with a reason, and audits the reason', async () => {
    const text = 'Mrs Jenkins on Chapel Street asked for the bins to be moved';
    const card = guardCard(await note('TRU-003', text));
    expect(card.title).toBe('Check for personal details');
    expect(card.inputs.edited_note).toBe('[person] on Chapel Street asked for the bins to be moved');
    const notes = (await action('TRU-003')).notes.length;

    const noReason = invokeCard(await bot.invoke(USERS.coordinator, card.confirm!.verb, card.confirm!.data));
    expect(cardText(noReason)).toContain('Say why it is safe to keep');
    expect((await action('TRU-003')).notes).toHaveLength(notes);

    const reason = 'A shop owner who asked to be named on this';
    const kept = await bot.invoke(USERS.coordinator, card.confirm!.verb, {
      ...card.confirm!.data,
      personalDataReason: reason,
    });
    expect(cardText(invokeCard(kept))).toContain(text);
    expect((await action('TRU-003')).notes.at(-1)?.text).toBe(text);
    const [event] = await overrides();
    expect(event).toMatchObject({
      actor: { id: USERS.coordinator.aadObjectId },
      town: 'truro',
      entity: { kind: 'free_text', label: 'action.note' },
      after: { verb: 'action.note', kinds: ['person_name'], reason },
    });
    expect(JSON.stringify(event)).not.toContain('Chapel Street'); // the kinds are kept, not the words
  });

  it('refuses a reason that itself carries personal details', async () => {
    const text = 'Mr Hocking asked for a call back about the gate';
    const card = guardCard(await note('TRU-004', text));
    const reason = 'He is on probation so it matters';
    const answer = invokeCard(
      await bot.invoke(USERS.coordinator, card.confirm!.verb, {
        ...card.confirm!.data,
        personalDataReason: reason,
      }),
    );
    expect(cardText(answer)).toContain('The reason itself looks like personal details');
  });

  it('passes a note about a place and a group, drug dealing and all', async () => {
    const text = 'Drug dealing reported again in the car park behind Lemon Street; youths moved on twice.';
    expect(cardText(await note('TRU-005', text))).toContain(text);
    expect((await action('TRU-005')).notes.at(-1)?.text).toBe(text);
  });
});

describe('a problem-solving plan', () => {
  it('refuses an analysis naming an offender with an age and drug dealing, leaving the plan as it was', async () => {
    await bot.invoke(USERS.coordinator, 'problem.create', {
      town: 'truro',
      type: 'place',
      title: 'Dealing at the skate park',
      hotspot: 'Skate park, Victoria Gardens',
      objective: 'Halve reports of dealing in six months',
      caseRefs: 'ECINS 123456',
    });
    const [plan] = await bot.ctx.stores.problems.listByTown('truro');
    const analysis = {
      problemId: plan!.id,
      version: plan!.version,
      offender: 'Kyle Pascoe, 16, dealing cannabis to younger pupils',
      victim: 'Young people at the skate park',
      place: 'Skate park, unlit after dark',
      handler: 'Youth service',
      guardian: 'Park staff',
      manager: 'Town council',
      hypothesis: 'An unlit space with no guardians',
    };
    const card = guardCard(invokeCard(await bot.invoke(USERS.coordinator, 'problem.analyse', analysis)));
    expect(card.title).toBe('Personal details: not saved');
    expect(Object.keys(card.inputs)).toEqual(['edited_offender']);
    expect(card.inputs.edited_offender).toMatch(/^\[person\], \[age\], \[drug detail\]/);
    expect(await bot.ctx.stores.problems.get(plan!.id)).toEqual(plan);
  });
});
