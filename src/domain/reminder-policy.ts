import { daysBetween, localDateOf, weekday, type LocalDate } from './dates.js';
import { isOpen, type Action } from './action.js';
import type { ActionReminderKind } from './reminder.js';
import type { Milestone } from './milestone.js';

/** When reminders go out, in the partnership's time zone. */
export interface ReminderPolicy {
  /** "Due soon" this many days before the due date. */
  dueSoonDays: number;
  /** Overdue by more than this many days: the town's coordinators are told. */
  escalateAfterDays: number;
  /** Sending hours [start, end) on the local clock; outside them nothing is sent. */
  sendFromHour: number;
  sendUntilHour: number;
  /** No reminders on Saturdays and Sundays. */
  weekdaysOnly: boolean;
}

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  dueSoonDays: 3,
  escalateAfterDays: 7,
  sendFromHour: 8,
  sendUntilHour: 18,
  weekdaysOnly: true,
};

export interface DueReminder {
  kind: ActionReminderKind;
  /** Identifies the occasion: the same kind in the same window is sent once. */
  window: string;
  audience: 'owners' | 'coordinators';
  /** A milestone_due reminder's milestone. */
  milestone?: Milestone;
}

/** The hour (0-23) of an instant on the local clock. */
function localHour(now: Date, timeZone: string): number {
  const hour = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(now);
  return Number(hour);
}

/** Nights and (by default) weekends are quiet: nothing is sent, and what is due waits for the next window. */
export function isQuietTime(now: Date, timeZone: string, policy: ReminderPolicy): boolean {
  const day = weekday(localDateOf(now, timeZone));
  if (policy.weekdaysOnly && (day === 0 || day === 6)) return true;
  const hour = localHour(now, timeZone);
  return hour < policy.sendFromHour || hour >= policy.sendUntilHour;
}

/**
 * The reminders an action is owed now. Windows make each one "at most once": due soon and due today once
 * per due date; overdue on the first day and then weekly (days 1-7 are week 0, 8-14 week 1, ...), so a
 * weekend or a night only delays it; escalation once per due date, after `escalateAfterDays`. A new due
 * date opens new windows. Nothing for closed actions, while snoozed, or in quiet time.
 */
export function remindersDue(
  action: Pick<Action, 'id' | 'status' | 'dueDate'> & {
    snoozedUntil?: LocalDate | null;
    milestones?: readonly Milestone[];
  },
  now: Date,
  timeZone: string,
  policy: ReminderPolicy = DEFAULT_REMINDER_POLICY,
): DueReminder[] {
  if (!isOpen(action) || isQuietTime(now, timeZone, policy)) return [];
  const today = localDateOf(now, timeZone);
  if (action.snoozedUntil && today < action.snoozedUntil) return [];
  const milestones = milestonesDue(action.milestones ?? [], today, policy);
  const days = daysBetween(today, action.dueDate);
  const due = action.dueDate;
  if (days > policy.dueSoonDays) return milestones;
  if (days > 0) return [{ kind: 'due_soon', window: `due_soon:${due}`, audience: 'owners' }];
  if (days === 0) return [{ kind: 'due_today', window: `due_today:${due}`, audience: 'owners' }];
  const late = -days;
  const reminders: DueReminder[] = [
    { kind: 'overdue', window: `overdue:${due}:week${Math.floor((late - 1) / 7)}`, audience: 'owners' },
  ];
  if (late > policy.escalateAfterDays)
    reminders.push({ kind: 'escalation', window: `escalation:${due}`, audience: 'coordinators' });
  return reminders;
}

/**
 * A milestone is reminded once, in the days before it ("due soon" of its own date): it is a step on the way,
 * so the nagging once it has passed is left to the action's own due date.
 */
function milestonesDue(
  milestones: readonly Milestone[],
  today: LocalDate,
  policy: ReminderPolicy,
): DueReminder[] {
  return milestones
    .filter((m) => {
      const days = daysBetween(today, m.dueDate);
      return days >= 0 && days <= policy.dueSoonDays;
    })
    .map((milestone) => ({
      kind: 'milestone_due' as const,
      // Once per milestone date (the step's text stays out of the reminder records).
      window: `milestone:${milestone.dueDate}`,
      audience: 'owners' as const,
      milestone,
    }));
}

/** Whether an open action may be owed a reminder by `horizon`: its due date or a milestone falls by then. */
export function dueOrMilestoneBy(
  action: Pick<Action, 'dueDate'> & { milestones?: readonly Milestone[] },
  horizon: LocalDate,
): boolean {
  return action.dueDate <= horizon || (action.milestones ?? []).some((m) => m.dueDate <= horizon);
}
