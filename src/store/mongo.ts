import {
  MongoClient,
  MongoServerSelectionError,
  type Db,
  type IndexDescription,
  type MongoClientOptions,
} from 'mongodb';
import { traceCommands } from './command-spans.js';
import { logCommands } from './command-log.js';
import { MongoActionRepository } from './action-repository.js';
import { MongoAuditLog } from './audit-log.js';
import { MongoConversationRefs } from './conversation-refs.js';
import { MongoMemberRepository } from './member-repository.js';
import { MongoReminderRecords } from './reminder-records.js';
import { MongoCardPosts } from './card-posts.js';
import { MongoDeliveries } from './deliveries.js';
import { MongoPreferences } from './preferences.js';
import { MongoCrimeData } from './crime-data.js';
import {
  MongoJoinRequestRepository,
  MongoMeetingRepository,
  MongoPartnershipRepository,
  MongoPlanRepository,
  MongoPriorityRepository,
  MongoProblemRepository,
  MongoTaskGroupRepository,
} from './town-records.js';
import { REVISIONS_COLLECTION } from './revisions.js';
import { AUDIT_COLLECTION, VersionedCollection } from './versioned-collection.js';
import { EntryBudget } from './entry-budget.js';
import { AppError, ErrorCode } from '../errors.js';
import type { Stores } from '../app/ports.js';
import type { Indicator } from '../domain/indicator.js';
import type { SeedFund } from '../domain/seed-fund.js';
import type { Programme } from '../domain/programme.js';

/**
 * Indexes, created at start-up (createIndexes is idempotent). Only plain and unique indexes: no TTL or
 * partial ones, which FerretDB 1.x lacks.
 */
export const INDEXES: Record<string, IndexDescription[]> = {
  members: [
    { key: { town: 1, aadObjectId: 1 }, name: 'seat_unique', unique: true },
    { key: { aadObjectId: 1 }, name: 'person' },
  ],
  plans: [{ key: { town: 1 }, name: 'town' }],
  priorities: [{ key: { planId: 1 }, name: 'plan' }],
  // Serves loading a town's actions (the prefix `town`) as well as keeping refs unique.
  actions: [{ key: { town: 1, ref: 1 }, name: 'ref_unique', unique: true }],
  task_groups: [{ key: { town: 1 }, name: 'town' }],
  problems: [{ key: { town: 1, ref: 1 }, name: 'ref_unique', unique: true }],
  meetings: [{ key: { town: 1, start: 1 }, name: 'town_start' }],
  join_requests: [{ key: { town: 1, status: 1 }, name: 'town_status' }],
  card_posts: [{ key: { actionId: 1 }, name: 'action' }],
  deliveries: [{ key: { at: 1 }, name: 'at' }],
  [AUDIT_COLLECTION]: [
    { key: { 'entity.id': 1, entityVersion: 1 }, name: 'entity_version' },
    { key: { town: 1, at: -1 }, name: 'town_at' },
  ],
  reminder_records: [
    { key: { actionId: 1, kind: 1, window: 1 }, name: 'reminder_unique', unique: true },
    { key: { state: 1, leaseUntil: 1 }, name: 'state_lease' },
  ],
  conversation_refs: [{ key: { aadObjectId: 1, kind: 1 }, name: 'person_kind' }],
  [REVISIONS_COLLECTION]: [
    { key: { collection: 1, applied: 1, at: 1 }, name: 'pending' },
    { key: { collection: 1, recordId: 1, version: -1 }, name: 'record_version' },
  ],
};

export interface MongoConnection {
  client: MongoClient;
  db: Db;
  close(): Promise<void>;
}

/**
 * How long an operation waits for a server before it fails. Short, so that a turn meeting a database that
 * has just gone says "try again" within Teams' patience; the health monitor then answers the rest at once.
 */
const SERVER_SELECTION_MS = 1_500;
/** Start-up waits longer for the database (it may be starting beside the bot), trying again meanwhile. */
const CONNECT_WITHIN_MS = 10_000;

/** A Microsoft Entra access token for the database (MONGODB-OIDC), got afresh whenever the driver asks. */
type DatabaseToken = () => Promise<{ accessToken: string; expiresInSeconds?: number }>;

interface ConnectOptions {
  commandLog?: string;
  traceCommands?: boolean;
  connectWithinMs?: number;
  /** Sign in with this instead of a password in the URI (Azure DocumentDB with Entra authentication). */
  entraToken?: DatabaseToken;
}

/** The driver's options: with an Entra token, the OIDC mechanism and a callback that asks for the token. */
export function clientOptions(options: ConnectOptions): MongoClientOptions {
  const token = options.entraToken;
  return {
    serverSelectionTimeoutMS: SERVER_SELECTION_MS,
    appName: 'safer-towns-bot',
    monitorCommands: Boolean(options.commandLog) || Boolean(options.traceCommands),
    ...(token && {
      authMechanism: 'MONGODB-OIDC',
      authMechanismProperties: { OIDC_CALLBACK: () => token() },
    }),
  };
}

