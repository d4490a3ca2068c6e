// Domain records -> card data for actions: an action's card, lists of actions, reminders, digests. Pure:
// everything a card shows is decided here, once.
import { STATUS_LABELS, type Action, type ActionStatus, type ActionHeadline } from '../domain/action.js';
import { dueDateMoveNeedsReason, STATUS_TRANSITIONS } from '../domain/action-status.js';
import { ragOf } from '../domain/due.js';
import { townBySlug } from '../domain/towns.js';
import { dueText, formatDate, formatInstant, RAG_COLOR, RAG_LABEL } from './format.js';
import { daysBetween, type LocalDate } from '../domain/dates.js';
import type { ActionReminderKind } from '../domain/reminder.js';
import type { Milestone } from '../domain/milestone.js';
import { SMART_CHECKS } from '../domain/smart-checks.js';
import type { Digest } from '../domain/digest.js';
import type { CardData } from './card-data.js';
import type { HistoryLine } from './history-views.js';
import { RECURRENCE_LABELS } from '../domain/recurrence.js';

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

/** The button for a move: a done action is reopened, not started. */
const moveLabel = (from: ActionStatus, to: ActionStatus) =>
  from === 'done' && to === 'in_progress' ? 'Reopen' : (MOVE_LABELS[to] ?? STATUS_LABELS[to]);

/** A page of the action's history, shown on its card on demand. */
export interface HistoryShown {
  lines: HistoryLine[];
  page: number;
  older: boolean;
}

export function actionCard(
  action: Action,
  view: ViewSettings & {
    canEdit: boolean;
    /** The title of the plan priority it serves ('' when that priority is gone). */
    priority?: string;
    notice?: string;
    refreshUserIds?: string[];
    history?: HistoryShown;
    shareLink?: string;
  },
): CardData<'action'> {
  const rag = ragOf(action, view.today) ?? 'none';
  const next = view.canEdit ? STATUS_TRANSITIONS[action.status] : [];
  // Blocking and cancelling need a reason, and done asks for a closing note: each has its own form.
  const moves = next
    .filter((s) => s !== 'blocked' && s !== 'cancelled' && s !== 'done')
    .map((status) => ({ status, label: moveLabel(action.status, status) }));
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
    priority: view.priority || 'not in the plan any more',
    measure: action.measure,
    target: action.target,
    owners: action.owners.map((o) => o.displayName).join(', '),
    dueDate: action.dueDate,
    dueText: dueText(action, view.today, view.dueSoonDays),
    today: view.today,
    blockedReason: action.blockedReason ?? '',
    cancelledReason: action.status === 'cancelled' ? (action.cancelledReason ?? '') : '',
    replannedText: replannedText(action, view.timeZone),
    lastNote: last ? `${last.text} (${last.by.displayName}, ${formatInstant(last.at, view.timeZone)})` : '',
    lastNoteLink: last?.link ?? '',
    repeats: action.recurrence ? RECURRENCE_LABELS[action.recurrence] : '',
    milestones: (action.milestones ?? []).map((m) => ({
      line: `${m.dueDate < view.today ? 'Passed' : 'By'} ${formatDate(m.dueDate)}: ${m.title}`,
    })),
    warningsText: keptWarningsText(action),
    follows: action.previous?.ref ?? '',
    followedBy: action.next?.ref ?? '',
    updatedText: formatInstant(action.updatedAt, view.timeZone),
    shareLink: view.shareLink ?? '',
    moves,
    canFinish: next.includes('done'),
    canBlock: next.includes('blocked'),
    canCancel: next.includes('cancelled'),
    canEdit: view.canEdit,
    // A done or cancelled action has no date left to move.
    canMoveDue: view.canEdit && action.status !== 'done' && action.status !== 'cancelled',
    dueReasonNeeded: dueDateMoveNeedsReason(action, view.today),
    history: view.history
      ? { shown: true, ...view.history, empty: 'Nothing recorded yet.' }
      : { shown: false, lines: [], page: 0, older: false, empty: '' },
  };
}

/** "Re-planned twice, after falling overdue (last 3 Dec 2026: <reason>)"; '' for an action never re-planned. */
function replannedText(action: Action, timeZone: string): string {
  const r = action.replanned;
  if (!r) return '';
  const times = r.times === 1 ? 'once' : r.times === 2 ? 'twice' : `${r.times} times`;
  const overdue = r.afterOverdue ? ', after falling overdue' : '';
  return `Re-planned ${times}${overdue} (last ${formatInstant(r.at, timeZone)}: ${r.reason})`;
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

const HEADLINES: Record<ActionReminderKind, (days: number) => string> = {
  due_soon: (d) => `Due in ${d} day${d === 1 ? '' : 's'}`,
  due_today: () => 'Due today',
  overdue: (d) => `Overdue by ${-d} day${d === -1 ? '' : 's'}`,
  escalation: (d) => `Escalation: overdue by ${-d} days`,
  milestone_due: (d) => (d === 0 ? 'Milestone today' : `Milestone in ${d} day${d === 1 ? '' : 's'}`),
};

/** The 1:1 reminder: to an owner (with buttons to act and snooze) or, for an escalation, to a coordinator. */
export function reminderCard(
  action: Action,
  kind: ActionReminderKind,
  view: ViewSettings,
  milestone?: Milestone,
): CardData<'reminder'> {
  const days = daysBetween(view.today, milestone?.dueDate ?? action.dueDate);
  const toOwner = kind !== 'escalation';
  const moves = toOwner
    ? STATUS_TRANSITIONS[action.status]
        .filter((s) => s === 'in_progress' || s === 'done')
        .map((status) => ({ status, label: moveLabel(action.status, status) }))
    : [];
  return {
    actionId: action.id,
    version: action.version,
    headline: `${HEADLINES[kind](days)}: ${action.ref}`,
    color: kind === 'due_soon' ? 'Warning' : 'Attention',
    townName: townBySlug(action.town).name,
    ref: action.ref,
    title: milestone ? `${action.title}. Milestone: ${milestone.title} (${milestone.dueDate})` : action.title,
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

export function digestCard(
  heading: string,
  digest: Digest,
  view: ViewSettings,
  footer: string,
): CardData<'digest'> {
  const line = (a: ActionHeadline) => ({
    ref: a.ref,
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
      lines: digest.doneLastWeek.slice(0, 15).map((a) => ({ ref: a.ref, line: `${a.ref} ${a.title}` })),
    },
  ].filter((s) => s.lines.length > 0);
  return {
    heading,
    subtitle: `Week of ${formatDate(view.today)} · open actions: ${digest.byRag.red} red, ${digest.byRag.amber} amber, ${digest.byRag.green} green`,
    sections,
    footer,
  };
}

/** "Kept with 2 SMART warnings (Specific, Measurable): <reason>" for the action card; '' with none. */
function keptWarningsText(action: Action): string {
  const kept = action.warnings;
  if (!kept?.warnings.length) return '';
  const checks = [...new Set(kept.warnings.map((w) => SMART_CHECKS[w.check]))].join(', ');
  const n = kept.warnings.length;
  const head = `${n} SMART warning${n === 1 ? '' : 's'} (${checks})`;
  return kept.reason ? `Kept with ${head}. Why: ${kept.reason}` : `Imported with ${head}, not reviewed yet`;
}
