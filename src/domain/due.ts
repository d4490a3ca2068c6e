import { daysBetween, type LocalDate } from './dates.js';
import { isOpen, type Action } from './action.js';

type DueKind = 'overdue' | 'due_today' | 'due_soon' | 'on_schedule' | 'closed';

export interface DueState {
  kind: DueKind;
  /** Days until due (negative when overdue). */
  days: number;
}

/** Where an action stands against its due date, seen from `today` in the partnership's time zone. */
export function dueState(
  action: Pick<Action, 'status' | 'dueDate'>,
  today: LocalDate,
  dueSoonDays: number,
): DueState {
  const days = daysBetween(today, action.dueDate);
  if (!isOpen(action)) return { kind: 'closed', days };
  if (days < 0) return { kind: 'overdue', days };
  if (days === 0) return { kind: 'due_today', days };
  if (days <= dueSoonDays) return { kind: 'due_soon', days };
  return { kind: 'on_schedule', days };
}

export const RAGS = ['red', 'amber', 'green'] as const;
export type Rag = (typeof RAGS)[number];

/** An action not started this close to its due date is at risk (amber). */
const AMBER_WINDOW_DAYS = 14;

/**
 * RAG for open actions (closed ones have none). Red: overdue or blocked. Amber: not started and due within
 * 14 days, or re-planned after it fell overdue (a new date alone never makes it green). Green: on track.
 * Defined once here because partnerships read RAG differently.
 */
export function ragOf(
  action: Pick<Action, 'status' | 'dueDate' | 'replanned'>,
  today: LocalDate,
): Rag | null {
  if (!isOpen(action)) return null;
  const days = daysBetween(today, action.dueDate);
  if (days < 0 || action.status === 'blocked') return 'red';
  if (action.status === 'not_started' && days <= AMBER_WINDOW_DAYS) return 'amber';
  if (action.replanned?.afterOverdue) return 'amber';
  return 'green';
}

/** The RAG rule in plain words (help card, docs). */
export const RAG_RULE =
  'Red: overdue or blocked. Amber: not started and due within 14 days, or re-planned after falling overdue (until done: a new date alone never turns it green). Green: open and on track. Done and cancelled actions have none.';
