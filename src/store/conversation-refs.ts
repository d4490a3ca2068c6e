import type { Collection, Db } from 'mongodb';
import { guard } from './driver-errors.js';
import { upsertById } from './upsert.js';
import type { ConversationRefs } from '../app/ports.js';
import { conversationKey, type ConversationRef } from '../domain/conversation.js';

type RefDoc = Omit<ConversationRef, 'key'> & { _id: string };

/** Conversation references keyed by conversation (unique by _id); the latest one seen wins. */
export class MongoConversationRefs implements ConversationRefs {
  private readonly col: Collection<RefDoc>;

  constructor(db: Db) {
    this.col = db.collection<RefDoc>('conversation_refs');
  }

  upsert(ref: ConversationRef): Promise<void> {
    return guard('remember the conversation', async () => {
      const { key, ...fields } = ref;
      await upsertById(this.col, key, fields);
    });
  }

  get(key: string): Promise<ConversationRef | null> {
    return guard('read a conversation', async () => toRef(await this.col.findOne({ _id: key })));
  }

  /** A person's 1:1 chat is keyed by their Entra object id (see conversationRefOf): one lookup by _id. */
  findPersonal(aadObjectId: string): Promise<ConversationRef | null> {
    return this.get(conversationKey('personal', aadObjectId));
  }
}

function toRef(doc: RefDoc | null): ConversationRef | null {
  if (!doc) return null;
  const { _id, ...fields } = doc;
  return { ...fields, key: _id };
}
