import { isOpen, type ActionHeadline } from './action.js';
import { dueState } from './due.js';
import { tallier, type ActionTally } from './action-tally.js';
import { latestReading, marginOfError, type Indicator } from './indicator.js';
import {
  indicatorSeries,
  readingsWithMargins,
  verdictView,
  type IndicatorSeries,
  type ReadingWithMargin,
  type VerdictView,
} from './indicator-verdict.js';
import type { LocalDate } from './dates.js';
import type { Meeting } from './meeting.js';
import type { ProblemPlan, SaraStage } from './problem.js';
import type { DeliveryPlan } from './plan.js';
import { isOverrun, type TaskGroup } from './task-group.js';
import type { TownSlug } from './towns.js';
import type { Priority } from './priority.js';
import { planQuality, type PlanQuality } from './plan-quality.js';

export interface SummaryInput {
  town: TownSlug;
  today: LocalDate;
  now: Date;
  dueSoonDays: number;
  actions: readonly ActionHeadline[];
  meetings: readonly Meeting[];
  problems: readonly ProblemPlan[];
  indicator: Indicator | null;
  /** The plan covering today (else the newest), and the town's task-and-finish groups. */
  plan?: DeliveryPlan | null;
  groups?: readonly TaskGroup[];
  /** The plan's priorities, for its quality at a glance (plan-quality.ts). */
  priorities?: readonly Priority[];
  /** `actionFigures` of these actions, today, if the caller kept them (else they are computed here). */
  figures?: ActionFigures;
  /** `summaryQuality` of these actions, if the caller kept it (else it is worked out here). */
  quality?: PlanQuality;
}

/** What a summary shows of a town's actions: they depend on nothing but the actions and the day. */
export interface ActionFigures extends ActionTally {
  overdue: ActionLine[];
  nextDue: ActionLine[];
}

interface ActionLine {
  ref: string;
  title: string;
  dueDate: LocalDate;
  owners: string[];
  days: number;
}

export interface TownSummary extends ActionFigures {
  town: TownSlug;
  upcomingMeetings: { title: string; start: string; kind: string }[];
  /** Scheduled meetings whose start has passed (cancelled ones were not held). */
  meetingsHeld: number;
  openProblemsByStage: Partial<Record<SaraStage, number>>;
  plan: { title: string; status: DeliveryPlan['status'] } | null;
  groups: { open: number; overrun: number };
  /** The plan's actions with SMART warnings, and its priorities with no action. */
  quality: PlanQuality;
  indicator: {
    baseline: { year: number; value: number } | null;
    target: { year: number; value: number } | null;
    latest: { year: number; value: number; marginOfError: number | null; source: string } | null;
    latestProxy: { year: number; value: number; source: string; caveat: string | null } | null;
    /** The latest survey reading against the trajectory (or the target, after its year). */
    progress: VerdictView | null;
    series: IndicatorSeries[];
    /** The baseline and every reading with its 95% margin (proxies marked). */
    readings: ReadingWithMargin[];
  } | null;
}

const LIST_LIMIT = 5;

/** A town's summary, computed from plain records (no database query shapes leak in here). */
export function townSummary(input: SummaryInput): TownSummary {
  const figures = input.figures ?? actionFigures(input.actions, input.today, input.dueSoonDays);
  const openProblemsByStage: Partial<Record<SaraStage, number>> = {};
  for (const p of input.problems)
    if (p.stage !== 'closed') openProblemsByStage[p.stage] = (openProblemsByStage[p.stage] ?? 0) + 1;
  return {
    town: input.town,
    ...figures,
    upcomingMeetings: input.meetings
      .filter((m) => m.status === 'scheduled' && Date.parse(m.start) > input.now.getTime())
      .sort((a, b) => a.start.localeCompare(b.start))
      .slice(0, LIST_LIMIT)
      .map((m) => ({ title: m.title, start: m.start, kind: m.kind })),
    meetingsHeld: input.meetings.filter(
      (m) => m.status === 'scheduled' && Date.parse(m.start) <= input.now.getTime(),
    ).length,
    openProblemsByStage,
    plan: input.plan ? { title: input.plan.title, status: input.plan.status } : null,
    groups: {
      open: (input.groups ?? []).filter((g) => g.status === 'open').length,
      overrun: (input.groups ?? []).filter((g) => isOverrun(g, input.today)).length,
    },
    quality: input.quality ?? summaryQuality(input.actions, input.plan ?? null, input.priorities ?? []),
    indicator: input.indicator ? indicatorView(input.indicator) : null,
  };
}

/** The quality of the plan a summary shows: its actions with warnings, its priorities with none. */
export function summaryQuality(
  actions: readonly ActionHeadline[],
  plan: Pick<DeliveryPlan, 'id'> | null,
  priorities: readonly Priority[],
): PlanQuality {
  return planQuality(priorities, plan ? actions.filter((a) => a.planId === plan.id) : actions);
}

/** Counts by status and RAG, the overdue actions and the few due next: one pass over the actions. */
export function actionFigures(
  actions: readonly ActionHeadline[],
  today: LocalDate,
  dueSoonDays: number,
): ActionFigures {
  const tally = tallier(today);
  const overdue: { action: ActionHeadline; days: number }[] = [];
  // Only the soonest few upcoming actions are shown: kept as we go, not sorted out of thousands.
  const nextDue: { action: ActionHeadline; days: number }[] = [];
  for (const action of actions) {
    tally.add(action);
    if (!isOpen(action)) continue;
    const due = dueState(action, today, dueSoonDays);
    if (due.kind === 'overdue') overdue.push({ action, days: due.days });
    else keepSoonest(nextDue, { action, days: due.days }, LIST_LIMIT);
  }
  return {
    ...tally.result(),
    overdue: overdue.sort(soonestFirst).map((o) => line(o.action, o.days)),
    nextDue: nextDue.map((o) => line(o.action, o.days)),
  };
}

/** By days (most overdue, or soonest due, first), then by reference. */
function soonestFirst(
  a: { action: ActionHeadline; days: number },
  b: { action: ActionHeadline; days: number },
): number {
  return a.days - b.days || a.action.ref.localeCompare(b.action.ref);
}

/** Inserts `item` into `list` (kept sorted, soonest first) if it is among the `limit` soonest. */
function keepSoonest(
  list: { action: ActionHeadline; days: number }[],
  item: { action: ActionHeadline; days: number },
  limit: number,
): void {
  if (list.length === limit && soonestFirst(item, list[limit - 1]!) >= 0) return;
  let i = list.length;
  while (i > 0 && soonestFirst(item, list[i - 1]!) < 0) i--;
  list.splice(i, 0, item);
  if (list.length > limit) list.pop();
}

function line(action: ActionHeadline, days: number): ActionLine {
  return {
    ref: action.ref,
    title: action.title,
    dueDate: action.dueDate,
    owners: action.owners.map((o) => o.displayName),
    days,
  };
}

function indicatorView(ind: Indicator): NonNullable<TownSummary['indicator']> {
  const latest = latestReading(ind);
  const proxy = latestReading(ind, true);
  return {
    baseline: ind.baseline && { year: ind.baseline.year, value: ind.baseline.value },
    target: ind.target,
    latest: latest && {
      year: latest.year,
      value: latest.value,
      source: latest.source,
      marginOfError: marginOfError(latest.value, latest.sampleSize),
    },
    latestProxy: proxy && {
      year: proxy.year,
      value: proxy.value,
      source: proxy.source,
      caveat: proxy.caveat,
    },
    progress: verdictView(ind),
    series: indicatorSeries(ind),
    readings: readingsWithMargins(ind),
  };
}
