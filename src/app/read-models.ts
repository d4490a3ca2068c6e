// Queries: what the cards show. Each checks read access to the town first.
import { AppError, ErrorCode } from '../errors.js';
import {
  isOpen,
  mayChangeAction,
  normaliseActionRef,
  type Action,
  type ActionHeadline,
} from '../domain/action.js';
import { localDateOf, type LocalDate } from '../domain/dates.js';
import { dueState } from '../domain/due.js';
import {
  actionFigures,
  summaryQuality,
  townSummary,
  type ActionFigures,
  type TownSummary,
} from '../domain/summary.js';
import type { PlanQuality } from '../domain/plan-quality.js';
import type { DeliveryPlan } from '../domain/plan.js';
import type { Priority } from '../domain/priority.js';
import { fail, ok, type Result } from '../domain/result.js';
import { TOWNS, type TownSlug } from '../domain/towns.js';
import { authorise, roleIn } from './authorise.js';
import { COUNTY } from '../domain/member.js';
import type { Actor } from '../domain/entity.js';
import type { Member } from '../domain/member.js';
import type { Partnership } from '../domain/partnership.js';
import type { AppContext } from './context.js';

export const today = (ctx: AppContext) => localDateOf(ctx.clock.now(), ctx.settings.timeZone);

/** What a card needs to show dates: today, the time zone, and how near "due soon" is. */
export const viewSettings = (ctx: AppContext) => ({
  today: today(ctx),
  timeZone: ctx.settings.timeZone,
  dueSoonDays: ctx.settings.dueSoonDays,
});

export async function summarise(ctx: AppContext, town: TownSlug): Promise<TownSummary> {
  const { stores } = ctx;
  const [actions, meetings, problems, indicator, plans, groups] = await Promise.all([
    stores.actions.listByTown(town),
    stores.meetings.listByTown(town),
    stores.problems.listByTown(town),
    stores.indicators.get(town),
    stores.plans.listByTown(town),
    stores.taskGroups.listByTown(town),
  ]);
  const now = ctx.clock.now();
  const day = today(ctx);
  const plan = plans.find((p) => p.periodStart <= day && day <= p.periodEnd) ?? plans[0] ?? null;
  const priorities = plan ? await stores.priorities.listByPlan(plan.id) : [];
  return townSummary({
    priorities,
    town,
    today: day,
    now,
    dueSoonDays: ctx.settings.dueSoonDays,
    actions,
    figures: figuresOf(actions, day, ctx.settings.dueSoonDays),
    quality: qualityOf(actions, plan, priorities),
    meetings,
    problems,
    indicator,
    plan,
    groups,
  });
}

/**
 * A town's action figures, kept with the array of actions they were computed from: the store hands out the
 * same array until the town's actions change, so an unchanged town's summary costs the same at any size
 * rather than a pass over all its actions per request. Frozen, because every summary of the day shares them.
 */
const keptFigures = new WeakMap<readonly ActionHeadline[], { key: string; figures: ActionFigures }>();

function figuresOf(actions: readonly ActionHeadline[], day: LocalDate, dueSoonDays: number): ActionFigures {
  const key = `${day}/${dueSoonDays}`;
  const kept = keptFigures.get(actions);
  if (kept?.key === key) return kept.figures;
  const figures = deepFreeze(actionFigures(actions, day, dueSoonDays));
  keptFigures.set(actions, { key, figures });
  return figures;
}

/** The plan's quality, kept with the array of actions as the figures are (and for its plan's priorities). */
const keptQuality = new WeakMap<readonly ActionHeadline[], { key: string; quality: PlanQuality }>();

