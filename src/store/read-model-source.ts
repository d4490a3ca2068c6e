// What a read model is made of: its source (how records become entries) and what it holds per part.

/** How a collection's records become a read model's entries, part by part. */
export interface ReadModelSource<T extends { id: string }, E> {
  /** The part a stored record belongs to (its town, or 'all'). */
  partOf(record: T): string;
  /** What the read model keeps of a record (the record itself, or a smaller headline). */
  project(record: T): E;
  idOf(entry: E): string;
  /** The order `read` hands entries out in. */
  order(a: E, b: E): number;
  /** Every record of a part, from the database (an indexed query on MongoDB). */
  loadPart(part: string): Promise<T[]>;
  /** The records with these ids, those that still exist. */
  fetch(ids: readonly string[]): Promise<T[]>;
  /** An entry read back from a snapshot, made as `project` makes them (e.g. with shared values). */
  revive?(entry: E): E;
}

export interface PartView<E> {
  seq: number;
  /** This instance has written up to here: a read must catch up at least this far. */
  written: number;
  entries: Map<string, E>;
  /** `entries` in order; the same array until the part changes (results computed from it can be kept). */
  list: readonly E[] | null;
  checkedAt: number;
  snapshotSeq: number;
}
