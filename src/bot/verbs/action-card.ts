// An action's card as the person may use it, and what a change said to the channel.
import { cleanText } from '../../domain/text.js';
import { canEditAction } from '../../app/read-models.js';
import { renderActionCard } from '../render-action.js';
import type { Action } from '../../domain/action.js';
import type { Actor } from '../../domain/entity.js';
import type { ActionChange } from '../../app/update-action.js';
import type { Card } from '../../cards/render.js';
import type { BotEdge } from '../edge.js';

/**
 * The action's card for this person. `mayEdit` when the caller knows it already: a change that was just
 * allowed (owners do not change with it), so the click reads the person's seats once, not twice.
 */
export async function showAction(
  edge: BotEdge,
  actor: Actor,
  action: Action,
  notice = '',
  mayEdit?: boolean,
): Promise<Card> {
  const [canEdit, refreshUserIds] = await Promise.all([
    mayEdit ?? canEditAction(edge.ctx, actor, action),
    edge.messenger.teamsIdsOf(action),
  ]);
  return renderActionCard(edge.cards, edge.ctx, action, { canEdit, notice, refreshUserIds });
}

/** A repeated delivery of a change that already happened (Teams retries slow invokes): not a conflict. */
export function alreadyApplied(current: Action, change: ActionChange, actor: Actor): boolean {
  switch (change.kind) {
    case 'status':
      return current.status === change.status;
    case 'due_date':
      return current.dueDate === change.dueDate;
    case 'note': {
      const last = current.notes.at(-1);
      return last?.by.aadObjectId === actor.id && last.text === cleanText(change.text);
    }
    case 'snooze':
      return Boolean(current.snoozedUntil);
  }
}
