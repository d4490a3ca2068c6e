import { AppError } from '../errors.js';
import type { Collection, Db } from 'mongodb';
import { isDuplicateKey, retryBusy } from './driver-errors.js';
import { filtersById } from './server-kind.js';

export const CHANGES_COLLECTION = 'changes';
export const CHANGE_HEADS_COLLECTION = 'change_heads';
/** A change naming this record id means "reload the whole part" (a bulk load, a restore, an erasure). */
export const RELOAD_PART = '*';
/** Changes kept per part: a reader further behind than this reloads the part. */
const CHANGES_KEPT = 1_000;
const MAX_PROBES = 10_000;
/** Changes looked up at once while catching up on FerretDB. */
const PROBE_BATCH = 16;
/** The head hint is written every this many changes (and when writers collide), not on every change. */
export const HEAD_EVERY = 16;
const SEQ_DIGITS = 12; // so the _ids of one part sort in sequence order, below `${feed}:${part}:~`

interface ChangeDoc {
  _id: string;
  feed: string;
  part: string;
  seq: number;
  recordId: string;
  at: string;
}

/** Where a part's sequence has got to: a hint (writers start claiming from it), never ahead of the truth. */
interface HeadDoc {
  _id: string;
  feed: string;
  part: string;
  seq: number;
}

/**
 * `reloadAt`: the last "reload the part" among them, if any (`recordIds` are then only those after it): what
 * the reader holds is void, and a snapshot at that number or later is a correct starting point.
 */
export type ChangesAfter =
  { kind: 'changes'; seq: number; recordIds: string[]; reloadAt: number | null } | { kind: 'gap' };

/**
 * One sequence of changes per part of a collection (one town's actions, all seats): each write names the
 * record it changed, under the next number, claimed by a unique insert (atomic on every server, FerretDB
 * included). An instance holding a part reads only the changes after the last it applied, by `_id`, and
 * fetches only the records they name: no write makes anyone reload a part. Numbers are dense: a writer
 * claims n+1 only once n exists, so the first missing number is the end.
 */
export class ChangeLog {
  private readonly changes: Collection<ChangeDoc>;
  private readonly heads: Collection<HeadDoc>;
  private readonly known = new Map<string, number>();
  private readonly appending = new Map<string, Promise<number>>();

  constructor(
    private readonly db: Db,
    readonly feed: string,
  ) {
    this.changes = db.collection<ChangeDoc>(CHANGES_COLLECTION);
    this.heads = db.collection<HeadDoc>(CHANGE_HEADS_COLLECTION);
  }

  /** Records that `recordId` in `part` changed (after the change is stored); its number. */
  append(part: string, recordId: string): Promise<number> {
    // One append per part at a time in this instance: each knows where the last ended, so they do not race
    // each other for the same number (a lost race costs a failed insert under the database's write lock).
    const previous = this.appending.get(part) ?? Promise.resolve(0);
    const next = previous.catch(() => 0).then(() => this.appendNow(part, recordId));
    const tail = next.catch(() => 0);
    this.appending.set(part, tail);
    void tail.then(() => {
      if (this.appending.get(part) === tail) this.appending.delete(part);
    });
    return next;
  }

  private async appendNow(part: string, recordId: string): Promise<number> {
    let seq = (this.known.get(part) ?? (await this.head(part))) + 1;
    let probes = 0;
    for (; !(await this.claim(part, seq, recordId)); probes++, seq++)
      if (probes > MAX_PROBES) throw AppError.internal(`change log ${this.feed}:${part}: no free number`);
    this.know(part, seq);
    // The hint is raised now and then, and whenever another writer got here first: a writer starting from
    // it probes at most HEAD_EVERY numbers once, then knows. The first change makes the head, so every part
    // ever written is known (refreshReadModels signals each).
    if (probes > 0 || seq === 1 || seq % HEAD_EVERY === 0) await this.raiseHead(part, seq);
    // Keeps the log bounded, one delete per write, by _id (a scan-free delete on every server).
    if (seq > CHANGES_KEPT)
      await retryBusy(() => this.changes.deleteOne({ _id: changeId(this.feed, part, seq - CHANGES_KEPT) }));
    return seq;
  }

  /** The highest number this instance has seen claimed in the part. */
  private know(part: string, seq: number): void {
    if (seq > (this.known.get(part) ?? 0)) this.known.set(part, seq);
  }

