/** The kinds about one action's due date, and its milestones' (milestone.ts). */
export type ActionReminderKind = 'due_soon' | 'due_today' | 'overdue' | 'escalation' | 'milestone_due';
/** Notices to a person given an action, or taken off one (the window names the person and version). */
export type OwnerNoticeKind = 'owner_added' | 'owner_removed';
/** Everything claimed once: the reminders and notices above, the digests, the board's report, the daily jobs. */
type ReminderKind =
  | ActionReminderKind
  | OwnerNoticeKind
  | 'town_digest'
  | 'personal_digest'
  | 'board_report'
  | 'group_overrun'
  | 'retention';

/**
 * A reminder is identified by action (for digests: the town or the person), kind and window (e.g. the due date, or the week of being overdue);
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
