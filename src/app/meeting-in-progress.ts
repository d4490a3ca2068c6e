// A partnership meeting booked through the bot, as it happens: when Teams says it has started, what is on
// the agenda (the actions due since the town's last meeting, those due before its next, the blocked ones,
// the open problem-solving plans by stage); when it has ended, what changed in the town's actions while
// it ran, from the audit trail. The meeting is found by its join link; the times it ran are kept on it.
import { isOpen, type ActionHeadline } from '../domain/action.js';
import { localDateOf } from '../domain/dates.js';
import { TOWNS } from '../domain/towns.js';
import { audit } from './audit-trail.js';
import { SYSTEM_ACTOR } from '../domain/entity.js';
import type { AuditEvent } from '../domain/audit.js';
import type { Meeting } from '../domain/meeting.js';
import type { ProposedAction } from '../domain/meeting.js';
import type { ProblemPlan } from '../domain/problem.js';
import type { AppContext } from './context.js';

/** With no next meeting booked, "before the next meeting" looks this far ahead. */
const AHEAD_DAYS = 28;
/** The audit events read back for a meeting's outcomes (newest first); a meeting changes far fewer. */
const OUTCOME_EVENTS = 500;

export interface MeetingAgenda {
  readonly meeting: Meeting;
  readonly dueSinceLast: readonly ActionHeadline[];
  readonly dueBeforeNext: readonly ActionHeadline[];
  readonly blocked: readonly ActionHeadline[];
  readonly problems: readonly ProblemPlan[];
}

export interface MeetingOutcomes {
  readonly meeting: Meeting;
  /** The changes to the town's actions while the meeting ran, oldest first. */
  readonly changes: readonly AuditEvent[];
  /** New actions proposed during it and not yet saved: the organiser confirms each. */
  readonly proposals: readonly ProposedAction[];
}

export async function meetingStarted(ctx: AppContext, joinUrl: string): Promise<MeetingAgenda | null> {
  const found = await meetingByJoinUrl(ctx, joinUrl);
  if (!found) return null;
  return agendaOf(ctx, await markHeld(ctx, found, 'heldFrom'));
}

/** A meeting's agenda as things stand: also what the meeting's side panel shows. */
export async function agendaOf(ctx: AppContext, meeting: Meeting): Promise<MeetingAgenda> {
  const { town } = meeting;
  const [actions, meetings, problems] = await Promise.all([
    ctx.stores.actions.listByTown(town),
    ctx.stores.meetings.listByTown(town),
    ctx.stores.problems.listByTown(town),
  ]);
  const now = ctx.clock.now();
  const today = localDateOf(now, ctx.settings.timeZone);
  const booked = meetings.filter((m) => m.status === 'scheduled' && m.id !== meeting.id);
  const last = booked
    .filter((m) => m.start < meeting.start)
    .sort(byStart)
    .at(-1);
  const next = booked.filter((m) => m.start > meeting.start).sort(byStart)[0];
  const since = last ? localDateOf(new Date(last.start), ctx.settings.timeZone) : '0000-01-01';
  const until = next
    ? localDateOf(new Date(next.start), ctx.settings.timeZone)
    : localDateOf(new Date(now.getTime() + AHEAD_DAYS * 86_400_000), ctx.settings.timeZone);
  return {
    meeting,
    dueSinceLast: actions.filter((a) => a.dueDate > since && a.dueDate <= today),
    dueBeforeNext: actions.filter((a) => isOpen(a) && a.dueDate > today && a.dueDate <= until),
    blocked: actions.filter((a) => a.status === 'blocked'),
    problems: problems.filter((p) => p.stage !== 'closed'),
  };
}

export async function meetingEnded(ctx: AppContext, joinUrl: string): Promise<MeetingOutcomes | null> {
  const found = await meetingByJoinUrl(ctx, joinUrl);
  if (!found) return null;
  const meeting = await markHeld(ctx, found, 'heldUntil');
  const from = meeting.heldFrom ?? meeting.start;
  const until = meeting.heldUntil ?? ctx.clock.now().toISOString();
  const events = await ctx.stores.audit.listByTown(meeting.town, OUTCOME_EVENTS);
  const changes = events
    .filter((e) => e.entity.kind === 'action' && e.at >= from && e.at <= until)
    .sort((a, b) => a.at.localeCompare(b.at));
  const proposals = (meeting.proposals ?? []).filter((p) => !p.savedAs);
  return { meeting, changes, proposals };
}

/** The town's booked meeting with this join link (Teams may send it encoded differently). */
async function meetingByJoinUrl(ctx: AppContext, joinUrl: string): Promise<Meeting | null> {
  const wanted = normalised(joinUrl);
  if (!wanted) return null;
  for (const town of TOWNS) {
    const meetings = await ctx.stores.meetings.listByTown(town.slug);
    const meeting = meetings.find(
      (m) => m.status === 'scheduled' && m.joinUrl && normalised(m.joinUrl) === wanted,
    );
    if (meeting) return meeting;
  }
  return null;
}

/** Keeps when the meeting really started or ended (the first time Teams says so; a redelivery changes nothing). */
async function markHeld(
  ctx: AppContext,
  meeting: Meeting,
  field: 'heldFrom' | 'heldUntil',
): Promise<Meeting> {
  if (meeting[field]) return meeting;
  const next = { ...meeting, [field]: ctx.clock.now().toISOString() };
  const event = audit(ctx, {
    actor: SYSTEM_ACTOR,
    change: field === 'heldFrom' ? 'meeting.started' : 'meeting.ended',
    entity: { kind: 'meeting', id: meeting.id, label: meeting.title },
    town: meeting.town,
    before: { [field]: null },
    after: { [field]: next[field] },
  });
  const saved = await ctx.stores.meetings.update(next, meeting.version, event);
  // Changed meanwhile (a move, a redelivered event on another instance): as it is now.
  return saved.kind === 'updated' ? saved.value : saved.kind === 'stale' ? saved.current : meeting;
}

function normalised(url: string): string {
  try {
    return decodeURIComponent(url.trim()).toLowerCase();
  } catch {
    return url.trim().toLowerCase();
  }
}

const byStart = (a: Meeting, b: Meeting) => a.start.localeCompare(b.start);
