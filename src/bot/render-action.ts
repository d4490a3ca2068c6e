// An action's card, rendered: for the person who asked (their buttons) or for the channel's copy (every
// button; Teams refreshes it per viewer through refresh.userIds).
import { viewSettings } from '../app/read-models.js';
import { priorityServed } from '../app/card-context.js';
import { actionLink } from '../domain/action-link.js';
import { actionCard, type HistoryShown } from '../cards/views.js';
import type { Action } from '../domain/action.js';
import type { AppContext } from '../app/context.js';
import type { Card, CardRenderer } from '../cards/render.js';

export async function renderActionCard(
  cards: CardRenderer,
  ctx: AppContext,
  action: Action,
  options: { canEdit: boolean; notice?: string; refreshUserIds: string[]; history?: HistoryShown },
): Promise<Card> {
  const base = ctx.settings.actionLinkBase;
  const shareLink = base ? actionLink(base, action.ref) : '';
  const priority = await priorityServed(ctx, action);
  const view = { ...viewSettings(ctx), shareLink, priority, ...options };
  return cards.render('action', actionCard(action, view));
}
