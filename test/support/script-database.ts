// For tests that run the project's scripts as processes: a database of their own on the test run's server
// (dropped afterwards) and temporary folders (removed afterwards).
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { afterAll, inject } from 'vitest';

export function useScriptDatabase(prefix: string) {
  const dbName = `t_${prefix}_${randomBytes(4).toString('hex')}`;
  const dirs: string[] = [];
  afterAll(async () => {
    const client = new MongoClient(inject('mongoUri'));
    await client.db(dbName).dropDatabase();
    await client.close();
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });
  return {
    dbName,
    env: (): NodeJS.ProcessEnv => ({
      ...process.env,
      MONGODB_URI: inject('mongoUri'),
      MONGODB_DB: dbName,
      LOG_LEVEL: 'warn',
    }),
    tempDir: async (name: string) => {
      const dir = await mkdtemp(join(tmpdir(), `${name}-`));
      dirs.push(dir);
      return dir;
    },
  };
}