export async function connectMongo(
  uri: string,
  dbName: string,
  options: ConnectOptions = {},
): Promise<MongoConnection> {
  const deadline = Date.now() + (options.connectWithinMs ?? CONNECT_WITHIN_MS);
  for (;;) {
    const client = new MongoClient(uri, clientOptions(options));
    try {
      await client.connect();
      if (options.commandLog) logCommands(client, options.commandLog);
      if (options.traceCommands) traceCommands(client);
      return { client, db: client.db(dbName), close: () => client.close() };
    } catch (error) {
      await client.close().catch(() => undefined);
      // Not found in time: the server may still be starting. Anything else (refused credentials) is final.
      if (error instanceof MongoServerSelectionError && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 500));
        continue;
      }
      const why = error instanceof Error ? error.message : String(error);
      throw new AppError(
        ErrorCode.Unavailable,
        `Cannot reach MongoDB at ${withoutCredentials(uri)}: ${why}`,
        {
          cause: error,
        },
      );
    }
  }
}

/** For messages and logs: the URI with any user name and password removed. */
export function withoutCredentials(uri: string): string {
  return uri.replace(/^(mongodb(?:\+srv)?:\/\/)[^@/]*@/, '$1');
}

/**
 * One index per createIndexes command: FerretDB 1.24 drops the connection when a command lists several
 * indexes that already exist (seen on every restart), while one at a time is idempotent everywhere.
 */
export async function ensureIndexes(db: Db): Promise<void> {
  for (const [collection, indexes] of Object.entries(INDEXES)) {
    for (const index of indexes) await db.collection(collection).createIndexes([index]);
  }
}

/** Indexes earlier versions made that no query reads any more (each costs every write to its collection). */
const RETIRED_INDEXES: Record<string, string[]> = { actions: ['status_due', 'owner'] };

async function dropUnusedIndexes(db: Db): Promise<void> {
  for (const [collection, names] of Object.entries(RETIRED_INDEXES)) {
    const indexes: { name?: unknown }[] = await db
      .collection(collection)
      .listIndexes()
      .toArray()
      .catch(() => []); // no collection yet: nothing to drop
    const existing = new Set(indexes.map((i) => String(i.name)));
    for (const name of names) if (existing.has(name)) await db.collection(collection).dropIndex(name);
  }
}

/** Everything a database needs before use: indexes, and finishing writes a crash interrupted. */
export async function prepareDatabase(db: Db, options: StoreOptions = {}): Promise<Stores> {
  await ensureIndexes(db);
  await dropUnusedIndexes(db);
  const stores = createMongoStores(db, options);
  await stores.recoverPendingWrites();
  return stores;
}

export interface StoreOptions {
  /** Entries the instance's read models may hold in memory together (READ_MODEL_ENTRIES). */
  readModelEntries?: number;
  /** How long a part just checked is taken as current, for other instances' writes (READ_MODEL_FRESH_MS). */
  readModelFreshMs?: number;
}

export function createMongoStores(
  db: Db,
  options: StoreOptions = {},
): Stores & { recoverPendingWrites(): Promise<number> } {
  const budget = new EntryBudget(options.readModelEntries, options.readModelFreshMs);
  const versioned = {
    partnerships: new MongoPartnershipRepository(db, budget),
    members: new MongoMemberRepository(db, budget),
    plans: new MongoPlanRepository(db, budget),
    priorities: new MongoPriorityRepository(db),
    actions: new MongoActionRepository(db, budget),
    taskGroups: new MongoTaskGroupRepository(db, budget),
    problems: new MongoProblemRepository(db, budget),
    meetings: new MongoMeetingRepository(db, budget),
    indicators: new VersionedCollection<Indicator>(db, 'indicators'),
    seedFund: new VersionedCollection<SeedFund>(db, 'seed_fund'),
    programme: new VersionedCollection<Programme>(db, 'programme'),
    joinRequests: new MongoJoinRequestRepository(db),
  };
  return {
    ...versioned,
    audit: new MongoAuditLog(db),
    reminders: new MongoReminderRecords(db),
    conversations: new MongoConversationRefs(db, budget),
    cardPosts: new MongoCardPosts(db),
    preferences: new MongoPreferences(db),
    deliveries: new MongoDeliveries(db),
    crime: new MongoCrimeData(db),
    /** Finishes writes interrupted by a crash (see VersionedCollection); run at start-up. */
    async recoverPendingWrites() {
      let total = 0;
      for (const store of Object.values(versioned)) total += await store.recoverPendingWrites();
      return total;
    },
  };
}
