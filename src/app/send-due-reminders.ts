import { addDays, localDateOf } from '../domain/dates.js';
import { isQuietTime, remindersDue, type ReminderPolicy } from '../domain/reminder-policy.js';
import type { Action } from '../domain/action.js';
import type { DueReminder } from '../domain/reminder-policy.js';
import type { AppContext } from './context.js';
import type { ReminderDelivery } from './outward-ports.js';

export interface SweepOptions {
  /** This process's name in the claims: who is sending. */
  worker: string;
  /** How long a claim is ours; a claim older than this is taken over (its sender is presumed dead). */
  leaseMs: number;
  policy: ReminderPolicy;
  /** Reminders delivered at once (different people; the dispatcher keeps each conversation's pace). */
  concurrency?: number;
  /** Proactive sends a second the tenant allows (TEAMS_TENANT_RPS): how long a batch of claims must last. */
  sendsPerSecond?: number;
  /** Aborted at shutdown: no more claims or sends start, and the sweep rejects with the abort's reason. What
   *  was claimed but not sent lapses with its lease and is taken over by another instance or the next start. */
  signal?: AbortSignal;
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
  /** Delivered but not recorded (the database failed even after retries): a later sweep may repeat them. */
  unrecorded: number;
  /** Milliseconds spent finding the candidates, claiming their reminders, and delivering the claimed ones. */
  timings: { findMs: number; claimMs: number; deliverMs: number };
}

/**
 * One sweep: find the open actions due soon or overdue, work out which reminders each is owed now, claim
 * them all (a unique insert each: at most one sender per reminder, across instances), then deliver the
 * claimed ones at Teams' pace and record each. Claiming first lets another instance's sweep pass over work
 * already taken instead of racing for it, and the claims last as long as sending them all should take. A
 * process that dies between delivering and recording can cause one duplicate; one that dies before
 * delivering loses nothing, because its claim lapses and is taken over.
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
    unrecorded: 0,
    timings: { findMs: 0, claimMs: 0, deliverMs: 0 },
  };
  if (isQuietTime(now, timeZone, options.policy)) return { ...report, quiet: true };
  const concurrency = options.concurrency ?? 16;

  let phase = performance.now();
  const lap = () => {
    const ms = Math.round(performance.now() - phase);
    phase = performance.now();
    return ms;
  };
  const horizon = addDays(localDateOf(now, timeZone), options.policy.dueSoonDays);
  const candidates = await ctx.stores.actions.listOpenDueBy(horizon);
  report.candidates = candidates.length;
  const work = candidates.flatMap((action) =>
    remindersDue(action, now, timeZone, options.policy).map((reminder) => ({ action, reminder })),
  );
  report.due = work.length;
  report.timings.findMs = lap();

  // Long enough to send everything at the tenant's pace, with room to spare, and never shorter than usual.
  const pacedMs = (work.length / (options.sendsPerSecond ?? 50)) * 1_000 * 2;
  const leaseUntil = new Date(now.getTime() + Math.max(options.leaseMs, pacedMs));
  // Each instance starts claiming at a random point of the list, so two sweeping at once mostly claim
  // different reminders instead of one trailing the other through claims it has already lost.
  const start = Math.floor(Math.random() * work.length);
  const order = work.map((_, i) => (start + i) % work.length);
  const claimed = await inParallel(
    order,
    concurrency,
    async (i) =>
      (await ctx.stores.reminders.claim(keyOf(work[i]!), options.worker, now, leaseUntil)) ? i : null,
    options.signal,
  );
  // Sent in the list's order: soonest due first.
  const mine = claimed
    .filter((i) => i !== null)
    .sort((x, y) => x - y)
    .map((i) => work[i]!);
  report.claimed = mine.length;
  report.timings.claimMs = lap();

  // Up to a second's worth of sends in flight: the dispatcher keeps Teams' pace, this keeps it fed while
  // each delivery waits on the database and the connector.
  const inFlight = Math.max(concurrency, options.sendsPerSecond ?? 0);
  await inParallel(
    mine,
    inFlight,
    (item) => deliverOne(ctx, delivery, options, item, report),
    options.signal,
  );
  report.timings.deliverMs = lap();
  options.signal?.throwIfAborted();
  return report;
}

const keyOf = ({ action, reminder }: { action: Action; reminder: DueReminder }) => ({
  actionId: action.id,
  kind: reminder.kind,
  window: reminder.window,
});

/** `work` through `task`, at most `limit` at a time, results in order; none started once `signal` aborts. */
async function inParallel<T, R>(
  work: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
  signal?: AbortSignal,
): Promise<R[]> {
  const results: R[] = new Array<R>(work.length);
  let next = 0;
  const worker = async () => {
    while (next < work.length && !signal?.aborted) {
      const i = next++;
      results[i] = await task(work[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, work.length) }, worker));
  return results;
}

async function deliverOne(
  ctx: AppContext,
  delivery: ReminderDelivery,
  options: SweepOptions,
  item: { action: Action; reminder: DueReminder },
  report: SweepReport,
): Promise<void> {
  const { action, reminder } = item;
  const key = keyOf(item);
  let outcome: 'sent' | 'unreachable';
  try {
    outcome = await delivery.deliver(action, reminder);
  } catch {
    report.retryLater++;
    return; // the claim lapses after its lease and a later sweep tries again
  }
  // The window in which a crash would duplicate this reminder is from the end of deliver() to here.
  if (outcome === 'sent') report.sent++;
  else report.unreachable++;
  try {
    if (outcome === 'sent') await ctx.stores.reminders.markSent(key, options.worker, ctx.clock.now());
    else await ctx.stores.reminders.markFailed(key, options.worker, 'nobody could be reached');
  } catch {
    // Delivered (or found unreachable) but not recorded: the rest of the sweep goes on. The claim lapses
    // and a later sweep may send this one again; the report says how many are at that risk.
    report.unrecorded++;
  }
}
