// The occurrence that follows a recurring action done (recurrence.ts has the intervals).
import { daysBetween, type LocalDate } from './dates.js';
import { dueAfter } from './recurrence.js';
import { SYSTEM_ACTOR } from './entity.js';
import type { Action } from './action.js';

/**
 * The next occurrence of a recurring action just done: the same action, due one interval on (and on again
 * until it is not in the past), not started, with no notes. Null when it would fall after the plan ends.
 */
export function nextOccurrence(
  done: Action,
  meta: { id: string; ref: string; now: Date; today: LocalDate; planEnd: LocalDate | null },
): Action | null {
  if (!done.recurrence) return null;
  let due = dueAfter(done.dueDate, done.recurrence);
  while (daysBetween(meta.today, due) < 0) due = dueAfter(due, done.recurrence);
  if (meta.planEnd && due > meta.planEnd) return null;
  const at = meta.now.toISOString();
  return {
    id: meta.id,
    version: 1,
    town: done.town,
    ref: meta.ref,
    planId: done.planId,
    priorityId: done.priorityId,
    taskGroupId: done.taskGroupId,
    title: done.title,
    measure: done.measure,
    target: done.target,
    owners: done.owners,
    dueDate: due,
    snoozedUntil: null,
    status: 'not_started',
    blockedReason: null,
    notes: [],
    createdAt: at,
    updatedAt: at,
    createdBy: SYSTEM_ACTOR,
    demo: done.demo,
    public: done.public ?? false,
    recurrence: done.recurrence,
    previous: { id: done.id, ref: done.ref },
    next: null,
  };
}
