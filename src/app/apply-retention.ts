// The daily retention run: closed actions past the period lose their free text (and their audit events'
// details, which hold the same text); every audit event past its own period loses its details. Each action
// is changed through the store's versioned write, so a partner reopening it at that moment wins and the
// next day's run decides again. Idempotent: a second run the same day finds nothing to do.
import type { ActionEffect } from './action-effects.js';
import { audit } from './audit-trail.js';
import { cutoff, dueForRetention, redactAction, type RetentionPolicy } from '../domain/retention.js';
import { ALL_TOWNS } from '../domain/towns.js';
import { localDateOf } from '../domain/dates.js';
import type { Actor } from '../domain/entity.js';
import type { ReminderKey } from '../domain/reminder.js';
import type { AppContext } from './context.js';

const RETENTION_ACTOR: Actor = { kind: 'system', id: 'system:retention', name: 'Retention policy' };

export interface RetentionReport {
  actionsRedacted: number;
  auditEventsRedacted: number;
  /** The channel copies of the redacted actions' cards, which still show the removed text. */
  effects: ActionEffect[];
}

export async function applyRetention(ctx: AppContext, policy: RetentionPolicy): Promise<RetentionReport> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const report: RetentionReport = { actionsRedacted: 0, auditEventsRedacted: 0, effects: [] };
  const before = cutoff(now, policy.closedActionDays);
  for (const town of ALL_TOWNS) {
    const due = (await ctx.stores.actions.listByTown(town.slug)).filter((a) => dueForRetention(a, before));
    for (const action of await ctx.stores.actions.getMany(due.map((a) => a.id))) {
      if (!dueForRetention(action, before)) continue;
      const event = audit(ctx, {
        actor: RETENTION_ACTOR,
        change: 'action.redacted',
        entity: { kind: 'action', id: action.id, label: action.ref },
        town: action.town,
        before: null, // the removed text must not survive here
        after: null,
      });
      const outcome = await ctx.stores.actions.update(redactAction(action, now), action.version, event);
      if (outcome.kind !== 'updated') continue; // changed meanwhile: tomorrow's run looks again
      report.actionsRedacted++;
      const what = 'text removed under the retention policy';
      report.effects.push({ kind: 'publish', action: outcome.value, what, existingOnly: true });
      report.auditEventsRedacted += await ctx.stores.audit.redactDetails({ entityId: action.id }, at);
    }
    if (due.length) await ctx.stores.actions.rewriteCopies(town.slug);
  }
  report.auditEventsRedacted += await ctx.stores.audit.redactDetails(
    { olderThan: cutoff(now, policy.auditDetailDays).toISOString() },
    at,
  );
  return report;
}

/**
 * The run, once a day whichever instance's sweep comes first: claimed like a reminder, marked done after.
 * A run that fails leaves its claim to lapse, and a later sweep runs it again. Null when already done.
 */
export async function applyRetentionDaily(
  ctx: AppContext,
  policy: RetentionPolicy,
  options: { worker: string; leaseMs: number },
): Promise<RetentionReport | null> {
  const now = ctx.clock.now();
  const key: ReminderKey = {
    actionId: 'retention',
    kind: 'retention',
    window: localDateOf(now, ctx.settings.timeZone),
  };
  if ((await ctx.stores.reminders.get(key))?.state === 'sent') return null;
  if (
    !(await ctx.stores.reminders.claim(key, options.worker, now, new Date(now.getTime() + options.leaseMs)))
  )
    return null;
  const report = await applyRetention(ctx, policy);
  await ctx.stores.reminders.markSent(key, options.worker, ctx.clock.now());
  return report;
}
