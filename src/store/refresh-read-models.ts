import type { Db } from 'mongodb';
import { ChangeLog, CHANGE_HEADS_COLLECTION, RELOAD_PART } from './change-log.js';
import { createMongoStores } from './mongo.js';
import { VersionedCollection } from './versioned-collection.js';

/** The collections read through read models (see ReadModel); their parts are towns, or 'all'. */
export const READ_MODEL_FEEDS = [
  'actions',
  'conversation_refs',
  'meetings',
  'members',
  'partnerships',
  'plans',
  'problems',
  'task_groups',
] as const;

/**
 * The documented signal after a change made behind the stores' back (a bulk load, a restore, a `mongosh`
 * edit): each read model's parts made afresh from one read of its collection (snapshots included), and a
 * "reload" logged in every part, so each running instance drops what it holds of the part at its next read
 * and starts again from the new snapshot. No instance need restart (docs/DATABASE.md). Returns the parts
 * signalled.
 */
export async function refreshReadModels(db: Db): Promise<number> {
  const stores = createMongoStores(db) as unknown as Record<string, unknown>;
  const byFeed = new Map<string, { rebuildReadModel(parts: readonly string[]): Promise<boolean> }>();
  for (const store of Object.values(stores))
    if (store instanceof VersionedCollection) byFeed.set(store.name, store);
  let signalled = 0;
  for (const feed of READ_MODEL_FEEDS) {
    const parts = await partsOf(db, feed);
    const store = byFeed.get(feed);
    if (!store || !(await store.rebuildReadModel(parts)))
      for (const part of parts) await new ChangeLog(db, feed).append(part, RELOAD_PART);
    signalled += parts.length;
  }
  return signalled;
}

/** Every part a feed may have: 'all', each town its documents name, and each part already logged. */
async function partsOf(db: Db, feed: string): Promise<string[]> {
  const towns = await db
    .collection(feed)
    .aggregate<{ _id: unknown }>([{ $group: { _id: '$town' } }])
    .toArray();
  const logged = await db
    .collection<{ feed: string; part: string }>(CHANGE_HEADS_COLLECTION)
    .find({ feed })
    .toArray();
  const parts = new Set(['all', ...logged.map((h) => h.part)]);
  for (const { _id } of towns) if (typeof _id === 'string') parts.add(_id);
  return [...parts].sort();
}
