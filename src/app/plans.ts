// Delivery plan lifecycle: a coordinator creates a plan and its priorities, consults the partners (draft ->
// consultation, comments and concerns until a deadline), approves it (locked); later changes need a reason
// and are kept as revisions. Every write names the version the user saw: two coordinators cannot both win.
import { AppError, ErrorCode } from '../errors.js';
import {
  addComment,
  approvePlan,
  movePlan,
  newPlan,
  periodsOverlap,
  reviseIfApproved,
  startConsultation,
  type DeliveryPlan,
} from '../domain/plan.js';
import { planProgress, type PlanProgress } from '../domain/plan-progress.js';
import { newPriority, type Priority } from '../domain/priority.js';
import { screenForActor } from './personal-data.js';
import { fail, ok, type Result, type Validated } from '../domain/result.js';
import { townBySlug, type TownSlug } from '../domain/towns.js';
import { audit } from './audit-trail.js';
import { authorise } from './authorise.js';
import { today } from './read-models.js';
import type { LocalDate } from '../domain/dates.js';
import type { Actor } from '../domain/entity.js';
import type { AppContext } from './context.js';

export interface PlanView {
  plan: DeliveryPlan;
  priorities: Priority[];
  progress: PlanProgress;
}

const person = (actor: Actor) => ({ aadObjectId: actor.id, displayName: actor.name });
const invalid = (result: Validated<unknown> & { ok: false }, summary: string) =>
  fail(AppError.validation(result.error, summary));

export async function createPlan(
  ctx: AppContext,
  actor: Actor,
  input: { town: TownSlug; title: unknown; periodStart: unknown; periodEnd: unknown },
): Promise<Result<DeliveryPlan, AppError>> {
  const access = await authorise(ctx, actor, input.town, 'coordinate');
  if (!access.ok) return access;
  const plan = newPlan(input, ctx.ids.newId());
  if (!plan.ok) return invalid(plan, 'The plan is not ready yet');
  const clash = (await ctx.stores.plans.listByTown(input.town)).find((p) => periodsOverlap(p, plan.value));
  if (clash)
    return fail(
      new AppError(
        ErrorCode.Duplicate,
        `${townBySlug(input.town).name} already has a plan for ${clash.periodStart} to ${clash.periodEnd} ("${clash.title}"): plans may not overlap`,
      ),
    );
  await ctx.stores.plans.insert(plan.value, planEvent(ctx, actor, 'plan.created', null, plan.value));
  return ok(plan.value);
}

/** The plan covering today, else the newest: what "plan Truro" shows. */
export async function currentPlan(
  ctx: AppContext,
  actor: Actor,
  town: TownSlug,
): Promise<Result<PlanView, AppError>> {
  const access = await authorise(ctx, actor, town, 'read');
  if (!access.ok) return access;
  const plans = await ctx.stores.plans.listByTown(town);
  const day = today(ctx);
  const plan = plans.find((p) => p.periodStart <= day && day <= p.periodEnd) ?? plans[0];
  if (!plan) {
    const name = townBySlug(town).name;
    return fail(
      new AppError(
        ErrorCode.NotFound,
        `${name} has no delivery plan yet: a coordinator can start one with "new plan ${name}"`,
      ),
    );
  }
  return ok(await viewOf(ctx, plan));
}

export async function planById(
  ctx: AppContext,
  actor: Actor,
  planId: string,
): Promise<Result<PlanView, AppError>> {
  const plan = await ctx.stores.plans.get(planId);
  if (!plan) return fail(new AppError(ErrorCode.NotFound, 'That plan no longer exists'));
  const access = await authorise(ctx, actor, plan.town, 'read');
  return access.ok ? ok(await viewOf(ctx, plan)) : access;
}

export async function viewOf(ctx: AppContext, plan: DeliveryPlan): Promise<PlanView> {
  const [priorities, actions] = await Promise.all([
    ctx.stores.priorities.listByPlan(plan.id),
    ctx.stores.actions.listByTown(plan.town),
  ]);
  const ofPlan = actions.filter((a) => a.planId === plan.id);
  return { plan, priorities, progress: planProgress(priorities, ofPlan, today(ctx)) };
}

export type PlanMove = { to: 'consultation'; closes: LocalDate } | { to: 'approved' } | { to: 'draft' };

/** Coordinators move a plan through its lifecycle, from the version they saw. */
export async function movePlanTo(
  ctx: AppContext,
  actor: Actor,
  request: { planId: string; expectedVersion: number; move: PlanMove },
): Promise<Result<PlanView, AppError>> {
  const found = await forChange(ctx, actor, request.planId, request.expectedVersion, 'coordinate');
  if (!found.ok) return found;
  const plan = found.value;
  const { move } = request;
  const next =
    move.to === 'consultation'
      ? startConsultation(
          plan,
          move.closes,
          today(ctx),
          (await ctx.stores.priorities.listByPlan(plan.id)).length,
        )
      : move.to === 'approved'
        ? approvePlan(plan, ctx.clock.now())
        : movePlan(plan, 'draft');
  if (!next.ok) return invalid(next, `${plan.title} was not changed`);
  return save(ctx, actor, plan, next.value, `plan.${move.to}`);
}

