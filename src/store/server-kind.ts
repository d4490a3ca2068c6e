import type { Collection, Db, Document, UpdateFilter } from 'mongodb';
import { retryBusy } from './driver-errors.js';

const kinds = new WeakMap<Db, Promise<boolean>>();

/**
 * Whether the server is FerretDB, whose SQLite backend filters in the database only a query that is
 * exactly `{_id: <string>}`: anything more (`{_id, version}`) decodes the whole collection. Asked once.
 */
export function isFerretDb(db: Db): Promise<boolean> {
  let kind = kinds.get(db);
  if (!kind) {
    kind = db
      .command({ buildInfo: 1 })
      .then((info) => 'ferretdbVersion' in info)
      .catch((error: unknown) => {
        kinds.delete(db); // ask again next time
        throw error;
      });
    kinds.set(db, kind);
  }
  return kind;
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
  if (!(await isFerretDb(db))) {
    return (await col.updateOne({ _id: id as never, ...expected }, update)).matchedCount === 1;
  }
  return retryBusy(async () => {
    const current = await col.findOne({ _id: id as never });
    if (!current || !Object.entries(expected).every(([field, value]) => current[field] === value))
      return false;
    return (await col.updateOne({ _id: id as never }, update)).matchedCount === 1;
  });
}
