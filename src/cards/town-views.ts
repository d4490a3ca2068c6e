// A town's summary, the board's view of every town, a town's members: domain records -> card data.
import { tallySentence } from '../domain/action-tally.js';
import { STATUS_LABELS, type ActionStatus } from '../domain/action.js';
import { PARTNERSHIP_ROLES } from '../domain/roles.js';
import { townBySlug, type TownSlug } from '../domain/towns.js';
import { countOf, formatDate, formatInstant } from './format.js';
import type { Member } from '../domain/member.js';
import type { TownSummary } from '../domain/summary.js';
import type { CardData } from './card-data.js';
import type { EvidenceFigure } from '../domain/priority-evidence.js';
import { citedFigureText } from './cited-figure-text.js';
import type { FundView } from '../domain/seed-fund.js';
import { formatPounds } from '../domain/seed-fund.js';
import { SARA_STAGES } from '../domain/problem.js';
import { PLAN_STATUS_LABELS } from '../domain/plan.js';
import { progressLine, trajectoryChart } from './indicator-views.js';
import type { ViewSettings } from './views.js';

export function townSummaryCard(s: TownSummary, view: ViewSettings): CardData<'town-summary'> {
  // Each slice's count in its legend: a donut's angles alone do not say how many.
  const ragChart = (
    [
      ['Red', s.byRag.red, 'attention'],
      ['Amber', s.byRag.amber, 'warning'],
      ['Green', s.byRag.green, 'good'],
    ] as const
  ).map(([name, n, color]) => ({ name, legend: `${name}: ${n}`, value: n, color, text: String(n) }));
  const ind = s.indicator;
  const percent = (v: number) => `${v}%`;
  const facts = ind
    ? [
        {
          title: 'Baseline',
          value: ind.baseline ? `${percent(ind.baseline.value)} (${ind.baseline.year})` : 'not set',
        },
        {
          title: 'Target',
          value: ind.target ? `${percent(ind.target.value)} by ${ind.target.year}` : 'not set',
        },
        {
          title: 'Latest',
          value: ind.latest
            ? `${percent(ind.latest.value)} (${ind.latest.year}${ind.latest.marginOfError !== null ? `, ±${ind.latest.marginOfError} points` : ''})`
            : 'no survey reading yet',
        },
        ...(ind.latestProxy
          ? [
              {
                title: 'Local proxy',
                value: `${percent(ind.latestProxy.value)} (${ind.latestProxy.year}, ${ind.latestProxy.source})`,
              },
            ]
          : []),
      ]
    : [{ title: 'Indicator', value: 'not set up' }];
  const name = townBySlug(s.town).name;
  return {
    townName: name,
    buttons: [
      { title: 'Overdue', command: `actions ${name} overdue` },
      { title: 'Due soon', command: `actions ${name} due` },
      { title: 'Mine', command: `actions ${name} mine` },
      { title: 'The plan', command: `plan ${name}` },
    ],
    // The long forms, in a dialog (src/bot/extension/dialogs.ts); "new action" and "schedule meeting" too.
    dialogs: [{ title: 'New action', dialog: 'action.form', town: s.town }],
    meetingDialogs: [{ title: 'Schedule a meeting', dialog: 'meeting.form', town: s.town }],
    subtitle: `${tallySentence(s)} · ${s.open} open · ${formatDate(view.today)}`,
    ragChart,
    statusFacts: Object.entries(s.byStatus).map(([status, n]) => ({
      title: STATUS_LABELS[status as ActionStatus],
      value: String(n),
    })),
    overdue: s.overdue.slice(0, 10).map((l) => ({
      ref: l.ref,
      line: `${l.ref} ${l.title}: ${-l.days} days late (${l.owners.join(', ')})`,
    })),
    nextDue: s.nextDue.map((l) => ({
      ref: l.ref,
      line: `${l.ref} ${l.title}: ${formatDate(l.dueDate)} (${l.owners.join(', ')})`,
    })),
    meetings: s.upcomingMeetings.map((m) => ({
      line: `${formatInstant(m.start, view.timeZone)}: ${m.title}`,
    })),
    problems: problemsByStage(s),
    planLine: [
      s.plan
        ? `Delivery plan: ${s.plan.title} (${PLAN_STATUS_LABELS[s.plan.status].toLowerCase()})`
        : 'No delivery plan yet',
      s.groups.open
        ? `${s.groups.open} task-and-finish group${s.groups.open > 1 ? 's' : ''} open${s.groups.overrun ? `, ${s.groups.overrun} past its end date` : ''}`
        : '',
    ]
      .filter(Boolean)
      .join(' · '),
    indicator: {
      question: ind
        ? 'Agree the council and police deal with the crime and ASB issues that matter locally'
        : '',
      facts,
      caveat: ind?.latestProxy?.caveat ?? '',
      ...progressLine(ind?.progress ?? null),
      ...trajectoryChart(ind?.series ?? [], ind),
    },
  };
}

