import { daysBetween, type LocalDate } from '../domain/dates.js';
import { dueState } from '../domain/due.js';
import type { Action } from '../domain/action.js';
import type { Rag } from '../domain/due.js';

const DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "31 Mar 2027" for a calendar date. */
export function formatDate(date: LocalDate): string {
  return DATE.format(new Date(`${date}T00:00:00Z`));
}

/** "31 Mar 2027, 10:00" in the partnership's time zone. */
export function formatInstant(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    new Date(iso),
  );
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "31 Mar 2027 (overdue by 3 days)", "(due today)", "(in 5 days)". */
export function dueText(
  action: Pick<Action, 'status' | 'dueDate'>,
  today: LocalDate,
  dueSoonDays: number,
): string {
  const due = dueState(action, today, dueSoonDays);
  const date = formatDate(action.dueDate);
  switch (due.kind) {
    case 'overdue':
      return `${date} (overdue by ${plural(-due.days, 'day')})`;
    case 'due_today':
      return `${date} (due today)`;
    case 'closed':
      return date;
    default:
      return `${date} (in ${plural(daysBetween(today, action.dueDate), 'day')})`;
  }
}

export const RAG_COLOR: Record<Rag | 'none', 'Attention' | 'Warning' | 'Good' | 'Default'> = {
  red: 'Attention',
  amber: 'Warning',
  green: 'Good',
  none: 'Default',
};

export const RAG_LABEL: Record<Rag | 'none', string> = {
  red: 'Red: overdue or blocked',
  amber: 'Amber: at risk (not started and due soon, or re-planned after falling overdue)',
  green: 'Green: on track',
  none: 'None (closed)',
};

/** "1 open problem", "3 open problems": a count with its noun agreeing. */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
