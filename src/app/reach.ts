// Where the bot can reach people and places later: the stored conversation references of a town's linked
// channel, the board's channel and each person's 1:1 chat, and the posts of a record's card kept current.
import { BOARD_CHANNEL_KEY, conversationKey, type ConversationRef } from '../domain/conversation.js';
import type { Member } from '../domain/member.js';
import type { TownSlug } from '../domain/towns.js';
import type { CardPost } from './ports.js';
import type { AppContext } from './context.js';

/** The town's linked channel, or null when it has none. */
export async function townChannel(ctx: AppContext, town: TownSlug): Promise<ConversationRef | null> {
  // From the partnerships held in memory (one lookup a town would cost every card click).
  const partnership = (await ctx.stores.partnerships.list()).find((p) => p.id === town);
  if (!partnership?.channel) return null;
  return ctx.stores.conversations.get(conversationKey('channel', partnership.channel.channelId));
}

export function boardChannel(ctx: AppContext): Promise<ConversationRef | null> {
  return ctx.stores.conversations.get(BOARD_CHANNEL_KEY);
}

/** The person's 1:1 chat with the bot, once they have installed it or spoken to it. */
export function personalChat(ctx: AppContext, aadObjectId: string): Promise<ConversationRef | null> {
  return ctx.stores.conversations.findPersonal(aadObjectId);
}

export async function coordinatorsOf(ctx: AppContext, town: TownSlug): Promise<Member[]> {
  return (await ctx.stores.members.listByTown(town)).filter((m) => m.accessRole === 'coordinator');
}

/** The copy of a record's card in one conversation, to update in place. */
export function cardPostIn(
  ctx: AppContext,
  recordId: string,
  conversationId: string,
): Promise<CardPost | null> {
  return ctx.stores.cardPosts.find(recordId, conversationId);
}

export function rememberCardPost(ctx: AppContext, post: CardPost): Promise<void> {
  return ctx.stores.cardPosts.save(post);
}

/** Whether the record's card has been posted to a channel (and so should be kept up to date). */
export async function hasCardPost(ctx: AppContext, recordId: string): Promise<boolean> {
  return (await ctx.stores.cardPosts.listFor(recordId)).length > 0;
}
