// The in-memory copies (actions per town, all members) must never show one instance a stale world: every
// write through any instance's stores changes the part's stamp, and every read checks it.
import { describe, expect, it } from 'vitest';
import { createMongoStores } from '../../src/store/mongo.js';
import { PartitionCache } from '../../src/store/partition-cache.js';
import { anAction, anAudit, aMember } from '../contract/builders.js';
import { useTestDatabases } from '../support/test-database.js';

const databases = useTestDatabases();

describe('cached reads across instances', () => {
  it("shows one instance's writes to another at once, in the town lists, by owner, by ref and when due", async () => {
    const db = await databases.fresh();
    const [one, two] = [createMongoStores(db), createMongoStores(db)];
    const action = anAction({ town: 'truro', ref: 'TRU-001', dueDate: '2026-11-20' });
    expect(await two.actions.listByTown('truro')).toEqual([]); // cached empty
    await one.actions.insert(action, anAudit(action.id));
    expect((await two.actions.listByTown('truro')).map((a) => a.ref)).toEqual(['TRU-001']);

    await one.actions.update({ ...action, status: 'done' }, 1, anAudit(action.id));
    expect((await two.actions.getByRef('TRU-001'))?.status).toBe('done');
    expect(await two.actions.listOpenDueBy('2026-12-01')).toEqual([]);
    expect((await two.actions.listByOwner('aad-owner-1')).map((a) => a.status)).toEqual(['done']);
    expect(await two.actions.listByTown('penzance')).toEqual([]); // other towns untouched
  });

  it("hands out the same array of a town's actions until the town changes, and never a changed one", async () => {
    const db = await databases.fresh();
    const [one, two] = [createMongoStores(db), createMongoStores(db)];
    const action = anAction({ town: 'truro', ref: 'TRU-001' });
    await one.actions.insert(action, anAudit(action.id));
    const first = await two.actions.listByTown('truro');
    expect(await two.actions.listByTown('truro')).toBe(first); // kept: what is computed from it can be too
    await one.actions.update({ ...action, status: 'done' }, 1, anAudit(action.id));
    const after = await two.actions.listByTown('truro');
    expect(after).not.toBe(first);
    expect(first.map((a) => a.status)).toEqual(['not_started']); // the old array is left as it was
    expect(after.map((a) => a.status)).toEqual(['done']);
  });

  it('shows a new seat to every instance', async () => {
    const db = await databases.fresh();
    const [one, two] = [createMongoStores(db), createMongoStores(db)];
    expect(await two.members.listByPerson('aad-new')).toEqual([]);
    const seat = aMember({ aadObjectId: 'aad-new', town: 'truro' });
    await one.members.insert(seat, anAudit(seat.id));
    expect((await two.members.listByPerson('aad-new')).map((m) => m.town)).toEqual(['truro']);
    expect((await two.members.listByTown('truro')).map((m) => m.aadObjectId)).toContain('aad-new');
  });

  it('sees a bulk load once the loader replaces the stamp of the part it loaded, as a loader must', async () => {
    const db = await databases.fresh();
    const stores = createMongoStores(db);
    expect(await stores.actions.listByTown('truro')).toEqual([]);
    const { id, ...fields } = anAction({ town: 'truro', ref: 'TRU-002' });
    await db.collection('actions').insertOne({ _id: id as never, ...fields, ownerIds: ['aad-owner-1'] });
    expect(await stores.actions.listByTown('truro')).toEqual([]); // not written through a store: not seen
    await new PartitionCache(db, 'actions').changed('truro');
    expect((await stores.actions.listByTown('truro')).map((a) => a.ref)).toEqual(['TRU-002']);
  });

  it('loads a changed part at most twice for twenty readers at once, and never older than what they saw', async () => {
    const db = await databases.fresh();
    const cache = new PartitionCache<number>(db, 'numbers');
    let loads = 0;
    let value = 1;
    const load = async () => {
      loads++;
      const seen = value;
      await new Promise((r) => setTimeout(r, 20));
      return [seen];
    };
    expect(await cache.read('p', load)).toEqual([1]);
    value = 2;
    await cache.changed('p');
    loads = 0;
    const results = await Promise.all(Array.from({ length: 20 }, () => cache.read('p', load)));
    expect(results.every((r) => r[0] === 2)).toBe(true);
    expect(loads).toBeGreaterThanOrEqual(1);
    expect(loads).toBeLessThanOrEqual(2);
  });

  it('reads several changed parts in one load of just those parts, and one changed part alone', async () => {
    const db = await databases.fresh();
    const cache = new PartitionCache<string>(db, 'letters');
    const stored: Record<string, string[]> = { a: ['a1'], b: ['b1'], c: ['c1'] };
    const asked: string[][] = [];
    const loadSome = async (parts: readonly string[]) => {
      asked.push([...parts]);
      return parts.flatMap((p) => stored[p]!);
    };
    const readAll = () => cache.readEach(['a', 'b', 'c'], loadSome, (r) => r[0]!);
    expect(await readAll()).toEqual([['a1'], ['b1'], ['c1']]);
    expect(asked).toEqual([['a', 'b', 'c']]); // nothing cached yet: one load of all three

    stored['a'] = ['a2'];
    stored['c'] = ['c2', 'c3'];
    await cache.changed('a');
    await cache.changed('c');
    asked.length = 0;
    expect(await readAll()).toEqual([['a2'], ['b1'], ['c2', 'c3']]);
    expect(asked).toEqual([['a', 'c']]);

    stored['b'] = [];
    await cache.changed('b');
    asked.length = 0;
    expect(await readAll()).toEqual([['a2'], [], ['c2', 'c3']]);
    expect(asked).toEqual([['b']]);
    asked.length = 0;
    await readAll();
    expect(asked).toEqual([]); // unchanged: from memory
  });
});
