import { AppError } from '../errors.js';
import type { Db } from 'mongodb';
import { claimOnce } from './claims.js';
import { isDuplicateKey } from './driver-errors.js';

const MAX_PROBES = 10_000;

/**
 * The next number of a sequence (action refs per town, problem refs per town), never handed out twice:
 * each number is claimed by a unique insert. The counter document is only a hint of where to start.
 */
export async function nextSequence(db: Db, key: string): Promise<number> {
  const hints = db.collection<{ _id: string; seq: number }>('counters');
  let n = ((await hints.findOne({ _id: key }))?.seq ?? 0) + 1;
  for (let probes = 0; !(await claimOnce(db, `seq/${key}/${n}`)); probes++, n++) {
    if (probes > MAX_PROBES)
      throw AppError.internal(`sequence ${key}: no free number after ${MAX_PROBES} probes`);
  }
  try {
    await hints.updateOne({ _id: key }, { $max: { seq: n } }, { upsert: true });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error; // a racing first upsert: the hint exists now, and it is only a hint
  }
  return n;
}
