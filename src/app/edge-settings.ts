// Small use cases behind conversation commands: the board's channel, the weekly digest, the meeting form.
import { AppError, ErrorCode } from '../errors.js';
import { BOARD_CHANNEL_KEY, type ConversationRef } from '../domain/conversation.js';
import { fail, ok, type Result } from '../domain/result.js';
import type { TownSlug } from '../domain/towns.js';
import type { Actor } from '../domain/entity.js';
import type { Member } from '../domain/member.js';
import { authorise } from './authorise.js';
import { isBoardMember } from './indicator.js';
import type { AppContext } from './context.js';

/** A board member makes this channel the board's: the monthly report is posted there. */
export async function linkBoardChannel(
  ctx: AppContext,
  actor: Actor,
  ref: Omit<ConversationRef, 'updatedAt' | 'town' | 'key'>,
): Promise<Result<ConversationRef, AppError>> {
  if (!(await isBoardMember(ctx, actor)))
    return fail(
      new AppError(ErrorCode.Forbidden, "Only members of the county board can choose the board's channel"),
    );
  const stored: ConversationRef = {
    ...ref,
    key: BOARD_CHANNEL_KEY,
    town: null,
    updatedAt: ctx.clock.now().toISOString(),
  };
  await ctx.stores.conversations.upsert(stored);
  return ok(stored);
}

/** Turns the person's weekly digest on or off. */
export async function setDigest(ctx: AppContext, actor: Actor, on: boolean): Promise<void> {
  await ctx.stores.preferences.setDigestOptOut(actor.id, !on);
}

export interface MeetingFormContext {
  town: TownSlug;
  members: Member[];
  /** Identifies this form's submission, so a repeated click books one meeting. */
  requestId: string;
}

/** What the meeting form offers: the town's members as attendees. Partners who update actions may book. */
export async function meetingFormContext(
  ctx: AppContext,
  actor: Actor,
  town: TownSlug,
): Promise<Result<MeetingFormContext, AppError>> {
  const access = await authorise(ctx, actor, town, 'update');
  if (!access.ok) return access;
  const members = await ctx.stores.members.listByTown(town);
  return ok({ town, members, requestId: ctx.ids.newId() });
}
