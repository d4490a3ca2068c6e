// The embedded FerretDB is built with its SQLite `_id` fix (scripts/ferretdb-install.ts): a lookup by
// `_id` searches the unique index instead of scanning the table. On another server (MONGODB_URI) the same
// lookup must use MongoDB's `_id` index.
import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { afterAll, describe, expect, inject, it } from 'vitest';

const client = new MongoClient(inject('mongoUri'));
const db = client.db(`t_idindex_${randomBytes(4).toString('hex')}`);

afterAll(async () => {
  await db.dropDatabase();
  await client.close();
});

describe('lookups by _id on the embedded database', () => {
  it('use the _id index: explain shows a search of it, and the document is found and updated', async () => {
    const docs = db.collection<{ _id: string; n: number }>('docs');
    await docs.insertMany(Array.from({ length: 200 }, (_, n) => ({ _id: `d${n}`, n })));
    const plan = JSON.stringify(
      await db.command({ explain: { find: 'docs', filter: { _id: 'd7' } }, verbosity: 'queryPlanner' }),
    );
    if ('ferretdbVersion' in (await db.command({ buildInfo: 1 }))) {
      expect(plan).toMatch(/"filterPushdown":true/);
      expect(plan).toMatch(/SEARCH [^"]* USING (?:COVERING )?INDEX [^"]*_id_/);
      expect(plan).not.toMatch(/"[^"]*SCAN [^"]*"/);
    } else {
      expect(plan).toMatch(/IDHACK|EXPRESS_IXSCAN|"indexName":"_id_"/);
    }
    expect(await docs.findOne({ _id: 'd7' })).toEqual({ _id: 'd7', n: 7 });
    expect((await docs.updateOne({ _id: 'd7' }, { $set: { n: 70 } })).modifiedCount).toBe(1);
    expect(await docs.findOne({ _id: 'd7' })).toEqual({ _id: 'd7', n: 70 });
    expect((await docs.deleteOne({ _id: 'd8' })).deletedCount).toBe(1);
    expect(await docs.countDocuments()).toBe(199);
  });
});
