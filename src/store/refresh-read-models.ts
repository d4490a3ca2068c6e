import type { Db } from 'mongodb';
import { ChangeLog, CHANGE_HEADS_COLLECTION, RELOAD_PART } from './change-log.js';
import { createMongoStores } from './mongo.js';
import { ReadThroughCollection } from './read-through-collection.js';

/** Read models not kept by a VersionedCollection (which rebuilds its own). */
const RELOADED_FEEDS = ['conversation_refs'] as const;

/**
 * The documented signal after a change made behind the stores' back (a bulk load, a restore, a `mongosh`
 * edit): each read model's parts made afresh from one read of its collection (snapshots included), and a
 * "reload" logged in every part, so each running instance drops what it holds of the part at its next read
 * and starts again from the new snapshot. No instance need restart (docs/DATABASE.md). Returns the parts
 * signalled.
 */
export async function refreshReadModels(db: Db): Promise<number> {
  const stores = createMongoStores(db) as unknown as Record<string, unknown>;
  let signalled = 0;
  for (const store of Object.values(stores)) {
    if (!(store instanceof ReadThroughCollection)) continue;
    signalled += await store.rebuildReadModel(await loggedParts(db, store.name));
  }
  // Held whole by every instance and written rarely: loaded again from the collection.
  for (const feed of RELOADED_FEEDS)
    for (const part of await loggedParts(db, feed)) {
      await new ChangeLog(db, feed).append(part, RELOAD_PART);
      signalled++;
    }
  return signalled;
}

/** 'all', and every part a change was ever logged in. */
async function loggedParts(db: Db, feed: string): Promise<string[]> {
  const logged = await db
    .collection<{ feed: string; part: string }>(CHANGE_HEADS_COLLECTION)
    .find({ feed })
    .toArray();
  return [...new Set(['all', ...logged.map((h) => h.part)])].sort();
}
