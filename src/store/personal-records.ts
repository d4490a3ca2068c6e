// The data-protection rights over the whole database: every collection is read, so a collection added later
// is covered without anyone remembering to add it here. Documents keyed by the person (their seats,
// preferences, conversation references, join requests) are deleted; the rest have the person replaced.
import { guard } from './driver-errors.js';
import { ChangeLog, CHANGE_HEADS_COLLECTION, RELOAD_PART } from './change-log.js';
import { SNAPSHOTS_COLLECTION } from './snapshots.js';
import { personMatcher, pseudonymise, type PersonKeys, type Pseudonym } from '../domain/person-records.js';
import type { Db, Document } from 'mongodb';
import type { ErasureCounts, PersonalRecords, StoredRecord } from '../app/ports.js';

/** Bookkeeping with nothing about anyone: activity ids seen, change-log heads, one-time claims. */
const SKIPPED = new Set(['deliveries', CHANGE_HEADS_COLLECTION, 'claims']);
/** Copies of other collections' records (erased with them, not exported twice). */
const COPIES = new Set([SNAPSHOTS_COLLECTION]);
/** A seat names its holder in a field, not in its id: it is theirs all the same. */
const OWN_BY_FIELD: Record<string, string> = { members: 'aadObjectId' };

export class MongoPersonalRecords implements PersonalRecords {
  constructor(private readonly db: Db) {}

  find(keys: PersonKeys): Promise<StoredRecord[]> {
    return guard('read the records about a person', async () => {
      const found: StoredRecord[] = [];
      const mentions = personMatcher(keys);
      for (const collection of await this.collections()) {
        if (COPIES.has(collection)) continue;
        for await (const doc of this.db.collection(collection).find({}, { batchSize: 500 })) {
          if (mentions(doc)) {
            const { _id, ...document } = doc;
            found.push({ collection, id: String(_id), document });
          }
        }
      }
      return found;
    });
  }

  erase(keys: PersonKeys, pseudonym: Pseudonym): Promise<ErasureCounts> {
    return guard('erase a person from the records', async () => {
      const counts: ErasureCounts = { rewritten: {}, deleted: {} };
      const mentions = personMatcher(keys);
      const keyedBy = personMatcher({ ...keys, names: [] }); // ids and e-mails: what keys a record
      const add = (tally: Record<string, number>, name: string) => (tally[name] = (tally[name] ?? 0) + 1);
      for (const name of await this.collections()) {
        if (COPIES.has(name)) continue;
        const col = this.db.collection(name);
        const parts = new Set<string>();
        for (const doc of await col.find({}).toArray()) {
          if (!mentions(doc)) continue;
          const town = typeof doc.town === 'string' ? doc.town : 'all';
          if (isOwn(name, doc, keyedBy)) {
            await col.deleteOne({ _id: doc._id });
            add(counts.deleted, name);
          } else {
            const { _id, ...rest } = doc;
            await col.replaceOne({ _id }, pseudonymise(rest, keys, pseudonym));
            add(counts.rewritten, name);
          }
          parts.add(town).add('all');
        }
        // Instances holding these parts load them again (see ReadModel): a reload names no record.
        const log = new ChangeLog(this.db, name);
        for (const part of parts) await log.append(part, RELOAD_PART);
      }
      // Copies of records are dropped whole, after the reload signals: each instance rebuilds them from the
      // records as rewritten.
      for (const name of COPIES) await this.db.collection(name).deleteMany({});
      return counts;
    });
  }

  private async collections(): Promise<string[]> {
    const all = await this.db.listCollections({}, { nameOnly: true }).toArray();
    return all
      .map((c) => c.name)
      .filter((n) => !SKIPPED.has(n) && !n.startsWith('system.'))
      .sort();
  }
}

/** Keyed by the person (their preferences, conversations, join requests), or a seat of theirs. */
function isOwn(collection: string, doc: Document, keyedBy: (value: unknown) => boolean): boolean {
  const field = OWN_BY_FIELD[collection];
  return keyedBy(String(doc._id)) || (field !== undefined && keyedBy(String(doc[field])));
}
