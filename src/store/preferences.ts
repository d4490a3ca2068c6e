import type { Collection, Db } from 'mongodb';
import { guard } from './driver-errors.js';
import { upsertById } from './upsert.js';
import type { Preferences } from '../app/ports.js';

type PreferenceDoc = { _id: string; digestOptOut: boolean };

/** One document per person (by Entra object id). */
export class MongoPreferences implements Preferences {
  private readonly col: Collection<PreferenceDoc>;

  constructor(db: Db) {
    this.col = db.collection<PreferenceDoc>('preferences');
  }

  digestOptedOut(aadObjectId: string): Promise<boolean> {
    return guard(
      'read preferences',
      async () => (await this.col.findOne({ _id: aadObjectId }))?.digestOptOut === true,
    );
  }

  setDigestOptOut(aadObjectId: string, optedOut: boolean): Promise<void> {
    return guard('save preferences', () => upsertById(this.col, aadObjectId, { digestOptOut: optedOut }));
  }
}
