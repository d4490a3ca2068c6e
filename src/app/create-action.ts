import { AppError } from '../errors.js';
import { publishEffect, tellOwners, type ActionEffect } from './action-effects.js';
import { completeAction, validateNewAction, type Action } from '../domain/action.js';
import { localDateOf } from '../domain/dates.js';
import type { ScreenedText } from '../domain/screened-text.js';
import { fail, ok, type Result } from '../domain/result.js';
import { townSlugSchema } from '../domain/towns.js';
import { cleanText, TEXT_LIMITS } from '../domain/text.js';
import { reviseIfApproved } from '../domain/plan.js';
import { audit } from './audit-trail.js';
import { recordPlanRevision } from './plans.js';
import { authorise } from './authorise.js';
import { noticesFor } from './owner-notices.js';
import { proposalToSave, recordProposalSaved } from './proposal-confirmation.js';
import { decideWarnings, warningCodesOf } from '../domain/smart-warnings.js';
import { coach, openCountsIn } from './coach-action.js';
import type { CoachFinding } from '../domain/smart-checks.js';
import type { Actor } from '../domain/entity.js';
import type { AppContext } from './context.js';

export type CreateActionOutcome =
  /** With what it causes: its owners told (once the person has their answer), its card posted. */
  | { kind: 'created'; action: Action; effects: ActionEffect[] }
  /** The SMART coach has warnings the author has not yet seen, or has not said why they stand. */
  | { kind: 'coach'; findings: CoachFinding[]; problem: string | null };

/** A new action's typed text, as the personal-data guard let it through: nothing else can be kept. */
export interface NewActionText {
  title: ScreenedText;
  measure: ScreenedText;
  target: ScreenedText;
  firstNote?: ScreenedText | undefined;
  revisionReason?: ScreenedText | null;
  warningsReason?: ScreenedText | undefined;
  milestones?: readonly { title?: ScreenedText | undefined; dueDate?: string | undefined }[];
}

/**
 * Checks everything (role, SMART rules) before writing anything, then allocates the reference and inserts
 * the action with its audit event. Refused input leaves the database unchanged (references are claimed
 * uniquely, so the insert cannot clash). Its text was screened by the way in (NewActionText).
 */
export async function createAction(
  ctx: AppContext,
  actor: Actor,
  /** The other fields of a new action (see actionInputSchema), untrusted and checked here in full. */
  input: Readonly<Record<string, unknown>> & NewActionText,
): Promise<Result<CreateActionOutcome, AppError>> {
  const town = townSlugSchema.safeParse(input.town);
  if (!town.success)
    return fail(AppError.validation([{ field: 'town', message: town.error.issues[0]!.message }]));
  const access = await authorise(ctx, actor, town.data, 'update');
  if (!access.ok) return access;
  const proposal = await proposalToSave(ctx, actor, town.data, input.proposal);
  if (!proposal.ok) return proposal;

  const { stores } = ctx;
  const [plan, priorities, members, taskGroup] = await Promise.all([
    typeof input.planId === 'string' ? stores.plans.get(input.planId) : null,
    typeof input.planId === 'string' ? stores.priorities.listByPlan(input.planId) : [],
    stores.members.listByTown(town.data),
    typeof input.taskGroupId === 'string' ? stores.taskGroups.get(input.taskGroupId) : null,
  ]);
  const today = localDateOf(ctx.clock.now(), ctx.settings.timeZone);
  const draft = validateNewAction(input, { today, plan, priorities, members, taskGroup });
  if (!draft.ok) return fail(AppError.validation(draft.error, 'The action is not ready yet'));

  // An approved plan is locked: an action added to it needs a reason, kept as the plan's revision.
  const reason = typeof input.revisionReason === 'string' ? input.revisionReason : null;
  const person = { aadObjectId: actor.id, displayName: actor.name };
  const change = `Action added: ${draft.value.title}`;
  const revisable = plan ? reviseIfApproved(plan, change, reason, person, ctx.clock.now()) : null;
  if (revisable && !revisable.ok)
    return fail(AppError.validation(revisable.error, 'The action is not ready yet'));

  const findings = coach(ctx, draft.value, {
    members,
    priorities,
    openCounts: await openCountsIn(ctx, town.data),
  });
  const decision = decideWarnings({
    findings,
    seen: warningCodesOf(typeof input.warningsSeen === 'string' ? input.warningsSeen : ''),
    reason: typeof input.warningsReason === 'string' ? input.warningsReason : null,
    by: person,
    at: ctx.clock.now(),
  });
  if (decision.kind === 'ask')
    return ok({ kind: 'coach', findings: decision.findings, problem: decision.problem });
  const warnings = decision.kind === 'accepted' ? decision.kept : null;

  const firstNote = firstNoteOf(input.firstNote);
  if (!firstNote.ok) return fail(AppError.validation([firstNote.error], 'The action is not ready yet'));
  const notes = firstNote.value
    ? [{ at: ctx.clock.now().toISOString(), by: person, text: firstNote.value }]
    : [];
  const action = completeAction(
    { ...draft.value, notes, warnings },
    {
      id: ctx.ids.newId(),
      ref: await stores.actions.nextRef(town.data),
      now: ctx.clock.now(),
      actor,
    },
  );
  const entity = { kind: 'action' as const, id: action.id, label: action.ref };
  const event = audit(ctx, {
    actor,
    change: 'action.created',
    entity,
    town: action.town,
    before: null,
    after: action,
  });
  await stores.actions.insert(action, event);
  if (proposal.value) await recordProposalSaved(ctx, actor, proposal.value, action);
  if (plan?.status === 'approved') {
    const revised = await recordPlanRevision(
      ctx,
      actor,
      plan.id,
      `Action added: ${action.ref} ${action.title}`,
      reason,
    );
    if (!revised.ok) return fail(revised.error);
  }
  const effects = [
    ...tellOwners(noticesFor(null, action, actor)),
    publishEffect(action, 'new action', actor),
  ];
  return ok({ kind: 'created', action, effects });
}

/** A first note, as an action made from a chat message has (its text after the first sentence). */
function firstNoteOf(raw: unknown): Result<string | undefined, { field: string; message: string }> {
  if (raw === undefined || raw === null) return ok(undefined);
  const text = typeof raw === 'string' ? cleanText(raw) : null;
  if (text === null || text.length > TEXT_LIMITS.note)
    return fail({
      field: 'firstNote',
      message: `The note must be text of at most ${TEXT_LIMITS.note} characters`,
    });
  return ok(text || undefined);
}
