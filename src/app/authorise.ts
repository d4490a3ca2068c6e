import { AppError, ErrorCode } from '../errors.js';
import { accessFor } from '../domain/member.js';
import { fail, ok, type Result } from '../domain/result.js';
import { canCoordinate, canUpdateActions, type AccessRole } from '../domain/roles.js';
import { ALL_TOWNS, notAnActiveTown, townBySlug, type TownSlug } from '../domain/towns.js';
import type { Actor } from '../domain/entity.js';
import type { AppContext } from './context.js';

/** read: any seat in the town, or the board; update: coordinator or member; coordinate: coordinator. */
export type Need = 'read' | 'update' | 'coordinate';

/** Who was let in: a person with their access role in the town, or the system (which may act anywhere). */
export type Access = AccessRole | 'system';

/** The actor's access when it is enough; a refusal that says why otherwise. */
export async function authorise(
  ctx: AppContext,
  actor: Actor,
  town: TownSlug,
  need: Need,
): Promise<Result<Access, AppError>> {
  const closed = readOnly(town, need);
  if (closed) return fail(closed);
  if (actor.kind === 'system') return ok('system');
  return permit(await roleIn(ctx, actor, town), town, need);
}

/** The access role a person holds for a town (a seat there, or the board), or null. */
export async function roleIn(ctx: AppContext, actor: Actor, town: TownSlug): Promise<AccessRole | null> {
  return accessFor(await ctx.stores.members.listByPerson(actor.id), actor.id, town);
}

/** The role when it is enough for what is needed; the refusal otherwise. */
export function permit(role: AccessRole | null, town: TownSlug, need: Need): Result<AccessRole, AppError> {
  const closed = readOnly(town, need);
  if (closed) return fail(closed);
  const name = townBySlug(town).name;
  if (!role)
    return fail(new AppError(ErrorCode.Forbidden, `You are not a member of the ${name} partnership`));
  const allowed = need === 'read' || (need === 'coordinate' ? canCoordinate(role) : canUpdateActions(role));
  if (allowed) return ok(role);
  const what =
    need === 'coordinate'
      ? 'Only coordinators can do that'
      : 'Viewers and board members can read but not change actions';
  return fail(new AppError(ErrorCode.Forbidden, `${what} (you are a ${role} in ${name})`));
}

/** A retired town keeps its records and history, read-only, for everyone (the system too). */
function readOnly(town: TownSlug, need: Need): AppError | null {
  const retired = ALL_TOWNS.find((t) => t.slug === town && t.status === 'retired');
  return need !== 'read' && retired ? new AppError(ErrorCode.Forbidden, notAnActiveTown(retired.name)) : null;
}
