// A meeting's agenda when it starts and its outcomes when it ends, in the digest's shape (sections of lines,
// each action's line opening its card). Pure.
import { formatDate, formatInstant } from './format.js';
import { historyLines } from './history-views.js';
import { SARA_STAGES } from '../domain/problem.js';
import type { ActionHeadline } from '../domain/action.js';
import type { AuditEvent } from '../domain/audit.js';
import type { Meeting } from '../domain/meeting.js';
import { formValuesOf } from '../domain/meeting-proposal.js';
import type { ProposedAction } from '../domain/meeting.js';
import type { ProblemPlan } from '../domain/problem.js';
import type { CardData } from './card-data.js';
import type { ViewSettings } from './views.js';

interface MeetingAgenda {
  readonly meeting: Meeting;
  readonly dueSinceLast: readonly ActionHeadline[];
  readonly dueBeforeNext: readonly ActionHeadline[];
  readonly blocked: readonly ActionHeadline[];
  readonly problems: readonly ProblemPlan[];
}

interface MeetingOutcomes {
  readonly meeting: Meeting;
  readonly changes: readonly AuditEvent[];
  readonly proposals: readonly ProposedAction[];
}

const emptyFormValues = {
  title: '',
  measure: '',
  target: '',
  ownerIds: '',
  dueDate: '',
  priorityId: '',
  proposal: '',
};

/** A card stays readable in a meeting chat: at most this many lines a section, the rest counted. */
const MAX_LINES = 12;

export function agendaCard(agenda: MeetingAgenda, view: ViewSettings): CardData<'digest'> {
  const line = (a: ActionHeadline) => ({
    ref: a.ref,
    line: `${a.ref} ${a.title} (due ${formatDate(a.dueDate)}; ${a.owners.map((o) => o.displayName).join(', ')})`,
  });
  const sections = [
    {
      title: 'Due since the last meeting',
      color: 'Attention' as const,
      items: agenda.dueSinceLast.map(line),
    },
    { title: 'Blocked', color: 'Attention' as const, items: agenda.blocked.map(line) },
    {
      title: 'Due before the next meeting',
      color: 'Warning' as const,
      items: agenda.dueBeforeNext.map(line),
    },
    {
      title: 'Problem-solving plans to review',
      color: 'Accent' as const,
      items: [...agenda.problems]
        .sort((a, b) => SARA_STAGES.indexOf(a.stage) - SARA_STAGES.indexOf(b.stage))
        .map((p) => ({ ref: '', line: `${p.ref} ${p.title} (${p.stage})` })),
    },
  ];
  return {
    heading: `Agenda: ${agenda.meeting.title}`,
    subtitle: `Started ${formatInstant(agenda.meeting.heldFrom ?? agenda.meeting.start, view.timeZone)}. Status changes and notes made on the cards during the meeting are listed when it ends.`,
    sections: sections.filter((s) => s.items.length).map(section),
    footer: agenda.meeting.agenda ? `The organiser's agenda: ${agenda.meeting.agenda}` : '',
  };
}

export function outcomesCard(outcomes: MeetingOutcomes, view: ViewSettings): CardData<'digest'> {
  const lines = historyLines(outcomes.changes, view.timeZone).map((l, i) => ({
    ref: outcomes.changes[i]!.entity.label,
    line: `${outcomes.changes[i]!.entity.label} · ${l.line}`,
  }));
  return {
    heading: `Outcomes: ${outcomes.meeting.title}`,
    subtitle: `${lines.length} changes to the town's actions while the meeting ran.`,
    sections: lines.length ? [section({ title: 'What changed', color: 'Good' as const, items: lines })] : [],
    footer: lines.length ? '' : 'No action was changed during the meeting.',
    proposals: outcomes.proposals.slice(0, MAX_LINES).map((p) => ({
      line: `${p.title}${p.dueDate ? ` (due ${formatDate(p.dueDate)})` : ''}, proposed by ${p.proposedBy.displayName}`,
      town: outcomes.meeting.town,
      ...emptyFormValues,
      ...formValuesOf(outcomes.meeting.id, p),
    })),
  };
}

function section(s: {
  title: string;
  color: 'Attention' | 'Warning' | 'Accent' | 'Good';
  items: { ref: string; line: string }[];
}) {
  const shown = s.items.slice(0, MAX_LINES);
  const more = s.items.length - shown.length;
  return {
    title: `${s.title} (${s.items.length})`,
    color: s.color,
    lines: more > 0 ? [...shown, { ref: '', line: `…and ${more} more` }] : shown,
  };
}
