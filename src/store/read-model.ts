import type { Db } from 'mongodb';
import { ChangeLog, RELOAD_PART } from './change-log.js';
import { OneAtATime } from './one-at-a-time.js';
import { Snapshots } from './snapshots.js';
import type { EntryBudget } from './entry-budget.js';
import type { PartView, ReadModelSource } from './read-model-source.js';

export type { ReadModelSource } from './read-model-source.js';

/** A reader that has not looked for this long also asks the head whether it fell behind the kept changes. */
const GAP_CHECK_AFTER_MS = 1_000;
/** A part's snapshot is written again once this many changes have been applied since the last one. */
export const SNAPSHOT_EVERY = 100;

/**
 * An instance's in-memory copy of parts of a collection (a town's actions, all seats), kept current by the
 * parts' change logs: every read first applies the changes made since the last (one lookup when there are
 * none), fetching by `_id` only the records they name. A part not held is loaded from its snapshot (one
 * document) and the changes after it, or from the collection when there is none. Parts are evicted, least
 * recently read first, when the instance holds more entries than its budget: memory does not grow with
 * the data.
 */
export class ReadModel<T extends { id: string }, E> {
  private readonly log: ChangeLog;
  private readonly snapshots: Snapshots<E> | null;
  private readonly parts = new Map<string, PartView<E>>();
  private readonly gate = new OneAtATime();
  private readonly freshMs: number;

  constructor(
    db: Db,
    readonly feed: string,
    private readonly source: ReadModelSource<T, E>,
    private readonly budget: EntryBudget,
    options: { snapshots?: boolean; freshMs?: number } = {},
  ) {
    this.freshMs = options.freshMs ?? budget.freshMs;
    this.log = new ChangeLog(db, feed);
    this.snapshots = options.snapshots ? new Snapshots<E>(db, feed) : null;
    budget.register(this);
  }

  /**
   * The part's entries in order: with every change this instance made before the call, and every change
   * other instances made more than `freshMs` before it (one lookup, when the part was last checked longer
   * ago than that, to find there is none).
   */
  read(part: string): Promise<readonly E[]> {
    const held = this.parts.get(part);
    if (held && held.seq >= held.written && Date.now() - held.checkedAt < this.freshMs) {
      this.touch(part, held);
      return Promise.resolve(this.listOf(held));
    }
    return this.gate.run(part, async () => {
      const view = await this.current(part);
      this.touch(part, view);
      return this.listOf(view);
    });
  }

  /** The part's entries in order, sorted again only after a change. */
  private listOf(view: PartView<E>): readonly E[] {
    view.list ??= [...view.entries.values()].sort((a, b) => this.source.order(a, b));
    return view.list;
  }

  /** Called after a write through this instance's stores is stored and logged. */
  async written(part: string, recordId: string, record?: T): Promise<number> {
    const seq = await this.log.append(part, recordId);
    const held = this.parts.get(part);
    if (held && record && held.seq === seq - 1 && isNewer(held.entries.get(record.id), record)) {
      // The change right after what this instance holds, and the writer has the record: applied as it is,
      // with no lookup. (A newer version already held is kept: appends may land out of order.)
      held.entries.set(record.id, this.source.project(record));
      held.list = null;
      held.seq = seq;
    } else if (held) held.written = Math.max(held.written, seq);
    // A part nobody here reads still gets a fresh snapshot now and then, so a reader never has to replay
    // more than about SNAPSHOT_EVERY changes or reload the part from the collection.
    if (seq % SNAPSHOT_EVERY === 0 && this.snapshots && !this.parts.has(part))
      void this.read(part).catch(() => undefined); // best effort: the next reader does the same work
    return seq;
  }

  /** Catches the part up and writes its snapshot now, whatever its age. */
  async writeSnapshot(part: string): Promise<void> {
    if (!this.snapshots) return;
    await this.read(part);
    const view = this.parts.get(part);
    if (!view) return;
    await this.snapshots.write(part, view.seq, [...view.entries.values()]);
    view.snapshotSeq = view.seq;
  }

  /** Entries held, for the budget. */
  size(): number {
    let total = 0;
    for (const view of this.parts.values()) total += view.entries.size;
    return total;
  }

  /** Drops the least recently read part other than `keep`; false when there is none. */
  evictOne(keep: string | null): boolean {
    for (const part of this.parts.keys()) {
      if (part === keep) continue;
      this.parts.delete(part);
      return true;
    }
    return false;
  }

  /** Least recently read first: the next part `evictOne` would drop, and when it was read. */
  oldest(keep: string | null): { part: string; at: number } | null {
    for (const [part, view] of this.parts) if (part !== keep) return { part, at: view.checkedAt };
    return null;
  }

  private async current(part: string): Promise<PartView<E>> {
    const held = this.parts.get(part);
    const view = held ? await this.catchUp(part, held, true) : await this.load(part);
    if (this.snapshots && view.seq - view.snapshotSeq >= SNAPSHOT_EVERY) {
      await this.snapshots.write(part, view.seq, [...view.entries.values()]);
      view.snapshotSeq = view.seq;
    }
    return view;
  }

