import type { Action } from '../domain/action.js';
import type { TownSlug } from '../domain/towns.js';
import type { AppContext } from './context.js';

/** A town's actions whole (with measure, target and notes), for the few uses that show them all. */
export async function listWholeActions(ctx: Pick<AppContext, 'stores'>, town: TownSlug): Promise<Action[]> {
  const headlines = await ctx.stores.actions.listByTown(town);
  const order = new Map(headlines.map((a, i) => [a.id, i]));
  const whole = await ctx.stores.actions.getMany(headlines.map((a) => a.id));
  return whole.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}
