import { AppError, ErrorCode } from '../errors.js';
import { changeStatus, addProgressNote, changeDueDate, snoozeReminders } from '../domain/action-status.js';
import { localDateOf, type LocalDate } from '../domain/dates.js';
import { fail, ok, type Result, type Validated } from '../domain/result.js';
import { audit } from './audit-trail.js';
import { permit, roleIn } from './authorise.js';
import { mayChangeAction, type Action, type ActionStatus } from '../domain/action.js';
import type { Actor } from '../domain/entity.js';
import type { AppContext } from './context.js';

export type ActionChange =
  | { kind: 'status'; status: ActionStatus; reason?: string | null }
  | { kind: 'note'; text: string }
  | { kind: 'due_date'; dueDate: LocalDate }
  | { kind: 'snooze'; days: number };

/**
 * Applies one change to an action, only if the action is still at the version the user saw.
 * The version check happens in the store's single atomic write, so two people acting at once cannot
 * both win, and a retried request (same version) is refused as stale instead of applied twice.
 */
export async function updateAction(
  ctx: AppContext,
  actor: Actor,
  request: { actionId: string; expectedVersion: number; change: ActionChange },
): Promise<Result<Action, AppError>> {
  const action = await ctx.stores.actions.get(request.actionId);
  if (!action) return fail(new AppError(ErrorCode.NotFound, 'That action no longer exists'));
  if (actor.kind !== 'system') {
    // One read of the person's seats decides both: may they change actions here, and this one?
    const role = await roleIn(ctx, actor, action.town);
    const access = permit(role, action.town, 'update');
    if (!access.ok) return access;
    if (!mayChangeAction(action, actor.id, role)) {
      return fail(
        new AppError(
          ErrorCode.Forbidden,
          `Only ${action.ref}'s owners and the town's coordinators can change it`,
        ),
      );
    }
  }
  if (action.version !== request.expectedVersion) return fail(stale());
  if (action.redactedAt) {
    const message =
      `${action.ref} was closed long ago and its text removed under the retention policy: it is kept ` +
      'for the counts only. Start a new action instead.';
    return fail(AppError.validation([{ field: 'action', message }], `${action.ref} was not changed`));
  }

  const next = apply(ctx, actor, action, request.change);
  if (!next.ok) return fail(AppError.validation(next.error, `${action.ref} was not changed`));

  const entity = { kind: 'action' as const, id: action.id, label: action.ref };
  const [before, after] = [diff(action, next.value), diff(next.value, action)];
  const event = audit(ctx, {
    actor,
    change: `action.${request.change.kind}`,
    entity,
    town: action.town,
    before,
    after,
  });
  const outcome = await ctx.stores.actions.update(next.value, request.expectedVersion, event);
  if (outcome.kind === 'not_found')
    return fail(new AppError(ErrorCode.NotFound, 'That action no longer exists'));
  if (outcome.kind === 'stale') return fail(stale());
  return ok(outcome.value);
}

/** The card the person acted on was out of date: nothing was changed. */
const stale = () =>
  new AppError(
    ErrorCode.StaleVersion,
    'Someone changed this action after your card was shown, so nothing was changed. This is the current version: try again if you still need to.',
  );

function apply(ctx: AppContext, actor: Actor, action: Action, change: ActionChange): Validated<Action> {
  const now = ctx.clock.now();
  switch (change.kind) {
    case 'status':
      return changeStatus(action, change.status, { reason: change.reason ?? null, at: now });
    case 'note':
      return addProgressNote(action, change.text, { aadObjectId: actor.id, displayName: actor.name }, now);
    case 'due_date':
      return changeDueDate(action, change.dueDate, localDateOf(now, ctx.settings.timeZone), now);
    case 'snooze':
      return snoozeReminders(action, change.days, localDateOf(now, ctx.settings.timeZone), now);
  }
}

/** The fields of `a` that differ from `b`: audit events record what changed, not whole records. */
function diff(a: Action, b: Action): Partial<Action> {
  const keys = (Object.keys(a) as (keyof Action)[]).filter(
    (k) => k !== 'updatedAt' && k !== 'version' && JSON.stringify(a[k]) !== JSON.stringify(b[k]),
  );
  return Object.fromEntries(keys.map((k) => [k, a[k]]));
}
