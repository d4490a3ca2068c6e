// The retention policy as the running service applies it: the sweep runs it once a day; a long-closed
// action keeps what the partnership counts and loses what partners typed, in the record and its audit trail.
import { describe, expect, it } from 'vitest';
import { USERS, cardText, invokeCard, lastCard, useBot } from '../support/bot-harness.js';

const bot = useBot({ REMINDER_SWEEP_SECONDS: '0', RETENTION_CLOSED_ACTION_DAYS: '365' });
const action = async (ref: string) => (await bot.ctx.stores.actions.getByRef(ref))!;

describe('retention through the sweep', () => {
  it("removes a long-closed action's text once a day, keeps its counts, and refuses changes to it", async () => {
    const typed = 'Agreed with the landlord; see ECINS 5555 for the case';
    let current = await action('TRU-002');
    invokeCard(
      await bot.invoke(USERS.coordinator, 'action.note', {
        actionId: current.id,
        version: current.version,
        note: typed,
      }),
    );
    current = await action('TRU-002');
    invokeCard(
      await bot.invoke(USERS.coordinator, 'action.status', {
        actionId: current.id,
        version: current.version,
        status: 'done',
      }),
    );
    const doneBefore = (await bot.ctx.stores.actions.listByTown('truro')).filter(
      (a) => a.status === 'done',
    ).length;

    expect((await bot.sweep()).retention).toEqual({ actionsRedacted: 0, auditEventsRedacted: 0 });
    bot.clock.advance(366 * 86_400_000);
    const { retention } = await bot.sweep();
    expect(retention!.actionsRedacted).toBeGreaterThanOrEqual(1);
    expect((await bot.sweep()).retention).toBeNull(); // once a day

    const after = await action('TRU-002');
    expect(after).toMatchObject({ status: 'done', notes: [], measure: 'Removed under the retention policy' });
    // Nor does the town's stored read model keep the title (its snapshot is rewritten at once).
    const snapshot = await bot.db.collection('read_models').findOne({ _id: 'actions:truro' as never });
    expect(String(snapshot?.['json'])).toContain(after.title);
    expect(String(snapshot?.['json'])).not.toContain(current.title);
    expect(JSON.stringify(after)).not.toContain('ECINS 5555');
    const trail = await bot.ctx.stores.audit.listForEntity(after.id);
    expect(JSON.stringify(trail)).not.toContain('ECINS 5555');
    expect(trail.at(-1)).toMatchObject({ change: 'action.redacted', actor: { id: 'system:retention' } });
    const doneAfter = (await bot.ctx.stores.actions.listByTown('truro')).filter(
      (a) => a.status === 'done',
    ).length;
    expect(doneAfter).toBe(doneBefore);

    await bot.say(USERS.coordinator, 'show TRU-002');
    expect(cardText(lastCard(bot.connector))).toContain('removed under the retention policy');
    const reopen = invokeCard(
      await bot.invoke(USERS.coordinator, 'action.status', {
        actionId: after.id,
        version: after.version,
        status: 'in_progress',
      }),
    );
    expect(cardText(reopen)).toContain('kept for the counts only');
    expect((await action('TRU-002')).version).toBe(after.version);
  });
});