  /** `trySnapshot`: on falling behind the kept changes, try the snapshot before the collection. */
  private async catchUp(part: string, view: PartView<E>, trySnapshot: boolean): Promise<PartView<E>> {
    const now = Date.now();
    const changes = await this.log.after(part, view.seq, now - view.checkedAt > GAP_CHECK_AFTER_MS);
    view.checkedAt = now;
    if (changes.kind === 'gap') return trySnapshot ? this.load(part) : this.loadFromCollection(part);
    if (changes.reloadAt !== null) return this.load(part, changes.reloadAt);
    if (!changes.recordIds.length) return view;
    await this.apply(part, view, changes.recordIds);
    view.seq = changes.seq;
    return view;
  }

  /**
   * From the part's snapshot (if it is at `atLeast` or later) and the changes after it, else from the
   * collection. After a reload signal, the snapshot that `rebuild` writes for it may be a moment behind the
   * signal: it is waited for, briefly, before the part is read from the collection.
   */
  private async load(part: string, atLeast = 0): Promise<PartView<E>> {
    let snapshot = await this.snapshots?.read(part);
    for (let wait = 0; this.snapshots && atLeast > 0 && (snapshot?.seq ?? -1) < atLeast && wait < 3; wait++) {
      await new Promise((r) => setTimeout(r, 100 * 2 ** wait));
      snapshot = await this.snapshots.read(part);
    }
    if (!snapshot || snapshot.seq < atLeast) return this.loadFromCollection(part);
    const revive = (entry: E) => (this.source.revive ? this.source.revive(entry) : entry);
    const entries = new Map(snapshot.entries.map((e) => [this.source.idOf(e), revive(e)]));
    const { seq } = snapshot;
    const view = { seq, written: 0, entries, list: null, checkedAt: 0, snapshotSeq: seq };
    return this.catchUp(part, view, false);
  }

  /** The whole part from the collection; every change logged before it began is in what it reads. */
  private async loadFromCollection(part: string): Promise<PartView<E>> {
    const seq = await this.log.latest(part);
    const view = this.viewOf(seq, await this.source.loadPart(part));
    this.parts.set(part, view);
    return view;
  }

  private viewOf(seq: number, records: Iterable<T>): PartView<E> {
    const entries = new Map<string, E>();
    for (const record of records) {
      const entry = this.source.project(record);
      entries.set(this.source.idOf(entry), entry);
    }
    return { seq, written: 0, entries, list: null, checkedAt: Date.now(), snapshotSeq: -Infinity };
  }

  /**
   * After a change behind the stores' back: every part's snapshot made afresh from `records` (the whole
   * collection, read once), and a reload signal in every part (those in `known` and those the records name),
   * so each instance drops what it holds and starts again from the new snapshot. Returns the parts.
   */
  async rebuild(known: readonly string[], records: AsyncIterable<T>): Promise<number> {
    const before = new Map<string, number>();
    for (const part of known) before.set(part, await this.log.latest(part));
    const byPart = new Map<string, Map<string, E>>(known.map((p) => [p, new Map<string, E>()]));
    for await (const record of records) {
      const part = this.source.partOf(record);
      let entries = byPart.get(part);
      if (!entries) byPart.set(part, (entries = new Map<string, E>()));
      const entry = this.source.project(record);
      entries.set(this.source.idOf(entry), entry);
    }
    for (const [part, entries] of byPart) {
      const view = this.viewOf(before.get(part) ?? 0, []);
      view.entries = entries;
      const reloadAt = await this.log.append(part, RELOAD_PART);
      // Writes between the read and the signal: applied, so the snapshot is current to the signal.
      const written = await this.log.recordIdsBetween(part, view.seq, reloadAt);
      if (written.length) await this.apply(part, view, written);
      await this.snapshots?.write(part, reloadAt, [...view.entries.values()]);
      this.parts.delete(part);
    }
    return byPart.size;
  }

  private async apply(part: string, view: PartView<E>, recordIds: readonly string[]): Promise<void> {
    const ids = [...new Set(recordIds)];
    const found = new Map((await this.source.fetch(ids)).map((r) => [r.id, r]));
    for (const id of ids) {
      const record = found.get(id);
      if (record && this.source.partOf(record) === part) view.entries.set(id, this.source.project(record));
      else view.entries.delete(id); // deleted, or moved to another part
    }
    view.list = null;
  }

  private touch(part: string, view: PartView<E>): void {
    this.parts.delete(part); // re-inserted last: Map order is least recently read first
    this.parts.set(part, view);
    this.budget.enforce(this, part);
  }
}

/** Whether `record` is newer than the entry held for it (unversioned records: the latest written wins). */
function isNewer(held: unknown, written: object): boolean {
  const record = written as { version?: unknown };
  if (typeof record.version !== 'number') return true;
  const version = (held as { version?: unknown } | undefined)?.version;
  return typeof version !== 'number' || version < record.version;
}
