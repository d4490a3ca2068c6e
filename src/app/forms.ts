// Who may start which new work (a blank form, an import). The submit is checked again by its use case;
// this spares someone a form they could never send, and the bot a download it should not make.
import { ok, type Result } from '../domain/result.js';
import type { AppError } from '../errors.js';
import type { Actor } from '../domain/entity.js';
import type { TownSlug } from '../domain/towns.js';
import { authorise, type Need } from './authorise.js';
import type { AppContext } from './context.js';

const NEEDS = {
  plan: 'coordinate',
  group: 'coordinate',
  problem: 'update',
  import: 'coordinate',
} as const satisfies Record<string, Need>;
export type NewWork = keyof typeof NEEDS;

/** The town, when the actor may start new work of this kind there (a plan, a group, an import...). */
export async function mayStart(
  ctx: AppContext,
  actor: Actor,
  town: TownSlug,
  work: NewWork,
): Promise<Result<TownSlug, AppError>> {
  const access = await authorise(ctx, actor, town, NEEDS[work]);
  return access.ok ? ok(town) : access;
}
