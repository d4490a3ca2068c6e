// "actions to review": the plan's weak spots for its coordinator: actions kept with SMART warnings (with the
// reason given, or imported and not reviewed) and the priorities no action serves yet.
import { hasWarnings } from '../domain/smart-warnings.js';
import type { PlanQuality } from '../domain/plan-quality.js';
import { ok, type Result } from '../domain/result.js';
import { authorise } from './authorise.js';
import { currentPlan } from './plan-queries.js';
import type { AppError } from '../errors.js';
import type { ActionHeadline } from '../domain/action.js';
import type { DeliveryPlan } from '../domain/plan.js';
import type { Actor } from '../domain/entity.js';
import type { TownSlug } from '../domain/towns.js';
import type { AppContext } from './context.js';

export interface ActionsToReview {
  town: TownSlug;
  plan: DeliveryPlan;
  /** Open and done actions of the plan with warnings, soonest due first. */
  actions: ActionHeadline[];
  quality: PlanQuality;
}

export async function actionsToReview(
  ctx: AppContext,
  actor: Actor,
  town: TownSlug,
): Promise<Result<ActionsToReview, AppError>> {
  const access = await authorise(ctx, actor, town, 'coordinate');
  if (!access.ok) return access;
  const view = await currentPlan(ctx, actor, town);
  if (!view.ok) return view;
  // The plan's view has worked out its quality already; the list is the actions behind it.
  const { plan, progress } = view.value;
  const actions = (await ctx.stores.actions.listByTown(town)).filter(
    (a) => a.planId === plan.id && a.status !== 'cancelled' && hasWarnings(a),
  );
  return ok({ town, plan, actions, quality: progress.quality });
}
