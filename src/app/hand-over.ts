// A leaver's actions handed over in one step: a coordinator picks who is leaving (a seat may already be
// gone) and who takes over, sees the open actions first, then confirms. Each action is changed on its own
// version-checked write with its own audit event, so a change someone makes meanwhile is never overwritten.
import { publishEffect, tellOwners, type ActionEffect } from './action-effects.js';
import { AppError, ErrorCode } from '../errors.js';
import { isOpen, type Action, type ActionHeadline } from '../domain/action.js';
import { ownersFrom } from '../domain/action-checks.js';
import { fail, ok, type Issue, type Result } from '../domain/result.js';
import { townBySlug, type TownSlug } from '../domain/towns.js';
import { authorise } from './authorise.js';
import { saveChange } from './update-action.js';
import { noticesFor } from './owner-notices.js';
import type { Actor, PersonRef } from '../domain/entity.js';
import type { AppContext } from './context.js';
import type { OwnerNotice } from './outward-ports.js';

export interface HandOverRequest {
  town: TownSlug;
  fromId: string;
  toId: string;
}

export interface HandOverPreview {
  from: PersonRef;
  to: PersonRef;
  actions: ActionHeadline[];
}

export interface HandedOver {
  from: PersonRef;
  to: PersonRef;
  /** The actions as handed over. */
  actions: Action[];
  /** Refs of the previewed actions left alone: closed, or no longer theirs, since the list was shown. */
  skipped: string[];
  /** Both people told; each action's channel copy updated. */
  effects: ActionEffect[];
}

/** Who is handing over to whom, and their open actions in the town, before anything is changed. */
export async function previewHandOver(
  ctx: AppContext,
  actor: Actor,
  request: HandOverRequest,
): Promise<Result<HandOverPreview, AppError>> {
  const access = await authorise(ctx, actor, request.town, 'coordinate');
  if (!access.ok) return access;
  const name = townBySlug(request.town).name;
  if (request.fromId === request.toId)
    return invalid('toId', 'Choose someone else to take the actions over: that is the same person');
  const problems: Issue[] = [];
  const members = await ctx.stores.members.listByTown(request.town);
  const [to] = ownersFrom([request.toId], request.town, members, problems);
  if (!to) return fail(AppError.validation(problems, 'Nothing was handed over'));
  const open = (await ctx.stores.actions.listByTown(request.town)).filter(
    (a) => isOpen(a) && a.owners.some((o) => o.aadObjectId === request.fromId),
  );
  const from = open[0]?.owners.find((o) => o.aadObjectId === request.fromId);
  if (!from) {
    const who = members.find((m) => m.aadObjectId === request.fromId)?.displayName ?? 'That person';
    return invalid('fromId', `${who} owns no open actions in ${name}`);
  }
  return ok({ from, to, actions: [...open] });
}

/** Hands over the previewed actions (`actionIds`), each still open and still theirs. */
export async function handOver(
  ctx: AppContext,
  actor: Actor,
  request: HandOverRequest & { actionIds: readonly string[] },
): Promise<Result<HandedOver, AppError>> {
  const preview = await previewHandOver(ctx, actor, request);
  if (!preview.ok) return preview;
  const { from, to } = preview.value;
  const handed: Action[] = [];
  const skipped: string[] = [];
  const notices: OwnerNotice[] = [];
  for (const id of new Set(request.actionIds)) {
    const changed = await handOverOne(ctx, actor, { id, town: request.town, from, to });
    if (changed === 'skipped') skipped.push(id);
    else if (!changed.ok) return changed;
    else {
      handed.push(changed.value.after);
      notices.push(...noticesFor(changed.value.before, changed.value.after, actor));
    }
  }
  const refOf = (id: string) => preview.value.actions.find((a) => a.id === id)?.ref ?? id;
  const effects = [...tellOwners(notices), ...handed.map((a) => publishEffect(a, 'handed over', actor))];
  return ok({ from, to, actions: handed, skipped: skipped.map(refOf), effects });
}

/** One action handed over; re-read and retried when someone changed it meanwhile. */
async function handOverOne(
  ctx: AppContext,
  actor: Actor,
  { id, town, from, to }: { id: string; town: TownSlug; from: PersonRef; to: PersonRef },
): Promise<'skipped' | Result<{ before: Action; after: Action }, AppError>> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const action = await ctx.stores.actions.get(id);
    if (!action || !isOpen(action) || action.town !== town) return 'skipped';
    if (!action.owners.some((o) => o.aadObjectId === from.aadObjectId)) return 'skipped';
    const owners = action.owners.some((o) => o.aadObjectId === to.aadObjectId)
      ? action.owners.filter((o) => o.aadObjectId !== from.aadObjectId)
      : action.owners.map((o) => (o.aadObjectId === from.aadObjectId ? to : o));
    const after = { ...action, owners, updatedAt: ctx.clock.now().toISOString() };
    const saved = await saveChange(ctx, actor, action, after, 'action.owners', { handOver: true });
    if (saved.ok) return ok({ before: action, after: saved.value });
    if (saved.error.code !== ErrorCode.StaleVersion) return saved;
  }
  return fail(new AppError(ErrorCode.Unavailable, 'Those actions are being changed by others: try again'));
}

const invalid = (field: string, message: string) =>
  fail(AppError.validation([{ field, message }], 'Nothing was handed over'));
