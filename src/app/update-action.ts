import { AppError, ErrorCode } from '../errors.js';
import { changeStatus, addProgressNote, changeDueDate, snoozeReminders } from '../domain/action-status.js';
import { localDateOf, type LocalDate } from '../domain/dates.js';
import { fail, ok, type Result, type Validated } from '../domain/result.js';
import { audit } from './audit-trail.js';
import { permit, roleIn } from './authorise.js';
import type { ScreenedText } from '../domain/screened-text.js';
import type { AccessRole } from '../domain/roles.js';
import { mayChangeAction, type Action, type ActionStatus } from '../domain/action.js';
import { SYSTEM_ACTOR, type Actor } from '../domain/entity.js';
import { evidenceLink } from '../domain/evidence-link.js';
import { nextOccurrence } from '../domain/action-recurring.js';
import type { AppContext } from './context.js';

/** Its typed text as the personal-data guard let it through (ScreenedText): nothing else can be kept. */
export type ActionChange =
  | { kind: 'status'; status: ActionStatus; reason?: ScreenedText | null }
  | { kind: 'note'; text: ScreenedText; link?: ScreenedText | null }
  /** A reason is needed when the action is overdue or its date has moved before (action-status.ts). */
  | { kind: 'due_date'; dueDate: LocalDate; reason?: ScreenedText | null }
  | { kind: 'snooze'; days: number };

/**
 * Applies one change to an action, only if the action is still at the version the user saw.
 * The version check happens in the store's single atomic write, so two people acting at once cannot
 * both win, and a retried request (same version) is refused as stale instead of applied twice.
 * Ways in call `changeAction` (change-action.ts), which adds what the change causes.
 */
export async function updateAction(
  ctx: AppContext,
  actor: Actor,
  request: { actionId: string; expectedVersion: number; change: ActionChange },
): Promise<Result<Action, AppError>> {
  const result = await updateWithOccurrence(ctx, actor, request);
  return result.ok ? ok(result.value.action) : result;
}

/** The change, and the next occurrence it made (a recurring action done), if it made one. */
export async function updateWithOccurrence(
  ctx: AppContext,
  actor: Actor,
  request: { actionId: string; expectedVersion: number; change: ActionChange },
): Promise<Result<{ action: Action; following: Action | null }, AppError>> {
  const loaded = await changeableAction(ctx, actor, request.actionId, request.expectedVersion);
  if (!loaded.ok) return loaded;
  const { action } = loaded.value;

  const applied = apply(ctx, actor, action, request.change);
  if (!applied.ok) return fail(AppError.validation(applied.error, `${action.ref} was not changed`));
  // Done, and it recurs: the next occurrence is made now, named on this one so it is made only once.
  const following = applied.value.status === 'done' ? await followingOccurrence(ctx, applied.value) : null;
  const next = following
    ? { ...applied.value, next: { id: following.id, ref: following.ref } }
    : applied.value;
  const reason = reasonOf(request.change);
  const saved = await saveChange(ctx, actor, action, next, `action.${request.change.kind}`, reason);
  if (!saved.ok) return saved;
  if (following) await insertOccurrence(ctx, following);
  return ok({ action: saved.value, following });
}

/**
 * The action, when the person may change it and it is still at the version they saw (`expectedVersion`;
 * null for a form about to be shown). One read of the person's seats decides both: may they change actions
 * here, and this one.
 */
export async function changeableAction(
  ctx: AppContext,
  actor: Actor,
  actionId: string,
  expectedVersion: number | null,
): Promise<Result<{ action: Action; role: AccessRole | 'system' }, AppError>> {
  const action = await ctx.stores.actions.get(actionId);
  if (!action) return fail(new AppError(ErrorCode.NotFound, 'That action no longer exists'));
  let role: AccessRole | 'system' = 'system';
  if (actor.kind !== 'system') {
    const held = await roleIn(ctx, actor, action.town);
    const access = permit(held, action.town, 'update');
    if (!access.ok) return access;
    if (!mayChangeAction(action, actor.id, held)) {
      const message = `Only ${action.ref}'s owners and the town's coordinators can change it`;
      return fail(new AppError(ErrorCode.Forbidden, message));
    }
    role = access.value;
  }
  if (expectedVersion !== null && action.version !== expectedVersion) return fail(stale());
  if (action.redactedAt) {
    const message =
      `${action.ref} was closed long ago and its text removed under the retention policy: it is kept ` +
      'for the counts only. Start a new action instead.';
    return fail(AppError.validation([{ field: 'action', message }], `${action.ref} was not changed`));
  }
  return ok({ action, role });
}

/**
 * Writes `after` over `before` in one atomic, version-checked write with its audit event (the fields that
 * changed, before and after, with `note` for what the fields do not say, such as a revision's reason).
 */
export async function saveChange(
  ctx: AppContext,
  actor: Actor,
  before: Action,
  after: Action,
  change: string,
  note?: Record<string, unknown>,
): Promise<Result<Action, AppError>> {
  const event = audit(ctx, {
    actor,
    change,
    entity: { kind: 'action', id: before.id, label: before.ref },
    town: before.town,
    before: diff(before, after),
    after: { ...diff(after, before), ...note },
  });
  const outcome = await ctx.stores.actions.update(after, before.version, event);
  if (outcome.kind === 'not_found')
    return fail(new AppError(ErrorCode.NotFound, 'That action no longer exists'));
  if (outcome.kind === 'stale') return fail(stale());
  return ok(outcome.value);
}

/** The occurrence that follows a recurring action done now (null: it does not recur, or the plan ends). */
async function followingOccurrence(ctx: AppContext, done: Action): Promise<Action | null> {
  if (!done.recurrence || done.next) return null;
  const plan = await ctx.stores.plans.get(done.planId);
  const now = ctx.clock.now();
  const meta = { now, today: localDateOf(now, ctx.settings.timeZone), planEnd: plan?.periodEnd ?? null };
  const draft = nextOccurrence(done, { ...meta, id: ctx.ids.newId(), ref: '' });
  return draft && { ...draft, ref: await ctx.stores.actions.nextRef(done.town) };
}

function insertOccurrence(ctx: AppContext, action: Action): Promise<void> {
  const event = audit(ctx, {
    actor: SYSTEM_ACTOR,
    change: 'action.recurred',
    entity: { kind: 'action', id: action.id, label: action.ref },
    town: action.town,
    before: null,
    after: action,
  });
  return ctx.stores.actions.insert(action, event);
}

/** The reason a change was made with, for its audit event (the history shows it). */
function reasonOf(change: ActionChange): { reason: string } | undefined {
  const reason = 'reason' in change ? change.reason?.trim() : undefined;
  return reason ? { reason } : undefined;
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
    case 'note': {
      const link = change.link ? evidenceLink(change.link, ctx.settings.evidenceHosts ?? []) : null;
      if (link && !link.ok) return link;
      const by = { aadObjectId: actor.id, displayName: actor.name };
      return addProgressNote(action, change.text, by, now, link?.value);
    }
    case 'due_date':
      return changeDueDate(
        action,
        change.dueDate,
        localDateOf(now, ctx.settings.timeZone),
        now,
        change.reason ?? null,
      );
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
