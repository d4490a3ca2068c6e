import type { Collection, Db } from 'mongodb';
import { isDuplicateKey, retryBusy } from './driver-errors.js';

export const SNAPSHOTS_COLLECTION = 'read_models';
/**
 * A snapshot is one document, under MongoDB's 16 MB limit: about 40,000 headlines. A larger part is not
 * snapshotted; it is loaded from the collection (an indexed query on MongoDB).
 */
const MAX_SNAPSHOT_CHARS = 12_000_000;

interface SnapshotDoc {
  _id: string;
  feed: string;
  part: string;
  /** The change-log number the entries are current to. */
  seq: number;
  /**
   * The entries as one JSON string, not as nested documents: the server stores and returns one string
   * instead of encoding thousands of small documents (FerretDB took half a second for a town of 2,000),
   * and nothing queries inside a snapshot.
   */
  json: string;
  count: number;
  at: string;
}

/**
 * A part of a read model as one document, keyed by `_id` (`actions:truro`): a fresh instance reads a town's
 * actions with one lookup instead of a query over the collection, then applies the changes after `seq`.
 * Any snapshot is a correct starting point, however old, while the changes after it are kept: two
 * instances writing one at once cannot make it wrong, only older.
 */
export class Snapshots<E> {
  private readonly col: Collection<SnapshotDoc>;

  constructor(
    db: Db,
    private readonly feed: string,
  ) {
    this.col = db.collection<SnapshotDoc>(SNAPSHOTS_COLLECTION);
  }

  /** The part's snapshot; null when there is none, or it cannot be read (it is then rebuilt). */
  async read(part: string): Promise<{ seq: number; entries: E[] } | null> {
    const doc = await this.col.findOne({ _id: this.id(part) });
    if (!doc || typeof doc.json !== 'string' || typeof doc.seq !== 'number') return null;
    try {
      const entries: unknown = JSON.parse(doc.json);
      return Array.isArray(entries) ? { seq: doc.seq, entries: entries as E[] } : null;
    } catch {
      return null; // damaged (an edit by hand): the part is read from the collection instead
    }
  }

  async write(part: string, seq: number, entries: E[]): Promise<void> {
    const json = JSON.stringify(entries);
    if (json.length > MAX_SNAPSHOT_CHARS) return;
    const doc = { feed: this.feed, part, seq, json, count: entries.length, at: new Date().toISOString() };
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
