export const REMINDER_KINDS = ['due_soon', 'due_today', 'overdue', 'escalation'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/**
 * A reminder is identified by action, kind and window (e.g. the due date, or the week of being overdue);
 * the store's unique key on those three makes "sent at most once per window" hold across instances.
 */
export interface ReminderKey {
  actionId: string;
  kind: ReminderKind;
  window: string;
}

export interface ReminderRecord extends ReminderKey {
  state: 'claimed' | 'sent' | 'failed';
  claimedBy: string;
  leaseUntil: string;
  sentAt: string | null;
  error: string | null;
}
