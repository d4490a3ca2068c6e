// Corrections and hand-overs from an action's card: owners by its owners and coordinators, everything else
// by coordinators. The SMART rules run again (domain/action-edit.ts); the personal-data guard has screened
// the typed fields at the edge; a change to an approved plan's action is kept as the plan's revision.
import { trimmedText } from '../domain/personal-data.js';
import type { ScreenedText } from '../domain/screened-text.js';
import { AppError, ErrorCode } from '../errors.js';
import { COORDINATOR_FIELDS, changedFields, editAction, type ActionEdit } from '../domain/action-edit.js';
import { reviseIfApproved } from '../domain/plan.js';
import { fail, ok, type Result } from '../domain/result.js';
import { recordPlanRevision } from './plans.js';
import { changeableAction, saveChange } from './update-action.js';
import { noticesFor } from './owner-notices.js';
import { localDateOf } from '../domain/dates.js';
import { coachEdit, type Coached } from './coach-edit.js';
import { mayChangeAction, type Action } from '../domain/action.js';
import { publishEffect, tellOwners, type ActionEffect } from './action-effects.js';
import type { Actor } from '../domain/entity.js';
import type { AppContext } from './context.js';

/** Edits of what the plan says (not who does it, nor whether it is public) need a reason once approved. */
const PLAN_CONTENT = ['title', 'measure', 'target', 'priorityId', 'taskGroupId'] as const;

export interface Revised {
  kind: 'revised';
  action: Action;
  /** What changed, as field names (title, owners...). */
  changed: string[];
  /** What it causes: new owners and owners taken off told, the channel's copy updated. */
  effects: ActionEffect[];
  mayEdit: boolean;
}

export async function reviseAction(
  ctx: AppContext,
  actor: Actor,
  request: {
    actionId: string;
    expectedVersion: number;
    edit: ActionEdit;
    reason?: ScreenedText | null;
    /** The coach's warnings the form showed, and why the editor keeps the action so (smart-warnings.ts). */
    warningsSeen?: string | undefined;
    warningsReason?: ScreenedText | undefined;
  },
): Promise<Result<Revised | Coached, AppError>> {
  const loaded = await changeableAction(ctx, actor, request.actionId, request.expectedVersion);
  if (!loaded.ok) return loaded;
  const { action, role } = loaded.value;
  const { edit } = request;
  if (role === 'member' && COORDINATOR_FIELDS.some((f) => edit[f] !== undefined))
    return fail(
      new AppError(
        ErrorCode.Forbidden,
        "Only the town's coordinators can edit an action's title, measure, target, priority, group or visibility; as an owner you can hand it over",
      ),
    );

  const { stores } = ctx;
  const groupId = edit.taskGroupId ?? null;
  const [plan, priorities, members, taskGroup] = await Promise.all([
    stores.plans.get(action.planId),
    stores.priorities.listByPlan(action.planId),
    stores.members.listByTown(action.town),
    groupId ? stores.taskGroups.get(groupId) : null,
  ]);
  const today = localDateOf(ctx.clock.now(), ctx.settings.timeZone);
  const edited = editAction(action, edit, { today, plan, priorities, members, taskGroup }, ctx.clock.now());
  if (!edited.ok) return fail(AppError.validation(edited.error, `${action.ref} was not changed`));
  const changed = changedFields(action, edited.value);
  const coached = await coachEdit(
    ctx,
    actor,
    { action, edited: edited.value, changed, members, priorities },
    request,
  );
  if (coached.kind === 'ask') return ok(coached);
  const next = { ...edited.value, warnings: coached.warnings };

  // An approved plan is locked: changing what it says needs a reason, kept as the plan's revision.
  const content = changed.some((f) => (PLAN_CONTENT as readonly string[]).includes(f));
  const reason = trimmedText(request.reason);
  const summary = `Action ${action.ref} edited (${changed.join(', ')})`;
  if (plan && content) {
    const person = { aadObjectId: actor.id, displayName: actor.name };
    const revisable = reviseIfApproved(plan, summary, reason, person, ctx.clock.now());
    if (!revisable.ok) return fail(AppError.validation(revisable.error, `${action.ref} was not changed`));
  }
  const kind = changed.length === 1 && changed[0] === 'owners' ? 'action.owners' : 'action.edit';
  const saved = await saveChange(ctx, actor, action, next, kind, reason ? { reason } : undefined);
  if (!saved.ok) return saved;
  if (plan?.status === 'approved' && content) {
    const revised = await recordPlanRevision(ctx, actor, plan.id, summary, reason);
    if (!revised.ok) return revised;
  }
  const what = changed.length === 1 && changed[0] === 'owners' ? 'new owners' : 'edited';
  return ok({
    kind: 'revised',
    action: saved.value,
    changed,
    effects: [...tellOwners(noticesFor(action, saved.value, actor)), publishEffect(saved.value, what, actor)],
    // An owner who handed it on may change it no longer.
    mayEdit: role === 'system' || mayChangeAction(saved.value, actor.id, role),
  });
}
