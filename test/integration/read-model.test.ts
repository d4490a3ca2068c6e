// The in-memory read models (a town's action headlines, all seats) must never show one instance a stale
// world, and must never make a write cost a reload: every write logs its record in its part's change log,
// and every read applies the changes after the last it saw, fetching only the records they name.
import { describe, expect, it } from 'vitest';
import { createMongoStores } from '../../src/store/mongo.js';
import { ReadModel, SNAPSHOT_EVERY } from '../../src/store/read-model.js';
import { EntryBudget } from '../../src/store/entry-budget.js';
import { CHANGES_COLLECTION, HEAD_EVERY } from '../../src/store/change-log.js';
import { refreshReadModels } from '../../src/store/refresh-read-models.js';
import { anAction, anAudit, aMember } from '../contract/builders.js';
import { useTestDatabases } from '../support/test-database.js';
import type { Db } from 'mongodb';

/** Stores that check on every read (READ_MODEL_FRESH_MS=0), to show when other instances see a write. */
const instance = (db: Db) => createMongoStores(db, { readModelFreshMs: 0 });

interface Item {
  id: string;
  part: string;
  n: number;
}

/** A read model over an in-memory "collection", counting what it is asked to load and fetch. */
function itemsModel(
  db: Db,
  stored: Map<string, Item>,
  budget = new EntryBudget(150_000, 0),
  snapshots = false,
) {
  const calls = { loads: [] as string[], fetches: [] as string[][] };
  const model = new ReadModel<Item, Item>(
    db,
    'items',
    {
      partOf: (i) => i.part,
      project: (i) => ({ ...i }),
      idOf: (i) => i.id,
      order: (a, b) => a.n - b.n,
      loadPart: async (part) => {
        calls.loads.push(part);
        return [...stored.values()].filter((i) => i.part === part);
      },
      fetch: async (ids) => {
        calls.fetches.push([...ids]);
        return ids.flatMap((id) => (stored.has(id) ? [stored.get(id)!] : []));
      },
    },
    budget,
    { snapshots },
  );
  return { model, calls };
}

