import { addDays, daysBetween, type LocalDate } from './dates.js';
import { dueState, type Rag } from './due.js';
import { tallyActions } from './action-tally.js';
import { isOpen, type ActionHeadline } from './action.js';

export interface Digest {
  doneLastWeek: ActionHeadline[];
  dueNextTwoWeeks: ActionHeadline[];
  overdue: ActionHeadline[];
  byRag: Record<Rag, number>;
}

/** The week in review for a set of actions (a town's, or one person's), seen from `today`. */
export function weeklyDigest(
  actions: readonly ActionHeadline[],
  today: LocalDate,
  dueSoonDays: number,
): Digest {
  const weekAgo = addDays(today, -7);
  const { byRag } = tallyActions(actions, today);
  const byDue = (x: ActionHeadline, y: ActionHeadline) =>
    x.dueDate.localeCompare(y.dueDate) || x.ref.localeCompare(y.ref);
  return {
    doneLastWeek: actions
      .filter((a) => a.status === 'done' && a.updatedAt.slice(0, 10) >= weekAgo)
      .sort(byDue),
    dueNextTwoWeeks: actions
      .filter((a) => isOpen(a) && daysBetween(today, a.dueDate) >= 0 && daysBetween(today, a.dueDate) <= 14)
      .sort(byDue),
    overdue: actions.filter((a) => dueState(a, today, dueSoonDays).kind === 'overdue').sort(byDue),
    byRag,
  };
}

export const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];
