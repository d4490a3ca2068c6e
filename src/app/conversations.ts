import type { ConversationRef } from '../domain/conversation.js';
import type { AppContext } from './context.js';

/** Remembers where to reach a user or conversation later, from every message and install event. */
export async function rememberConversation(
  ctx: AppContext,
  ref: Omit<ConversationRef, 'updatedAt'>,
): Promise<void> {
  await ctx.stores.conversations.upsert({ ...ref, updatedAt: ctx.clock.now().toISOString() });
}
