// The retention policy for what partners type: once an action has been closed long enough, its free text
// goes (title, measure, target, notes, blocked reason), so that nothing written about a place or a case
// outlives its purpose. What the partnership counts stays: town, plan, priority, owners, dates and status.
import { CLOSED_STATUSES, type Action, type ActionHeadline } from './action.js';
import { DAY_MS } from './dates.js';

export const REMOVED_TEXT = 'Removed under the retention policy';

export interface RetentionPolicy {
  /** Days after an action was closed (and last changed) before its free text is removed. */
  closedActionDays: number;
  /** Days after which every audit event loses its details (who, when and what changed stay). */
  auditDetailDays: number;
}

/** The time before which records are past a period of `days`. */
export function cutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

/** Closed, untouched since before the cutoff, and not yet redacted. */
export function dueForRetention(action: ActionHeadline, before: Date): boolean {
  return (
    !action.redactedAt &&
    CLOSED_STATUSES.includes(action.status) &&
    Date.parse(action.updatedAt) < before.getTime()
  );
}

export function redactAction(action: Action, at: Date): Action {
  return {
    ...action,
    title: `${action.ref}: ${REMOVED_TEXT.toLowerCase()}`,
    measure: REMOVED_TEXT,
    target: REMOVED_TEXT,
    blockedReason: null,
    notes: [],
    milestones: (action.milestones ?? []).map((m) => ({ ...m, title: REMOVED_TEXT })),
    warnings: action.warnings ? { ...action.warnings, warnings: [], reason: null } : null,
    updatedAt: at.toISOString(),
    redactedAt: at.toISOString(),
  };
}
