// The one place that knows which server is behind the driver, and what FerretDB 1.x cannot do well.
import type { Collection, Db, Document, UpdateFilter } from 'mongodb';
import { retryBusy } from './driver-errors.js';

/** `mongodb`: the server filters and indexes every query (MongoDB, Atlas, Azure DocumentDB). */
export type ServerKind = 'mongodb' | 'ferretdb';

const kinds = new WeakMap<Db, Promise<ServerKind>>();

/**
 * Treats the server as `kind` whatever it says it is: tests run the MongoDB code paths against FerretDB
 * (correct there, only slower), and `STORE_SERVER_KIND` lets an operator do the same.
 */
export function forceServerKind(db: Db, kind: ServerKind): void {
  kinds.set(db, Promise.resolve(kind));
}

/** Asked once per database handle: FerretDB's buildInfo names its own version. */
function serverKind(db: Db): Promise<ServerKind> {
  let kind = kinds.get(db);
  if (!kind) {
    kind = db
      .command({ buildInfo: 1 })
      .then((info): ServerKind => ('ferretdbVersion' in info ? 'ferretdb' : 'mongodb'))
      .catch((error: unknown) => {
        kinds.delete(db); // ask again next time
        throw error;
      });
    kinds.set(db, kind);
  }
  return kind;
}

/**
 * Whether the server filters in the database only a query that is exactly `{_id: <string>}` (FerretDB 1.x
 * on SQLite: anything more decodes the whole collection; docs/DATABASE.md), so reads of many documents are
 * better made as lookups by `_id`, one by one.
 */
export async function filtersById(db: Db): Promise<boolean> {
  return (await serverKind(db)) === 'ferretdb';
}

/**
 * `updateOne({_id, ...expected}, update)`, answering whether the document matched. On FerretDB the
 * expected fields are checked here after a bare `_id` lookup, which FerretDB can filter in the database:
 * the same check-then-write FerretDB would do itself, minus decoding the whole collection. Callers must not
 * rely on it being atomic (they claim with unique inserts); on MongoDB it also is.
 */
export async function updateByIdIf(
  db: Db,
  col: Collection<Document>,
  id: string,
  expected: Record<string, string | number | boolean | null>,
  update: UpdateFilter<Document>,
): Promise<boolean> {
  if (!(await filtersById(db))) {
    return (await col.updateOne({ _id: id as never, ...expected }, update)).matchedCount === 1;
  }
  return retryBusy(async () => {
    const current = await col.findOne({ _id: id as never });
    if (!current || !Object.entries(expected).every(([field, value]) => current[field] === value))
      return false;
    return (await col.updateOne({ _id: id as never }, update)).matchedCount === 1;
  });
}

/**
 * The documents with these `_id`s, in no particular order: one `$in` query where the server filters it,
 * else lookups by `_id`, sixteen at a time.
 */
export async function findByIds(
  db: Db,
  col: Collection<Document>,
  ids: readonly string[],
  concurrency = 16,
): Promise<Document[]> {
  if (!ids.length) return [];
  if (!(await filtersById(db))) return col.find({ _id: { $in: [...ids] as never[] } }).toArray();
  const found: Document[] = [];
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const doc = await col.findOne({ _id: ids[next++] as never });
      if (doc) found.push(doc);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker));
  return found;
}
