// Who may open which blank form. The form's own submit is checked again by its use case; this only spares
// someone a form they could never send.
import { fail, ok, type Result } from '../domain/result.js';
import type { AppError } from '../errors.js';
import type { Actor } from '../domain/entity.js';
import type { TownSlug } from '../domain/towns.js';
import { authorise, type Need } from './authorise.js';
import type { AppContext } from './context.js';

const NEEDS = { plan: 'coordinate', group: 'coordinate', problem: 'update' } as const satisfies Record<
  string,
  Need
>;
export type BlankForm = keyof typeof NEEDS;

/** The town, when the actor may start a new record of this kind there. */
export async function openForm(
  ctx: AppContext,
  actor: Actor,
  town: TownSlug,
  form: BlankForm,
): Promise<Result<TownSlug, AppError>> {
  const refusal = await authorise(ctx, actor, town, NEEDS[form]);
  return refusal ? fail(refusal) : ok(town);
}
