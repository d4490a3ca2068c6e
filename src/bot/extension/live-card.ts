// An action's card as the message extension puts it in any chat: the person's own buttons, and a refresh
// with no `userIds`, so Teams refreshes it for each viewer (chats of up to 60) and every button works
// wherever it was posted (Universal Actions). Each viewer's refresh is answered for them (action.refresh).
import { canEditAction } from '../../app/read-models.js';
import { formatDate } from '../../cards/format.js';
import { STATUS_LABELS, type Action } from '../../domain/action.js';
import { townBySlug } from '../../domain/towns.js';
import { renderActionCard } from '../render-action.js';
import type { Actor } from '../../domain/entity.js';
import type { Card } from '../../cards/render.js';
import type { BotEdge } from '../edge.js';
import type { Preview } from './responses.js';

export async function liveActionCard(
  edge: BotEdge,
  actor: Actor,
  action: Action,
  notice = '',
  /** Whether the person may change it, when the use case said (a search result, a change just made). */
  mayEdit?: boolean,
): Promise<Card> {
  const canEdit = mayEdit ?? (await canEditAction(edge.ctx, actor, action));
  const card = await renderActionCard(edge.cards, edge.ctx, action, { canEdit, notice, refreshUserIds: [] });
  return forEveryone(card);
}

/** The card with its refresh open to every viewer (no `userIds`). */
function forEveryone(card: Card): Card {
  const refresh = card['refresh'] as Record<string, unknown> | undefined;
  if (!refresh) return card;
  const { userIds: _everyone, ...rest } = refresh;
  return { ...card, refresh: rest };
}

/** The line a search result or an unfurled link is listed by: reference, title, status and due date. */
export function previewOf(action: Action): Preview {
  return {
    title: `${action.ref} · ${action.title}`,
    text: `${STATUS_LABELS[action.status]} · due ${formatDate(action.dueDate)} · ${townBySlug(action.town).name}`,
  };
}
