import { AppError, ErrorCode } from '../errors.js';
import { COUNTY } from '../domain/member.js';
import { fail, ok, type Result } from '../domain/result.js';
import { townBySlug, type TownSlug } from '../domain/towns.js';
import type { Actor } from '../domain/entity.js';
import type { AppContext } from './context.js';

/**
 * Which town a command means: the one named, else the town whose channel this is, else the asker's only
 * town. Otherwise the user is asked to name it.
 */
export async function resolveTown(
  ctx: AppContext,
  actor: Actor,
  named: TownSlug | null,
  channelId: string | null,
): Promise<Result<TownSlug, AppError>> {
  if (named) return ok(named);
  if (channelId) {
    const linked = (await ctx.stores.partnerships.list()).find((p) => p.channel?.channelId === channelId);
    if (linked) return ok(linked.town);
  }
  const seats = (await ctx.stores.members.listByPerson(actor.id)).filter((m) => m.town !== COUNTY);
  const towns = [...new Set(seats.map((m) => m.town))];
  if (towns.length === 1) return ok(towns[0]!);
  const hint = towns.length ? ` You sit in ${towns.map((t) => townBySlug(t).name).join(', ')}.` : '';
  return fail(
    new AppError(ErrorCode.Validation, `Which town? Add its name, for example "summary Truro".${hint}`),
  );
}
