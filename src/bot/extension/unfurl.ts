// A pasted action link (<PUBLIC_BASE_URL>/actions/TRU-014) unfurls to the live card for members of the
// action's town; anyone else gets a preview that says only that they have no access: no title, no text,
// and the same whether or not the action exists.
import { z } from 'zod';
import { findAction } from '../../app/read-models.js';
import { readableTowns } from '../../app/search-actions.js';
import { ALL_TOWNS } from '../../domain/towns.js';
import { refOfLink } from '../../domain/action-link.js';
import { ErrorCode } from '../../errors.js';
import { liveActionCard, previewOf } from './live-card.js';
import { extensionMessage, resultList } from './responses.js';
import type { Actor } from '../../domain/entity.js';
import type { Card } from '../../cards/render.js';
import type { BotEdge } from '../edge.js';

/** composeExtension/queryLink's value. */
export const queryLinkValue = z.object({ url: z.string().max(2_000) }).loose();

const NO_ACCESS = {
  title: 'Safer Towns action',
  text: 'You do not have access to this action. Members of its town partnership can open it.',
};

export async function unfurlLink(edge: BotEdge, actor: Actor | null, url: string) {
  const base = edge.ctx.settings.actionLinkBase;
  const ref = base ? refOfLink(base, url) : null;
  if (!ref) return extensionMessage('That is not a Safer Towns action link.');
  const found = actor ? await findAction(edge.ctx, actor, ref) : null;
  if (found?.ok) {
    const { action, mayEdit } = found.value;
    const card = await liveActionCard(edge, actor!, action, '', mayEdit);
    return resultList([{ card, preview: previewOf(action) }]);
  }
  // Unknown and not allowed look alike to someone outside the town; a member learns the action is gone.
  if (found && found.error.code === ErrorCode.NotFound && (await knowsTown(edge, actor!, ref)))
    return resultList([
      { card: noticeCard(edge, 'No such action', found.error.message), preview: NO_ACCESS },
    ]);
  return resultList([{ card: noticeCard(edge, NO_ACCESS.title, NO_ACCESS.text), preview: NO_ACCESS }]);
}

/** Whether the person may read the town the reference's code names (they would see it there anyway). */
async function knowsTown(edge: BotEdge, actor: Actor, ref: string): Promise<boolean> {
  const town = ALL_TOWNS.find((t) => ref.startsWith(`${t.code}-`));
  return !!town && (await readableTowns(edge.ctx, actor)).includes(town.slug);
}

function noticeCard(edge: BotEdge, title: string, message: string): Card {
  return edge.cards.render('error', { title, titleColor: 'Default', message, issues: [], hint: '' });
}
