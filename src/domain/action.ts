import { z } from 'zod';
import { type AccessRole } from './roles.js';
import { ownersFrom, relevanceProblems, titleProblems } from './action-checks.js';
import { daysBetween, localDateSchema, type LocalDate } from './dates.js';
import { fail, issue, ok, type Issue, type Validated } from './result.js';
import { TEXT_LIMITS, textField } from './text.js';
import { townBySlug, townSlugSchema, type TownSlug } from './towns.js';
import type { Actor, PersonRef, Versioned } from './entity.js';
import type { Member } from './member.js';
import type { DeliveryPlan } from './plan.js';
import type { Priority } from './priority.js';
import type { TaskGroup } from './task-group.js';
import type { Recurrence } from './recurrence.js';
import { MAX_MILESTONES, milestonesFrom, type Milestone } from './milestone.js';
import type { WarningsKept } from './smart-warnings.js';

export const ACTION_STATUSES = ['not_started', 'in_progress', 'blocked', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const OPEN_STATUSES: readonly ActionStatus[] = ['not_started', 'in_progress', 'blocked'];
export const CLOSED_STATUSES: readonly ActionStatus[] = ['done', 'cancelled'];
export const STATUS_LABELS: Record<ActionStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  blocked: 'Blocked',
  done: 'Done',
  cancelled: 'Cancelled',
};

interface ProgressNote {
  at: string;
  by: PersonRef;
  text: string;
  /** Evidence: a document in the partnership's SharePoint or OneDrive (see evidence-link.ts). */
  link?: string;
}

/** Another action, named by id and reference. */
interface ActionLink {
  id: string;
  ref: string;
}

/** A specific, measurable, time-bound action of a delivery plan, with named owners. */
export interface Action extends Versioned {
  town: TownSlug;
  ref: string;
  planId: string;
  priorityId: string;
  taskGroupId: string | null;
  title: string;
  measure: string;
  target: string;
  owners: PersonRef[];
  dueDate: LocalDate;
  /** Reminders wait until this date (an owner snoozed them); absent or null: not snoozed. */
  snoozedUntil?: LocalDate | null;
  status: ActionStatus;
  blockedReason: string | null;
  notes: ProgressNote[];
  createdAt: string;
  updatedAt: string;
  createdBy: Actor;
  demo: boolean;
  /** Shown on the town's public summary (the partnership's web page); private unless a coordinator says so. */
  public?: boolean;
  /** When the retention policy removed its free text; such an action is kept for the counts only. */
  redactedAt?: string | null;
  /** Comes round again when done (see recurrence.ts): the next occurrence is made then. */
  recurrence?: Recurrence | null;
  /** The occurrence this one follows, and the one made when this was done. */
  previous?: ActionLink | null;
  next?: ActionLink | null;
  /** Dated interim steps (milestone.ts), reminded like the due date; in date order. */
  milestones?: Milestone[];
  /** The SMART coach's warnings it was saved with, and why its author kept it so (smart-warnings.ts). */
  warnings?: WarningsKept | null;
  /** Why it was cancelled (cancelling needs a reason); null once reinstated. */
  cancelledReason?: string | null;
  /** How often its due date has moved since it was made. */
  dueDateMoves?: number;
  /** The moves that needed a reason (the action was overdue, or its date had moved before): action-status.ts. */
  replanned?: Replanned | null;
}

/** An action re-planned: how often, whether it had fallen overdue, and the latest reason. */
interface Replanned {
  times: number;
  /** Moved on from overdue at least once: RAG is then at best amber until it is done (due.ts). */
  afterOverdue: boolean;
  reason: string;
  at: string;
}

const actionInputSchema = z.object({
  town: townSlugSchema,
  planId: z.string({ error: 'Choose the delivery plan' }).min(1, 'Choose the delivery plan'),
  priorityId: z
    .string({ error: 'Choose the priority this action serves' })
    .min(1, 'Choose the priority this action serves'),
  taskGroupId: z
    .string()
    .min(1)
    .nullish()
    .transform((v) => v ?? null),
  title: textField('Title', TEXT_LIMITS.title),
  measure: textField('Measure', TEXT_LIMITS.measure),
  target: textField('Target', TEXT_LIMITS.target),
  ownerIds: z
    .array(z.string().trim().min(1), { error: 'Name at least one owner' })
    .min(1, 'Name at least one owner')
    .max(10, 'At most 10 owners: an action everyone owns is owned by nobody'),
  dueDate: localDateSchema,
  milestones: z
    .array(z.object({ title: z.string().optional(), dueDate: z.string().optional() }))
    .max(MAX_MILESTONES, `At most ${MAX_MILESTONES} milestones`)
    .default([]),
  demo: z.boolean().default(false),
});

