// The retention run on the in-memory stores: which actions lose their text, what stays for the counts, what
// happens to the audit trail, and that the daily run happens once.
import { describe, expect, it } from 'vitest';
import { applyRetention, applyRetentionDaily } from '../../../src/app/apply-retention.js';
import { updateAction } from '../../../src/app/update-action.js';
import { REMOVED_TEXT } from '../../../src/domain/retention.js';
import { ErrorCode } from '../../../src/errors.js';
import { createMemoryStores } from '../../fakes/memory-stores.js';
import { testContext } from '../../support/app-context.js';
import { anAction, anAudit } from '../../contract/builders.js';
import type { Action } from '../../../src/domain/action.js';

const policy = { closedActionDays: 730, auditDetailDays: 2190 };
const NOW = '2026-11-26T03:00:00Z';

async function withActions(...actions: Action[]) {
  const stores = createMemoryStores();
  const t = testContext(stores, NOW);
  for (const a of actions) {
    await stores.actions.insert(a, {
      ...anAudit(a.id, 'action.note', a.town),
      at: a.updatedAt,
      after: { notes: a.notes },
    });
  }
  return { ...t, stores };
}

const note = {
  at: '2024-01-10T10:00:00.000Z',
  by: { aadObjectId: 'a1', displayName: 'Sam' },
  text: 'See ECINS 1234',
};
const closedLongAgo = anAction({
  status: 'done',
  updatedAt: '2024-06-01T10:00:00.000Z', // 2 years and 5 months before NOW
  notes: [note],
  blockedReason: null,
});
const closedRecently = anAction({
  status: 'cancelled',
  updatedAt: '2025-12-01T10:00:00.000Z',
  notes: [note],
});
const openLongAgo = anAction({
  status: 'blocked',
  updatedAt: '2023-01-01T10:00:00.000Z',
  blockedReason: 'Waiting',
});

describe('the retention policy', () => {
  it('removes the free text of actions closed longer than the period, keeping what is counted', async () => {
    const t = await withActions(closedLongAgo, closedRecently, openLongAgo);
    const report = await applyRetention(t.ctx, policy);
    expect(report.actionsRedacted).toBe(1);
    const after = (await t.stores.actions.get(closedLongAgo.id))!;
    // The channel's copy of its card still shows the text: what follows is to update it, as after any change.
    expect(report.effects).toEqual([
      { kind: 'publish', action: after, what: 'text removed under the retention policy', existingOnly: true },
    ]);
    expect(after).toMatchObject({
      title: `${closedLongAgo.ref}: ${REMOVED_TEXT.toLowerCase()}`,
      measure: REMOVED_TEXT,
      target: REMOVED_TEXT,
      notes: [],
      redactedAt: new Date(NOW).toISOString(),
      // kept for the counts
      status: 'done',
      town: closedLongAgo.town,
      priorityId: closedLongAgo.priorityId,
      owners: closedLongAgo.owners,
      dueDate: closedLongAgo.dueDate,
      version: closedLongAgo.version + 1,
    });
    expect(JSON.stringify(after)).not.toContain('ECINS 1234');
    expect(await t.stores.actions.get(closedRecently.id)).toEqual(closedRecently);
    expect(await t.stores.actions.get(openLongAgo.id)).toEqual(openLongAgo);
  });

  it('removes the same text from the audit trail of those actions, and says who did it', async () => {
    const t = await withActions(closedLongAgo, closedRecently);
    await applyRetention(t.ctx, policy);
    const trail = await t.stores.audit.listForEntity(closedLongAgo.id);
    expect(trail.map((e) => e.change)).toEqual(['action.note', 'action.redacted']);
    expect(JSON.stringify(trail)).not.toContain('ECINS 1234');
    expect(trail[1]).toMatchObject({ actor: { id: 'system:retention' }, before: null, after: null });
    const kept = await t.stores.audit.listForEntity(closedRecently.id);
    expect(JSON.stringify(kept)).toContain('ECINS 1234');
  });

  it('removes the details of every audit event older than its own period', async () => {
    const old = anAction({ updatedAt: '2020-01-01T10:00:00.000Z', notes: [note] });
    const t = await withActions(old, closedRecently);
    const report = await applyRetention(t.ctx, policy);
    expect(report).toEqual({ actionsRedacted: 0, auditEventsRedacted: 1, effects: [] });
    expect((await t.stores.audit.listForEntity(old.id))[0]).toMatchObject({ after: null, before: null });
    expect(await t.stores.actions.get(old.id)).toEqual(old); // open: the action itself is still in use
  });

  it('does nothing on a second run', async () => {
    const t = await withActions(closedLongAgo, closedRecently);
    await applyRetention(t.ctx, policy);
    const events = t.stores.auditEvents.length;
    expect(await applyRetention(t.ctx, policy)).toEqual({
      actionsRedacted: 0,
      auditEventsRedacted: 0,
      effects: [],
    });
    expect(t.stores.auditEvents.length).toBe(events);
  });

  it('refuses changes to an action whose text was removed', async () => {
    const t = await withActions(closedLongAgo);
    await applyRetention(t.ctx, policy);
    const current = (await t.stores.actions.get(closedLongAgo.id))!;
    const result = await updateAction(
      t.ctx,
      { kind: 'system', id: 'system:test', name: 'Test' },
      {
        actionId: current.id,
        expectedVersion: current.version,
        change: { kind: 'status', status: 'in_progress' },
      },
    );
    expect(result).toMatchObject({ ok: false, error: { code: ErrorCode.Validation } });
    expect(result.ok ? '' : result.error.issues[0]!.message).toContain('retention policy');
  });

  it('runs once a day, whichever sweep comes first', async () => {
    const t = await withActions(closedLongAgo);
    const options = { worker: 'w1', leaseMs: 60_000 };
    expect(await applyRetentionDaily(t.ctx, policy, options)).toMatchObject({
      actionsRedacted: 1,
      auditEventsRedacted: 1,
    });
    expect(await applyRetentionDaily(t.ctx, policy, { ...options, worker: 'w2' })).toBeNull();
    t.clock.advance(24 * 3_600_000);
    expect(await applyRetentionDaily(t.ctx, policy, options)).toEqual({
      actionsRedacted: 0,
      auditEventsRedacted: 0,
      effects: [],
    });
  });
});
