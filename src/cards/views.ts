// Domain records -> card data. Pure: everything a card shows is decided here, once.
import { STATUS_LABELS, type Action, type ActionStatus, type ActionHeadline } from '../domain/action.js';
import { STATUS_TRANSITIONS } from '../domain/action-status.js';
import { ragOf } from '../domain/due.js';
import { describeFindings, describeKind, type FieldsScreening } from '../domain/personal-data-findings.js';
import { PARTNERSHIP_ROLES } from '../domain/roles.js';
import { townBySlug, type TownSlug } from '../domain/towns.js';
import { dueText, formatDate, formatInstant, RAG_COLOR, RAG_LABEL } from './format.js';
import { daysBetween, type LocalDate } from '../domain/dates.js';
import type { ActionReminderKind } from '../domain/reminder.js';
import type { Member } from '../domain/member.js';
import type { Meeting, MeetingKind } from '../domain/meeting.js';
import type { TownSummary } from '../domain/summary.js';
import type { Digest } from '../domain/digest.js';
import type { CardData } from './card-data.js';
import type { FundView } from '../domain/seed-fund.js';
import { formatPounds } from '../domain/seed-fund.js';
import { SARA_STAGES } from '../domain/problem.js';
import { PLAN_STATUS_LABELS } from '../domain/plan.js';
import { progressLine, trajectoryChart } from './indicator-views.js';

export interface ViewSettings {
  today: LocalDate;
  timeZone: string;
  dueSoonDays: number;
}

/** Buttons for the simple moves; blocking needs a reason and has its own form. */
const MOVE_LABELS: Partial<Record<ActionStatus, string>> = {
  not_started: 'Reinstate',
  in_progress: 'Start',
  done: 'Done',
  cancelled: 'Cancel action',
};

export function actionCard(
  action: Action,
  view: ViewSettings & { canEdit: boolean; notice?: string; refreshUserIds?: string[] },
): CardData<'action'> {
  const rag = ragOf(action, view.today) ?? 'none';
  const next = view.canEdit ? STATUS_TRANSITIONS[action.status] : [];
  const moves = next
    .filter((s) => s !== 'blocked')
    .map((status) => ({ status, label: MOVE_LABELS[status] ?? STATUS_LABELS[status] }));
  const last = action.notes.at(-1);
  return {
    actionId: action.id,
    version: action.version,
    refreshUserIds: (view.refreshUserIds ?? []).slice(0, 60),
    townName: townBySlug(action.town).name,
    ref: action.ref,
    title: action.title,
    statusLabel: STATUS_LABELS[action.status],
    ragColor: RAG_COLOR[rag],
    ragLabel: RAG_LABEL[rag],
    notice: view.notice ?? '',
    measure: action.measure,
    target: action.target,
    owners: action.owners.map((o) => o.displayName).join(', '),
    dueDate: action.dueDate,
    dueText: dueText(action, view.today, view.dueSoonDays),
    today: view.today,
    blockedReason: action.blockedReason ?? '',
    lastNote: last ? `${last.text} (${last.by.displayName}, ${formatInstant(last.at, view.timeZone)})` : '',
    updatedText: formatInstant(action.updatedAt, view.timeZone),
    moves,
    canBlock: next.includes('blocked'),
    canEdit: view.canEdit,
  };
}

export function actionsListCard(
  heading: string,
  actions: readonly ActionHeadline[],
  view: ViewSettings,
  limit = 25,
): CardData<'actions-list'> {
  return {
    heading,
    empty: 'No actions match.',
    more:
      actions.length > limit
        ? `… and ${actions.length - limit} more. Narrow it down: actions {town} overdue, or show {ref}.`
        : '',
    rows: actions.slice(0, limit).map((a) => ({
      ref: a.ref,
      title: a.title,
      statusLabel: STATUS_LABELS[a.status],
      ragColor: RAG_COLOR[ragOf(a, view.today) ?? 'none'],
      dueText: dueText(a, view.today, view.dueSoonDays),
      owners: a.owners.map((o) => o.displayName).join(', '),
    })),
  };
}

