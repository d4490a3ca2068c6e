// The programme's launch: one inaugural event per town on consecutive working days from a start date.
import { composedText } from '../domain/personal-data.js';
import { AppError, ErrorCode } from '../errors.js';
import { addDays, weekday, type LocalDate } from '../domain/dates.js';
import { fail, ok, type Result } from '../domain/result.js';
import { TOWNS, townBySlug, type TownSlug } from '../domain/towns.js';
import { scheduleMeeting } from './meetings.js';
import type { Actor } from '../domain/entity.js';
import type { Meeting } from '../domain/meeting.js';
import type { AppContext } from './context.js';
import type { Calendar } from './outward-ports.js';

export interface LaunchSlot {
  town: TownSlug;
  date: LocalDate;
  outcome: { ok: true; meeting: Meeting } | { ok: false; message: string };
}

/** The next `count` working days (Monday to Friday) from `start`, `start` included when it is one. */
function workingDays(start: LocalDate, count: number): LocalDate[] {
  const days: LocalDate[] = [];
  for (let day = start; days.length < count; day = addDays(day, 1)) {
    const wd = weekday(day);
    if (wd !== 0 && wd !== 6) days.push(day);
  }
  return days;
}

/**
 * Schedules the ten launch events, one town a day, in the given order (the programme's order by default).
 * Each request has a fixed id (town and start date), so running the plan again books nothing twice; a town
 * that fails (Graph refused) is reported and the others go ahead. Only a coordinator of every town named may
 * run it.
 */
export async function scheduleLaunchPlan(
  ctx: AppContext,
  calendar: Calendar,
  actor: Actor,
  start: LocalDate,
  order: readonly TownSlug[] = TOWNS.map((t) => t.slug),
  time = '18:00',
): Promise<Result<LaunchSlot[], AppError>> {
  const seats = await ctx.stores.members.listByPerson(actor.id);
  const coordinates = (town: TownSlug) =>
    seats.some((m) => m.town === town && m.accessRole === 'coordinator');
  if (!seats.some((m) => m.accessRole === 'coordinator'))
    return fail(new AppError(ErrorCode.Forbidden, 'Only coordinators can schedule the launch plan'));
  // Each launch invites a town's partners and is posted to its channel: only its coordinators may book it.
  const others = order.filter((town) => !coordinates(town));
  if (others.length)
    return fail(
      new AppError(
        ErrorCode.Forbidden,
        `You do not coordinate ${others.map((t) => townBySlug(t).name).join(', ')}: name only your towns ` +
          `(launch plan ${start} ${TOWNS.filter((t) => coordinates(t.slug))
            .map((t) => t.name)
            .join(', ')}), or ask their coordinators`,
      ),
    );
  if (new Set(order).size !== order.length)
    return fail(AppError.validation([{ field: 'order', message: 'Each town may appear once in the order' }]));
  const days = workingDays(start, order.length);
  const slots: LaunchSlot[] = [];
  for (const [i, town] of order.entries()) {
    const name = townBySlug(town).name;
    const members = await ctx.stores.members.listByTown(town);
    const result = await scheduleMeeting(ctx, calendar, actor, {
      requestId: `launch-${town}-${start}`,
      town,
      kind: 'inaugural',
      title: composedText(`Safer ${name} launch`),
      date: days[i]!,
      time,
      durationMinutes: 120,
      agenda: composedText(
        `Launch of the Safer ${name} partnership: what we heard, our priorities, how to get involved.`,
      ),
      attendeeIds: members.map((m) => m.aadObjectId),
    });
    slots.push({
      town,
      date: days[i]!,
      outcome: result.ok
        ? { ok: true, meeting: result.value }
        : { ok: false, message: result.error.issues[0]?.message ?? result.error.message },
    });
  }
  return ok(slots);
}