/** What a new action is checked against: the town's plan, priorities, members and today's date. */
export interface ActionContext {
  today: LocalDate;
  plan: DeliveryPlan | null;
  priorities: readonly Priority[];
  members: readonly Member[];
  taskGroup: TaskGroup | null;
}

/** A valid new action, before it has an id and a reference. */
export type ActionDraft = Omit<Action, 'id' | 'version' | 'ref' | 'createdAt' | 'updatedAt' | 'createdBy'>;

const MAX_HORIZON_DAYS = 3 * 366;

/** SMART checks on creation. Every problem is reported at once, each with a specific message. */
export function validateNewAction(input: unknown, ctx: ActionContext): Validated<ActionDraft> {
  const parsed = actionInputSchema.safeParse(input);
  if (!parsed.success)
    return fail(parsed.error.issues.map((i) => issue(i.path.join('.') || 'action', i.message)));
  const a = parsed.data;
  const problems: Issue[] = [...titleProblems(a.title), ...relevanceProblems(a, ctx)];
  // Measurable: a measure and a target are both required by the schema.
  const owners = ownersFrom(a.ownerIds, a.town, ctx.members, problems);
  // Time-bound
  const days = daysBetween(ctx.today, a.dueDate);
  if (days < 0) problems.push(issue('dueDate', `The due date ${a.dueDate} is in the past`));
  if (days > MAX_HORIZON_DAYS) {
    problems.push(
      issue('dueDate', 'The due date is more than three years away: split the action into stages'),
    );
  }
  if (ctx.plan && a.dueDate > ctx.plan.periodEnd) {
    problems.push(issue('dueDate', `The due date is after the plan period ends (${ctx.plan.periodEnd})`));
  }
  const milestones = milestonesFrom(a.milestones, { today: ctx.today, dueDate: a.dueDate });
  if (!milestones.ok) problems.push(...milestones.error);
  if (problems.length || !milestones.ok) return fail(problems);

  const { ownerIds: _ownerIds, ...rest } = a;
  return ok({
    ...rest,
    milestones: milestones.value,
    owners,
    status: 'not_started',
    blockedReason: null,
    notes: [],
  });
}

export function completeAction(
  draft: ActionDraft,
  meta: { id: string; ref: string; now: Date; actor: Actor },
): Action {
  const at = meta.now.toISOString();
  return {
    ...draft,
    id: meta.id,
    ref: meta.ref,
    version: 1,
    createdAt: at,
    updatedAt: at,
    createdBy: meta.actor,
  };
}

/** Human reference: town code and a per-town sequence number, e.g. TRU-014. */
export function formatActionRef(town: TownSlug, seq: number): string {
  return `${townBySlug(town).code}-${String(seq).padStart(3, '0')}`;
}

/** Reads "tru-14", "TRU 014" or "TRU-014" as TRU-014. */
export function normaliseActionRef(input: string): string | null {
  const m = /^\s*([A-Za-z]{3})[\s-]?(\d{1,6})\s*$/.exec(input);
  return m ? `${m[1]!.toUpperCase()}-${m[2]!.padStart(3, '0')}` : null;
}

/** Who may change an action: the town's coordinators, and its owners who are members of the town. */
export function mayChangeAction(
  action: Pick<Action, 'owners'>,
  actorId: string,
  role: AccessRole | null,
): boolean {
  return (
    role === 'coordinator' || (role === 'member' && action.owners.some((o) => o.aadObjectId === actorId))
  );
}

export function isOpen(action: Pick<Action, 'status'>): boolean {
  return OPEN_STATUSES.includes(action.status);
}

/**
 * What lists of actions show: everything but the longer text (measure, target, notes, blocked reason) and
 * who made it. Bounded in size, so a town's list can be kept in memory at any scale.
 */
const HEADLINE_FIELDS = [
  'id',
  'version',
  'town',
  'ref',
  'planId',
  'priorityId',
  'taskGroupId',
  'title',
  'owners',
  'dueDate',
  'snoozedUntil',
  'status',
  'demo',
  'public',
  'redactedAt',
  'updatedAt',
  // Small and bounded (at most 3 milestones; warnings name their field and clip quoted text).
  'milestones',
  'warnings',
  'dueDateMoves', // small: a count,
  'replanned', //    a count, a flag and one reason
] as const satisfies readonly (keyof Action)[];

export type ActionHeadline = Pick<Action, (typeof HEADLINE_FIELDS)[number]>;

/** The headline of an action: its HEADLINE_FIELDS, those present. */
export function headlineOf(
  action: ActionHeadline,
  map: (field: string, value: unknown) => unknown = (_, v) => v,
): ActionHeadline {
  const headline: Record<string, unknown> = {};
  for (const field of HEADLINE_FIELDS)
    if (action[field] !== undefined) headline[field] = map(field, action[field]);
  return headline as ActionHeadline;
}
