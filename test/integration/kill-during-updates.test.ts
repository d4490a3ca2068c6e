// The service process killed outright (SIGKILL) while card clicks are being written, then started again:
// every change the bot acknowledged is there, no version is written twice or skipped, and the audit trail
// matches the records. (Writes cut short are finished by the next start once their lease has run out:
// test/integration/mongo-write-safety.test.ts.)
import { MongoClient } from 'mongodb';
import { freePort } from '../../scripts/guarded-child.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MongoActionRepository } from '../../src/store/action-repository.js';
import { EntryBudget } from '../../src/store/entry-budget.js';
import { REVISION_LEASE_MS } from '../../src/store/versioned-collection.js';
import { FakeConnector } from '../servers/fake-connector.js';
import { USERS } from '../support/bot-harness.js';
import { exited, personalActivity, runScript, startService, type Running } from '../support/processes.js';
import { useScriptDatabase } from '../support/script-database.js';

const database = useScriptDatabase('kill'); // its own database, dropped afterwards
const connector = new FakeConnector();
const client = new MongoClient(inject('mongoUri'));
const env = (port: number) => ({
  ...database.env(),
  PORT: String(port),
  REMINDER_SWEEP_SECONDS: '0',
});

beforeAll(async () => {
  await connector.start();
  await client.connect();
  const seeded = runScript('seed.ts', env(3978), ['--demo']);
  if (seeded.status !== 0) throw new Error(seeded.stderr);
});
afterAll(async () => {
  await connector.stop();
  await client.close();
});

describe('the service killed in the middle of card clicks', () => {
  it('keeps every acknowledged change, writes no version twice and skips none', async () => {
    const db = client.db(database.dbName);
    const actions = await db
      .collection<{ _id: string; version: number; town: string }>('actions')
      .find({ town: { $in: ['truro', 'penzance', 'bodmin'] } })
      .toArray();
    const port = await freePort();
    let service: Running = await start(port);
    const acknowledged: { id: string; version: number }[] = [];
    const versions = new Map(actions.map((a) => [a._id, a.version]));
    // One click chain per action, all at once; the process dies while they run.
    const chains = actions.map(async (a, i) => {
      for (let round = 0; round < 20; round++) {
        const version = versions.get(a._id)!;
        const res = await click(port, a._id, version, (round + i) % 2 ? 'done' : 'in_progress').catch(
          () => null, // the process died under this request
        );
        if (!res) return;
        if (res.includes(`Version ${version + 1}`)) {
          acknowledged.push({ id: a._id, version: version + 1 });
          versions.set(a._id, version + 1);
        }
      }
    });
    await new Promise((r) => setTimeout(r, 1_500));
    service.child.kill('SIGKILL');
    await exited(service.child);
    await Promise.all(chains);
    expect(acknowledged.length).toBeGreaterThan(0);

    service = await start(port); // as after a crash
    try {
      // Writes the kill cut short are finished (or given up) once their lease has run out: as the next
      // start-up after the lease would, here without waiting the minute.
      const recovered = await new MongoActionRepository(db, new EntryBudget()).recoverPendingWrites(
        new Date(Date.now() + REVISION_LEASE_MS + 1_000),
      );
      expect(await db.collection('revisions').countDocuments({ collection: 'actions' })).toBe(0);
      for (const a of actions) {
        const record = await db.collection('actions').findOne({ _id: a._id as never });
        const trail = await db
          .collection('audit_events')
          .find({ 'entity.id': a._id })
          .sort({ entityVersion: 1 })
          .toArray();
        // Each version once, none skipped, and the record is the last of them, written by its event.
        expect(trail.map((e) => e['entityVersion'] as number)).toEqual(trail.map((_, k) => k + 1));
        expect(record!['version']).toBe(trail.length);
        expect(record!['_rev']).toBe(trail.at(-1)!['_id']);
      }
      for (const { id, version } of acknowledged) {
        const record = await db.collection('actions').findOne({ _id: id as never });
        expect(record!['version']).toBeGreaterThanOrEqual(version); // acknowledged: never lost
      }
      console.log(
        `kill test: ${acknowledged.length} changes acknowledged before the kill, ${recovered} cut short, then finished or released`,
      );
    } finally {
      service.child.kill('SIGTERM');
      await exited(service.child);
    }
  }, 120_000);
});

const start = (port: number): Promise<Running> => startService(env(port), port);

async function click(port: number, actionId: string, version: number, status: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(
      personalActivity(USERS.coordinator, connector.url, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: {
          action: { type: 'Action.Execute', verb: 'action.status', data: { actionId, version, status } },
        },
      }),
    ),
  });
  return res.text();
}
