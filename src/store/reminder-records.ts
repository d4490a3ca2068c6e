import type { Collection, Db, Document } from 'mongodb';
import { updateByIdIf } from './server-kind.js';
import { claimOnce } from './claims.js';
import { guard, isDuplicateKey, retryBusy } from './driver-errors.js';
import type { ReminderRecords } from '../app/ports.js';
import type { ReminderKey, ReminderRecord } from '../domain/reminder.js';

type ReminderDoc = ReminderRecord & { _id: string; attempt: number };
type OutcomeDoc = Pick<ReminderRecord, 'sentAt' | 'error'> & {
  _id: string;
  state: 'sent' | 'failed';
  by: string;
};

const keyOf = (k: ReminderKey) => `${k.actionId}|${k.kind}|${k.window}`;

/**
 * Sent-at-most-once bookkeeping. The unique index on (actionId, kind, window) makes the first claim win
 * across processes. A claim whose sender died is taken over once its lease has expired; each takeover is
 * itself claimed by a unique insert (attempt n+1), so two workers cannot both take over the same claim.
 * The outcome (sent, or failed) is a document of its own in `reminder_outcomes`, inserted by the claim's
 * holder: an insert, because an update on FerretDB/SQLite scans the whole table and holds the write lock
 * while it does (docs/DATABASE.md), which capped the sweep at 22 sends a second over 100,000 actions.
 */
export class MongoReminderRecords implements ReminderRecords {
  private readonly col: Collection<ReminderDoc>;
  private readonly outcomes: Collection<OutcomeDoc>;
  /** Claims this process holds, with their leases: until a lease ends nobody can take the claim over. */
  private readonly held = new Map<string, { owner: string; leaseUntil: string }>();

  constructor(private readonly db: Db) {
    this.col = db.collection<ReminderDoc>('reminder_records');
    this.outcomes = db.collection<OutcomeDoc>('reminder_outcomes');
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
        this.held.set(id, { owner, leaseUntil: lease });
        return true;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      const current = await this.col.findOne({ _id: id });
      if (!current || current.state !== 'claimed' || current.leaseUntil >= now.toISOString()) return false;
      if (await this.outcomes.findOne({ _id: id })) return false; // done: nothing to take over
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
      this.held.set(id, { owner, leaseUntil: lease });
      return true;
    });
  }

  markSent(key: ReminderKey, owner: string, at: Date): Promise<boolean> {
    return this.finish(key, owner, { state: 'sent', sentAt: at.toISOString(), error: null }, at);
  }

  markFailed(key: ReminderKey, owner: string, error: string): Promise<boolean> {
    return this.finish(key, owner, { state: 'failed', sentAt: null, error: error.slice(0, 500) }, new Date());
  }

  get(key: ReminderKey): Promise<ReminderRecord | null> {
    return guard('read a reminder', async () => {
      const id = keyOf(key);
      const [doc, outcome] = await Promise.all([
        this.col.findOne({ _id: id }),
        this.outcomes.findOne({ _id: id }),
      ]);
      if (!doc) return null;
      const { _id, attempt: _attempt, ...record } = doc;
      if (!outcome) return record;
      return { ...record, state: outcome.state, sentAt: outcome.sentAt, error: outcome.error };
    });
  }

  private get loose(): Collection<Document> {
    return this.col as unknown as Collection<Document>;
  }

  /** Records the outcome if the claim is still the caller's; the first outcome recorded stands. */
  private finish(
    key: ReminderKey,
    owner: string,
    outcome: Pick<OutcomeDoc, 'state' | 'sentAt' | 'error'>,
    at: Date,
  ): Promise<boolean> {
    return guard('record a reminder', async () => {
      const id = keyOf(key);
      const held = this.held.get(id);
      if (held?.owner === owner) this.held.delete(id);
      // Our own claim within its lease is still ours; otherwise ask the database who holds it.
      if (!(held?.owner === owner && at.toISOString() < held.leaseUntil)) {
        const claim = await this.col.findOne({ _id: id });
        if (claim?.state !== 'claimed' || claim.claimedBy !== owner) return false;
      }
      try {
        await retryBusy(() => this.outcomes.insertOne({ _id: id, ...outcome, by: owner }));
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    });
  }
}