  /** The part's latest number as far as the hint knows (0: no change yet). */
  async head(part: string): Promise<number> {
    return (await this.heads.findOne({ _id: headId(this.feed, part) }))?.seq ?? 0;
  }

  /** The latest number, exactly: the hint, then forward to the first number not claimed. */
  async latest(part: string): Promise<number> {
    let seq = Math.max(await this.head(part), this.known.get(part) ?? 0);
    while (
      await this.changes.findOne({ _id: changeId(this.feed, part, seq + 1) }, { projection: { _id: 1 } })
    )
      seq++;
    return seq;
  }

  /**
   * The records changed after `seq`, and the number they bring the part to; `gap` when some of them are no
   * longer kept (the reader must reload the part). `checkGap`: also ask the hint when nothing is new, for a
   * reader that has not looked for a while (more than CHANGES_KEPT changes may have gone by).
   */
  async after(part: string, seq: number, checkGap: boolean): Promise<ChangesAfter> {
    const found = (await filtersById(this.db))
      ? await this.probe(part, seq)
      : await this.changes
          .find({ _id: { $gt: changeId(this.feed, part, seq), $lt: `${headId(this.feed, part)}:~` } })
          .sort({ _id: 1 })
          .toArray();
    if (found.length && found[0]!.seq !== seq + 1) return { kind: 'gap' };
    // The head is raised only after its number is claimed: a head past `seq` with nothing after it found
    // means those changes were pruned.
    if (!found.length && checkGap && (await this.head(part)) > seq) return { kind: 'gap' };
    const last = found.at(-1)?.seq ?? seq;
    if (found.length && last - seq !== found.length) return { kind: 'gap' }; // pruned mid-read
    this.know(part, last);
    const reload = found.findLastIndex((c) => c.recordId === RELOAD_PART);
    const after = reload < 0 ? found : found.slice(reload + 1);
    const reloadAt = reload < 0 ? null : found[reload]!.seq;
    return { kind: 'changes', seq: last, recordIds: after.map((c) => c.recordId), reloadAt };
  }

  /** The records named by the changes after `from` up to `to` (reloads left out), as far as they are kept. */
  async recordIdsBetween(part: string, from: number, to: number): Promise<string[]> {
    const ids: string[] = [];
    for (let n = from + 1; n <= to; n++) {
      const change = await this.changes.findOne({ _id: changeId(this.feed, part, n) });
      if (change && change.recordId !== RELOAD_PART) ids.push(change.recordId);
    }
    return ids;
  }

  /**
   * FerretDB filters in the database only a bare `_id` match: lookups by number, PROBE_BATCH at a time
   * (a reader that missed a burst of writes catches up in a few round trips), until one is missing.
   */
  private async probe(part: string, seq: number): Promise<ChangeDoc[]> {
    const found: ChangeDoc[] = [];
    for (let from = seq + 1; ; from += PROBE_BATCH) {
      // One lookup while nothing is new (the common case), a batch once changes are coming.
      const size = found.length ? PROBE_BATCH : 1;
      const batch = await Promise.all(
        Array.from({ length: size }, (_, i) =>
          this.changes.findOne({ _id: changeId(this.feed, part, from + i) }),
        ),
      );
      const end = batch.findIndex((c) => !c);
      found.push(...(batch.slice(0, end < 0 ? size : end) as ChangeDoc[]));
      if (end >= 0) return found;
      if (size === 1) from -= PROBE_BATCH - 1; // the first lookup covered one number only
    }
  }

  private async claim(part: string, seq: number, recordId: string): Promise<boolean> {
    const doc = { _id: changeId(this.feed, part, seq), feed: this.feed, part, seq, recordId };
    try {
      await retryBusy(() => this.changes.insertOne({ ...doc, at: new Date().toISOString() }));
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  private async raiseHead(part: string, seq: number): Promise<void> {
    const _id = headId(this.feed, part);
    const raise = () =>
      this.heads.updateOne({ _id }, { $max: { seq }, $set: { feed: this.feed, part } }, { upsert: true });
    try {
      await retryBusy(raise);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      await retryBusy(raise); // a racing first upsert made the document: raise it now
    }
  }
}

const headId = (feed: string, part: string) => `${feed}:${part}`;
const changeId = (feed: string, part: string, seq: number) =>
  `${feed}:${part}:${String(seq).padStart(SEQ_DIGITS, '0')}`;
