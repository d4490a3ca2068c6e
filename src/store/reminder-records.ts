import type { Collection, Db, Document } from 'mongodb';
import { updateByIdIf } from './server-kind.js';
import { claimOnce } from './claims.js';
import { guard, isDuplicateKey, retryBusy } from './driver-errors.js';
import type { ReminderRecords } from '../app/ports.js';
import type { ReminderKey, ReminderRecord } from '../domain/reminder.js';

type ReminderDoc = ReminderRecord & { _id: string; attempt: number };

const keyOf = (k: ReminderKey) => `${k.actionId}|${k.kind}|${k.window}`;

/**
 * Sent-at-most-once bookkeeping. The unique index on (actionId, kind, window) makes the first claim win
 * across processes. A claim whose sender died is taken over once its lease has expired; each takeover is
 * itself claimed by a unique insert (attempt n+1), so two workers cannot both take over the same claim.
 */
export class MongoReminderRecords implements ReminderRecords {
  private readonly col: Collection<ReminderDoc>;

  constructor(private readonly db: Db) {
    this.col = db.collection<ReminderDoc>('reminder_records');
  }

  private get loose(): Collection<Document> {
    return this.col as unknown as Collection<Document>;
  }

  claim(key: ReminderKey, owner: string, now: Date, leaseUntil: Date): Promise<boolean> {
    return guard('claim a reminder', async () => {
      const id = keyOf(key);
      const lease = leaseUntil.toISOString();
      const fresh = {
        _id: id,
        ...key,
        state: 'claimed' as const,
        claimedBy: owner,
        leaseUntil: lease,
        sentAt: null,
        error: null,
        attempt: 1,
      };
      try {
        await retryBusy(() => this.col.insertOne(fresh));
        return true;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      const current = await this.col.findOne({ _id: id });
      if (!current || current.state !== 'claimed' || current.leaseUntil >= now.toISOString()) return false;
      const attempt = current.attempt + 1;
      if (!(await claimOnce(this.db, `reminder/${id}/${attempt}`))) return false;
      await updateByIdIf(
        this.db,
        this.loose,
        id,
        { attempt: current.attempt },
        {
          $set: { claimedBy: owner, leaseUntil: lease, attempt },
        },
      );
      return true;
    });
  }

  markSent(key: ReminderKey, owner: string, at: Date): Promise<boolean> {
    return this.finish(key, owner, { state: 'sent', sentAt: at.toISOString() });
  }

  markFailed(key: ReminderKey, owner: string, error: string): Promise<boolean> {
    return this.finish(key, owner, { state: 'failed', error: error.slice(0, 500) });
  }

  get(key: ReminderKey): Promise<ReminderRecord | null> {
    return guard('read a reminder', async () => {
      const doc = await this.col.findOne({ _id: keyOf(key) });
      if (!doc) return null;
      const { _id, attempt: _attempt, ...record } = doc;
      return record;
    });
  }

  private finish(key: ReminderKey, owner: string, set: Partial<ReminderRecord>): Promise<boolean> {
    return guard('record a reminder', async () => {
      return updateByIdIf(
        this.db,
        this.loose,
        keyOf(key),
        { claimedBy: owner, state: 'claimed' },
        { $set: set },
      );
    });
  }
}
