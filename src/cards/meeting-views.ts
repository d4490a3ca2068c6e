// A meeting's card, with the actions due before it.
import { type ActionHeadline } from '../domain/action.js';
import { townBySlug } from '../domain/towns.js';
import { formatDate, formatInstant } from './format.js';
import type { Meeting, MeetingKind } from '../domain/meeting.js';
import type { CardData } from './card-data.js';
import type { ViewSettings } from './views.js';

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  partnership: 'Partnership meeting',
  inaugural: 'Inaugural meeting',
  workshop: 'Workshop',
  engagement_event: 'Engagement event',
  task_group: 'Task-and-finish group',
};

/** The meeting card: when, who, the join link, and the actions due before it with their owners. */
export function meetingCard(
  meeting: Meeting,
  dueBefore: readonly ActionHeadline[],
  view: ViewSettings & { canManage: boolean; notice?: string },
): CardData<'meeting'> {
  const start = new Date(meeting.start);
  const local = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-GB', { ...options, timeZone: view.timeZone }).format(start);
  const minutes = Math.round((Date.parse(meeting.end) - start.getTime()) / 60_000);
  const open = meeting.status === 'scheduled';
  return {
    meetingId: meeting.id,
    version: meeting.version,
    kindLabel: MEETING_KIND_LABELS[meeting.kind],
    townName: townBySlug(meeting.town).name,
    title: meeting.title,
    notice: view.notice ?? '',
    when: `${formatInstant(meeting.start, view.timeZone)} for ${minutes} minutes`,
    organiser: meeting.organiser.displayName,
    invited: `${meeting.attendees.length} partners`,
    statusText: { draft: 'Being set up', scheduled: 'Scheduled', cancelled: 'Cancelled' }[meeting.status],
    agenda: meeting.agenda ?? '',
    dueBefore: dueBefore.map((a) => ({
      ref: a.ref,
      line: `${a.ref} ${a.title}: due ${formatDate(a.dueDate)} (${a.owners.map((o) => o.displayName).join(', ')})`,
    })),
    joinUrl: open ? (meeting.joinUrl ?? '') : '',
    canManage: open && view.canManage,
    date: local({ year: 'numeric', month: '2-digit', day: '2-digit' }).split('/').reverse().join('-'),
    time: local({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    duration: minutes,
    today: view.today,
  };
}

/** The weekly digest: done last week, due in the next two weeks, overdue, RAG counts. */
