// The growing data set of the scale and sweep scenarios: its own database, grown in place 1k -> 10k -> 100k,
// with its own bot process, and a 1:1 chat for every owner so reminders can reach them.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { connectMongo, prepareDatabase, type MongoConnection } from '../../src/store/mongo.js';
import { loadFixtures, type Fixture } from '../fixtures.js';
import { startBot, type Measured } from '../processes.js';
import { linkTowns, type ScenarioContext } from './shared.js';
import type { AppContext } from '../../src/app/context.js';

export interface LargeDataSet {
  connection: MongoConnection;
  database: string;
  ctx: AppContext;
  fixture: Fixture | undefined;
  bot: Measured | undefined;
}

let large: LargeDataSet | undefined;

/** The large data set grown to `perTown` actions in each town, with a bot running on it. */
export async function largeDataSet(
  c: ScenarioContext,
  perTown: number,
): Promise<LargeDataSet & { bot: Measured; fixture: Fixture }> {
  if (!large) {
    const database = `${c.database}_large`;
    // With BENCH_PROFILE, the sweep's own database commands are logged too (it runs in this process).
    const commandLog = c.env['MONGODB_COMMAND_LOG'] ? join(c.logDir, 'sweeper-commands.jsonl') : undefined;
    const connection = await connectMongo(c.mongoUri, database, { commandLog });
    const stores = await prepareDatabase(connection.db);
    large = { connection, database, ctx: { ...c.ctx, stores }, fixture: undefined, bot: undefined };
  }
  if ((large.fixture?.actionsPerTown ?? 0) < perTown) {
    const began = Date.now();
    large.fixture = await loadFixtures(
      large.connection.db,
      large.ctx,
      { actionsPerTown: perTown, dueShare: 0.05, actionsPerOwner: 35, today: c.today },
      large.fixture,
    );
    await addPersonalChats(large, c.connector.url);
    console.log(
      `  large data set: ${perTown * 10} actions (${Math.round((Date.now() - began) / 1000)} s to load)`,
    );
  }
  if (!large.bot) {
    const logDir = join(c.logDir, 'large');
    await mkdir(logDir, { recursive: true });
    const profile = c.env['MONGODB_COMMAND_LOG']
      ? { MONGODB_COMMAND_LOG: join(logDir, 'bot-commands.jsonl') }
      : {};
    large.bot = await startBot({ ...c.env, MONGODB_DB: large.database, ...profile }, logDir);
    await linkTowns(large.bot, c.connector.url, [...large.fixture!.updatable.keys()]);
  }
  return large as LargeDataSet & { bot: Measured; fixture: Fixture };
}

export async function closeLargeDataSet(): Promise<void> {
  await large?.bot?.stop();
  await large?.connection.close();
  large = undefined;
}

/** Each owner's 1:1 chat with the bot, as Teams would have given it on install (keyed by person). */
async function addPersonalChats(set: LargeDataSet, serviceUrl: string): Promise<void> {
  const refs = set.connection.db.collection('conversation_refs');
  const docs = set.fixture!.owners.map((o) => ({
    _id: `personal:${o.aadObjectId}`,
    kind: 'personal',
    aadObjectId: o.aadObjectId,
    town: null,
    tenantId: '00000000-0000-4000-8000-0000000000aa',
    updatedAt: new Date().toISOString(),
    reference: {
      channelId: 'msteams',
      serviceUrl,
      conversation: { id: `a:bench-chat-${o.aadObjectId}`, conversationType: 'personal' },
      user: { id: o.id, aadObjectId: o.aadObjectId, name: o.name },
      bot: { id: '28:bench-bot', name: 'Safer Towns' },
    },
  }));
  const existing = new Set(
    (await refs.find({}, { projection: { _id: 1 } }).toArray()).map((d) => String(d._id)),
  );
  const fresh = docs.filter((d) => !existing.has(d._id));
  for (let i = 0; i < fresh.length; i += 1000) await refs.insertMany(fresh.slice(i, i + 1000) as never[]);
}
