import { randomUUID } from 'node:crypto';
import type { Collection, Db } from 'mongodb';
import { upsertById } from './upsert.js';

export const STAMPS_COLLECTION = 'stamps';

interface StampDoc {
  _id: string;
  token: string;
  at: string;
}

/**
 * In-memory copies of parts of a collection (one town's actions, all members), each checked against a
 * stamp that every write to that part replaces. A read costs one read of the small `stamps` collection
 * (shared with the readers asking at the same moment) while nothing has changed, and one reload of the part
 * after a change, by any instance.
 *
 * Why: FerretDB 1.x on SQLite answers every query but a bare `_id` match by decoding the whole collection,
 * and even `_id` lookups and updates scan the table (its query and its index use different expressions; see
 * docs/DATABASE.md). A table of ten stamps is cheap to scan; a table of 20,000 actions is not.
 */
export class PartitionCache<T> {
  private readonly stamps: Collection<StampDoc>;
  private readonly board: StampBoard;
  private readonly parts = new Map<string, { token: string | null; records: T[] }>();
  private readonly gate = new OneAtATime();

  constructor(
    db: Db,
    private readonly name: string,
  ) {
    this.stamps = db.collection<StampDoc>(STAMPS_COLLECTION);
    this.board = boardOf(db);
  }

  /** The part's records, loaded again only if a write has changed its stamp since they were loaded. */
  async read(part: string, load: () => Promise<T[]>): Promise<T[]> {
    // null: nobody has written to the part through a store yet (it is empty, or was loaded in bulk).
    const cached = this.parts.get(part);
    if (cached && cached.token === (await this.token(part))) return cached.records;
    // One load of a part at a time. It reads the stamp as it starts, so its records are at least as new as
    // the stamp any waiting reader saw; a write during the load changes the stamp and the next read loads.
    return this.gate.run(part, async () => {
      const token = await this.token(part);
      const current = this.parts.get(part);
      if (current && current.token === token) return current.records;
      const records = await load();
      this.parts.set(part, { token, records });
      return records;
    });
  }

  /**
   * Several parts at once (every town's actions): one stamp query, and when more than one part has changed,
   * one load of just those parts rather than one per part (on FerretDB each load reads the whole
   * collection, so a query per town would read it once per town).
   */
  async readEach(
    parts: readonly string[],
    loadSome: (parts: readonly string[]) => Promise<T[]>,
    partOf: (record: T) => string,
  ): Promise<(readonly T[])[]> {
    const staleOf = async () => {
      const tokens = await this.board.read();
      const tokenOf = (part: string) => tokens.get(this.stampId(part)) ?? null;
      const stale = parts.filter((p) => !this.parts.has(p) || this.parts.get(p)!.token !== tokenOf(p));
      return { stale, tokenOf };
    };
    const { stale } = await staleOf();
    if (stale.length === 1) await this.read(stale[0]!, () => loadSome(stale));
    else if (stale.length > 1)
      // A job that began after our stamp read: what it loads is as new as we need.
      await this.gate.run('\u0000several parts', async () => {
        const fresh = await staleOf();
        if (fresh.stale.length === 0) return;
        const grouped = new Map<string, T[]>(fresh.stale.map((p) => [p, []]));
        for (const record of await loadSome(fresh.stale)) grouped.get(partOf(record))?.push(record);
        for (const [part, records] of grouped) this.parts.set(part, { token: fresh.tokenOf(part), records });
      });
    return parts.map((p) => this.parts.get(p)?.records ?? []);
  }

  /** Called by every write to the part, after the record is written. */
  async changed(part: string): Promise<string> {
    const token = randomUUID();
    await upsertById(this.stamps, this.stampId(part), { token, at: new Date().toISOString() });
    return token;
  }

  private async token(part: string): Promise<string | null> {
    return (await this.board.read()).get(this.stampId(part)) ?? null;
  }

  private stampId(part: string): string {
    return `${this.name}:${part}`;
  }
}

const boards = new WeakMap<Db, StampBoard>();

function boardOf(db: Db): StampBoard {
  let board = boards.get(db);
  if (!board) {
    board = new StampBoard(db.collection<StampDoc>(STAMPS_COLLECTION));
    boards.set(db, board);
  }
  return board;
}

/**
 * Every stamp, read in one query that concurrent readers share. A reader is only given a read that began
 * after it asked (so it sees every write finished before it asked); readers that arrive while a read is in
 * flight share the next one. A turn checks several parts, and many turns run at once: this turns dozens of
 * stamp lookups a second into a few reads of a table of a few dozen rows.
 */
class StampBoard {
  private current: Promise<Map<string, string>> | null = null;
  private queued: Promise<Map<string, string>> | null = null;

  constructor(private readonly stamps: Collection<StampDoc>) {}

  read(): Promise<Map<string, string>> {
    if (!this.current) return this.start();
    this.queued ??= this.current
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.start();
      });
    return this.queued;
  }

  private start(): Promise<Map<string, string>> {
    const read = this.stamps
      .find({})
      .toArray()
      .then((docs) => new Map(docs.map((d) => [d._id, d.token])));
    this.current = read;
    const done = () => {
      if (this.current === read) this.current = null;
    };
    read.then(done, done);
    return read;
  }
}

/**
 * At most one job per key running, and at most one waiting: a caller that arrives while a job runs waits for
 * the next one (which starts after the running one ends), never for the running one, which may have begun
 * before the caller knew what it needs. Everyone waiting shares that next job.
 */
class OneAtATime {
  private readonly running = new Map<string, Promise<unknown>>();
  private readonly waiting = new Map<string, Promise<unknown>>();

  run<R>(key: string, job: () => Promise<R>): Promise<R> {
    const running = this.running.get(key);
    if (!running) return this.start(key, job);
    let next = this.waiting.get(key) as Promise<R> | undefined;
    if (!next) {
      next = running
        .catch(() => undefined)
        .then(() => {
          this.waiting.delete(key);
          return this.start(key, job);
        });
      this.waiting.set(key, next);
    }
    return next;
  }

  private start<R>(key: string, job: () => Promise<R>): Promise<R> {
    const run = job();
    this.running.set(key, run);
    const done = () => {
      if (this.running.get(key) === run) this.running.delete(key);
    };
    run.then(done, done);
    return run;
  }
}
