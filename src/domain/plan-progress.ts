// Progress of a delivery plan by priority: how many of each priority's actions are done, open and late.
import { tallyActions, type ActionTally } from './action-tally.js';
import type { ActionHeadline } from './action.js';
import type { LocalDate } from './dates.js';
import type { Priority } from './priority.js';
import { planQuality, type PlanQuality } from './plan-quality.js';

interface PriorityProgress extends ActionTally {
  priorityId: string;
  title: string;
  source: Priority['source'];
}

export interface PlanProgress extends ActionTally {
  priorities: PriorityProgress[];
  quality: PlanQuality;
}

export function planProgress(
  priorities: readonly Priority[],
  actions: readonly ActionHeadline[],
  today: LocalDate,
): PlanProgress {
  const rows = priorities.map((p) => ({
    priorityId: p.id,
    title: p.title,
    source: p.source,
    ...tallyActions(
      actions.filter((a) => a.priorityId === p.id),
      today,
    ),
  }));
  const ofPlan = actions.filter((a) => priorities.some((p) => p.id === a.priorityId));
  return { ...tallyActions(ofPlan, today), priorities: rows, quality: planQuality(priorities, ofPlan) };
}
