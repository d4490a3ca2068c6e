// Partnership meetings as online Teams meetings on the organiser's calendar. The meeting is saved (as a
// draft) before Graph is asked, under the id of the form that requested it: a retry of the same request
// finds it and never creates a second calendar event.
import type { ScreenedText } from '../domain/screened-text.js';
import { AppError, ErrorCode } from '../errors.js';
import { zonedInstant } from '../domain/dates.js';
import { newMeeting, type Meeting } from '../domain/meeting.js';
import { fail, ok, type Result } from '../domain/result.js';
import { townBySlug, townSlugSchema } from '../domain/towns.js';
import { audit } from './audit-trail.js';
import { authorise } from './authorise.js';
import { calendarCall, meetingChange } from './meeting-changes.js';
import type { Actor } from '../domain/entity.js';
import type { AppContext } from './context.js';
import type { Calendar } from './outward-ports.js';

export interface MeetingRequest {
  requestId: string;
  town: string;
  kind: string;
  /** Typed text, as the personal-data guard let it through: it goes into every invitee's calendar. */
  title: ScreenedText;
  date: string;
  time: string;
  durationMinutes: number;
  agenda: ScreenedText;
  attendeeIds: string[];
}

export async function scheduleMeeting(
  ctx: AppContext,
  calendar: Calendar,
  actor: Actor,
  request: MeetingRequest,
): Promise<Result<Meeting, AppError>> {
  const town = townSlugSchema.safeParse(request.town);
  if (!town.success)
    return fail(AppError.validation([{ field: 'town', message: town.error.issues[0]!.message }]));
  const access = await authorise(ctx, actor, town.data, 'update');
  if (!access.ok) return access;

  let meeting = await ctx.stores.meetings.get(request.requestId);
  if (meeting && meeting.town !== town.data)
    return fail(new AppError(ErrorCode.Validation, 'That meeting request belongs to another town'));
  if (!meeting) {
    const built = await buildMeeting(ctx, actor, request, town.data);
    if (!built.ok) return built;
    meeting = built.value;
    const entity = { kind: 'meeting' as const, id: meeting.id, label: meeting.title };
    const inserted = await ctx.stores.meetings.insertIfAbsent(
      meeting,
      audit(ctx, {
        actor,
        change: 'meeting.created',
        entity,
        town: meeting.town,
        before: null,
        after: meeting,
      }),
    );
    if (!inserted) meeting = (await ctx.stores.meetings.get(meeting.id))!; // a simultaneous retry saved it first
  }
  if (meeting.status !== 'draft') return ok(meeting); // already on the calendar (a repeated request)

  const created = await calendarCall(() =>
    calendar.createOnlineMeeting({
      organiser: meeting.organiser.aadObjectId,
      subject: meeting.title,
      agendaHtml: agendaHtml(meeting.agenda),
      start: meeting.start,
      end: meeting.end,
      attendees: meeting.attendees,
    }),
  );
  if (!created.ok) return created;
  const scheduled: Meeting = {
    ...meeting,
    status: 'scheduled',
    graphEventId: created.value.eventId,
    joinUrl: created.value.joinUrl,
  };
  return save(ctx, actor, meeting, scheduled, 'meeting.scheduled');
}

async function buildMeeting(
  ctx: AppContext,
  actor: Actor,
  request: MeetingRequest,
  town: Meeting['town'],
): Promise<Result<Meeting, AppError>> {
  const members = await ctx.stores.members.listByTown(town);
  const organiser = members.find((m) => m.aadObjectId === actor.id);
  if (!organiser)
    return fail(
      new AppError(
        ErrorCode.Forbidden,
        `You need a seat in ${townBySlug(town).name} to organise its meetings`,
      ),
    );
  const unknown = request.attendeeIds.filter((id) => !members.some((m) => m.aadObjectId === id));
  if (unknown.length)
    return fail(
      AppError.validation(
        unknown.map((id) => ({
          field: 'attendeeIds',
          message: `Attendee ${id} is not a member of the ${townBySlug(town).name} partnership`,
        })),
      ),
    );
  const start = zonedInstant(request.date, request.time, ctx.settings.timeZone);
  if (!start)
    return fail(
      AppError.validation([{ field: 'start', message: 'Give a date and a start time such as 10:00' }]),
    );
  const person = (m: (typeof members)[number]) => ({
    aadObjectId: m.aadObjectId,
    displayName: m.displayName,
    email: m.email,
  });
  const attendees = (
    request.attendeeIds.length ? members.filter((m) => request.attendeeIds.includes(m.aadObjectId)) : members
  ).map(person);
  const built = newMeeting(
    {
      town,
      kind: request.kind,
      title: request.title,
      agenda: request.agenda,
      start: start.toISOString(),
      end: new Date(start.getTime() + request.durationMinutes * 60_000).toISOString(),
      organiser: person(organiser),
      attendees,
    },
    request.requestId,
    ctx.clock.now(),
  );
  return built.ok ? ok(built.value) : fail(AppError.validation(built.error, 'The meeting is not ready yet'));
}

async function save(
  ctx: AppContext,
  actor: Actor,
  before: Meeting,
  after: Meeting,
  change: string,
): Promise<Result<Meeting, AppError>> {
  const event = audit(ctx, { actor, ...meetingChange(change, before, after) });
  const outcome = await ctx.stores.meetings.update(after, before.version, event);
  if (outcome.kind === 'updated') return ok(outcome.value);
  return fail(
    new AppError(ErrorCode.StaleVersion, 'The meeting changed at the same moment; please try again'),
  );
}

function agendaHtml(agenda: string | null): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return agenda
    ? `<p>${escape(agenda).replace(/\n/g, '<br>')}</p>`
    : '<p>Safer Towns partnership meeting</p>';
}
