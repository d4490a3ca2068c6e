// Actions that come round again (monthly joint patrols, quarterly surveys): when one is done, the next is
// made with the same owners and the due date moved on by the interval.
import { z } from 'zod';
import { addDays, type LocalDate } from './dates.js';

export const RECURRENCES = ['weekly', 'monthly', 'quarterly'] as const;
export type Recurrence = (typeof RECURRENCES)[number];
export const recurrenceSchema = z.enum(RECURRENCES, {
  error: () => 'Choose weekly, monthly or quarterly, or "does not repeat"',
});
export const RECURRENCE_LABELS: Record<Recurrence, string> = {
  weekly: 'Every week',
  monthly: 'Every month',
  quarterly: 'Every quarter',
};

/** The due date one interval on; a month on from the 31st is the last day of the next month. */
export function dueAfter(due: LocalDate, every: Recurrence): LocalDate {
  if (every === 'weekly') return addDays(due, 7);
  const [y, m, d] = due.split('-').map(Number) as [number, number, number];
  const months = every === 'monthly' ? 1 : 3;
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}
