import { addDays, localDateOf } from '../domain/dates.js';
import { isQuietTime, remindersDue, type ReminderPolicy } from '../domain/reminder-policy.js';
import type { Action } from '../domain/action.js';
import type { DueReminder } from '../domain/reminder-policy.js';
import type { AppContext } from './context.js';
import type { ReminderDelivery } from './ports.js';

export interface SweepOptions {
  /** This process's name in the claims: who is sending. */
  worker: string;
  /** How long a claim is ours; a claim older than this is taken over (its sender is presumed dead). */
  leaseMs: number;
  policy: ReminderPolicy;
  /** Reminders delivered at once (different people; the dispatcher keeps each conversation's pace). */
  concurrency?: number;
}

export interface SweepReport {
  quiet: boolean;
  candidates: number;
  due: number;
  claimed: number;
  sent: number;
  unreachable: number;
  /** Transient failures: left to their lease, retried by a later sweep. */
  retryLater: number;
}

/**
 * One sweep: find the open actions due soon or overdue (an indexed query on status and due date), work out
 * which reminders each is owed now, claim each (a unique insert: at most one sender per reminder, across
 * instances), deliver, then record it. A process that dies between delivering and recording can cause one
 * duplicate; one that dies before delivering loses nothing, because its claim lapses and is taken over.
 */
export async function sendDueReminders(
  ctx: AppContext,
  delivery: ReminderDelivery,
  options: SweepOptions,
): Promise<SweepReport> {
  const { timeZone } = ctx.settings;
  const now = ctx.clock.now();
  const report: SweepReport = {
    quiet: false,
    candidates: 0,
    due: 0,
    claimed: 0,
    sent: 0,
    unreachable: 0,
    retryLater: 0,
  };
  if (isQuietTime(now, timeZone, options.policy)) return { ...report, quiet: true };

  const horizon = addDays(localDateOf(now, timeZone), options.policy.dueSoonDays);
  const candidates = await ctx.stores.actions.listOpenDueBy(horizon);
  report.candidates = candidates.length;
  const work = candidates.flatMap((action) =>
    remindersDue(action, now, timeZone, options.policy).map((reminder) => ({ action, reminder })),
  );
  report.due = work.length;

  let next = 0;
  const worker = async () => {
    while (next < work.length) {
      const item = work[next++]!;
      await sendOne(ctx, delivery, options, item.action, item.reminder, report);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 16, work.length) }, worker));
  return report;
}

async function sendOne(
  ctx: AppContext,
  delivery: ReminderDelivery,
  options: SweepOptions,
  action: Action,
  reminder: DueReminder,
  report: SweepReport,
): Promise<void> {
  const key = { actionId: action.id, kind: reminder.kind, window: reminder.window };
  const now = ctx.clock.now();
  if (
    !(await ctx.stores.reminders.claim(key, options.worker, now, new Date(now.getTime() + options.leaseMs)))
  )
    return;
  report.claimed++;
  let outcome: 'sent' | 'unreachable';
  try {
    outcome = await delivery.deliver(action, reminder);
  } catch {
    report.retryLater++;
    return; // the claim lapses after its lease and a later sweep tries again
  }
  // The window in which a crash would duplicate this reminder is from the end of deliver() to here.
  if (outcome === 'sent') {
    await ctx.stores.reminders.markSent(key, options.worker, ctx.clock.now());
    report.sent++;
  } else {
    await ctx.stores.reminders.markFailed(key, options.worker, 'nobody could be reached');
    report.unreachable++;
  }
}
