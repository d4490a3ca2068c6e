// What a record's card needs beyond the record: what this person may do with it (the buttons it shows) and
// the related records it lists. The rules are the use cases' own, so a button shown is a change allowed.
import { AppError, ErrorCode } from '../errors.js';
import { isOpen, type Action, type ActionHeadline } from '../domain/action.js';
import { COUNTY, type Member } from '../domain/member.js';
import { fail, type Result } from '../domain/result.js';
import { canCoordinate, canUpdateActions } from '../domain/roles.js';
import type { Actor } from '../domain/entity.js';
import type { Meeting } from '../domain/meeting.js';
import type { TownSlug } from '../domain/towns.js';
import { roleIn, type Access } from './authorise.js';
import { findAction, type ActionFound } from './read-models.js';
import type { AppContext } from './context.js';

export interface TownAbilities {
  /** Change actions, comment on plans, work on problem-solving plans. */
  readonly update: boolean;
  /** Coordinate: approve, record readings, manage groups, publish. */
  readonly coordinate: boolean;
}

/** The same, from the access an authorisation just gave (no second read of the person's seats). */
export function abilitiesOf(access: Access): TownAbilities {
  if (access === 'system') return { update: true, coordinate: true };
  return { update: canUpdateActions(access), coordinate: canCoordinate(access) };
}

export async function abilitiesIn(ctx: AppContext, actor: Actor, town: TownSlug): Promise<TownAbilities> {
  const role = await roleIn(ctx, actor, town);
  return { update: !!role && canUpdateActions(role), coordinate: !!role && canCoordinate(role) };
}

/** The fund is managed by the board and by coordinators (who allocate for their towns). */
export async function mayManageFund(ctx: AppContext, actor: Actor): Promise<boolean> {
  const seats = await ctx.stores.members.listByPerson(actor.id);
  return seats.some((m) => m.town === COUNTY || m.accessRole === 'coordinator');
}

/** The title of the plan priority the action serves, for its card ('' when it is gone). */
export async function priorityServed(ctx: AppContext, action: Action): Promise<string> {
  return (await ctx.stores.priorities.get(action.priorityId))?.title ?? '';
}

/** A town's members, for the group and meeting forms (whose use cases have authorised the person). */
export async function townMembers(ctx: AppContext, town: TownSlug): Promise<Member[]> {
  return ctx.stores.members.listByTown(town);
}

export interface MeetingCardContext {
  readonly dueBefore: readonly ActionHeadline[];
  readonly canManage: boolean;
}

/** The actions due by the meeting's day, and whether this person may move or cancel it. */
export async function meetingCardContext(
  ctx: AppContext,
  actor: Actor,
  meeting: Meeting,
): Promise<MeetingCardContext> {
  const day = meeting.start.slice(0, 10);
  const [actions, seats] = await Promise.all([
    ctx.stores.actions.listByTown(meeting.town),
    ctx.stores.members.listByPerson(actor.id),
  ]);
  const canManage =
    meeting.organiser.aadObjectId === actor.id ||
    seats.some((m) => m.town === meeting.town && m.accessRole === 'coordinator');
  return { dueBefore: actions.filter((a) => isOpen(a) && a.dueDate <= day), canManage };
}

/** The meeting as stored now (for a card whose change was refused). */
export async function meetingById(ctx: AppContext, meetingId: string): Promise<Meeting | null> {
  return ctx.stores.meetings.get(meetingId);
}

/** An action by id, to a person who may read its town. */
export async function actionById(
  ctx: AppContext,
  actor: Actor,
  actionId: string,
): Promise<Result<ActionFound, AppError>> {
  const action = await ctx.stores.actions.get(actionId);
  if (!action) return fail(new AppError(ErrorCode.NotFound, 'That action no longer exists.'));
  return findAction(ctx, actor, action.ref);
}

/** The action as stored now, for a card whose change was refused (the person saw it a moment ago). */
export async function currentAction(ctx: AppContext, actionId: string): Promise<Action | null> {
  return ctx.stores.actions.get(actionId);
}
