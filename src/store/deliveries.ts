import type { Collection, Db } from 'mongodb';
import { guard, isDuplicateKey, retryBusy } from './driver-errors.js';
import type { Deliveries } from '../app/ports.js';

type DeliveryDoc = { _id: string; at: string };

/** One document per activity taken; the unique `_id` decides which delivery is the first. */
export class MongoDeliveries implements Deliveries {
  private readonly col: Collection<DeliveryDoc>;

  constructor(db: Db) {
    this.col = db.collection<DeliveryDoc>('deliveries');
  }

  first(key: string, at: Date): Promise<boolean> {
    return guard('record the activity', async () => {
      try {
        await retryBusy(() => this.col.insertOne({ _id: key, at: at.toISOString() }));
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    });
  }

  forgetBefore(before: Date): Promise<number> {
    return guard('forget old activities', async () => {
      const result = await this.col.deleteMany({ at: { $lt: before.toISOString() } });
      return result.deletedCount;
    });
  }
}
