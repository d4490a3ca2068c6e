// Help's examples from the reader's own town: "show TRU-003" names an action they can open, not one the
// town may not have. Only references (never titles) go into the help card.
import type { Actor } from '../domain/entity.js';
import type { AppContext } from './context.js';
import { readableTowns } from './search-actions.js';

export interface HelpExamples {
  /** An action reference in the reader's first town, e.g. TRU-003. */
  action?: string;
  /** A problem-solving plan's reference there, e.g. TRU-P01, when the town has one. */
  problem?: string;
}

export async function helpExamples(ctx: AppContext, actor: Actor): Promise<HelpExamples> {
  const [town] = await readableTowns(ctx, actor);
  if (!town) return {};
  const [actions, problems] = await Promise.all([
    ctx.stores.actions.listByTown(town),
    ctx.stores.problems.listByTown(town),
  ]);
  const open = actions.find((a) => a.status !== 'done' && a.status !== 'cancelled') ?? actions[0];
  return { action: open?.ref, problem: problems[0]?.ref };
}
