type ReminderKind =
  | 'due_soon'
  | 'due_today'
  | 'overdue'
  | 'escalation'
  | 'town_digest'
  | 'personal_digest'
  | 'board_report'
  | 'group_overrun'
  | 'retention'
  /** Notices to a person given an action, or taken off one (the window names the person and version). */
  | 'owner_added'
  | 'owner_removed';
/** The kinds about one action (the others are digests, the board's report and the daily jobs). */
export type ActionReminderKind = Exclude<
  ReminderKind,
  | 'town_digest'
  | 'personal_digest'
  | 'board_report'
  | 'group_overrun'
  | 'retention'
  | 'owner_added'
  | 'owner_removed'
>;
export type OwnerNoticeKind = Extract<ReminderKind, 'owner_added' | 'owner_removed'>;

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
