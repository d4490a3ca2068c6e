// What the edit and hand-over forms offer: the action with the choices its town allows, and whether this
// person may change everything (a coordinator) or only the owners (an owner handing it over).
import type { AppError } from '../errors.js';
import { isOpen, type Action } from '../domain/action.js';
import { canUpdateActions } from '../domain/roles.js';
import { ok, type Result } from '../domain/result.js';
import { authorise } from './authorise.js';
import { changeableAction } from './update-action.js';
import type { PersonRef, Actor } from '../domain/entity.js';
import type { Member } from '../domain/member.js';
import type { DeliveryPlan } from '../domain/plan.js';
import type { Priority } from '../domain/priority.js';
import type { TaskGroup } from '../domain/task-group.js';
import type { TownSlug } from '../domain/towns.js';
import type { AppContext } from './context.js';

export interface ActionEditContext {
  action: Action;
  /** A coordinator: every field; otherwise an owner, who may change the owners only. */
  canEditAll: boolean;
  plan: DeliveryPlan | null;
  priorities: Priority[];
  owners: Member[];
  taskGroups: TaskGroup[];
}

export async function actionEditContext(
  ctx: AppContext,
  actor: Actor,
  actionId: string,
): Promise<Result<ActionEditContext, AppError>> {
  const loaded = await changeableAction(ctx, actor, actionId, null);
  if (!loaded.ok) return loaded;
  const { action, role } = loaded.value;
  const [plan, priorities, members, groups] = await Promise.all([
    ctx.stores.plans.get(action.planId),
    ctx.stores.priorities.listByPlan(action.planId),
    ctx.stores.members.listByTown(action.town),
    ctx.stores.taskGroups.listByTown(action.town),
  ]);
  return ok({
    action,
    canEditAll: role === 'coordinator',
    plan,
    priorities,
    owners: members.filter((m) => canUpdateActions(m.accessRole)),
    // Its own group stays choosable even when closed since.
    taskGroups: groups.filter((g) => g.status === 'open' || g.id === action.taskGroupId),
  });
}

export interface HandOverFormContext {
  town: TownSlug;
  /** Everyone who owns an open action in the town, members or not (a leaver's seat may be gone). */
  holders: PersonRef[];
  /** Who may take actions over. */
  members: Member[];
}

export async function handOverFormContext(
  ctx: AppContext,
  actor: Actor,
  town: TownSlug,
): Promise<Result<HandOverFormContext, AppError>> {
  const access = await authorise(ctx, actor, town, 'coordinate');
  if (!access.ok) return access;
  const [actions, members] = await Promise.all([
    ctx.stores.actions.listByTown(town),
    ctx.stores.members.listByTown(town),
  ]);
  const holders = new Map<string, PersonRef>();
  for (const a of actions) if (isOpen(a)) for (const o of a.owners) holders.set(o.aadObjectId, o);
  return ok({
    town,
    holders: [...holders.values()].sort((x, y) => x.displayName.localeCompare(y.displayName)),
    members: members.filter((m) => canUpdateActions(m.accessRole)),
  });
}
