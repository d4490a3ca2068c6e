import type { Db } from 'mongodb';
import { isDuplicateKey, retryBusy } from './driver-errors.js';

/**
 * Claims a name, once, for whoever inserts it first. An insert against the unique _id is the one write
 * that is atomic on every server we support, FerretDB 1.x included (whose conditional updates are not).
 */
export async function claimOnce(db: Db, name: string): Promise<boolean> {
  try {
    const claims = db.collection<{ _id: string; at: string }>('claims');
    await retryBusy(() => claims.insertOne({ _id: name, at: new Date().toISOString() }));
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}
