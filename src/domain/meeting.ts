import { z } from 'zod';
import { fail, issue, ok, type Validated } from './result.js';
import { TEXT_LIMITS, textField } from './text.js';
import { townSlugSchema, type TownSlug } from './towns.js';
import type { PersonRef, Versioned } from './entity.js';

export const MEETING_KINDS = [
  'partnership',
  'inaugural',
  'workshop',
  'engagement_event',
  'task_group',
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export interface Attendee extends PersonRef {
  email: string;
}

/** A new action proposed while the meeting ran, for the organiser to confirm (meeting-proposal.ts). */
export interface ProposedAction {
  id: string;
  title: string;
  measure: string;
  target: string;
  ownerIds: string[];
  dueDate: string;
  priorityId: string | null;
  proposedBy: PersonRef;
  at: string;
  /** The reference of the action it became, once saved. */
  savedAs: string | null;
}

export interface Meeting extends Versioned {
  town: TownSlug;
  kind: MeetingKind;
  title: string;
  agenda: string | null;
  start: string;
  end: string;
  organiser: Attendee;
  attendees: Attendee[];
  graphEventId: string | null;
  joinUrl: string | null;
  /** draft: saved, not yet on the organiser's calendar (a retry of the same request finishes it). */
  status: 'draft' | 'scheduled' | 'cancelled';
  demo: boolean;
  /** When Teams said the meeting started and ended (meetings with the app in their chat). */
  heldFrom?: string | null;
  heldUntil?: string | null;
  /** New actions proposed while it ran, for the organiser to confirm (meeting-proposal.ts). */
  proposals?: ProposedAction[];
}

const MAX_MEETING_MS = 10 * 3_600_000;
const instant = z.iso.datetime({
  offset: true,
  error: 'must be a date and time such as 2027-01-15T10:00:00Z',
});

const meetingInputSchema = z.object({
  town: townSlugSchema,
  kind: z.enum(MEETING_KINDS, { error: () => `Kind must be one of ${MEETING_KINDS.join(', ')}` }),
  title: textField('Title', TEXT_LIMITS.title),
  agenda: z
    .string()
    .max(TEXT_LIMITS.longText, 'The agenda is too long')
    .nullish()
    .transform((v) => v?.trim() || null),
  start: instant,
  end: instant,
  organiser: z.object({
    aadObjectId: z.string().min(1),
    displayName: z.string().min(1),
    email: z.string().email(),
  }),
  attendees: z
    .array(
      z.object({ aadObjectId: z.string().min(1), displayName: z.string().min(1), email: z.string().email() }),
    )
    .max(500, 'At most 500 attendees'),
  demo: z.boolean().default(false),
});

export function newMeeting(input: unknown, id: string, now: Date): Validated<Meeting> {
  const parsed = meetingInputSchema.safeParse(input);
  if (!parsed.success) return fail(parsed.error.issues.map((i) => issue(i.path.join('.'), i.message)));
  const m = parsed.data;
  const start = Date.parse(m.start);
  const end = Date.parse(m.end);
  if (start <= now.getTime()) return fail([issue('start', 'The meeting must start in the future')]);
  if (end <= start) return fail([issue('end', 'The meeting must end after it starts')]);
  if (end - start > MAX_MEETING_MS) return fail([issue('end', 'A meeting lasts at most ten hours')]);
  return ok({
    ...m,
    start: new Date(start).toISOString(),
    end: new Date(end).toISOString(),
    id,
    version: 1,
    graphEventId: null,
    joinUrl: null,
    status: 'draft',
  });
}

export function rescheduleMeeting(
  meeting: Meeting,
  start: string,
  end: string,
  now: Date,
): Validated<Meeting> {
  if (meeting.status !== 'scheduled') return fail([issue('status', 'Only a scheduled meeting can be moved')]);
  const [s, e] = [Date.parse(start), Date.parse(end)];
  if (Number.isNaN(s) || Number.isNaN(e)) return fail([issue('start', 'Give a date and a start time')]);
  if (s <= now.getTime()) return fail([issue('start', 'The meeting must start in the future')]);
  if (e <= s) return fail([issue('end', 'The meeting must end after it starts')]);
  if (e - s > MAX_MEETING_MS) return fail([issue('end', 'A meeting lasts at most ten hours')]);
  return ok({ ...meeting, start: new Date(s).toISOString(), end: new Date(e).toISOString() });
}

export function cancelMeeting(meeting: Meeting): Validated<Meeting> {
  if (meeting.status === 'cancelled') return fail([issue('status', 'The meeting is already cancelled')]);
  return ok({ ...meeting, status: 'cancelled' });
}
