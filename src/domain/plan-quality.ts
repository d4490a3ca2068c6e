// The plan's quality at a glance: how many of its actions carry SMART warnings (accepted with a reason, or
// imported and not reviewed yet), and which of its priorities no action serves (Relevant, smart-coach.ts).
import { hasWarnings } from './smart-warnings.js';
import type { ActionHeadline } from './action.js';
import type { Priority } from './priority.js';

export interface PlanQuality {
  /** Actions (not cancelled) saved with warnings. */
  withWarnings: number;
  /** Of those, kept as written with a reason. */
  accepted: number;
  /** Of those, imported from a spreadsheet and not yet reviewed. */
  unreviewed: number;
  /** Priorities no action (not cancelled) serves, by title. */
  prioritiesWithoutActions: string[];
}

export function planQuality(
  priorities: readonly Pick<Priority, 'id' | 'title'>[],
  actions: readonly Pick<ActionHeadline, 'priorityId' | 'status' | 'warnings'>[],
): PlanQuality {
  const live = actions.filter((a) => a.status !== 'cancelled');
  const warned = live.filter(hasWarnings);
  const accepted = warned.filter((a) => a.warnings?.reason).length;
  return {
    withWarnings: warned.length,
    accepted,
    unreviewed: warned.length - accepted,
    prioritiesWithoutActions: priorities
      .filter((p) => !live.some((a) => a.priorityId === p.id))
      .map((p) => p.title),
  };
}

/** "3 actions with SMART warnings (2 kept with a reason, 1 imported to review)"; '' when none. */
export function qualityLine(q: PlanQuality): string {
  if (!q.withWarnings) return '';
  const parts = [
    q.accepted ? `${q.accepted} kept with a reason` : '',
    q.unreviewed ? `${q.unreviewed} imported, to review` : '',
  ].filter(Boolean);
  return `${q.withWarnings} action${q.withWarnings === 1 ? '' : 's'} with SMART warnings (${parts.join(', ')})`;
}
