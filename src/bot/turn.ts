// What a turn tells us about who is speaking and where.
import { TurnContext, type Activity } from 'botbuilder';
import { conversationKey, type ConversationKind } from '../domain/conversation.js';
import type { Actor } from '../domain/entity.js';
import type { ConversationRef } from '../domain/conversation.js';

/** The Teams user behind the activity, by Entra object id; null when Teams did not say (no identity, no access). */
export function actorOf(activity: Activity): Actor | null {
  const id = activity.from?.aadObjectId;
  return id ? { kind: 'user', id, name: activity.from.name || 'Unknown user' } : null;
}

interface TeamsChannelData {
  channel?: { id?: string };
  team?: { id?: string };
  tenant?: { id?: string };
}

export function channelDataOf(activity: Activity): TeamsChannelData {
  return (activity.channelData ?? {}) as TeamsChannelData;
}

export function tenantOf(activity: Activity): string | null {
  return activity.conversation?.tenantId ?? channelDataOf(activity).tenant?.id ?? null;
}

export function kindOf(activity: Activity): ConversationKind {
  const type = activity.conversation?.conversationType;
  if (type === 'channel' || channelDataOf(activity).channel?.id) return 'channel';
  if (type === 'groupChat' || activity.conversation?.isGroup) return 'groupChat';
  return 'personal';
}

/** The team channel the activity came from (its root conversation id), if any. */
export function channelIdOf(activity: Activity): string | null {
  return kindOf(activity) === 'channel'
    ? (channelDataOf(activity).channel?.id ?? activity.conversation.id.split(';')[0] ?? null)
    : null;
}

/**
 * The reference to store for later proactive sends. For a channel it points at the channel itself (not the
 * thread the message was in), so a send starts a new post in the channel.
 */
export function conversationRefOf(activity: Activity): Omit<ConversationRef, 'updatedAt' | 'town'> {
  const reference = TurnContext.getConversationReference(activity) as unknown as Record<string, unknown> & {
    conversation: Record<string, unknown>;
  };
  const kind = kindOf(activity);
  const channelId = channelIdOf(activity);
  const id =
    kind === 'personal'
      ? (activity.from?.aadObjectId ?? activity.conversation.id)
      : (channelId ?? activity.conversation.id);
  if (channelId)
    reference.conversation = {
      ...reference.conversation,
      id: channelId,
      isGroup: true,
      conversationType: 'channel',
    };
  delete reference.activityId; // a proactive send starts a new message instead of replying to this one
  return {
    key: conversationKey(kind, id),
    kind,
    aadObjectId: kind === 'personal' ? (activity.from?.aadObjectId ?? null) : null,
    tenantId: tenantOf(activity),
    reference: JSON.parse(JSON.stringify(reference)) as Record<string, unknown>,
  };
}