export function boardCard(
  summaries: readonly TownSummary[],
  view: ViewSettings,
  heading = 'All the towns',
  fund?: FundView,
  cited: readonly {
    town: TownSlug;
    cited: readonly { priority: { title: string }; figure: EvidenceFigure }[];
  }[] = [],
): CardData<'board-summary'> {
  const citedLines = cited.flatMap((t) =>
    t.cited.map((c) => ({
      line: `${townBySlug(t.town).name} · ${c.priority.title}: ${citedFigureText(c.figure)}`,
    })),
  );
  const fundText = fund
    ? ` · Seed fund: ${formatPounds(fund.totals.allocated)} allocated, ${formatPounds(fund.totals.spent)} spent, ${formatPounds(fund.totals.remaining)} remaining`
    : '';
  const townFund = (town: TownSlug) => {
    const t = fund?.towns.find((x) => x.town === town);
    return t ? ` · fund ${formatPounds(t.allocated)} / ${formatPounds(t.spent)} spent` : '';
  };
  return {
    subtitle: `${heading} · ${formatDate(view.today)}${fundText}`,
    rows: summaries.map((s) => {
      const ind = s.indicator;
      const latest = ind?.latest ?? ind?.latestProxy;
      return {
        town: townBySlug(s.town).name,
        command: `summary ${townBySlug(s.town).name}`,
        detail: `${countOf(openProblems(s), 'open problem')} · ${countOf(s.meetingsHeld, 'meeting')} held${townFund(s.town)}${qualityText(s)}${s.replanned ? ` · ${s.replanned} re-planned` : ''}`,
        completePercent: `${s.percentComplete}%`,
        completeCount: `${s.done} of ${s.counted}`,
        rag: `${s.byRag.red} / ${s.byRag.amber} / ${s.byRag.green}`,
        overdue: s.overdue.length,
        overdueText: String(s.overdue.length),
        overdueColor: s.overdue.length ? ('Attention' as const) : ('Default' as const),
        indicator: ind?.baseline
          ? `${latest ? `${latest.value}% (${latest.year}${ind.latest ? '' : ', proxy'})` : 'no reading'} vs ${ind.baseline.value}% → ${ind.target?.value ?? '?'}%`
          : 'not set',
      };
    }),
    cited: citedLines.slice(0, MAX_CITED),
    citedMore:
      citedLines.length > MAX_CITED
        ? `And ${citedLines.length - MAX_CITED} more in the board report workbook (ask me for "report").`
        : '',
  };
}

/** Enough to read in a card; the workbook has every one. */
const MAX_CITED = 12;

/** " · 3 with SMART warnings · 1 priority with no action"; '' for a town with neither. */
function qualityText({ quality: q }: TownSummary): string {
  const none = q.prioritiesWithoutActions.length;
  return `${q.withWarnings ? ` · ${q.withWarnings} with SMART warnings` : ''}${none ? ` · ${none} priorit${none === 1 ? 'y' : 'ies'} with no action` : ''}`;
}

/** "2 at analysis, 1 at response": the town's open problem-solving plans by SARA stage. */
function problemsByStage(s: TownSummary): string {
  const parts = SARA_STAGES.filter((st) => s.openProblemsByStage[st]).map(
    (st) => `${s.openProblemsByStage[st]} at ${st}`,
  );
  return parts.join(', ');
}

const openProblems = (s: TownSummary) =>
  Object.values(s.openProblemsByStage).reduce((n, k) => n + (k ?? 0), 0);

export function membersCard(
  town: TownSlug,
  members: readonly Member[],
  coreRoles: readonly string[],
  /** The reader coordinates the town: they may hand a leaver's actions over (in a dialog). */
  coordinates = false,
): CardData<'members'> {
  const name = townBySlug(town).name;
  const filled = new Set(members.map((m) => m.partnershipRole));
  const vacant = coreRoles.filter((r) => !filled.has(r as Member['partnershipRole']));
  return {
    heading: `Safer ${name} partnership: ${members.length} members`,
    townName: name,
    vacant: vacant.map((r) => PARTNERSHIP_ROLES[r as Member['partnershipRole']].label).join(', '),
    members: members.map((m) => ({
      name: m.displayName,
      detail: `${PARTNERSHIP_ROLES[m.partnershipRole].label}, ${m.organisation} (${m.accessRole})`,
    })),
    dialogs: coordinates ? [{ title: "Hand over a leaver's actions", dialog: 'handover.form', town }] : [],
  };
}

/** The prefix of a card input that carries an edited version of a free-text field. */
