// An action's audit trail as lines a partner reads: who, when, and what changed, in words. Pure.
import { STATUS_LABELS, type Action, type ActionStatus } from '../domain/action.js';
import { RECURRENCE_LABELS, type Recurrence } from '../domain/recurrence.js';
import { formatDate, formatInstant } from './format.js';
import type { AuditEvent } from '../domain/audit.js';

export interface HistoryLine {
  line: string;
  /** An evidence link the change carried, or ''. */
  link: string;
}

/** Each line stays short: the card is for reading at a glance, the audit export has the rest. */
const MAX_LINE = 300;

type Fields = Partial<Action> & { reason?: string; handOver?: boolean };

export function historyLines(events: readonly AuditEvent[], timeZone: string): HistoryLine[] {
  return events.map((event) => {
    const before = (event.before ?? {}) as Fields;
    const after = (event.after ?? {}) as Fields;
    const what = event.redactedAt
      ? `${kindWords(event.change)} (details removed under the retention policy)`
      : describe(event.change, before, after);
    const line = `${formatInstant(event.at, timeZone)} · ${event.actor.name}: ${what}`;
    const link = event.change === 'action.note' ? (after.notes?.at(-1)?.link ?? '') : '';
    return { line: line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 1)}…` : line, link };
  });
}

const status = (s: ActionStatus | undefined) => (s ? STATUS_LABELS[s].toLowerCase() : '?');
const names = (a: Fields) => (a.owners ?? []).map((o) => o.displayName).join(', ') || 'nobody';
const repeats = (r: Recurrence | null | undefined) => (r ? RECURRENCE_LABELS[r].toLowerCase() : 'never');

function describe(change: string, before: Fields, after: Fields): string {
  switch (change) {
    case 'action.created':
    case 'action.seeded':
    case 'action.imported':
      return `created the action${keptWith(after)}`;
    case 'action.recurred':
      return `made this the next occurrence of ${after.previous?.ref ?? 'a recurring action'}`;
    case 'action.status': {
      const moved = `moved it from ${status(before.status)} to ${status(after.status)}`;
      const why = after.blockedReason ?? after.cancelledReason ?? after.reason;
      return why ? `${moved}: ${why}` : moved;
    }
    case 'action.note':
      return `added a note: ${after.notes?.at(-1)?.text ?? ''}`;
    case 'action.due_date':
      return `${after.replanned ? 're-planned it' : 'moved the due date'} from ${day(before.dueDate)} to ${day(after.dueDate)}${after.reason ? `: ${after.reason}` : ''}`;
    case 'action.snooze':
      return `snoozed reminders until ${day(after.snoozedUntil ?? undefined)}`;
    case 'action.owners':
      return `${after.handOver ? 'handed it over' : 'changed the owners'}: ${names(before)} → ${names(after)}`;
    case 'action.edit':
      return `edited it: ${edits(before, after).join('; ')}${keptWith(after)}${after.reason ? ` (reason: ${after.reason})` : ''}`;
    case 'action.public':
      return after.public ? 'put it on the public summary' : 'took it off the public summary';
    case 'action.redacted':
      return 'removed its text under the retention policy';
    default:
      return kindWords(change);
  }
}

const day = (date: string | undefined) => (date ? formatDate(date) : '?');

function edits(before: Fields, after: Fields): string[] {
  const said: string[] = [];
  for (const field of ['title', 'measure', 'target'] as const)
    if (field in after) said.push(`${field} "${before[field] ?? ''}" → "${after[field] ?? ''}"`);
  if ('priorityId' in after) said.push('priority changed');
  if ('taskGroupId' in after)
    said.push(after.taskGroupId ? 'task group changed' : 'taken out of its task group');
  if ('public' in after) said.push(after.public ? 'made public' : 'made private');
  if ('recurrence' in after) said.push(`repeats ${repeats(after.recurrence)}`);
  if ('owners' in after) said.push(`owners ${names(before)} → ${names(after)}`);
  if ('milestones' in after)
    said.push(
      `milestones: ${(after.milestones ?? []).map((m) => `${m.title} by ${day(m.dueDate)}`).join(', ') || 'none'}`,
    );
  return said.length ? said : ['no visible change'];
}

/** " (kept with 2 SMART warnings: <reason>)" when the change saved warnings with a reason; else ''. */
function keptWith(after: Fields): string {
  const kept = after.warnings;
  if (!kept?.reason || !kept.warnings.length) return '';
  return ` (kept with ${kept.warnings.length} SMART warning${kept.warnings.length === 1 ? '' : 's'}: ${kept.reason})`;
}

/** "action.due_date" -> "due date changed", for kinds with no words of their own. */
const kindWords = (change: string) => `${(change.split('.')[1] ?? change).replace(/_/g, ' ')} changed`;