for (const serverKind of ['ferretdb', 'mongodb'] as const) {
  const databases = useTestDatabases({ serverKind });

  describe(`read models across instances (queries for ${serverKind})`, () => {
    it("shows one instance's writes to another at once, in the town lists, by owner, by ref and when due", async () => {
      const db = await databases.fresh();
      const [one, two] = [instance(db), instance(db)];
      const action = anAction({ town: 'truro', ref: 'TRU-001', dueDate: '2026-11-20' });
      expect(await two.actions.listByTown('truro')).toEqual([]); // held, empty
      await one.actions.insert(action, anAudit(action.id));
      expect((await two.actions.listByTown('truro')).map((a) => a.ref)).toEqual(['TRU-001']);

      await one.actions.update({ ...action, status: 'done' }, 1, anAudit(action.id));
      expect((await two.actions.getByRef('TRU-001'))?.status).toBe('done');
      expect(await two.actions.listOpenDueBy('2026-12-01')).toEqual([]);
      expect((await two.actions.listByOwner('aad-owner-1', ['truro'])).map((a) => a.status)).toEqual([
        'done',
      ]);
      expect(await two.actions.listByTown('penzance')).toEqual([]); // other towns untouched
    });

    it("hands out the same array of a town's actions until the town changes, and never a changed one", async () => {
      const db = await databases.fresh();
      const [one, two] = [instance(db), instance(db)];
      const action = anAction({ town: 'truro', ref: 'TRU-001' });
      await one.actions.insert(action, anAudit(action.id));
      const first = await two.actions.listByTown('truro');
      expect(await two.actions.listByTown('truro')).toBe(first);
      await one.actions.update({ ...action, status: 'done' }, 1, anAudit(action.id));
      const after = await two.actions.listByTown('truro');
      expect(after).not.toBe(first);
      expect(first.map((a) => a.status)).toEqual(['not_started']); // the old array is left as it was
      expect(after.map((a) => a.status)).toEqual(['done']);
    });

    it('shows a new seat to every instance', async () => {
      const db = await databases.fresh();
      const [one, two] = [instance(db), instance(db)];
      expect(await two.members.listByPerson('aad-new')).toEqual([]);
      const seat = aMember({ aadObjectId: 'aad-new', town: 'truro' });
      await one.members.insert(seat, anAudit(seat.id));
      expect((await two.members.listByPerson('aad-new')).map((m) => m.town)).toEqual(['truro']);
      expect((await two.members.listByTown('truro')).map((m) => m.aadObjectId)).toContain('aad-new');
    });

    it('sees a bulk load after the documented signal (refresh-read-models), without a restart', async () => {
      const db = await databases.fresh();
      const stores = instance(db);
      expect(await stores.actions.listByTown('truro')).toEqual([]);
      const { id, ...fields } = anAction({ town: 'truro', ref: 'TRU-002' });
      await db.collection('actions').insertOne({ _id: id as never, ...fields });
      expect(await stores.actions.listByTown('truro')).toEqual([]); // not written through a store: not seen
      await refreshReadModels(db);
      expect((await stores.actions.listByTown('truro')).map((a) => a.ref)).toEqual(['TRU-002']);
    });

    it('applies a write by fetching the one record it names: no reload of the part', async () => {
      const db = await databases.fresh();
      const stored = new Map([1, 2, 3].map((n) => [`i${n}`, { id: `i${n}`, part: 'p', n }]));
      const { model, calls } = itemsModel(db, stored);
      expect((await model.read('p')).map((i) => i.n)).toEqual([1, 2, 3]);
      expect(calls.loads).toEqual(['p']);

      stored.set('i2', { id: 'i2', part: 'p', n: 9 });
      const writer = itemsModel(db, stored).model; // another instance
      await writer.written('p', 'i2');
      stored.delete('i1');
      await writer.written('p', 'i1');
      expect((await model.read('p')).map((i) => i.n)).toEqual([3, 9]);
      expect(calls.loads).toEqual(['p']); // loaded once, at first
      expect(calls.fetches).toEqual([['i2', 'i1']]);
      expect(await model.read('p')).toBe(await model.read('p')); // unchanged: nothing fetched
      expect(calls.fetches).toHaveLength(1);
    });

    it('catches up once for twenty readers at once, each seeing every write finished before it asked', async () => {
      const db = await databases.fresh();
      const stored = new Map([['i1', { id: 'i1', part: 'p', n: 1 }]]);
      const { model, calls } = itemsModel(db, stored);
      await model.read('p');
      stored.set('i1', { id: 'i1', part: 'p', n: 2 });
      await itemsModel(db, stored).model.written('p', 'i1');
      const results = await Promise.all(Array.from({ length: 20 }, () => model.read('p')));
      expect(results.every((r) => r[0]!.n === 2)).toBe(true);
      expect(calls.fetches.length).toBe(1);
    });

    it('starts a fresh instance from the snapshot and the changes after it, not from the collection', async () => {
      const db = await databases.fresh();
      const stored = new Map([['i0', { id: 'i0', part: 'p', n: 0 }]]);
      const first = itemsModel(db, stored, new EntryBudget(150_000, 0), true);
      await first.model.read('p'); // no snapshot yet: loaded from the collection, then snapshotted
      for (let n = 1; n <= SNAPSHOT_EVERY + 5; n++) {
        stored.set(`i${n}`, { id: `i${n}`, part: 'p', n });
        await first.model.written('p', `i${n}`);
      }
      await first.model.read('p'); // applies them; a snapshot again, SNAPSHOT_EVERY or more behind
      const fresh = itemsModel(db, stored, new EntryBudget(150_000, 0), true);
      expect((await fresh.model.read('p')).length).toBe(SNAPSHOT_EVERY + 6);
      expect(fresh.calls.loads).toEqual([]);
    });

    it('reloads a part whose reader fell behind the changes kept', async () => {
      const db = await databases.fresh();
      const stored = new Map([['i1', { id: 'i1', part: 'p', n: 1 }]]);
      const { model, calls } = itemsModel(db, stored);
      await model.read('p');
      const writer = itemsModel(db, stored).model;
      for (let n = 2; n <= HEAD_EVERY + 2; n++) {
        stored.set(`i${n}`, { id: `i${n}`, part: 'p', n });
        await writer.written('p', `i${n}`);
      }
      // As if pruned: the oldest change the reader needs is gone.
      await db.collection(CHANGES_COLLECTION).deleteOne({ _id: 'items:p:000000000001' as never });
      await new Promise((r) => setTimeout(r, 1_100)); // a reader that has not looked for a while
      expect((await model.read('p')).length).toBe(HEAD_EVERY + 2);
      expect(calls.loads).toEqual(['p', 'p']);
    });

    it("sees another instance's write within READ_MODEL_FRESH_MS, and its own at once", async () => {
      const db = await databases.fresh();
      const [one, two] = [createMongoStores(db), createMongoStores(db)]; // the default, 250 ms
      const action = anAction({ town: 'truro', ref: 'TRU-001' });
      await one.actions.insert(action, anAudit(action.id));
      expect((await two.actions.listByTown('truro')).map((a) => a.status)).toEqual(['not_started']);
      await one.actions.update({ ...action, status: 'done' }, 1, anAudit(action.id));
      expect((await one.actions.listByTown('truro')).map((a) => a.status)).toEqual(['done']); // its own
      expect((await two.actions.listByTown('truro')).map((a) => a.status)).toEqual(['not_started']);
      await new Promise((r) => setTimeout(r, 300));
      expect((await two.actions.listByTown('truro')).map((a) => a.status)).toEqual(['done']);
    });

    it('holds no more entries than its budget, dropping the part read longest ago', async () => {
      const db = await databases.fresh();
      const stored = new Map<string, Item>();
      for (const part of ['a', 'b', 'c'])
        for (let n = 0; n < 600; n++) stored.set(`${part}${n}`, { id: `${part}${n}`, part, n });
      const budget = new EntryBudget(1_000, 0);
      const { model, calls } = itemsModel(db, stored, budget);
      for (const part of ['a', 'b', 'c']) expect((await model.read(part)).length).toBe(600);
      expect(budget.held()).toBeLessThanOrEqual(1_000);
      expect((await model.read('a')).length).toBe(600); // dropped, so loaded again
      expect(calls.loads).toEqual(['a', 'b', 'c', 'a']);
    });
  });
}

describe('the refresh signal (npm run refresh-read-models)', () => {
  const databases = useTestDatabases();

  it('rebuilds the snapshots from the collection, so no instance reads the collection town by town', async () => {
    const db = await databases.fresh();
    const holding = instance(db);
    const kept = anAction({ town: 'truro', ref: 'TRU-001' });
    await holding.actions.insert(kept, anAudit(kept.id));
    expect((await holding.actions.listByTown('truro')).map((a) => a.ref)).toEqual(['TRU-001']);
    // A restore: one action gone, another back, behind the stores' back.
    const { id, ...fields } = anAction({ town: 'truro', ref: 'TRU-002' });
    await db.collection('actions').insertOne({ _id: id as never, ...fields });
    await db.collection('actions').deleteOne({ _id: kept.id as never });
    await refreshReadModels(db);
    expect((await holding.actions.listByTown('truro')).map((a) => a.ref)).toEqual(['TRU-002']);
    const snapshot = await db.collection('read_models').findOne({ _id: 'actions:truro' as never });
    expect((JSON.parse(String(snapshot?.['json'])) as { ref: string }[]).map((e) => e.ref)).toEqual([
      'TRU-002',
    ]);
  });
});
