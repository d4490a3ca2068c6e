// One change to an action from any way in (a card, a dialog, a tab), with what it causes: the channel's copy
// of its card (not for a snooze, the owner's own business), and the next occurrence of a recurring action
// just done, posted to the town's channel.
import { ok, type Result } from '../domain/result.js';
import { publishEffect, type ActionChanged, type ActionEffect } from './action-effects.js';
import { updateWithOccurrence, type ActionChange } from './update-action.js';
import type { AppError } from '../errors.js';
import type { Action } from '../domain/action.js';
import type { Actor } from '../domain/entity.js';
import type { AppContext } from './context.js';

export async function changeAction(
  ctx: AppContext,
  actor: Actor,
  request: { actionId: string; expectedVersion: number; change: ActionChange },
): Promise<Result<ActionChanged, AppError>> {
  const result = await updateWithOccurrence(ctx, actor, request);
  if (!result.ok) return result;
  const { action, following } = result.value;
  const effects: ActionEffect[] = [];
  if (request.change.kind !== 'snooze')
    effects.push(publishEffect(action, describeChange(request.change, action), actor));
  if (following) effects.push(publishEffect(following, 'next occurrence'));
  // The change was allowed and owners do not change with it: the person may still change the action.
  return ok({ action, effects, mayEdit: true });
}

/** What the channel's copy says changed. */
function describeChange(change: ActionChange, after: Action): string {
  switch (change.kind) {
    case 'status':
      return `status ${change.status.replace('_', ' ')}`;
    case 'note':
      return 'new note';
    case 'due_date':
      // Re-planned only when this move was one that needed its reason (overdue, or moved again).
      return after.replanned?.at === after.updatedAt ? 're-planned' : 'new due date';
    case 'snooze':
      return 'reminders snoozed';
  }
}
