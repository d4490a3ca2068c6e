// Several sweepers on one real database (FerretDB): each reminder is claimed once across instances, and a
// sweeper that dies mid-sweep loses nothing: its claims lapse and another takes them over.
import { describe, expect, it } from 'vitest';
import { sendDueReminders, type SweepOptions, type SweepReport } from '../../src/app/send-due-reminders.js';
import { completeAction } from '../../src/domain/action.js';
import { SYSTEM_ACTOR } from '../../src/domain/entity.js';
import { DEFAULT_REMINDER_POLICY, type DueReminder } from '../../src/domain/reminder-policy.js';
import { prepareDatabase } from '../../src/store/mongo.js';
import { FakeClock, SequentialIds } from '../fakes/clock.js';
import { useTestDatabases } from '../support/test-database.js';
import type { AppContext } from '../../src/app/context.js';
import type { Stores } from '../../src/app/ports.js';
import type { ReminderDelivery } from '../../src/app/outward-ports.js';
import type { Action } from '../../src/domain/action.js';
import type { TownSlug } from '../../src/domain/towns.js';
import type { Db } from 'mongodb';

const databases = useTestDatabases();
const NOW = '2026-11-26T10:00:00Z'; // a Thursday, 10:00 in London
const TOWNS: TownSlug[] = ['truro', 'penzance', 'bodmin', 'newquay'];

/** Inserts due actions straight into the collection (the store's own document shape), quickly. */
async function dueActions(db: Db, count: number): Promise<void> {
  const docs = Array.from({ length: count }, (_, i) => {
    const town = TOWNS[i % TOWNS.length]!;
    const owner = { aadObjectId: `owner-${i % 100}`, displayName: `Owner ${i % 100}` };
    const { id, ...fields } = completeAction(
      {
        town,
        planId: 'p',
        priorityId: 'q',
        taskGroupId: null,
        title: `Action number ${i} for the sweep`,
        measure: 'm',
        target: '1',
        owners: [owner],
        dueDate: '2026-11-26',
        status: 'in_progress',
        blockedReason: null,
        notes: [],
        demo: true,
      },
      {
        id: `due-${i}`,
        ref: `${town.slice(0, 3).toUpperCase()}-${1000 + i}`,
        now: new Date(NOW),
        actor: SYSTEM_ACTOR,
      },
    );
    return { _id: id as never, ...fields };
  });
  await db.collection('actions').insertMany(docs);
}

/** Counts deliveries per reminder, as the Bot Connector would see the sends. */
class CountingDelivery implements ReminderDelivery {
  readonly sends = new Map<string, number>();
  constructor(private readonly onSend?: (key: string) => void) {}
  async deliver(action: Action, reminder: DueReminder) {
    await new Promise((r) => setTimeout(r, Math.random() * 3)); // a send takes a moment
    const key = `${action.id}|${reminder.window}`;
    this.onSend?.(key); // may "kill" the process before the send is recorded as done
    this.sends.set(key, (this.sends.get(key) ?? 0) + 1);
    return 'sent' as const;
  }
}

function contextOn(stores: Stores, clock: FakeClock): AppContext {
  return {
    stores,
    clock,
    ids: new SequentialIds('x'),
    settings: { timeZone: 'Europe/London', dueSoonDays: 3 },
  };
}

const options = (worker: string): SweepOptions => ({
  worker,
  leaseMs: 60_000,
  policy: DEFAULT_REMINDER_POLICY,
  concurrency: 16,
});

describe('reminder sweep on a shared database', () => {
  it(
    'two sweepers at once over 1,000 due actions send each reminder exactly once',
    { timeout: 120_000 },
    async () => {
      const db = await databases.fresh();
      await prepareDatabase(db); // indexes, as at start-up
      await dueActions(db, 1_000);
      const delivery = new CountingDelivery();
      // Two running instances (their copies of the actions loaded), sweeping at the same moment.
      const instances = [await prepareDatabase(db), await prepareDatabase(db)];
      for (const stores of instances) await stores.actions.listOpenDueBy('2026-12-31');
      const [a, b] = (await Promise.all(
        instances.map((stores, i) =>
          sendDueReminders(
            contextOn(stores, new FakeClock(new Date(NOW))),
            delivery,
            options(`instance-${i}`),
          ),
        ),
      )) as [SweepReport, SweepReport];
      expect(a.due).toBe(1_000);
      expect(a.claimed + b.claimed).toBe(1_000);
      expect(a.claimed).toBeGreaterThan(0);
      expect(b.claimed).toBeGreaterThan(0);
      expect(delivery.sends.size).toBe(1_000);
      expect([...delivery.sends.values()].every((n) => n === 1)).toBe(true);
      expect(await db.collection('reminder_outcomes').countDocuments({ state: 'sent' })).toBe(1_000);
    },
  );

  it(
    'loses no reminder when a sweeper dies mid-sweep; a duplicate happens only between a send and its record',
    { timeout: 60_000 },
    async () => {
      const db = await databases.fresh();
      const stores = await prepareDatabase(db);
      await dueActions(db, 200);
      const clock = new FakeClock(new Date(NOW));
      // Instance A "dies" at random points: some reminders claimed and never sent, some sent and never recorded.
      let diedBeforeSend = 0;
      let diedAfterSend = 0;
      const dying = new CountingDelivery();
      const deliveryA: ReminderDelivery = {
        async deliver(action, reminder) {
          const roll = Math.random();
          if (roll < 0.15) {
            diedBeforeSend++;
            throw new Error('killed before sending');
          }
          await dying.deliver(action, reminder);
          if (roll < 0.3) {
            diedAfterSend++;
            throw new Error('killed after sending, before recording');
          }
          return 'sent';
        },
      };
      const first = await sendDueReminders(contextOn(stores, clock), deliveryA, options('instance-a'));
      expect(first.retryLater).toBe(diedBeforeSend + diedAfterSend);

      // Instance B comes along after A's leases have lapsed and finishes the job.
      clock.advance(61_000);
      const survivor = new CountingDelivery();
      const second = await sendDueReminders(
        contextOn(await prepareDatabase(db), clock),
        survivor,
        options('instance-b'),
      );
      expect(second.claimed).toBe(diedBeforeSend + diedAfterSend);

      const delivered = new Map(dying.sends);
      for (const [key, n] of survivor.sends) delivered.set(key, (delivered.get(key) ?? 0) + n);
      expect(delivered.size).toBe(200); // nothing lost
      const duplicates = [...delivered.values()].filter((n) => n > 1).length;
      expect(duplicates).toBe(diedAfterSend); // every duplicate is one that died between sending and recording
      expect(await db.collection('reminder_outcomes').countDocuments({ state: 'sent' })).toBe(200);
      // Nothing more to do afterwards.
      expect(
        (await sendDueReminders(contextOn(stores, clock), survivor, options('instance-c'))).claimed,
      ).toBe(0);
    },
  );
});
