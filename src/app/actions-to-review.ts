// "actions to review": the plan's weak spots for its coordinator: actions kept with SMART warnings (with the
// reason given, or imported and not reviewed), the priorities no action serves yet, and the actions proposed
// in meetings that were never reviewed and saved (the outcomes card's dialog is one way; this is another).
import { hasWarnings } from '../domain/smart-warnings.js';
import type { PlanQuality } from '../domain/plan-quality.js';
import { ok, type Result } from '../domain/result.js';
import { authorise } from './authorise.js';
import { currentPlan } from './plan-queries.js';
import type { AppError } from '../errors.js';
import type { ActionHeadline } from '../domain/action.js';
import type { DeliveryPlan } from '../domain/plan.js';
import type { Actor } from '../domain/entity.js';
import type { Meeting, ProposedAction } from '../domain/meeting.js';
import type { TownSlug } from '../domain/towns.js';
import type { AppContext } from './context.js';

export interface ActionsToReview {
  town: TownSlug;
  plan: DeliveryPlan;
  /** Open and done actions of the plan with warnings, soonest due first. */
  actions: ActionHeadline[];
  quality: PlanQuality;
  /** Proposed in a meeting (not a cancelled one) and not saved as an action yet, oldest meeting first. */
  proposals: { meeting: Meeting; proposal: ProposedAction }[];
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
  const meetings = (await ctx.stores.meetings.listByTown(town))
    .filter((m) => m.status !== 'cancelled')
    .sort((a, b) => a.start.localeCompare(b.start));
  const proposals = meetings.flatMap((meeting) =>
    (meeting.proposals ?? []).filter((p) => !p.savedAs).map((proposal) => ({ meeting, proposal })),
  );
  return ok({ town, plan, actions, quality: progress.quality, proposals });
}