function qualityOf(
  actions: readonly ActionHeadline[],
  plan: DeliveryPlan | null,
  priorities: readonly Priority[],
): PlanQuality {
  const key = `${plan?.id ?? ''}/${priorities.map((p) => `${p.id}:${p.title}`).join('|')}`;
  const kept = keptQuality.get(actions);
  if (kept?.key === key) return kept.quality;
  const quality = deepFreeze(summaryQuality(actions, plan, priorities));
  keptQuality.set(actions, { key, quality });
  return quality;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

export async function getTownSummary(
  ctx: AppContext,
  actor: Actor,
  town: TownSlug,
): Promise<Result<TownSummary, AppError>> {
  const access = await authorise(ctx, actor, town, 'read');
  return access.ok ? ok(await summarise(ctx, town)) : access;
}

/** All ten towns side by side: for the county board and for coordinators. */
export async function getBoardSummary(
  ctx: AppContext,
  actor: Actor,
): Promise<Result<TownSummary[], AppError>> {
  const access = await mayViewBoard(ctx, actor);
  if (!access.ok) return access;
  return ok(await Promise.all(TOWNS.map((t) => summarise(ctx, t.slug))));
}

/** The board view (and its reports) is for board members and coordinators. */
export async function mayViewBoard(ctx: AppContext, actor: Actor): Promise<Result<true, AppError>> {
  if (actor.kind === 'system') return ok(true);
  const seats = await ctx.stores.members.listByPerson(actor.id);
  return seats.some((m) => m.town === COUNTY || m.accessRole === 'coordinator')
    ? ok(true)
    : fail(new AppError(ErrorCode.Forbidden, 'The board view is for board members and coordinators'));
}

export type ActionFilter = 'all' | 'mine' | 'overdue' | 'due';

export async function listActions(
  ctx: AppContext,
  actor: Actor,
  town: TownSlug,
  filter: ActionFilter,
): Promise<Result<ActionHeadline[], AppError>> {
  const access = await authorise(ctx, actor, town, 'read');
  if (!access.ok) return access;
  const day = today(ctx);
  const keep = (a: ActionHeadline): boolean => {
    const due = dueState(a, day, ctx.settings.dueSoonDays).kind;
    if (filter === 'mine') return a.owners.some((o) => o.aadObjectId === actor.id);
    if (filter === 'overdue') return due === 'overdue';
    if (filter === 'due') return due === 'due_today' || due === 'due_soon';
    return true;
  };
  return ok((await ctx.stores.actions.listByTown(town)).filter(keep));
}

/** The actor's open actions in every town they have a seat in, soonest due first. */
export async function myActions(ctx: AppContext, actor: Actor): Promise<ActionHeadline[]> {
  const towns = (await ctx.stores.members.listByPerson(actor.id)).flatMap((m) =>
    m.town === COUNTY ? [] : [m.town],
  );
  return (await ctx.stores.actions.listByOwner(actor.id, towns)).filter(isOpen);
}

/** An action the person may see, and whether they may change it: both from one read of their seats. */
export interface ActionFound {
  action: Action;
  mayEdit: boolean;
}

export async function findAction(
  ctx: AppContext,
  actor: Actor,
  ref: string,
): Promise<Result<ActionFound, AppError>> {
  const normal = normaliseActionRef(ref);
  const action = normal ? await ctx.stores.actions.getByRef(normal) : null;
  if (!action)
    return fail(
      new AppError(ErrorCode.NotFound, `There is no action ${normal ?? ref}. References look like TRU-014.`),
    );
  const access = await authorise(ctx, actor, action.town, 'read');
  if (!access.ok) return access;
  const mayEdit = access.value === 'system' || mayChangeAction(action, actor.id, access.value);
  return ok({ action, mayEdit });
}

export async function listMembers(
  ctx: AppContext,
  actor: Actor,
  town: TownSlug,
): Promise<Result<{ members: Member[]; partnership: Partnership | null; mayCoordinate: boolean }, AppError>> {
  const access = await authorise(ctx, actor, town, 'read');
  if (!access.ok) return access;
  const [members, partnership] = await Promise.all([
    ctx.stores.members.listByTown(town),
    ctx.stores.partnerships.get(town),
  ]);
  // The members card offers coordinators the hand-over: known from the access just checked.
  const mayCoordinate = access.value === 'system' || access.value === 'coordinator';
  return ok({ members, partnership, mayCoordinate });
}

/** May this person change this action? (Also decides whether the card shows its buttons.) */
export async function canEditAction(ctx: AppContext, actor: Actor, action: Action): Promise<boolean> {
  if (actor.kind === 'system') return true;
  return mayChangeAction(action, actor.id, await roleIn(ctx, actor, action.town));
}
