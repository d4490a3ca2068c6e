// The service process killed outright (SIGKILL) in the middle of a reminder sweep, then started again: every
// reminder is sent and recorded once in the database, none is lost, and the only messages sent twice are the
// few that were on the wire when the process died (a send cut short cannot be told from one not made:
// delivery is at least once, and the count of repeats is measured here).
import { MongoClient } from 'mongodb';
import { freePort } from '../../scripts/guarded-child.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { OPEN_STATUSES } from '../../src/domain/action.js';
import { localDateOf } from '../../src/domain/dates.js';
import { FakeConnector } from '../servers/fake-connector.js';
import { USERS } from '../support/bot-harness.js';
import { exited, personalActivity, runScript, startService, type Running } from '../support/processes.js';
import { useScriptDatabase } from '../support/script-database.js';

const database = useScriptDatabase('killsweep'); // its own database, dropped afterwards
const connector = new FakeConnector();
const client = new MongoClient(inject('mongoUri'));
const env = (port: number, extra: Record<string, string> = {}) => ({
  ...database.env(),
  PORT: String(port),
  REMINDER_SWEEP_SECONDS: '0',
  REMINDER_HOURS: '0-24', // whenever CI runs
  REMINDER_WEEKDAYS_ONLY: 'false',
  REMINDER_LEASE_SECONDS: '10',
  ...extra,
});

beforeAll(async () => {
  await connector.start();
  for (const user of Object.values(USERS))
    connector.roster.set(user.id, { ...user, userPrincipalName: user.email });
  await client.connect();
  const seeded = runScript('seed.ts', env(3978), ['--demo']);
  if (seeded.status !== 0) throw new Error(seeded.stderr);
});
afterAll(async () => {
  await connector.stop();
  await client.close();
});

describe('the service killed in the middle of a reminder sweep', () => {
  it('sends and records every reminder after the restart, none recorded twice, repeats only of sends in flight', async () => {
    const db = client.db(database.dbName);
    const today = localDateOf(new Date(), 'Europe/London');
    // Every open action is due today: one due-today reminder each, to each of its owners.
    const open = { status: { $in: [...OPEN_STATUSES] } };
    await db.collection('actions').updateMany(open, { $set: { dueDate: today, snoozedUntil: null } });
    const due = await db
      .collection<{ _id: string; ref: string; owners: unknown[] }>('actions')
      .find(open)
      .toArray();

    const port = await freePort();
    // The owners have the app: the bot holds a 1:1 conversation with each.
    let service = await start(port);
    for (const user of Object.values(USERS)) await install(port, user);
    await stop(service);

    // A slow sweep (5 sends a second), killed once some reminders are out.
    service = await start(port, { REMINDER_SWEEP_SECONDS: '1', TEAMS_TENANT_RPS: '5' });
    await until(() => reminderSends().length >= 10, 60_000, 'the first sends');
    service.child.kill('SIGKILL');
    await exited(service.child);
    const sentBeforeKill = new Set(reminderSends().map((s) => s.key));
    const beforeKill = reminderSends().length;
    // Reminder records hold the claims; reminder_outcomes one document per reminder sent (or failed).
    const outcomes = db.collection<{ _id: string; state: string }>('reminder_outcomes');
    const dueTodayOutcomes = () =>
      outcomes.find({ _id: { $regex: `\\|due_today\\|due_today:${today}$` } }).toArray();
    const inFlightAtKill = due.length - (await dueTodayOutcomes()).length;

    // Started again: once the dead instance's claims lapse, the sweep takes them over and finishes.
    service = await start(port, { REMINDER_SWEEP_SECONDS: '1', TEAMS_TENANT_RPS: '30' });
    try {
      await until(
        async () => (await dueTodayOutcomes()).filter((o) => o.state === 'sent').length === due.length,
        90_000,
        'every reminder sent',
      );
      const recorded = await db
        .collection<{ actionId: string }>('reminder_records')
        .find({ kind: 'due_today', window: `due_today:${today}` })
        .toArray();
      expect(recorded.map((r) => r.actionId).sort()).toEqual(due.map((a) => a._id).sort()); // each once
      expect((await dueTodayOutcomes()).length).toBe(due.length);

      // Every owner of every action got its reminder; any repeat is one the kill cut short.
      const sends = new Map<string, number>();
      for (const s of reminderSends()) sends.set(s.key, (sends.get(s.key) ?? 0) + 1);
      const expected = due.flatMap((a) => a.owners.map(() => a.ref));
      const refsSent = [...sends.keys()].map((k) => k.split('|')[1]);
      for (const ref of new Set(expected)) expect(refsSent).toContain(ref);
      const repeats = [...sends.values()].reduce((n, c) => n + c - 1, 0);
      // Only a send made before the kill is ever repeated, and only once.
      const repeated = [...sends].filter(([, count]) => count > 1);
      for (const [key, count] of repeated) {
        expect(sentBeforeKill.has(key), key).toBe(true);
        expect(count, key).toBe(2);
      }
      console.log(
        `kill during sweep: ${due.length} reminders; ${beforeKill} sends before the kill, ${inFlightAtKill} claimed but not recorded; ` +
          `${reminderSends().length} sends in all, ${repeats} repeated; 0 lost, 0 recorded twice`,
      );
    } finally {
      await stop(service);
    }
  }, 240_000);
});

/** The 1:1 reminder cards the connector received, keyed by conversation and action ref. Only reminder cards
 *  (their "Due" fact): on a Monday from 09:00 the owners' weekly digest goes 1:1 too, listing refs. */
function reminderSends(): { key: string }[] {
  return connector
    .sent()
    .filter((s) => s.conversationId?.startsWith('a:personal-'))
    .flatMap((s) => {
      const card = JSON.stringify(s.body?.attachments ?? '');
      if (!card.includes('"title":"Due"')) return [];
      const ref = /\b[A-Z]{3}-\d{3}\b/.exec(card)?.[0];
      return ref ? [{ key: `${s.conversationId}|${ref}` }] : [];
    });
}

async function until(check: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  for (let waited = 0; waited < ms; waited += 200) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const start = (port: number, extra: Record<string, string> = {}): Promise<Running> =>
  startService(env(port, extra), port);

async function stop(service: Running): Promise<void> {
  service.child.kill('SIGTERM');
  await exited(service.child);
}

async function install(port: number, user: (typeof USERS)[keyof typeof USERS]): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(personalActivity(user, connector.url, { type: 'message', text: 'help' })),
  });
  expect(res.status).toBe(200);
}
