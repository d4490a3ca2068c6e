import type { Collection, Db } from 'mongodb';
import { guard } from './driver-errors.js';
import { PartitionCache } from './partition-cache.js';
import { upsertById } from './upsert.js';
import type { ConversationRefs } from '../app/ports.js';
import { conversationKey, type ConversationRef } from '../domain/conversation.js';

type RefDoc = Omit<ConversationRef, 'key'> & { _id: string };

/**
 * Conversation references keyed by conversation (unique by _id); the latest one seen wins. Every turn and
 * every reminder looks one up, so all of them are kept in memory behind a stamp (see PartitionCache); they
 * change rarely (a reference is written again only when it changes, or once a day).
 */
export class MongoConversationRefs implements ConversationRefs {
  private readonly col: Collection<RefDoc>;
  private readonly cache: PartitionCache<ConversationRef>;
  private readonly byKey = new WeakMap<readonly ConversationRef[], Map<string, ConversationRef>>();

  constructor(db: Db) {
    this.col = db.collection<RefDoc>('conversation_refs');
    this.cache = new PartitionCache(db, 'conversation_refs');
  }

  upsert(ref: ConversationRef): Promise<void> {
    return guard('remember the conversation', async () => {
      const { key, ...fields } = ref;
      await upsertById(this.col, key, fields);
      await this.cache.changed('all');
    });
  }

  get(key: string): Promise<ConversationRef | null> {
    return guard('read a conversation', async () => {
      const all = await this.cache.read('all', async () => (await this.col.find({}).toArray()).map(toRef));
      let index = this.byKey.get(all);
      if (!index) {
        index = new Map(all.map((r) => [r.key, r]));
        this.byKey.set(all, index);
      }
      return index.get(key) ?? null;
    });
  }

  /** A person's 1:1 chat is keyed by their Entra object id (see conversationRefOf). */
  findPersonal(aadObjectId: string): Promise<ConversationRef | null> {
    return this.get(conversationKey('personal', aadObjectId));
  }
}

function toRef(doc: RefDoc): ConversationRef {
  const { _id, ...fields } = doc;
  return { ...fields, key: _id };
}
