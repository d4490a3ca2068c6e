// Telling people they were given an action, or taken off one: each notice is claimed first (a unique key of
// action, kind, person and the action's version), so it goes once however many instances see the change and
// however often Teams redelivers the click that made it.
import { ownerChanges } from '../domain/action-edit.js';
import type { Action } from '../domain/action.js';
import type { Actor } from '../domain/entity.js';
import type { ReminderKey } from '../domain/reminder.js';
import type { AppContext } from './context.js';
import type { OwnerNotice, OwnerNoticeDelivery } from './outward-ports.js';

export interface NoticeReport {
  sent: number;
  unreachable: number;
  /** Already claimed: another instance, or an earlier delivery of the same change, has it. */
  duplicate: number;
  /** Transient failures: logged by the caller; the person hears at their next reminder. */
  failed: number;
}

/**
 * The notices an owner change calls for: each new owner, and each removed one (none for a creation). Not the
 * person who made the change: their own reply already says it, and one event is one message.
 */
export function noticesFor(before: Action | null, after: Action, by: Actor): OwnerNotice[] {
  const changes = before ? ownerChanges(before, after) : { added: after.owners, removed: [] };
  const others = (people: typeof after.owners) => people.filter((p) => p.aadObjectId !== by.id);
  const [added, removed] = [others(changes.added), others(changes.removed)];
  return [
    ...added.map((person) => ({ action: after, person, kind: 'owner_added' as const, by })),
    ...removed.map((person) => ({ action: after, person, kind: 'owner_removed' as const, by })),
  ];
}

const keyOf = (n: OwnerNotice): ReminderKey => ({
  actionId: n.action.id,
  kind: n.kind,
  window: `${n.person.aadObjectId}@v${n.action.version}`,
});

export async function sendOwnerNotices(
  ctx: AppContext,
  delivery: Pick<OwnerNoticeDelivery, 'deliver'>,
  notices: readonly OwnerNotice[],
  options: { worker: string; leaseMs: number },
): Promise<NoticeReport> {
  const report: NoticeReport = { sent: 0, unreachable: 0, duplicate: 0, failed: 0 };
  for (const notice of notices) {
    const key = keyOf(notice);
    const now = ctx.clock.now();
    const leaseUntil = new Date(now.getTime() + options.leaseMs);
    if (!(await ctx.stores.reminders.claim(key, options.worker, now, leaseUntil))) {
      report.duplicate++;
      continue;
    }
    let outcome: 'sent' | 'unreachable';
    try {
      outcome = await delivery.deliver(notice);
    } catch {
      report.failed++;
      continue;
    }
    report[outcome]++;
    if (outcome === 'sent') await ctx.stores.reminders.markSent(key, options.worker, ctx.clock.now());
    else await ctx.stores.reminders.markFailed(key, options.worker, 'nobody could be reached');
  }
  return report;
}
