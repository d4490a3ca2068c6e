import type { TownSlug } from './towns.js';

export type ConversationKind = 'personal' | 'channel' | 'groupChat';

/**
 * What the bot needs to message a user or channel later (proactively). `reference` is the Bot Framework
 * conversation reference, kept opaque: the domain never looks inside it.
 */
export interface ConversationRef {
  key: string;
  kind: ConversationKind;
  aadObjectId: string | null;
  town: TownSlug | null;
  tenantId: string | null;
  reference: Record<string, unknown>;
  updatedAt: string;
}

/** One reference per user for 1:1, per conversation otherwise. */
export function conversationKey(kind: ConversationKind, id: string): string {
  return `${kind}:${id}`;
}

/** The channel the county's strategic board linked for its monthly report. */
export const BOARD_CHANNEL_KEY = 'board:channel';
