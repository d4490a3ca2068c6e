// Everything the bot has stored, for tests that must show a call changed nothing. Left out: what every turn
// writes by design — the redelivery keys, the time and last speaker of a conversation reference (and the
// change its write logs), and the read models' snapshots (copies of records, written when a read finds them
// behind).
import type { Db, Document } from 'mongodb';

/** collection -> document id -> the document as JSON. */
export type StoredState = Map<string, Map<string, string>>;

const BOOKKEEPING_COLLECTIONS = new Set(['deliveries', 'read_models']);
const LOGS = new Set(['changes', 'change_heads']);

function comparable(collection: string, doc: Document): Document {
  if (collection !== 'conversation_refs') return doc;
  const { updatedAt: _at, reference, ...rest } = doc as { updatedAt?: unknown; reference?: Document };
  const { user: _user, ...stable } = reference ?? {};
  return { ...rest, reference: stable };
}

export async function storedState(db: Db): Promise<StoredState> {
  const state: StoredState = new Map();
  const collections = await db.listCollections({}, { nameOnly: true }).toArray();
  for (const { name } of collections) {
    if (BOOKKEEPING_COLLECTIONS.has(name)) continue;
    const docs = (await db.collection(name).find({}).toArray()).filter(
      (d) => !LOGS.has(name) || d['feed'] !== 'conversation_refs', // logged by a conversation's write
    );
    state.set(name, new Map(docs.map((d) => [JSON.stringify(d._id), JSON.stringify(comparable(name, d))])));
  }
  return state;
}

/** What differs, one line per document ("actions "abc" changed"), empty when nothing does. */
export function changedBetween(before: StoredState, after: StoredState): string[] {
  const out: string[] = [];
  for (const name of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(name) ?? new Map<string, string>();
    const b = after.get(name) ?? new Map<string, string>();
    for (const id of new Set([...a.keys(), ...b.keys()])) {
      if (!a.has(id)) out.push(`${name} ${id} added`);
      else if (!b.has(id)) out.push(`${name} ${id} removed`);
      else if (a.get(id) !== b.get(id)) out.push(`${name} ${id} changed`);
    }
  }
  return out;
}
