import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, inject } from 'vitest';
import { MongoClient, type Db } from 'mongodb';
import { ensureIndexes } from '../../src/store/mongo.js';
import { forceServerKind, type ServerKind } from '../../src/store/server-kind.js';

/**
 * One client per test file; `fresh()` gives a new, indexed database (so tests never see each other's
 * records), and every database made here is dropped after the file. `serverKind` forces the store's
 * choice of queries (see server-kind.ts) whatever the server is.
 */
export function useTestDatabases(options: { serverKind?: ServerKind } = {}): {
  fresh(): Promise<Db>;
  readonly client: MongoClient;
} {
  let client: MongoClient | undefined;
  const made: Db[] = [];
  beforeAll(async () => {
    client = new MongoClient(inject('mongoUri'), { serverSelectionTimeoutMS: 5_000 });
    await client.connect();
  });
  afterAll(async () => {
    for (const db of made) await db.dropDatabase();
    await client?.close();
  });
  return {
    get client() {
      if (!client) throw new Error('the test database client is not connected yet');
      return client;
    },
    async fresh() {
      if (!client) throw new Error('the test database client is not connected yet');
      const db = client.db(`t_${randomBytes(6).toString('hex')}`);
      made.push(db);
      // The code paths for MongoDB proper, run against the embedded server: correct there, only slower.
      if (options.serverKind) forceServerKind(db, options.serverKind);
      await ensureIndexes(db);
      return db;
    },
  };
}