/** A partner comments on, or raises a concern about, a plan in consultation. */
export async function commentOnPlan(
  ctx: AppContext,
  actor: Actor,
  request: { planId: string; kind: 'comment' | 'concern'; text: string; personalDataConfirmed?: boolean },
): Promise<Result<PlanView, AppError>> {
  const options = { confirmed: request.personalDataConfirmed };
  const screening = await screenForActor(ctx, actor, { text: request.text }, options);
  if (!screening.allowed)
    return fail(
      new AppError(
        ErrorCode.Validation,
        'That looks like personal details (a name, an age, health, drug use or offending, an address, a phone number...). Refer to people by their case-system reference instead.',
      ),
    );
  // Comments from several partners at once: each retries on the newer version instead of failing.
  for (let attempt = 0; attempt < 5; attempt++) {
    const plan = await ctx.stores.plans.get(request.planId);
    if (!plan) return fail(new AppError(ErrorCode.NotFound, 'That plan no longer exists'));
    const access = await authorise(ctx, actor, plan.town, 'update');
    if (!access.ok) return access;
    const next = addComment(plan, request, person(actor), ctx.clock.now(), today(ctx));
    if (!next.ok) return invalid(next, 'Your comment was not added');
    const saved = await save(ctx, actor, plan, next.value, `plan.${request.kind}`);
    if (saved.ok || saved.error.code !== ErrorCode.StaleVersion) return saved;
  }
  return fail(new AppError(ErrorCode.Unavailable, 'Many partners are commenting at once: try again'));
}

/** A coordinator adds a priority; once the plan is approved, only with a reason (a revision). */
export async function addPriority(
  ctx: AppContext,
  actor: Actor,
  request: {
    planId: string;
    expectedVersion: number;
    input: Record<string, unknown>;
    reason?: string | null;
  },
): Promise<Result<PlanView, AppError>> {
  const found = await forChange(ctx, actor, request.planId, request.expectedVersion, 'coordinate');
  if (!found.ok) return found;
  const plan = found.value;
  const priority = newPriority({ ...request.input, town: plan.town, planId: plan.id }, ctx.ids.newId());
  if (!priority.ok) return invalid(priority, 'The priority is not ready yet');
  const revised = reviseIfApproved(
    plan,
    `Priority added: ${priority.value.title}`,
    request.reason,
    person(actor),
    ctx.clock.now(),
  );
  if (!revised.ok) return invalid(revised, 'The priority was not added');
  // The plan's version moves first, so a stale card or a second coordinator adds nothing.
  const saved = await save(ctx, actor, plan, revised.value, 'plan.priority_added');
  if (!saved.ok) return saved;
  const entity = { kind: 'priority' as const, id: priority.value.id, label: priority.value.title };
  await ctx.stores.priorities.insert(
    priority.value,
    audit(ctx, {
      actor,
      change: 'priority.added',
      entity,
      town: plan.town,
      before: null,
      after: priority.value,
    }),
  );
  return ok(await viewOf(ctx, saved.value.plan));
}

/** For actions added to a plan: a revision when the plan is approved (reason required), else nothing. */
export async function recordPlanRevision(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  change: string,
  reason: string | null | undefined,
): Promise<Result<DeliveryPlan, AppError>> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const plan = await ctx.stores.plans.get(planId);
    if (!plan) return fail(new AppError(ErrorCode.NotFound, 'That plan no longer exists'));
    const revised = reviseIfApproved(plan, change, reason, person(actor), ctx.clock.now());
    if (!revised.ok) return invalid(revised, 'The plan is approved and locked');
    if (revised.value === plan) return ok(plan);
    const saved = await save(ctx, actor, plan, revised.value, 'plan.revised');
    if (saved.ok) return ok(saved.value.plan);
    if (saved.error.code !== ErrorCode.StaleVersion) return saved;
  }
  return fail(new AppError(ErrorCode.Unavailable, 'The plan is being changed by others: try again'));
}

async function forChange(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  expectedVersion: number,
  need: 'update' | 'coordinate',
): Promise<Result<DeliveryPlan, AppError>> {
  const plan = await ctx.stores.plans.get(planId);
  if (!plan) return fail(new AppError(ErrorCode.NotFound, 'That plan no longer exists'));
  const access = await authorise(ctx, actor, plan.town, need);
  if (!access.ok) return access;
  if (plan.version !== expectedVersion) return fail(stale(plan));
  return ok(plan);
}

const stale = (plan: DeliveryPlan) =>
  new AppError(
    ErrorCode.StaleVersion,
    `${plan.title} changed while you were looking at it: here it is as it is now. Nothing was changed.`,
  );

async function save(
  ctx: AppContext,
  actor: Actor,
  before: DeliveryPlan,
  after: DeliveryPlan,
  change: string,
): Promise<Result<PlanView, AppError>> {
  const outcome = await ctx.stores.plans.update(
    after,
    before.version,
    planEvent(ctx, actor, change, before, after),
  );
  if (outcome.kind === 'not_found')
    return fail(new AppError(ErrorCode.NotFound, 'That plan no longer exists'));
  if (outcome.kind === 'stale') return fail(stale(outcome.current));
  return ok(await viewOf(ctx, outcome.value));
}

function planEvent(
  ctx: AppContext,
  actor: Actor,
  change: string,
  before: DeliveryPlan | null,
  after: DeliveryPlan,
) {
  const entity = { kind: 'plan' as const, id: after.id, label: after.title };
  const slim = (p: DeliveryPlan | null) =>
    p && {
      status: p.status,
      title: p.title,
      consultationCloses: p.consultationCloses ?? null,
      comments: p.comments?.length ?? 0,
      revisions: p.revisions?.length ?? 0,
    };
  return audit(ctx, { actor, change, entity, town: after.town, before: slim(before), after: slim(after) });
}
