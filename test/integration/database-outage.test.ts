// The database stops while the bot is serving and comes back: requests fail with a clear card (never a
// crash or a 5xx), /readyz says so, nothing half-written is left, and the bot recovers without a restart.
// It needs a database it may stop: its own FerretDB, the project's embedded default.
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchMongo, type LocalMongo } from '../../scripts/local-mongo.js';
import { connectMongo, ensureIndexes, type MongoConnection } from '../../src/store/mongo.js';
import { cardText, invokeCard, lastCard, USERS, useBot } from '../support/bot-harness.js';

const dataDir = `.data/test/outage-${randomBytes(4).toString('hex')}`;
let server: LocalMongo;
let connection: MongoConnection;
const quiet = () => undefined;

describe.skipIf(Boolean(process.env['MONGODB_URI']))('when the database stops and comes back', () => {
  beforeAll(async () => {
    server = await launchMongo({ dataDir, log: quiet });
    connection = await connectMongo(server.uri, 'outage'); // as the bot connects: 1.5 s to find a server
  });
  afterAll(async () => {
    await connection?.close();
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });
  const bot = useBot({}, undefined, async () => {
    await ensureIndexes(connection.db);
    return connection.db;
  });
  const ready = async () => (await fetch(`${bot.base}/readyz`)).status;
  const timed = async <T>(work: () => Promise<T>) => {
    const began = performance.now();
    const value = await work();
    return { value, ms: performance.now() - began };
  };

  it('answers with "try again" cards while it is down, and recovers by itself when it is back', async () => {
    const [action] = await bot.ctx.stores.actions.listByTown('truro');
    await bot.say(USERS.coordinator, 'summary truro');
    expect(cardText(lastCard(bot.connector))).toContain('Truro');
    expect(await ready()).toBe(200);

    await server.stop();
    // The first request to meet the lost database says so within 2 s; /readyz within 1 s.
    const click = (version: number) =>
      bot.invoke(USERS.coordinator, 'action.status', { actionId: action!.id, version, status: 'done' });
    const first = await timed(() => click(action!.version));
    expect(first.ms).toBeLessThan(2_000);
    expect(first.value.status).toBe(200); // a card, not a 5xx that Teams would retry
    expect(cardText(invokeCard(first.value))).toContain('Please try again shortly');
    const readyz = await timed(ready);
    expect(readyz.value).toBe(503);
    expect(readyz.ms).toBeLessThan(1_000);
    // Then every turn is answered at once: ten clicks and a message, no queue building up.
    const burst = await timed(() => Promise.all(Array.from({ length: 10 }, () => click(action!.version))));
    expect(burst.ms).toBeLessThan(2_000);
    for (const res of burst.value) expect(cardText(invokeCard(res))).toContain('Please try again shortly');
    const said = await timed(() => bot.say(USERS.coordinator, 'summary penzance'));
    expect(said.ms).toBeLessThan(2_000);
    expect(said.value.status).toBe(200);
    expect(cardText(lastCard(bot.connector))).toContain('Please try again shortly');
    const tab = await timed(() => fetch(`${bot.base}/tab/api/my-work`));
    expect(tab.value.status).toBe(503);
    expect(tab.ms).toBeLessThan(1_000);
    expect((await fetch(`${bot.base}/healthz`)).status).toBe(200); // alive all along

    server = await launchMongo({ dataDir, port: Number(new URL(server.uri).port), log: quiet });
    const deadline = Date.now() + 30_000;
    while ((await ready()) !== 200 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(await ready()).toBe(200);
    // The refused click changed nothing; the same click now goes through.
    expect(await bot.ctx.stores.actions.get(action!.id)).toMatchObject({
      version: action!.version,
      status: action!.status,
    });
    expect(cardText(invokeCard(await click(action!.version)))).not.toContain('try again');
    expect((await bot.ctx.stores.actions.get(action!.id))?.status).toBe('done');
    await bot.say(USERS.coordinator, 'summary penzance');
    expect(cardText(lastCard(bot.connector))).toContain('Penzance');
  }, 90_000);
});
