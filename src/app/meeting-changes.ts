// Changing a booked meeting from its card: move it or call it off, on the organiser's calendar too.
import type { ScreenedText } from '../domain/screened-text.js';
import { AppError, ErrorCode } from '../errors.js';
import { cancelMeeting, rescheduleMeeting, type Meeting } from '../domain/meeting.js';
import { zonedInstant } from '../domain/dates.js';
import { cleanText } from '../domain/text.js';
import { fail, ok, type Result } from '../domain/result.js';
import { authorise } from './authorise.js';
import { changeRecord } from './versioned-change.js';
import type { Actor } from '../domain/entity.js';
import type { AppContext } from './context.js';
import type { Calendar } from './outward-ports.js';

export async function moveMeeting(
  ctx: AppContext,
  calendar: Calendar,
  actor: Actor,
  meetingId: string,
  expectedVersion: number,
  date: string,
  time: string,
  durationMinutes: number,
): Promise<Result<Meeting, AppError>> {
  return changeMeeting(ctx, actor, meetingId, expectedVersion, 'meeting.rescheduled', async (meeting) => {
    const start = zonedInstant(date, time, ctx.settings.timeZone);
    if (!start)
      return fail(
        AppError.validation([{ field: 'start', message: 'Give a date and a start time such as 10:00' }]),
      );
    const end = new Date(start.getTime() + durationMinutes * 60_000).toISOString();
    const moved = rescheduleMeeting(meeting, start.toISOString(), end, ctx.clock.now());
    if (!moved.ok) return fail(AppError.validation(moved.error, 'The meeting was not moved'));
    const event = meeting.graphEventId;
    if (event) {
      const done = await calendarCall(() =>
        calendar.reschedule(meeting.organiser.aadObjectId, event, moved.value.start, moved.value.end),
      );
      if (!done.ok) return done;
    }
    return moved;
  });
}

export async function callOffMeeting(
  ctx: AppContext,
  calendar: Calendar,
  actor: Actor,
  meetingId: string,
  expectedVersion: number,
  /** As the personal-data guard let it through: it goes to every invitee. */
  reason: ScreenedText,
): Promise<Result<Meeting, AppError>> {
  return changeMeeting(ctx, actor, meetingId, expectedVersion, 'meeting.cancelled', async (meeting) => {
    const cancelled = cancelMeeting(meeting);
    if (!cancelled.ok) return fail(AppError.validation(cancelled.error));
    const event = meeting.graphEventId;
    if (event) {
      const done = await calendarCall(() =>
        calendar.cancel(meeting.organiser.aadObjectId, event, cleanText(reason) || 'Cancelled'),
      );
      if (!done.ok) return done;
    }
    return cancelled;
  });
}

/** A change to a meeting from the card's version, by its organiser or one of the town's coordinators. */
function changeMeeting(
  ctx: AppContext,
  actor: Actor,
  meetingId: string,
  expectedVersion: number,
  change: string,
  apply: (meeting: Meeting) => Promise<Result<Meeting, AppError>>,
): Promise<Result<Meeting, AppError>> {
  return changeRecord(ctx, actor, {
    load: () => ctx.stores.meetings.get(meetingId),
    missing: 'That meeting no longer exists',
    authorise: async (meeting) => {
      if (meeting.organiser.aadObjectId === actor.id) return ok(true);
      const access = await authorise(ctx, actor, meeting.town, 'coordinate');
      return access.ok
        ? access
        : fail(
            new AppError(
              ErrorCode.Forbidden,
              'Only the organiser and the town’s coordinators can change this meeting',
            ),
          );
    },
    expectedVersion,
    stale: () => 'The meeting changed after your card was shown; here is the current one',
    apply,
    describe: (before, after) => meetingChange(change, before, after),
    save: (next, version, event) => ctx.stores.meetings.update(next, version, event),
  });
}

export function meetingChange(change: string, before: Meeting, after: Meeting) {
  return {
    change,
    entity: { kind: 'meeting' as const, id: after.id, label: after.title },
    town: after.town,
    before: { status: before.status, start: before.start, end: before.end },
    after: { status: after.status, start: after.start, end: after.end, graphEventId: after.graphEventId },
  };
}

/** A calendar call's failure (an AppError from the Graph adapter) as a result; anything else is thrown. */
export async function calendarCall<T>(call: () => Promise<T>): Promise<Result<T, AppError>> {
  try {
    return ok(await call());
  } catch (error) {
    if (error instanceof AppError) return fail(error);
    throw error;
  }
}
