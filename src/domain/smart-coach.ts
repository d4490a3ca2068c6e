// The SMART coach: reads an action the way a Community Safety Officer reviewing a plan would, and says what to
// fix, with a suggestion for each. Its findings are warnings (the hard rules in action.ts stay errors): the
// author may keep the action as written by giving a reason (smart-warnings.ts). Pure: the caller supplies the
// owners' other work and the policy. The words it reads by are in smart-coach-words.ts.
import { daysBetween, type LocalDate } from './dates.js';
import {
  DELIBERATIVE_OPENING,
  JOINT_WORK,
  MULTI_AGENCY_THEME,
  WITH_AGENCY,
  WORK_KINDS,
} from './smart-coach-words.js';
import { lower, wordingFindings } from './smart-coach-wording.js';
import type { CoachFinding } from './smart-checks.js';
import type { Milestone } from './milestone.js';

export type WorkKind = (typeof WORK_KINDS)[number]['kind'] | 'other';

/** What the partnership expects; set per deployment (SMART_MAX_OPEN_ACTIONS, SMART_LEAD_DAYS). */
export interface CoachPolicy {
  /** An owner holding this many open actions in the town already is warned about another. */
  maxOpenActionsPerOwner: number;
  /** The fewest days each kind of work usually needs between writing it down and its due date. */
  leadDays: Record<WorkKind, number>;
  /** An action due further out than this needs a milestone. */
  milestoneAfterDays: number;
}

export const DEFAULT_COACH_POLICY: CoachPolicy = {
  maxOpenActionsPerOwner: 8,
  // A PSPO needs its statutory consultation; a licence review its 28 days for representations and a
  // hearing; works need quotes and orders; an event needs publicity; training a trainer and a room; a desk
  // task (sending a map, booking a room) a day.
  leadDays: { order: 90, licensing: 56, works: 42, event: 21, training: 14, other: 7, desk: 1 },
  milestoneAfterDays: 183,
};

interface CoachOwner {
  aadObjectId: string;
  displayName: string;
  organisation: string;
}

/** The action as written. */
export interface CoachInput {
  title: string;
  measure: string;
  target: string;
  dueDate: LocalDate;
  owners: readonly CoachOwner[];
  /** The theme of the priority it serves (null when none is chosen yet). */
  theme: string | null;
  milestones: readonly Milestone[];
}

export interface CoachContext {
  today: LocalDate;
  /** Open actions each owner already holds in the town, not counting this one. */
  openActionsOf: (aadObjectId: string) => number;
  policy?: CoachPolicy;
}

/** Every warning about the action, in the order the form shows its fields. */
export function coachAction(input: CoachInput, ctx: CoachContext): CoachFinding[] {
  const policy = ctx.policy ?? DEFAULT_COACH_POLICY;
  return [
    ...wordingFindings(input),
    ...ownerFindings(input, ctx, policy),
    ...timeFindings(input, ctx.today, policy),
  ];
}

/** The kind of work a title describes, for its lead time. */
export function workKindOf(title: string): WorkKind {
  const text = lower(title);
  // Weighing a deed up is not doing it: "Consider a PSPO" needs no consultation's lead time.
  if (DELIBERATIVE_OPENING.test(text)) return 'other';
  return WORK_KINDS.find((k) => k.words.test(text))?.kind ?? 'other';
}

function ownerFindings(input: CoachInput, ctx: CoachContext, policy: CoachPolicy): CoachFinding[] {
  const findings: CoachFinding[] = [];
  const busy = input.owners.filter((o) => ctx.openActionsOf(o.aadObjectId) >= policy.maxOpenActionsPerOwner);
  if (busy.length)
    findings.push({
      code: 'owner_overloaded',
      check: 'achievable',
      field: 'ownerIds',
      message: `${busy.map((o) => `${o.displayName} already holds ${ctx.openActionsOf(o.aadObjectId)}`).join('; ')} open actions in this town (the partnership's guide is fewer than ${policy.maxOpenActionsPerOwner})`,
      suggestion: 'Share it with another partner, or close or hand over finished work first',
    });
  const agencies = new Set(input.owners.map((o) => lower(o.organisation).trim()));
  const multiAgency = MULTI_AGENCY_THEME.test(lower(`${input.theme ?? ''} ${input.title}`));
  const title = lower(input.title);
  // "With the police" is joint work only when the police are not already the owners; a desk task is no
  // shared work at all ("Share the log with the police").
  const named = WITH_AGENCY.exec(title)?.[1];
  const withOwnAgency = !!named && [...agencies].some((a) => a.includes(named));
  const joint = JOINT_WORK.test(withOwnAgency ? title.replace(WITH_AGENCY, '') : title);
  const shared = workKindOf(input.title) !== 'desk' && (input.owners.length > 1 || joint);
  if (multiAgency && shared && agencies.size === 1 && input.owners.length > 0)
    findings.push({
      code: 'single_agency',
      check: 'achievable',
      field: 'ownerIds',
      message: `Every owner is from ${input.owners[0]!.organisation}, but this is partnership work`,
      suggestion:
        'Add an owner from another agency that shares the work (council, housing, the drug and alcohol service...)',
    });
  return findings;
}

function timeFindings(input: CoachInput, today: LocalDate, policy: CoachPolicy): CoachFinding[] {
  const findings: CoachFinding[] = [];
  const days = daysBetween(today, input.dueDate);
  const kind = workKindOf(input.title);
  const needed = policy.leadDays[kind];
  if (days >= 0 && days < needed)
    findings.push({
      code: 'too_soon',
      check: 'achievable',
      field: 'dueDate',
      message: `Due in ${days} day${days === 1 ? '' : 's'}: ${KIND_NAMES[kind]} usually needs at least ${needed}`,
      suggestion: `Give it until ${needed} days from today or later, or split off the part that can be done by then`,
    });
  if (days > policy.milestoneAfterDays && input.milestones.length === 0)
    findings.push({
      code: 'needs_milestone',
      check: 'time_bound',
      field: 'milestones',
      message: `Due in ${Math.round(days / 30.4)} months with no milestone: nobody will know it is slipping until it is late`,
      suggestion: 'Add a dated interim step: e.g. "Consultation closed" three months in, "Order made" at six',
    });
  return findings;
}

const KIND_NAMES: Record<WorkKind, string> = {
  desk: 'a desk task',
  order: 'an order such as a PSPO, or a consultation',
  licensing: 'a licence review (28 days for representations, then a hearing)',
  works: 'physical works such as CCTV or lighting',
  event: 'an event, a week of action or a campaign',
  training: 'training',
  other: 'any action',
};
