import { AppError, ErrorCode } from '../errors.js';
import { accessFor } from '../domain/member.js';
import { canCoordinate, canUpdateActions, type AccessRole } from '../domain/roles.js';
import { townBySlug, type TownSlug } from '../domain/towns.js';
import type { Actor } from '../domain/entity.js';
import type { AppContext } from './context.js';

/** read: any seat in the town, or the board; update: coordinator or member; coordinate: coordinator. */
export type Need = 'read' | 'update' | 'coordinate';

/** Refuses, with a message that says why, anyone without the role a change needs. The system may act. */
export async function authorise(
  ctx: AppContext,
  actor: Actor,
  town: TownSlug,
  need: Need,
): Promise<AppError | null> {
  if (actor.kind === 'system') return null;
  return refusalFor(await roleIn(ctx, actor, town), town, need);
}

/** The access role a person holds for a town (a seat there, or the board), or null. */
export async function roleIn(ctx: AppContext, actor: Actor, town: TownSlug): Promise<AccessRole | null> {
  return accessFor(await ctx.stores.members.listByPerson(actor.id), actor.id, town);
}

/** The refusal for a role that lacks what is needed, or null when it is enough. */
export function refusalFor(role: AccessRole | null, town: TownSlug, need: Need): AppError | null {
  const name = townBySlug(town).name;
  if (!role) return new AppError(ErrorCode.Forbidden, `You are not a member of the ${name} partnership`);
  const allowed = need === 'read' || (need === 'coordinate' ? canCoordinate(role) : canUpdateActions(role));
  if (allowed) return null;
  const what =
    need === 'coordinate'
      ? 'Only coordinators can do that'
      : 'Viewers and board members can read but not change actions';
  return new AppError(ErrorCode.Forbidden, `${what} (you are a ${role} in ${name})`);
}
