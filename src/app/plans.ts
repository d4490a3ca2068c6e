// Delivery plan lifecycle: a coordinator creates a plan and its priorities, consults the partners (draft ->
// consultation, comments and concerns until a deadline), approves it (locked); later changes need a reason
// and are kept as revisions. Every write names the version the user saw: two coordinators cannot both win.
import type { ScreenedText } from '../domain/screened-text.js';
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
import { newPriority, type Priority } from '../domain/priority.js';
import { fail, ok, type Result, type Validated } from '../domain/result.js';
import { townBySlug, type TownSlug } from '../domain/towns.js';
import { audit } from './audit-trail.js';
import { authorise } from './authorise.js';
import { changeRecord, checked } from './versioned-change.js';
import { viewOf, type PlanView } from './plan-queries.js';
import { today } from './read-models.js';
import type { LocalDate } from '../domain/dates.js';
import type { Actor } from '../domain/entity.js';
import type { AppContext } from './context.js';

const person = (actor: Actor) => ({ aadObjectId: actor.id, displayName: actor.name });
const invalid = (result: Validated<unknown> & { ok: false }, summary: string) =>
  fail(AppError.validation(result.error, summary));

export async function createPlan(
  ctx: AppContext,
  actor: Actor,
  input: { town: TownSlug; title: ScreenedText; periodStart: unknown; periodEnd: unknown },
): Promise<Result<PlanView, AppError>> {
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
  return ok(await viewOf(ctx, actor, plan.value));
}

export type PlanMove = { to: 'consultation'; closes: LocalDate } | { to: 'approved' } | { to: 'draft' };

/** Coordinators move a plan through its lifecycle, from the version they saw. */
export async function movePlanTo(
  ctx: AppContext,
  actor: Actor,
  request: { planId: string; expectedVersion: number; move: PlanMove },
): Promise<Result<PlanView, AppError>> {
  const { move } = request;
  return changePlan(ctx, actor, request, 'coordinate', `plan.${move.to}`, async (plan) =>
    checked(
      move.to === 'consultation'
        ? startConsultation(
            plan,
            move.closes,
            today(ctx),
            (await ctx.stores.priorities.listByPlan(plan.id)).length,
          )
        : move.to === 'approved'
          ? approvePlan(plan, ctx.clock.now())
          : movePlan(plan, 'draft'),
      `${plan.title} was not changed`,
    ),
  );
}

/** A partner comments on, or raises a concern about, a plan in consultation. */
export async function commentOnPlan(
  ctx: AppContext,
  actor: Actor,
  request: { planId: string; kind: 'comment' | 'concern'; text: ScreenedText },
): Promise<Result<PlanView, AppError>> {
  // Comments from several partners at once: each retries on the newer version instead of failing.
  const target = { planId: request.planId, expectedVersion: 'current' as const };
  for (let attempt = 0; attempt < 5; attempt++) {
    const saved = await changePlan(ctx, actor, target, 'update', `plan.${request.kind}`, (plan) =>
      checked(
        addComment(plan, request, person(actor), ctx.clock.now(), today(ctx)),
        'Your comment was not added',
      ),
    );
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
    /** The priority's typed text (title, theme, source) as the guard let it through; its other fields. */
    input: Record<string, unknown> & { title: ScreenedText; theme: ScreenedText; source: ScreenedText };
    reason?: ScreenedText | null;
  },
): Promise<Result<PlanView, AppError>> {
  let added: Priority | null = null;
  // The plan's version moves first, so a stale card or a second coordinator adds nothing.
  const saved = await changePlan(ctx, actor, request, 'coordinate', 'plan.priority_added', (plan) => {
    const priority = newPriority({ ...request.input, town: plan.town, planId: plan.id }, ctx.ids.newId());
    if (!priority.ok) return checked(priority, 'The priority is not ready yet');
    added = priority.value;
    const at = ctx.clock.now();
    const title = `Priority added: ${priority.value.title}`;
    return checked(
      reviseIfApproved(plan, title, request.reason, person(actor), at),
      'The priority was not added',
    );
  });
  if (!saved.ok || !added) return saved;
  const priority: Priority = added;
  const entity = { kind: 'priority' as const, id: priority.id, label: priority.title };
  const event = audit(ctx, {
    actor,
    change: 'priority.added',
    entity,
    town: priority.town,
    before: null,
    after: priority,
  });
  await ctx.stores.priorities.insert(priority, event);
  return ok(await viewOf(ctx, actor, saved.value.plan));
}

/** For actions added to a plan: a revision when the plan is approved (reason required), else nothing. */
export async function recordPlanRevision(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  /** What changed, in the bot's words from records already kept. */
  change: string,
  reason: ScreenedText | null | undefined,
): Promise<Result<DeliveryPlan, AppError>> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const plan = await ctx.stores.plans.get(planId);
    if (!plan) return fail(new AppError(ErrorCode.NotFound, 'That plan no longer exists'));
    const revised = reviseIfApproved(plan, change, reason, person(actor), ctx.clock.now());
    if (!revised.ok) return invalid(revised, 'The plan is approved and locked');
    if (revised.value === plan) return ok(plan);
    const saved = await changePlan(
      ctx,
      actor,
      { planId, expectedVersion: plan.version },
      'system',
      'plan.revised',
      () => ok(revised.value),
    );
    if (saved.ok) return ok(saved.value.plan);
    if (saved.error.code !== ErrorCode.StaleVersion) return saved;
  }
  return fail(new AppError(ErrorCode.Unavailable, 'The plan is being changed by others: try again'));
}

/**
 * A change to a plan from the version the card showed (`current` where none is needed), by someone with
 * `need` in its town ('system': the caller has authorised already); the plan's view as saved.
 */
async function changePlan(
  ctx: AppContext,
  actor: Actor,
  target: { planId: string; expectedVersion: number | 'current' },
  need: 'update' | 'coordinate' | 'system',
  change: string,
  apply: (plan: DeliveryPlan) => Promise<Result<DeliveryPlan, AppError>> | Result<DeliveryPlan, AppError>,
): Promise<Result<PlanView, AppError>> {
  const saved = await changeRecord(ctx, actor, {
    load: () => ctx.stores.plans.get(target.planId),
    missing: 'That plan no longer exists',
    authorise: (plan) =>
      need === 'system' ? Promise.resolve(ok(true)) : authorise(ctx, actor, plan.town, need),
    expectedVersion: target.expectedVersion,
    stale: (plan) =>
      `${plan.title} changed while you were looking at it: here it is as it is now. Nothing was changed.`,
    apply,
    describe: (before, after) => planChange(change, before, after),
    save: (next, version, event) => ctx.stores.plans.update(next, version, event),
  });
  return saved.ok ? ok(await viewOf(ctx, actor, saved.value)) : saved;
}

function planEvent(
  ctx: AppContext,
  actor: Actor,
  change: string,
  before: DeliveryPlan | null,
  after: DeliveryPlan,
) {
  return audit(ctx, { actor, ...planChange(change, before, after) });
}

function planChange(change: string, before: DeliveryPlan | null, after: DeliveryPlan) {
  const entity = { kind: 'plan' as const, id: after.id, label: after.title };
  const slim = (p: DeliveryPlan | null) =>
    p && {
      status: p.status,
      title: p.title,
      consultationCloses: p.consultationCloses ?? null,
      comments: p.comments?.length ?? 0,
      revisions: p.revisions?.length ?? 0,
    };
  return { change, entity, town: after.town, before: slim(before), after: slim(after) };
}
