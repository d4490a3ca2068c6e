// The strategic board's monthly report: the ten towns side by side, posted to the board's channel on the
// first working day of each month from the digest hour. Claimed once per month, so several instances never
// post it twice; if the board has no channel yet, the claim is marked failed and the next month tries again.
import { localDateOf, weekday, type LocalDate } from '../domain/dates.js';
import { TOWNS } from '../domain/towns.js';
import { summarise } from './read-models.js';
import type { ReminderKey } from '../domain/reminder.js';
import type { AppContext } from './context.js';
import type { BoardReportDelivery } from './outward-ports.js';

export interface BoardReportOptions {
  worker: string;
  leaseMs: number;
  /** Local hour from which the report goes out. */
  hour: number;
}

export type BoardReportOutcome = 'not_due' | 'sent' | 'unreachable' | 'already_sent' | 'retry_later';

/** The first Monday-to-Friday day of the date's month (bank holidays are not known here). */
export function firstWorkingDay(date: LocalDate): LocalDate {
  const first = `${date.slice(0, 8)}01`;
  const day = weekday(first);
  const skip = day === 6 ? 2 : day === 0 ? 1 : 0;
  return `${date.slice(0, 8)}0${1 + skip}`;
}

export async function sendMonthlyBoardReport(
  ctx: AppContext,
  delivery: BoardReportDelivery,
  options: BoardReportOptions,
): Promise<BoardReportOutcome> {
  const now = ctx.clock.now();
  const today = localDateOf(now, ctx.settings.timeZone);
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: ctx.settings.timeZone,
      hour: '2-digit',
      hourCycle: 'h23',
    }).format(now),
  );
  if (today !== firstWorkingDay(today) || hour < options.hour) return 'not_due';
  const key: ReminderKey = { actionId: 'board', kind: 'board_report', window: today.slice(0, 7) };
  const leaseUntil = new Date(now.getTime() + options.leaseMs);
  if (!(await ctx.stores.reminders.claim(key, options.worker, now, leaseUntil))) return 'already_sent';
  try {
    const summaries = await Promise.all(TOWNS.map((t) => summarise(ctx, t.slug)));
    const outcome = await delivery.toBoardChannel(summaries, today.slice(0, 7));
    if (outcome === 'sent') await ctx.stores.reminders.markSent(key, options.worker, ctx.clock.now());
    else await ctx.stores.reminders.markFailed(key, options.worker, 'the board has no channel linked');
    return outcome;
  } catch {
    return 'retry_later'; // transient: the claim lapses and a later sweep that day tries again
  }
}
