// Reading delivery plans: the plan a town is working to, a plan by id, and its progress by priority.
import type { EvidenceFigure } from '../domain/priority-evidence.js';
import { citedFigures } from './cited-evidence.js';
import { abilitiesIn, abilitiesOf, type TownAbilities } from './card-context.js';
import { AppError, ErrorCode } from '../errors.js';
import type { DeliveryPlan } from '../domain/plan.js';
import { planProgress, type PlanProgress } from '../domain/plan-progress.js';
import type { Priority } from '../domain/priority.js';
import { fail, ok, type Result } from '../domain/result.js';
import { townBySlug, type TownSlug } from '../domain/towns.js';
import { authorise } from './authorise.js';
import { today } from './read-models.js';
import type { Actor } from '../domain/entity.js';
import type { AppContext } from './context.js';

export interface PlanView {
  plan: DeliveryPlan;
  priorities: Priority[];
  progress: PlanProgress;
  /** What the person may do with it (its card's buttons): the use case says, the edge does not ask. */
  may: TownAbilities;
  /** By priority id: the police.uk figure each priority from the town profile rests on, and its trend. */
  evidence: Record<string, EvidenceFigure>;
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
  return ok(await viewOf(ctx, actor, plan, abilitiesOf(access.value)));
}

export async function planById(
  ctx: AppContext,
  actor: Actor,
  planId: string,
): Promise<Result<PlanView, AppError>> {
  const plan = await ctx.stores.plans.get(planId);
  if (!plan) return fail(new AppError(ErrorCode.NotFound, 'That plan no longer exists'));
  const access = await authorise(ctx, actor, plan.town, 'read');
  return access.ok ? ok(await viewOf(ctx, actor, plan, abilitiesOf(access.value))) : access;
}

export async function viewOf(
  ctx: AppContext,
  actor: Actor,
  plan: DeliveryPlan,
  /** What the person may do, when the caller has just authorised them. */
  known?: TownAbilities,
): Promise<PlanView> {
  const [priorities, actions, may] = await Promise.all([
    ctx.stores.priorities.listByPlan(plan.id),
    ctx.stores.actions.listByTown(plan.town),
    known ?? abilitiesIn(ctx, actor, plan.town),
  ]);
  const ofPlan = actions.filter((a) => a.planId === plan.id);
  const evidence = await evidenceOf(ctx, plan, priorities);
  return { plan, priorities, progress: planProgress(priorities, ofPlan, today(ctx)), may, evidence };
}

/** The figures the town-profile priorities cite, by priority id. */
async function evidenceOf(
  ctx: AppContext,
  plan: DeliveryPlan,
  priorities: readonly Priority[],
): Promise<Record<string, EvidenceFigure>> {
  const cited = await citedFigures(ctx, plan.town, [plan], priorities);
  return Object.fromEntries(cited.map((c) => [c.priority.id, c.figure]));
}
