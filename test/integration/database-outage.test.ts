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
    connection = await connectMongo(server.uri, 'outage'); // as the bot connects: 5 s to find a server
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

  it('answers with "try again" cards while it is down, and recovers by itself when it is back', async () => {
    const [action] = await bot.ctx.stores.actions.listByTown('truro');
    await bot.say(USERS.coordinator, 'summary truro');
    expect(cardText(lastCard(bot.connector))).toContain('Truro');
    expect(await ready()).toBe(200);

    await server.stop();
    expect(await ready()).toBe(503);
    const click = (version: number) =>
      bot.invoke(USERS.coordinator, 'action.status', { actionId: action!.id, version, status: 'done' });
    const refused = await click(action!.version);
    expect(refused.status).toBe(200); // a card, not a 5xx that Teams would retry
    expect(cardText(invokeCard(refused))).toContain('Please try again shortly');
    const said = await bot.say(USERS.coordinator, 'summary penzance');
    expect(said.status).toBe(200);
    expect(cardText(lastCard(bot.connector))).toContain('Please try again shortly');
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
