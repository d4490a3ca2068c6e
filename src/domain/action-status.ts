import { addDays, daysBetween, type LocalDate } from './dates.js';
import { fail, issue, ok, type Validated } from './result.js';
import { cleanText, TEXT_LIMITS } from './text.js';
import { isOpen, STATUS_LABELS, type Action, type ActionStatus } from './action.js';
import { reasonOfSubstance } from './reasons.js';
import type { PersonRef } from './entity.js';

/**
 * The action status machine. Done and cancelled are closed; a closed action can be reopened
 * (done -> in progress) or reinstated (cancelled -> not started) when the partnership changes its mind.
 */
export const STATUS_TRANSITIONS: Record<ActionStatus, readonly ActionStatus[]> = {
  not_started: ['in_progress', 'blocked', 'done', 'cancelled'],
  in_progress: ['blocked', 'done', 'cancelled'],
  blocked: ['in_progress', 'done', 'cancelled'],
  done: ['in_progress'],
  cancelled: ['not_started'],
};

/** Keeps documents bounded: older notes stay in the audit trail. */
export const MAX_NOTES_KEPT = 50;

export function changeStatus(
  action: Action,
  to: ActionStatus,
  change: { reason?: string | null; at: Date },
): Validated<Action> {
  if (action.status === to)
    return fail([issue('status', `${action.ref} is already ${STATUS_LABELS[to].toLowerCase()}`)]);
  if (!STATUS_TRANSITIONS[action.status].includes(to)) {
    const from = STATUS_LABELS[action.status].toLowerCase();
    const allowed = STATUS_TRANSITIONS[action.status].map((s) => STATUS_LABELS[s].toLowerCase()).join(' or ');
    return fail([
      issue(
        'status',
        `${action.ref} is ${from}: it can move to ${allowed}, not ${STATUS_LABELS[to].toLowerCase()}`,
      ),
    ]);
  }
  let reason = cleanText(change.reason ?? '');
  if (to === 'blocked' && !reason) return fail([issue('reason', 'Say what is blocking the action')]);
  if (to === 'cancelled') {
    // Cancelling takes the action out of the counts: the partnership should see why.
    const checked = reasonOfSubstance(change.reason, `${action.ref} is being cancelled`);
    if (!checked.ok) return fail([issue('reason', checked.message)]);
    reason = checked.reason;
  }
  if (reason.length > TEXT_LIMITS.reason) {
    return fail([issue('reason', `The reason is too long: keep it under ${TEXT_LIMITS.reason} characters`)]);
  }
  return ok({
    ...action,
    status: to,
    blockedReason: to === 'blocked' ? reason : null,
    cancelledReason: to === 'cancelled' ? reason : null,
    updatedAt: change.at.toISOString(),
  });
}

/** A note, with a link to its evidence when there is one (checked by evidence-link.ts first). */
export function addProgressNote(
  action: Action,
  text: string,
  by: PersonRef,
  at: Date,
  link?: string,
): Validated<Action> {
  const clean = cleanText(text);
  if (!clean) return fail([issue('note', 'The progress note is empty')]);
  if (clean.length > TEXT_LIMITS.note) {
    return fail([
      issue('note', `The progress note is too long: keep it under ${TEXT_LIMITS.note} characters`),
    ]);
  }
  const note = { at: at.toISOString(), by, text: clean, ...(link ? { link } : {}) };
  const notes = [...action.notes, note].slice(-MAX_NOTES_KEPT);
  return ok({ ...action, notes, updatedAt: at.toISOString() });
}

/**
 * A new due date. Moving an overdue action's date, or moving a date a second time, is re-planning: it needs
 * a reason of substance, and the action says so from then on (`replanned`; see due.ts for its RAG).
 */
export function changeDueDate(
  action: Action,
  dueDate: LocalDate,
  today: LocalDate,
  at: Date,
  reason?: string | null,
): Validated<Action> {
  if (daysBetween(today, dueDate) < 0)
    return fail([issue('dueDate', `The new due date ${dueDate} is in the past`)]);
  if (dueDate === action.dueDate)
    return fail([issue('dueDate', `${action.ref} is already due on ${dueDate}`)]);
  const moves = (action.dueDateMoves ?? 0) + 1;
  const moved = { ...action, dueDate, dueDateMoves: moves, updatedAt: at.toISOString() };
  const overdue = isOpen(action) && action.dueDate < today;
  if (!overdue && moves === 1) return ok(moved);
  const checked = reasonOfSubstance(
    reason,
    overdue ? `${action.ref}'s date is moving after it fell overdue` : `${action.ref}'s date is moving again`,
  );
  if (!checked.ok) return fail([issue('reason', checked.message)]);
  const before = action.replanned;
  const replanned = {
    times: (before?.times ?? 0) + 1,
    afterOverdue: (before?.afterOverdue ?? false) || overdue,
    reason: checked.reason,
    at: at.toISOString(),
  };
  return ok({ ...moved, replanned });
}

/** Whether moving the action's date now needs a reason (the form asks for one when it does). */
export function dueDateMoveNeedsReason(action: Action, today: LocalDate): boolean {
  return (isOpen(action) && action.dueDate < today) || (action.dueDateMoves ?? 0) >= 1;
}

/** Snoozes the action's reminders for 1 to 14 days from today. */
export function snoozeReminders(action: Action, days: number, today: LocalDate, at: Date): Validated<Action> {
  if (!Number.isInteger(days) || days < 1 || days > 14)
    return fail([issue('days', 'Snooze for 1 to 14 days')]);
  return ok({ ...action, snoozedUntil: addDays(today, days), updatedAt: at.toISOString() });
}
