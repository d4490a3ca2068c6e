// The strategic board's report: the ten towns side by side, and each town's actions, as plain rows that a
// card, a workbook or a CSV file can show without deciding anything themselves.
import { STATUS_LABELS, type Action } from './action.js';
import { ragOf, type Rag } from './due.js';
import { townBySlug } from './towns.js';
import type { Change, TownProfile } from './town-profile.js';
import type { EvidenceFigure } from './priority-evidence.js';
import type { LocalDate } from './dates.js';
import type { Member } from './member.js';
import type { Priority } from './priority.js';
import type { TownSummary } from './summary.js';

export interface TownRow {
  town: string;
  actions: number;
  /** Shown apart, and out of the percentage (action-tally.ts). */
  cancelled: number;
  done: number;
  open: number;
  red: number;
  amber: number;
  green: number;
  percentComplete: number;
  overdue: number;
  /** Actions whose date moved with a reason: after falling overdue, or more than once. */
  replanned: number;
  openProblems: number;
  meetingsHeld: number;
  baseline: string;
  target: string;
  latest: string;
  progress: string;
  /** Actions with SMART warnings (kept with a reason, or imported to review). */
  smartWarnings: number;
  prioritiesWithoutActions: string;
}

export interface ActionRow {
  ref: string;
  priority: string;
  title: string;
  measure: string;
  target: string;
  owners: string;
  /** The owners' e-mail addresses: what a re-import matches them by. */
  ownerEmails: string;
  dueDate: LocalDate;
  status: string;
  rag: string;
}

export interface BoardReport {
  asOf: LocalDate;
  summary: TownRow[];
  towns: { town: string; actions: ActionRow[] }[];
  /** Each town's police.uk profile (none before any data is imported): by type, then the figures its plan cites. */
  profiles: { town: string; latest: string; rows: ProfileRow[] }[];
}

export interface ProfileRow {
  what: string;
  last12: number;
  yearBefore: number | string;
  change: string;
}

const RAG_WORD: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green' };
const PROGRESS_WORD = {
  trajectory: { ahead: 'Ahead', on_track: 'On track', behind: 'Behind' },
  target: { ahead: 'Beyond target', on_track: 'At target', behind: 'Short of target' },
} as const;

/** A town's profile as workbook rows: each type against the year before, then each figure a priority cites. */
export function profileRows(
  profile: TownProfile,
  cited: readonly { priority: string; figure: EvidenceFigure }[],
): ProfileRow[] {
  const change = (c: Change) =>
    !profile.coveredBefore
      ? 'no data the year before'
      : c.percent === null
        ? 'too few to compare'
        : `${c.percent}%`;
  return [
    {
      what: 'All crime and anti-social behaviour',
      last12: profile.total.now,
      yearBefore: profile.coveredBefore ? profile.total.before : 'no data',
      change: change(profile.total),
    },
    ...profile.byType.map((t) => ({
      what: t.type,
      last12: t.now,
      yearBefore: profile.coveredBefore ? t.before : 'no data',
      change: change(t),
    })),
    ...cited.map(({ priority, figure }) => ({
      what: `Cited by "${priority}": ${figure.label}`,
      last12: figure.lastYear,
      yearBefore: figure.before
        ? `${figure.before.perMonth} a month before the plan`
        : 'no data before the plan',
      change: figure.since
        ? `${figure.since.perMonth} a month since ${figure.since.from}${figure.percent === null ? '' : ` (${figure.percent}%)`}`
        : 'no data since the plan began',
    })),
  ];
}

export function boardReport(
  asOf: LocalDate,
  towns: readonly {
    summary: TownSummary;
    actions: readonly Action[];
    priorities: readonly Priority[];
    members?: readonly Member[];
    /** The town's police.uk profile rows (profileRows), when data has been imported. */
    profile?: { latest: string; rows: ProfileRow[] } | null;
  }[],
): BoardReport {
  return {
    asOf,
    profiles: towns.flatMap(({ summary, profile }) =>
      profile ? [{ town: townBySlug(summary.town).name, ...profile }] : [],
    ),
    summary: towns.map(({ summary: s }) => townRow(s)),
    towns: towns.map(({ summary, actions, priorities, members = [] }) => ({
      town: townBySlug(summary.town).name,
      actions: [...actions]
        .sort((a, b) => a.ref.localeCompare(b.ref, 'en', { numeric: true }))
        .map((a) => actionRow(a, priorities, members, asOf)),
    })),
  };
}

function townRow(s: TownSummary): TownRow {
  const ind = s.indicator;
  const latest = ind?.latest ?? null;
  const proxy = ind?.latestProxy ?? null;
  return {
    town: townBySlug(s.town).name,
    actions: s.total,
    cancelled: s.cancelled,
    done: s.done,
    open: s.open,
    red: s.byRag.red,
    amber: s.byRag.amber,
    green: s.byRag.green,
    percentComplete: s.percentComplete,
    overdue: s.overdue.length,
    replanned: s.replanned,
    openProblems: Object.values(s.openProblemsByStage).reduce((n, k) => n + (k ?? 0), 0),
    meetingsHeld: s.meetingsHeld,
    baseline: ind?.baseline ? `${ind.baseline.value}% (${ind.baseline.year})` : '',
    target: ind?.target ? `${ind.target.value}% by ${ind.target.year}` : '',
    latest: latest
      ? `${latest.value}% (${latest.year})`
      : proxy
        ? `${proxy.value}% (${proxy.year}, proxy: ${proxy.source})`
        : '',
    progress: ind?.progress ? PROGRESS_WORD[ind.progress.against][ind.progress.progress] : '',
    smartWarnings: s.quality.withWarnings,
    prioritiesWithoutActions: s.quality.prioritiesWithoutActions.join('; '),
  };
}

function actionRow(
  a: Action,
  priorities: readonly Priority[],
  members: readonly Member[],
  asOf: LocalDate,
): ActionRow {
  const rag = ragOf(a, asOf);
  return {
    ref: a.ref,
    priority: priorities.find((p) => p.id === a.priorityId)?.title ?? '',
    title: a.title,
    measure: a.measure,
    target: a.target,
    owners: a.owners.map((o) => o.displayName).join('; '),
    ownerEmails: a.owners
      .map((o) => members.find((m) => m.aadObjectId === o.aadObjectId)?.email ?? '')
      .filter(Boolean)
      .join('; '),
    dueDate: a.dueDate,
    status: STATUS_LABELS[a.status],
    rag: rag ? RAG_WORD[rag] : 'Closed',
  };
}
