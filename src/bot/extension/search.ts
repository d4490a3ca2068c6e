// "Find an action" (a search command): what the person typed, read as a query over the actions they may see;
// each result is the live action card, listed by its reference, title, status and due date.
import { z } from 'zod';
import { searchActions } from '../../app/search-actions.js';
import { liveActionCard, previewOf } from './live-card.js';
import { extensionMessage, resultList } from './responses.js';
import type { Actor } from '../../domain/entity.js';
import type { BotEdge } from '../edge.js';

/** composeExtension/query's value. The text may be anything, of any length: it is read, never run. */
export const searchQuery = z
  .object({
    commandId: z.string().max(100),
    parameters: z
      .array(z.object({ name: z.string().max(100), value: z.unknown() }).loose())
      .max(20)
      .default([]),
    queryOptions: z
      .object({
        skip: z.coerce.number().int().min(0).max(10_000).catch(0),
        count: z.coerce.number().int().min(1).max(50).catch(25),
      })
      .partial()
      .loose()
      .default({}),
  })
  .loose();

/** Teams sends at most 25 per page; a card each. */
const PAGE = 25;

export async function findActions(edge: BotEdge, actor: Actor, query: z.output<typeof searchQuery>) {
  // The typed text: the `query` parameter (the manifest's), or Teams' `initialRun` (nothing typed yet).
  const typed = query.parameters.find((p) => p.name === 'query' && typeof p.value === 'string')?.value;
  const text = typeof typed === 'string' ? typed : '';
  const skip = query.queryOptions.skip ?? 0;
  const count = Math.min(query.queryOptions.count ?? PAGE, PAGE);
  const found = await searchActions(edge.ctx, actor, text, { skip, count });
  if (!found.ok) return extensionMessage(found.error.message);
  const { actions, total, browsing, seated } = found.value;
  if (!seated)
    return extensionMessage(
      'You have no seat in a Safer Towns partnership yet, so there is nothing to find. Ask a coordinator, or say "join Truro as ..." to the bot.',
    );
  if (!actions.length)
    return extensionMessage(
      skip > 0 && total > 0
        ? 'No more actions.'
        : browsing
          ? 'No open actions in your towns.'
          : found.value.notesRead
            ? 'No action in your towns matches that. Try a reference (TRU-014), a word of the title, an owner, a town or a status.'
            : 'No action title or owner in your towns matches that. Their notes were not read (too many actions matched the rest): add a town or a status (blocked, overdue, open) to search the notes too.',
    );
  const items = await Promise.all(
    actions.map(async (action) => ({
      card: await liveActionCard(edge, actor, action, '', found.value.mayEdit.has(action.id)),
      preview: previewOf(action),
    })),
  );
  return resultList(items);
}
