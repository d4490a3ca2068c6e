// A town's public summary (Markdown and HTML for its web page), and coordinators choosing which actions
// appear there. Everything else stays private.
import { AppError, ErrorCode } from '../errors.js';
import { publicSummary, type PublicSummary } from '../domain/public-summary.js';
import { fail, ok, type Result } from '../domain/result.js';
import { audit } from './audit-trail.js';
import { authorise } from './authorise.js';
import { findAction, today } from './read-models.js';
import type { Action } from '../domain/action.js';
import type { TownSlug } from '../domain/towns.js';
import type { Actor } from '../domain/entity.js';
import type { AppContext } from './context.js';

export async function buildPublicSummary(
  ctx: AppContext,
  actor: Actor,
  town: TownSlug,
): Promise<Result<PublicSummary, AppError>> {
  const access = await authorise(ctx, actor, town, 'read');
  if (!access.ok) return access;
  const { stores } = ctx;
  const [plans, actions, meetings] = await Promise.all([
    stores.plans.listByTown(town),
    stores.actions.listByTown(town),
    stores.meetings.listByTown(town),
  ]);
  const priorities = (await Promise.all(plans.map((p) => stores.priorities.listByPlan(p.id)))).flat();
  return ok(publicSummary({ town, asOf: today(ctx), now: ctx.clock.now(), priorities, actions, meetings }));
}

/** A coordinator shows an action on the town's public page, or takes it off. */
export async function setActionPublic(
  ctx: AppContext,
  actor: Actor,
  ref: string,
  visible: boolean,
): Promise<Result<Action, AppError>> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const found = await findAction(ctx, actor, ref);
    if (!found.ok) return found;
    const { action } = found.value;
    const access = await authorise(ctx, actor, action.town, 'coordinate');
    if (!access.ok) return access;
    if ((action.public ?? false) === visible) return ok(action);
    const next = { ...action, public: visible, updatedAt: ctx.clock.now().toISOString() };
    const entity = { kind: 'action' as const, id: action.id, label: action.ref };
    const outcome = await ctx.stores.actions.update(
      next,
      action.version,
      audit(ctx, {
        actor,
        change: 'action.public',
        entity,
        town: action.town,
        before: { public: action.public ?? false },
        after: { public: visible },
      }),
    );
    if (outcome.kind === 'updated') return ok(outcome.value);
  }
  return fail(new AppError(ErrorCode.Unavailable, 'The action is being changed by others: try again'));
}
