// A notice said at most once a day, however many instances and changes would repeat it (the delivery keys
// are kept two days, so one per local date is enough).
import { localDateOf } from '../domain/dates.js';
import type { AppContext } from './context.js';

/** True the first time `subject` asks today (in the programme's time zone); false after, on any instance. */
export function firstNoticeToday(ctx: AppContext, subject: string): Promise<boolean> {
  const now = ctx.clock.now();
  return ctx.stores.deliveries.first(`notice:${subject}:${localDateOf(now, ctx.settings.timeZone)}`, now);
}