export function townSummaryCard(s: TownSummary, view: ViewSettings): CardData<'town-summary'> {
  const open = s.byRag.red + s.byRag.amber + s.byRag.green;
  const ragChart = [
    { legend: 'Red', value: s.byRag.red, color: 'attention', text: String(s.byRag.red) },
    { legend: 'Amber', value: s.byRag.amber, color: 'warning', text: String(s.byRag.amber) },
    { legend: 'Green', value: s.byRag.green, color: 'good', text: String(s.byRag.green) },
  ];
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
  return {
    townName: townBySlug(s.town).name,
    subtitle: `${s.total} actions, ${open} open, ${s.percentComplete}% complete · ${formatDate(view.today)}`,
    ragChart,
    statusFacts: Object.entries(s.byStatus).map(([status, n]) => ({
      title: STATUS_LABELS[status as ActionStatus],
      value: String(n),
    })),
    overdue: s.overdue
      .slice(0, 10)
      .map((l) => ({ line: `${l.ref} ${l.title}: ${-l.days} days late (${l.owners.join(', ')})` })),
    nextDue: s.nextDue.map((l) => ({
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
      ...trajectoryChart(ind?.series ?? []),
    },
  };
}

export function boardCard(
  summaries: readonly TownSummary[],
  view: ViewSettings,
  heading = 'All ten towns',
  fund?: FundView,
): CardData<'board-summary'> {
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
        detail: `${openProblems(s)} open problems · ${s.meetingsHeld} meetings held${townFund(s.town)}`,
        complete: `${s.percentComplete}%`,
        rag: `${s.byRag.red} / ${s.byRag.amber} / ${s.byRag.green}`,
        overdue: s.overdue.length,
        overdueText: String(s.overdue.length),
        overdueColor: s.overdue.length ? ('Attention' as const) : ('Default' as const),
        indicator: ind?.baseline
          ? `${latest ? `${latest.value}% (${latest.year}${ind.latest ? '' : ', proxy'})` : 'no reading'} vs ${ind.baseline.value}% → ${ind.target?.value ?? '?'}%`
          : 'not set',
      };
    }),
  };
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
  };
}

/** The prefix of a card input that carries an edited version of a free-text field. */
export const EDITED_PREFIX = 'edited_';

/**
 * The guard's card: what was found, quoted; each field with those words replaced, to edit and save again;
 * and, for a warning, keeping the text as written with a reason (the audit trail keeps the reason).
 */
export function personalDataCard(
  screening: FieldsScreening,
  submit: { verb: string; data: Record<string, unknown>; fields: Readonly<Record<string, string>> },
  confirm: { allowed: boolean; reasonRequired: boolean; reasonProblem?: string },
): CardData<'personal-data'> {
  const refused = screening.verdict === 'refuse' || !confirm.allowed;
  const edited = Object.keys(submit.fields).filter((f) => f in screening.suggestions);
  const rest = Object.fromEntries(Object.entries(submit.data).filter(([k]) => !edited.includes(k)));
  return {
    title: refused ? 'Personal details: not saved' : 'Check for personal details',
    color: refused ? 'Attention' : 'Warning',
    message: describeFindings(screening.findings, screening.verdict),
    findings: screening.findings.map((f) => ({ describe: `${describeKind(f.kind)}: "${f.match}"` })),
    fields: edited.map((field) => ({
      id: `${EDITED_PREFIX}${field}`,
      label: fieldLabel(field),
      value: screening.suggestions[field] ?? submit.fields[field] ?? '',
    })),
    saveVerb: submit.verb,
    saveData: { ...rest, personalDataEdited: true },
    canConfirm: !refused,
    reasonLabel: confirm.reasonRequired
      ? 'Why is it safe to keep as written? (kept in the audit trail)'
      : 'Why is it safe to keep as written? (optional, kept in the audit trail)',
    reasonRequired: confirm.reasonRequired,
    reasonProblem: confirm.reasonProblem ?? '',
    confirmVerb: submit.verb,
    confirmData: { ...submit.data, personalDataConfirmed: true },
  };
}

