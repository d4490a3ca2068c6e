import type { Collection, Db } from 'mongodb';
import { isDuplicateKey, retryBusy } from './driver-errors.js';

export const SNAPSHOTS_COLLECTION = 'read_models';
/**
 * Entries a snapshot may hold: one document, under MongoDB's 16 MB limit with headlines of a few hundred
 * bytes. A larger part is not snapshotted; it is loaded from the collection (an indexed query on MongoDB).
 */
export const MAX_SNAPSHOT_ENTRIES = 40_000;

interface SnapshotDoc<E> {
  _id: string;
  feed: string;
  part: string;
  /** The change-log number the entries are current to. */
  seq: number;
  entries: E[];
  at: string;
}

/**
 * A part of a read model as one document, keyed by `_id` (`actions:truro`): a fresh instance reads a town's
 * actions with one lookup instead of a query over the collection, then applies the changes after `seq`.
 * Any snapshot is a correct starting point, however old, while the changes after it are kept: two
 * instances writing one at once cannot make it wrong, only older.
 */
export class Snapshots<E> {
  private readonly col: Collection<SnapshotDoc<E>>;

  constructor(
    db: Db,
    private readonly feed: string,
  ) {
    this.col = db.collection<SnapshotDoc<E>>(SNAPSHOTS_COLLECTION);
  }

  async read(part: string): Promise<{ seq: number; entries: E[] } | null> {
    const doc = await this.col.findOne({ _id: this.id(part) });
    return doc && Array.isArray(doc.entries) ? { seq: doc.seq, entries: doc.entries } : null;
  }

  async write(part: string, seq: number, entries: E[]): Promise<void> {
    if (entries.length > MAX_SNAPSHOT_ENTRIES) return;
    const doc = { feed: this.feed, part, seq, entries, at: new Date().toISOString() };
    try {
      await retryBusy(() => this.col.replaceOne({ _id: this.id(part) }, doc, { upsert: true }));
    } catch (error) {
      if (!isDuplicateKey(error)) throw error; // another instance's first snapshot won: as good as ours
    }
  }

  private id(part: string): string {
    return `${this.feed}:${part}`;
  }
}
