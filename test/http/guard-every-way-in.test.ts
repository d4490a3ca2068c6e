// Issue 31: every way in screens typed text with the same guard, once, before anything is kept. The same
// refused sentence (a named person and an offence) is sent by a card, a dialog, the message extension, a
// tab and the meeting panel; each refuses it clearly and keeps nothing. A partner named at work passes.
// The use cases themselves take only ScreenedText (src/domain/screened-text.ts): the compiler and a lint
// rule hold the rest, and the last test here checks no source casts its way round them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { USERS, cardText, guardCard, invokeCard, useBot } from '../support/bot-harness.js';
import type { Action } from '../../src/domain/action.js';

const bot = useBot({ REMINDER_SWEEP_SECONDS: '0' });
const REFUSED = 'Darren Nance was released on licence last week and is back at his mums';
const STAFF = 'Helen the PCSO arrested two youths for criminal damage at the skate park';

const action = async (ref: string): Promise<Action> => (await bot.ctx.stores.actions.getByRef(ref))!;
const post = (path: string, body: unknown) =>
  fetch(`${bot.base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  await bot.sayInChannel(USERS.coordinator, 'link truro');
});

describe('the refused sentence, by every way in', () => {
  it('a card: the guard card, no way to keep it, the action unchanged', async () => {
    const before = await action('TRU-002');
    const data = { actionId: before.id, version: before.version, note: REFUSED };
    const card = guardCard(invokeCard(await bot.invoke(USERS.coordinator, 'action.note', data)));
    expect(card.title).toBe('Personal details: not saved');
    expect(card.confirm).toBeNull();
    expect(await action('TRU-002')).toEqual(before);
  });

  it('a dialog (task/submit): the same guard, the action unchanged', async () => {
    const before = await action('TRU-002');
    const res = await bot.invokeNamed(USERS.coordinator, 'task/submit', {
      data: {
        verb: 'action.status',
        actionId: before.id,
        version: before.version,
        status: 'blocked',
        reason: REFUSED,
      },
    });
    expect(JSON.stringify(res.body)).toContain('Personal details: not saved');
    expect(await action('TRU-002')).toEqual(before);
  });

  it('the message extension: a new action from a message is refused, nothing created', async () => {
    const before = (await bot.ctx.stores.actions.listByTown('truro')).length;
    const plan = (await bot.ctx.stores.plans.listByTown('truro'))[0]!;
    const priority = (await bot.ctx.stores.priorities.listByPlan(plan.id))[0]!;
    const res = await bot.invokeNamed(
      USERS.coordinator,
      'composeExtension/submitAction',
      {
        commandId: 'createAction',
        data: {
          verb: 'action.create',
          town: 'truro',
          planId: plan.id,
          priorityId: priority.id,
          title: REFUSED,
          measure: 'Visits made',
          target: '4 visits',
          ownerIds: USERS.coordinator.aadObjectId,
          dueDate: '2027-05-28',
        },
      },
      'channel',
    );
    expect(JSON.stringify(res.body)).toContain('Personal details: not saved');
    expect((await bot.ctx.stores.actions.listByTown('truro')).length).toBe(before);
  });

  it('a tab: note, reason and re-plan reason each refused with a 400-class answer that says why', async () => {
    const before = await action('TRU-003');
    const at = `/tab/api/actions/${before.id}`;
    for (const [path, body] of [
      ['note', { version: before.version, note: REFUSED }],
      ['status', { version: before.version, status: 'blocked', reason: REFUSED }],
      ['due', { version: before.version, dueDate: '2027-06-30', reason: REFUSED }],
    ] as const) {
      const res = await post(`${at}/${path}`, body);
      expect(res.status, path).toBe(422);
      expect(JSON.stringify(await res.json()), path).toContain('looks like personal data');
    }
    expect(await action('TRU-003')).toEqual(before);
  });

  it('the meeting panel: a proposal is refused before anything is looked up', async () => {
    const meetings = await bot.ctx.stores.meetings.listByTown('truro');
    const res = await post('/tab/api/towns/truro/proposals', { title: REFUSED });
    expect(res.status).toBe(422);
    expect(JSON.stringify(await res.json())).toContain('looks like personal data');
    expect(await bot.ctx.stores.meetings.listByTown('truro')).toEqual(meetings);
  });
});

describe('a partner named at work', () => {
  it('passes on a card, and is saved as typed', async () => {
    const before = await action('TRU-002');
    const data = { actionId: before.id, version: before.version, note: STAFF };
    const card = invokeCard(await bot.invoke(USERS.coordinator, 'action.note', data));
    expect(cardText(card)).toContain(STAFF);
    expect((await action('TRU-002')).notes.at(-1)?.text).toBe(STAFF);
  });

  it('is refused when the offence is said of them', async () => {
    const before = await action('TRU-002');
    const data = {
      actionId: before.id,
      version: before.version,
      note: 'Helen the PCSO was arrested on Friday',
    };
    const card = guardCard(invokeCard(await bot.invoke(USERS.coordinator, 'action.note', data)));
    expect(card.title).toBe('Personal details: not saved');
    expect(await action('TRU-002')).toEqual(before);
  });
});

describe('ScreenedText by construction', () => {
  it('is made only by the guard: no source file outside it casts to it', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
      );
    const allowed = ['src/domain/personal-data.ts', 'src/bot/verbs/verb.ts'];
    const forging = files('src')
      .filter((f) => !allowed.includes(f.replaceAll('\\', '/')))
      .filter((f) =>
        /\bas\s+(?:unknown\s+as\s+)?(?:ScreenedText|WithScreened)\b/.test(readFileSync(f, 'utf8')),
      );
    expect(forging).toEqual([]);
  });
});