/** "revisionReason" -> "Revision reason". */
function fieldLabel(field: string): string {
  const words = field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const HEADLINES: Record<ActionReminderKind, (days: number) => string> = {
  due_soon: (d) => `Due in ${d} day${d === 1 ? '' : 's'}`,
  due_today: () => 'Due today',
  overdue: (d) => `Overdue by ${-d} day${d === -1 ? '' : 's'}`,
  escalation: (d) => `Escalation: overdue by ${-d} days`,
};

/** The 1:1 reminder: to an owner (with buttons to act and snooze) or, for an escalation, to a coordinator. */
export function reminderCard(
  action: Action,
  kind: ActionReminderKind,
  view: ViewSettings,
): CardData<'reminder'> {
  const days = daysBetween(view.today, action.dueDate);
  const toOwner = kind !== 'escalation';
  const moves = toOwner
    ? STATUS_TRANSITIONS[action.status]
        .filter((s) => s === 'in_progress' || s === 'done')
        .map((status) => ({ status, label: MOVE_LABELS[status] ?? STATUS_LABELS[status] }))
    : [];
  return {
    actionId: action.id,
    version: action.version,
    headline: `${HEADLINES[kind](days)}: ${action.ref}`,
    color: kind === 'due_soon' ? 'Warning' : 'Attention',
    townName: townBySlug(action.town).name,
    ref: action.ref,
    title: action.title,
    dueText: dueText(action, view.today, view.dueSoonDays),
    statusLabel: STATUS_LABELS[action.status],
    owners: action.owners.map((o) => o.displayName).join(', '),
    footer: toOwner
      ? 'You are an owner of this action. Update it here, or snooze these reminders.'
      : 'You coordinate this town. The owners have been reminded; you may want to follow up with them.',
    moves,
    canAct: toOwner,
  };
}

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  partnership: 'Partnership meeting',
  inaugural: 'Inaugural meeting',
  workshop: 'Workshop',
  engagement_event: 'Engagement event',
  task_group: 'Task-and-finish group',
};

/** The meeting card: when, who, the join link, and the actions due before it with their owners. */
export function meetingCard(
  meeting: Meeting,
  dueBefore: readonly ActionHeadline[],
  view: ViewSettings & { canManage: boolean; notice?: string },
): CardData<'meeting'> {
  const start = new Date(meeting.start);
  const local = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-GB', { ...options, timeZone: view.timeZone }).format(start);
  const minutes = Math.round((Date.parse(meeting.end) - start.getTime()) / 60_000);
  const open = meeting.status === 'scheduled';
  return {
    meetingId: meeting.id,
    version: meeting.version,
    kindLabel: MEETING_KIND_LABELS[meeting.kind],
    townName: townBySlug(meeting.town).name,
    title: meeting.title,
    notice: view.notice ?? '',
    when: `${formatInstant(meeting.start, view.timeZone)} for ${minutes} minutes`,
    organiser: meeting.organiser.displayName,
    invited: `${meeting.attendees.length} partners`,
    statusText: { draft: 'Being set up', scheduled: 'Scheduled', cancelled: 'Cancelled' }[meeting.status],
    agenda: meeting.agenda ?? '',
    dueBefore: dueBefore.map((a) => ({
      line: `${a.ref} ${a.title}: due ${formatDate(a.dueDate)} (${a.owners.map((o) => o.displayName).join(', ')})`,
    })),
    joinUrl: open ? (meeting.joinUrl ?? '') : '',
    canManage: open && view.canManage,
    date: local({ year: 'numeric', month: '2-digit', day: '2-digit' }).split('/').reverse().join('-'),
    time: local({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    duration: minutes,
    today: view.today,
  };
}

/** The weekly digest: done last week, due in the next two weeks, overdue, RAG counts. */
export function digestCard(
  heading: string,
  digest: Digest,
  view: ViewSettings,
  footer: string,
): CardData<'digest'> {
  const line = (a: ActionHeadline) => ({
    line: `${a.ref} ${a.title} (${dueText(a, view.today, view.dueSoonDays)}; ${a.owners.map((o) => o.displayName).join(', ')})`,
  });
  const sections = [
    {
      title: `Overdue (${digest.overdue.length})`,
      color: 'Attention' as const,
      lines: digest.overdue.slice(0, 15).map(line),
    },
    {
      title: `Due in the next two weeks (${digest.dueNextTwoWeeks.length})`,
      color: 'Warning' as const,
      lines: digest.dueNextTwoWeeks.slice(0, 15).map(line),
    },
    {
      title: `Done in the last week (${digest.doneLastWeek.length})`,
      color: 'Good' as const,
      lines: digest.doneLastWeek.slice(0, 15).map((a) => ({ line: `${a.ref} ${a.title}` })),
    },
  ].filter((s) => s.lines.length > 0);
  return {
    heading,
    subtitle: `Week of ${formatDate(view.today)} · open actions: ${digest.byRag.red} red, ${digest.byRag.amber} amber, ${digest.byRag.green} green`,
    sections,
    footer,
  };
}
