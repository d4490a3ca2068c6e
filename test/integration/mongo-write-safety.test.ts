// What the contract cannot show through the port: what is stored, and recovery from a writer that died.
import { describe, expect, it } from 'vitest';
import { createMongoStores, ensureIndexes, INDEXES, prepareDatabase } from '../../src/store/mongo.js';
import { REVISIONS_COLLECTION, revisionId } from '../../src/store/revisions.js';
import { REVISION_LEASE_MS } from '../../src/store/versioned-collection.js';
import { anAction, anAudit } from '../contract/builders.js';
import { useTestDatabases } from '../support/test-database.js';

const databases = useTestDatabases();

describe('MongoDB store internals', () => {
  it('creates its indexes again on restart without error, unique ones included', async () => {
    const db = await databases.fresh();
    await ensureIndexes(db);
    await ensureIndexes(db);
    const indexes = await db.collection('actions').indexes();
    const names = indexes.map((i) => [i.name, i.unique ?? false]);
    expect(names).toEqual(expect.arrayContaining([['ref_unique', true]]));
    expect(Object.keys(INDEXES)).toContain('revisions');
  });

  it('drops the indexes no query reads any more, made by earlier versions, at start-up', async () => {
    const db = await databases.fresh();
    await db.collection('actions').createIndexes([{ key: { status: 1, dueDate: 1 }, name: 'status_due' }]);
    await db.collection('actions').createIndexes([{ key: { ownerIds: 1 }, name: 'owner' }]);
    await prepareDatabase(db);
    const names = (await db.collection('actions').indexes()).map((i) => i.name).sort();
    expect(names).toEqual(['_id_', 'ref_unique']);
  });

  it('stores plain documents: string ids, no driver types, nothing but the record and its writer', async () => {
    const db = await databases.fresh();
    const stores = createMongoStores(db);
    const action = anAction();
    await stores.actions.insert(action, anAudit(action.id));
    const raw = await db.collection('actions').findOne({ _id: action.id as never });
    expect(raw?._id).toBe(action.id);
    expect(Object.keys(raw!).sort()).toEqual(
      ['_id', '_rev', ...Object.keys(action).filter((k) => k !== 'id')].sort(),
    );
    expect(Object.keys((await stores.actions.get(action.id))!).sort()).toEqual(Object.keys(action).sort());
  });

  it('finishes a write whose writer died after claiming it: record, audit event and all', async () => {
    const db = await databases.fresh();
    const stores = createMongoStores(db);
    const action = anAction();
    await stores.actions.insert(action, anAudit(action.id, 'action.created'));
    // The writer claimed version 2 and died before applying it.
    const audit = anAudit(action.id, 'action.status');
    const { id: _id, ...fields } = { ...action, status: 'done', version: 2 };
    await db.collection(REVISIONS_COLLECTION).insertOne({
      _id: revisionId('actions', action.id, 2) as never,
      collection: 'actions',
      recordId: action.id,
      version: 2,
      record: { ...fields, _rev: audit.id },
      audit,
      at: new Date(Date.now() - REVISION_LEASE_MS - 1_000).toISOString(),
      applied: false,
    });
    // Meanwhile nobody else can write version 2, and they are shown the pending state.
    const racer = await stores.actions.update({ ...action, status: 'in_progress' }, 1, anAudit(action.id));
    expect(racer).toMatchObject({ kind: 'stale', current: { status: 'done', version: 2 } });

    expect(await stores.recoverPendingWrites()).toBe(1);
    expect(await stores.actions.get(action.id)).toMatchObject({ status: 'done', version: 2 });
    expect((await stores.audit.listForEntity(action.id)).map((e) => e.change)).toEqual([
      'action.created',
      'action.status',
    ]);
    expect(await stores.recoverPendingWrites()).toBe(0);
  });

  it('leaves a recent unfinished write to its writer, which may still be working', async () => {
    const db = await databases.fresh();
    const stores = createMongoStores(db);
    const action = anAction();
    await stores.actions.insert(action, anAudit(action.id));
    await db.collection(REVISIONS_COLLECTION).insertOne({
      _id: revisionId('actions', action.id, 2) as never,
      collection: 'actions',
      recordId: action.id,
      version: 2,
      record: { title: 'pending', version: 2, _rev: 'x' },
      at: new Date().toISOString(),
      applied: false,
    });
    expect(await stores.recoverPendingWrites()).toBe(0);
    expect(await stores.actions.get(action.id)).toMatchObject({ version: 1 });
  });

  it('refuses a version from the future without leaving a claim behind', async () => {
    const db = await databases.fresh();
    const stores = createMongoStores(db);
    const action = anAction();
    await stores.actions.insert(action, anAudit(action.id));
    expect(await stores.actions.update({ ...action, status: 'done' }, 41, anAudit(action.id))).toMatchObject({
      kind: 'stale',
      current: { version: 1 },
    });
    // Only writes in flight keep their revision: the refused one left none, the insert's is gone once done.
    expect(await db.collection(REVISIONS_COLLECTION).countDocuments({ recordId: action.id })).toBe(0);
    expect(await stores.actions.update({ ...action, status: 'done' }, 1, anAudit(action.id))).toMatchObject({
      kind: 'updated',
    });
  });

  it('releases the claim of an insert that a unique index refused, so nothing half-written remains', async () => {
    const db = await databases.fresh();
    const stores = createMongoStores(db);
    const first = anAction({ ref: 'TRU-900' });
    await stores.actions.insert(first, anAudit(first.id));
    const clash = anAction({ ref: 'TRU-900' });
    await expect(stores.actions.insert(clash, anAudit(clash.id))).rejects.toThrow('already exists');
    expect(await db.collection(REVISIONS_COLLECTION).countDocuments({ recordId: clash.id })).toBe(0);
    expect(await stores.audit.listForEntity(clash.id)).toEqual([]);
  });
});
