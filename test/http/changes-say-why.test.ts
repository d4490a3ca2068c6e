// Changes that say why: cancelling asks for confirmation and a reason; moving an overdue date, or a date a
// second time, needs a reason and shows as re-planned (card, history, board), never turning the action
// green by itself; "ok" and the like are refused; reasons go through the personal-data guard.
import { describe, expect, it } from 'vitest';
import { USERS, cardText, invokeCard, lastCard, useBot } from '../support/bot-harness.js';
import { listWholeActions } from '../../src/app/whole-actions.js';
import { isOpen, type Action } from '../../src/domain/action.js';

const bot = useBot(); // today 2026-11-26
const TODAY = '2026-11-26';

const truro = () => listWholeActions(bot.ctx, 'truro');
const stored = async (id: string) => (await bot.ctx.stores.actions.get(id))!;
const click = async (verb: string, data: Record<string, unknown>) =>
  cardText(invokeCard(await bot.invoke(USERS.coordinator, verb, data)));

describe('cancelling an action', () => {
  it('asks for confirmation and a reason on the card: there is no one-click cancel', async () => {
    const action = (await truro()).find((a) => a.status === 'in_progress')!;
    const card = invokeCard(await bot.invoke(USERS.coordinator, 'action.refresh', { actionId: action.id }));
    const actions = card.actions as { type: string; title: string; verb?: string; card?: unknown }[];
    expect(actions.some((a) => a.type === 'Action.Execute' && /cancel/i.test(a.title))).toBe(false);
    const form = actions.find((a) => a.title === 'Cancel action…')!;
    expect(form.type).toBe('Action.ShowCard');
    expect(cardText(form.card)).toContain(`Cancel ${action.ref}? It stays on record`);
  });

  it('refuses no reason, or "ok", and keeps a real one on the card, in the history and out of the figures', async () => {
    const action = (await truro()).find((a) => a.status === 'in_progress')!;
    const base = { actionId: action.id, version: action.version };
    expect(await click('action.cancel', base)).toContain(`Say why ${action.ref} is being cancelled`);
    for (const empty of ['ok', 'n/a', '.', 'Duplicate'])
      expect(await click('action.cancel', { ...base, cancelReason: empty })).toContain(
        '"ok", "n/a" or a single word is not a reason',
      );
    // The old way, a status change to cancelled with no reason, is refused the same.
    expect(await click('action.status', { ...base, status: 'cancelled' })).toContain('Say why');
    expect(await stored(action.id)).toMatchObject({ status: 'in_progress', version: action.version });

    const why = 'The county Shopwatch scheme now covers this';
    const text = await click('action.cancel', { ...base, cancelReason: why });
    expect(text).toContain(`Cancelled: ${why}`);
    expect(await stored(action.id)).toMatchObject({ status: 'cancelled', cancelledReason: why });
    const history = await click('action.history', { actionId: action.id, page: 0 });
    expect(history).toContain(`moved it from in progress to cancelled: ${why}`);
    await bot.say(USERS.coordinator, 'summary truro');
    expect(cardText(lastCard(bot.connector))).toMatch(
      /\d+ of \d+ actions done \(\d+%\); 1 cancelled, not counted/,
    );
  });

  it('refuses a reason that names a person with an offence', async () => {
    const action = (await truro()).find((a) => a.status === 'in_progress')!;
    const text = await click('action.cancel', {
      actionId: action.id,
      version: action.version,
      cancelReason: 'Darren Nance was arrested so the patrols stopped',
    });
    expect(text).toContain('Personal details: not saved');
    expect((await stored(action.id)).status).toBe('in_progress');
  });
});

describe('moving a due date', () => {
  const overdue = async () =>
    (await truro()).find(
      (a: Action) => isOpen(a) && a.status !== 'blocked' && a.dueDate < TODAY && !a.replanned,
    )!;

  it('needs a reason once overdue, shows the action as re-planned, and never turns it green', async () => {
    const action = await overdue();
    const base = { actionId: action.id, version: action.version, dueDate: '2027-01-29' };
    expect(await click('action.due', base)).toContain(
      `Say why ${action.ref}'s date is moving after it fell overdue`,
    );
    expect(await click('action.due', { ...base, dueReason: 'ok' })).toContain('is not a reason');
    expect((await stored(action.id)).dueDate).toBe(action.dueDate);

    const why = 'Contractor for the lighting survey now booked for January';
    const card = invokeCard(await bot.invoke(USERS.coordinator, 'action.due', { ...base, dueReason: why }));
    const text = cardText(card);
    expect(text).toContain(`Re-planned once, after falling overdue`);
    expect(text).toContain(why);
    // Not overdue any more, and not green: re-planning alone does not make it on track.
    expect(text).not.toContain('Green: on track');
    expect(text).toContain('Amber');
    expect(await stored(action.id)).toMatchObject({
      dueDate: '2027-01-29',
      dueDateMoves: 1,
      replanned: { times: 1, afterOverdue: true, reason: why },
    });
    const history = await click('action.history', { actionId: action.id, page: 0 });
    expect(history).toContain(`re-planned it from`);
    expect(history).toContain(why);
    await bot.say(USERS.board, 'board');
    expect(cardText(lastCard(bot.connector))).toMatch(/Truro[\s\S]*1 re-planned/);
  });

  it('lets a first move of an action on time pass without a reason, and asks for one the second time', async () => {
    const action = (await truro()).find((a) => isOpen(a) && a.dueDate > '2027-01-01' && !a.dueDateMoves)!;
    const first = await click('action.due', {
      actionId: action.id,
      version: action.version,
      dueDate: '2027-06-30',
    });
    expect(first).not.toContain('Not changed');
    expect((await stored(action.id)).dueDateMoves).toBe(1);
    const again = { actionId: action.id, version: action.version + 1, dueDate: '2027-07-31' };
    expect(await click('action.due', again)).toContain(`Say why ${action.ref}'s date is moving again`);
    await click('action.due', { ...again, dueReason: 'Waiting for the council budget decision in June' });
    expect(await stored(action.id)).toMatchObject({
      dueDate: '2027-07-31',
      replanned: { times: 1, afterOverdue: false },
    });
  });
});
