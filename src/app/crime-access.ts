// Who may bring in police.uk's data and redraw a town's area. The data is open and county-wide: the operator
// (the command line), the board and any town's coordinator may import a month; a town's area is the
// board's to set (it decides what every town's profile counts).
import { AppError, ErrorCode } from '../errors.js';
import { COUNTY } from '../domain/member.js';
import { fail, ok, type Result } from '../domain/result.js';
import type { Actor } from '../domain/entity.js';
import type { AppContext } from './context.js';

export async function mayImportCrimeData(ctx: AppContext, actor: Actor): Promise<Result<true, AppError>> {
  if (actor.kind === 'system') return ok(true);
  const seats = await ctx.stores.members.listByPerson(actor.id);
  if (seats.some((m) => m.town === COUNTY || m.accessRole === 'coordinator')) return ok(true);
  return fail(
    new AppError(ErrorCode.Forbidden, 'Only coordinators and the county board import police.uk data'),
  );
}

export async function mayChangeAreas(ctx: AppContext, actor: Actor): Promise<Result<true, AppError>> {
  if (actor.kind === 'system') return ok(true);
  const seats = await ctx.stores.members.listByPerson(actor.id);
  if (seats.some((m) => m.town === COUNTY)) return ok(true);
  return fail(new AppError(ErrorCode.Forbidden, "Only members of the county board set a town's area"));
}
