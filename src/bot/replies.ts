// Cards the bot sends in reply: help, welcome, errors, the action form, join requests.
import type { Attachment } from 'botbuilder';
import { AppError, ErrorCode } from '../errors.js';
import { PARTNERSHIP_ROLES } from '../domain/roles.js';
import { townBySlug, type TownSlug } from '../domain/towns.js';
import { MEETING_KINDS } from '../domain/meeting.js';
import { MEETING_KIND_LABELS } from '../cards/meeting-views.js';
import type { Member } from '../domain/member.js';
import type { ActionFormContext } from '../app/action-form.js';
import type { JoinRequest } from '../domain/join-request.js';
import type { LocalDate } from '../domain/dates.js';
import type { Card, CardRenderer } from '../cards/render.js';
import { coachBlock, milestoneValues, type CoachData } from '../cards/coach-views.js';

const TITLES: Record<string, string> = {
  [ErrorCode.Validation]: 'That needs changing',
  [ErrorCode.NotFound]: 'Not found',
  [ErrorCode.Forbidden]: 'Not allowed',
  [ErrorCode.Duplicate]: 'Already there',
  [ErrorCode.StaleVersion]: 'Changed meanwhile',
  [ErrorCode.Unavailable]: 'Please try again shortly',
  [ErrorCode.Internal]: 'Something went wrong',
};

/** Amber for what the person can put right; red for what stopped them or failed. */
const TITLE_COLORS: Record<string, 'Warning' | 'Attention'> = {
  [ErrorCode.Validation]: 'Warning',
  [ErrorCode.NotFound]: 'Warning',
  [ErrorCode.Duplicate]: 'Warning',
  [ErrorCode.StaleVersion]: 'Warning',
};

const HINTS: Record<string, string> = {
  [ErrorCode.Forbidden]: 'A coordinator of the town can add you: ask them, or use "join {town} as {role}".',
  [ErrorCode.Unavailable]: 'Nothing was lost. If this keeps happening, tell your IT contact.',
  [ErrorCode.Internal]: 'Nothing was changed. If this keeps happening, tell your IT contact.',
};

/** What went wrong and what to do, for any error: app errors show their safe message, others a generic one. */
export function errorCard(cards: CardRenderer, error: unknown): Card {
  const app =
    error instanceof AppError ? error : new AppError(ErrorCode.Internal, 'Something went wrong on our side.');
  const question = app.code === ErrorCode.Validation && /^[^.!]*\?/.test(app.message);
  return cards.render('error', {
    // A question ("Which town?") is asked plainly; red is kept for what went wrong.
    title: question ? 'One more thing' : (TITLES[app.code] ?? 'Something went wrong'),
    titleColor: question ? 'Default' : (TITLE_COLORS[app.code] ?? 'Attention'),
    message: app.message,
    issues: app.issues.map((i) => ({ message: i.message })),
    hint: HINTS[app.code] ?? '',
  });
}

export function actionFormCard(
  cards: CardRenderer,
  form: ActionFormContext,
  today: LocalDate,
  problems: { message: string }[],
  values: Record<string, string | undefined> = {},
  coach: CoachData = coachBlock(),
): Card {
  const v = (key: string) => (typeof values[key] === 'string' ? values[key] : '');
  const fromMessage = v('fromMessage') === 'true';
  return cards.render('action-form', {
    fromMessage,
    fromMessageFlag: fromMessage ? 'true' : '',
    leftOut: v('leftOut'),
    proposal: v('proposal'),
    town: form.town,
    townName: townBySlug(form.town).name,
    planId: form.plan.id,
    planTitle: form.plan.title,
    planEnd: form.plan.periodEnd,
    planApproved: form.plan.status === 'approved',
    today,
    problems,
    owners: form.owners.map((m) => ({ title: `${m.displayName} (${m.organisation})`, value: m.aadObjectId })),
    priorities: form.priorities.map((p) => ({ title: p.title, value: p.id })),
    taskGroups: form.taskGroups.map((g) => ({ title: g.theme, value: g.id })),
    coach,
    values: {
      ...milestoneValues((n, part) => v(`milestone${n}${part === 'date' ? 'Date' : ''}`)),
      warningsReason: v('warningsReason'),
      title: v('title'),
      measure: v('measure'),
      target: v('target'),
      ownerIds: v('ownerIds'),
      dueDate: v('dueDate'),
      priorityId: v('priorityId'),
      taskGroupId: v('taskGroupId'),
      revisionReason: v('revisionReason'),
      firstNote: v('firstNote'),
      postHere: v('postHere') || 'true',
    },
  });
}

export function joinRequestCard(cards: CardRenderer, request: JoinRequest): Card {
  const statusText = {
    pending: 'Waiting for a coordinator',
    approved: 'Approved: now a member',
    declined: 'Declined',
  }[request.status];
  return cards.render('join-request', {
    requestId: request.id,
    townName: townBySlug(request.town).name,
    name: request.displayName,
    role: PARTNERSHIP_ROLES[request.partnershipRole].label,
    statusText,
    pending: request.status === 'pending',
  });
}

export function meetingFormCard(
  cards: CardRenderer,
  town: TownSlug,
  members: readonly Member[],
  today: LocalDate,
  requestId: string,
  problems: { message: string }[] = [],
  values: Record<string, string | undefined> = {},
): Card {
  const v = (key: string, fallback = '') => (typeof values[key] === 'string' ? values[key] : fallback);
  return cards.render('meeting-form', {
    requestId,
    town,
    townName: townBySlug(town).name,
    today,
    problems,
    kinds: MEETING_KINDS.map((k) => ({ title: MEETING_KIND_LABELS[k], value: k })),
    attendees: members.map((m) => ({ title: `${m.displayName} (${m.organisation})`, value: m.aadObjectId })),
    values: {
      kind: v('kind', 'partnership'),
      title: v('title', `Safer ${townBySlug(town).name} partnership meeting`),
      date: v('date'),
      time: v('time', '10:00'),
      duration: v('duration', '60'),
      agenda: v('agenda'),
      attendeeIds: v('attendeeIds', members.map((m) => m.aadObjectId).join(',')),
    },
  });
}

/** What the bot answers: text, an Adaptive Card, or another attachment (a file consent or file card). */
export type Reply = Card | string | { attachment: Attachment };

/** Unwraps a use-case result inside a command: a refusal becomes the error card. */
export function must<T>(result: { ok: true; value: T } | { ok: false; error: AppError }): T {
  if (!result.ok) throw result.error;
  return result.value;
}

/** What a turn says while the database is known to be away (answered at once, nothing attempted). */
export const databaseAway = () =>
  new AppError(
    ErrorCode.Unavailable,
    'The database cannot be reached just now, so nothing was changed; please try again shortly',
  );
