import type { TownSlug } from '../domain/towns.js';
import type { ConversationRef } from '../domain/conversation.js';
import type { AppContext } from './context.js';

/** How stale `updatedAt` may get before an unchanged reference is written again. */
const REFRESH_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Remembers where to reach a user or conversation later, from every message and install event. An
 * unchanged reference is not written again on every turn (a write costs far more than a read, above all on
 * FerretDB), only once a day to keep `updatedAt` meaningful.
 */
export async function rememberConversation(
  ctx: AppContext,
  ref: Omit<ConversationRef, 'updatedAt'>,
): Promise<void> {
  const now = ctx.clock.now();
  const stored = await ctx.stores.conversations.get(ref.key);
  if (stored && sameWhere(stored, ref) && now.getTime() - Date.parse(stored.updatedAt) < REFRESH_AFTER_MS)
    return;
  await ctx.stores.conversations.upsert({ ...ref, updatedAt: now.toISOString() });
}

function sameWhere(a: Omit<ConversationRef, 'updatedAt'>, b: Omit<ConversationRef, 'updatedAt'>): boolean {
  const where = ({ key, kind, aadObjectId, town, tenantId, reference }: Omit<ConversationRef, 'updatedAt'>) =>
    JSON.stringify([key, kind, aadObjectId, town, tenantId, reference]);
  return where(a) === where(b);
}

/** The town whose linked channel this is, if any. */
export async function townOfChannel(ctx: AppContext, channelId: string | null): Promise<TownSlug | null> {
  if (!channelId) return null;
  const linked = (await ctx.stores.partnerships.list()).find((p) => p.channel?.channelId === channelId);
  return linked?.town ?? null;
}

/**
 * False when this activity was taken before: Teams retries a card action it thinks timed out, with the
 * same activity id, and a create must not happen twice.
 */
export function firstDelivery(ctx: AppContext, key: string): Promise<boolean> {
  return ctx.stores.deliveries.first(key, ctx.clock.now());
}
