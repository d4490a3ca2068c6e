import { AppError, ErrorCode } from '../errors.js';
import { canUpdateActions } from '../domain/roles.js';
import { fail, ok, type Result } from '../domain/result.js';
import { townBySlug, type TownSlug } from '../domain/towns.js';
import { authorise } from './authorise.js';
import { today } from './read-models.js';
import type { Actor } from '../domain/entity.js';
import type { Member } from '../domain/member.js';
import type { DeliveryPlan } from '../domain/plan.js';
import type { Priority } from '../domain/priority.js';
import type { TaskGroup } from '../domain/task-group.js';
import type { AppContext } from './context.js';

export interface ActionFormContext {
  town: TownSlug;
  plan: DeliveryPlan;
  priorities: Priority[];
  owners: Member[];
  taskGroups: TaskGroup[];
}

/** What the new-action form offers: the town's current plan, its priorities, possible owners, open groups. */
export async function actionFormContext(
  ctx: AppContext,
  actor: Actor,
  town: TownSlug,
  planId?: string,
): Promise<Result<ActionFormContext, AppError>> {
  const access = await authorise(ctx, actor, town, 'update');
  if (!access.ok) return access;
  const plans = await ctx.stores.plans.listByTown(town); // newest period first
  const day = today(ctx);
  // The plan asked for (a form shown again), else the one covering today, else the newest.
  const plan =
    plans.find((p) => p.id === planId) ??
    plans.find((p) => p.periodStart <= day && day <= p.periodEnd) ??
    plans[0];
  if (!plan)
    return fail(
      new AppError(
        ErrorCode.NotFound,
        `${townBySlug(town).name} has no delivery plan yet: a coordinator needs to create one first`,
      ),
    );
  const [priorities, members, groups] = await Promise.all([
    ctx.stores.priorities.listByPlan(plan.id),
    ctx.stores.members.listByTown(town),
    ctx.stores.taskGroups.listByTown(town),
  ]);
  if (!priorities.length)
    return fail(new AppError(ErrorCode.NotFound, `The ${plan.title} has no priorities yet`));
  return ok({
    town,
    plan,
    priorities,
    owners: members.filter((m) => canUpdateActions(m.accessRole)),
    taskGroups: groups.filter((g) => g.status === 'open'),
  });
}
