// Progress of a delivery plan by priority: how many of each priority's actions are done, open and late.
import { ragOf, RAGS, type Rag } from './due.js';
import type { ActionHeadline } from './action.js';
import type { LocalDate } from './dates.js';
import type { Priority } from './priority.js';
import { planQuality, type PlanQuality } from './plan-quality.js';

interface PriorityProgress {
  priorityId: string;
  title: string;
  source: Priority['source'];
  total: number;
  done: number;
  open: number;
  byRag: Record<Rag, number>;
  /** Done as a share of the priority's actions not cancelled, 0-100. */
  percentComplete: number;
}

export interface PlanProgress {
  priorities: PriorityProgress[];
  total: number;
  done: number;
  percentComplete: number;
  quality: PlanQuality;
}

const percent = (done: number, counted: number) => (counted ? Math.round((done / counted) * 100) : 0);

export function planProgress(
  priorities: readonly Priority[],
  actions: readonly ActionHeadline[],
  today: LocalDate,
): PlanProgress {
  const rows = priorities.map((p) => {
    const mine = actions.filter((a) => a.priorityId === p.id);
    const byRag = Object.fromEntries(RAGS.map((r) => [r, 0])) as Record<Rag, number>;
    let done = 0;
    let cancelled = 0;
    for (const a of mine) {
      if (a.status === 'done') done++;
      if (a.status === 'cancelled') cancelled++;
      const rag = ragOf(a, today);
      if (rag) byRag[rag]++;
    }
    return {
      priorityId: p.id,
      title: p.title,
      source: p.source,
      total: mine.length,
      done,
      open: mine.length - done - cancelled,
      byRag,
      percentComplete: percent(done, mine.length - cancelled),
    };
  });
  const ofPlan = actions.filter((a) => priorities.some((p) => p.id === a.priorityId));
  const done = ofPlan.filter((a) => a.status === 'done').length;
  const cancelled = ofPlan.filter((a) => a.status === 'cancelled').length;
  return {
    priorities: rows,
    total: ofPlan.length,
    done,
    percentComplete: percent(done, ofPlan.length - cancelled),
    quality: planQuality(priorities, ofPlan),
  };
}
