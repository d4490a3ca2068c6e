import type { Collection, Db } from 'mongodb';
import { guard } from './driver-errors.js';
import { ReadModel } from './read-model.js';
import { findByIds } from './server-kind.js';
import { compareText } from './order.js';
import { upsertById } from './upsert.js';
import type { EntryBudget } from './entry-budget.js';
import type { ConversationRefs } from '../app/ports.js';
import { conversationKey, type ConversationRef } from '../domain/conversation.js';

type RefDoc = Omit<ConversationRef, 'key'> & { _id: string };
type Stored = ConversationRef & { id: string };

/**
 * Conversation references keyed by conversation (unique by _id); the latest one seen wins. Every turn and
 * every reminder looks one up, so all of them are held in memory, kept current by the change log (see
 * ReadModel); they change rarely (a reference is written again only when it changes, or once a day).
 */
export class MongoConversationRefs implements ConversationRefs {
  private readonly col: Collection<RefDoc>;
  private readonly model: ReadModel<Stored, ConversationRef>;
  private readonly byKey = new WeakMap<readonly ConversationRef[], Map<string, ConversationRef>>();

  constructor(db: Db, budget: EntryBudget) {
    this.col = db.collection<RefDoc>('conversation_refs');
    const loose = this.col as unknown as Collection;
    this.model = new ReadModel<Stored, ConversationRef>(
      db,
      'conversation_refs',
      {
        partOf: () => 'all',
        project: ({ id: _id, ...ref }) => ref,
        idOf: (ref) => ref.key,
        order: (a, b) => compareText(a.key, b.key),
        loadPart: async () => (await this.col.find({}).toArray()).map(toStored),
        fetch: async (ids) => (await findByIds(db, loose, ids)).map((d) => toStored(d as RefDoc)),
      },
      budget,
    );
  }

  upsert(ref: ConversationRef): Promise<void> {
    return guard('remember the conversation', async () => {
      const { key, ...fields } = ref;
      await upsertById(this.col, key, fields);
      await this.model.written('all', key, { ...ref, id: key });
    });
  }

  get(key: string): Promise<ConversationRef | null> {
    return guard('read a conversation', async () => {
      const all = await this.model.read('all');
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

function toStored(doc: RefDoc): Stored {
  const { _id, ...fields } = doc;
  return { ...fields, key: _id, id: _id };
}
