// For the command-line scripts: the launcher's database, connected, indexed and ready for use cases.
import { launchMongo } from './local-mongo.js';
import { connectMongo, prepareDatabase } from '../src/store/mongo.js';
import { databaseToken } from '../src/identity/database-token.js';
import { randomIds, systemClock } from '../src/system.js';
import { MongoPersonalRecords } from '../src/store/personal-records.js';
import { refreshTowns } from '../src/app/programme.js';
import type { Db } from 'mongodb';
import type { AppContext } from '../src/app/context.js';
import type { PersonalRecords } from '../src/app/ports.js';
import type { Config } from '../src/config.js';
import { DEFAULT_COACH_POLICY } from '../src/domain/smart-coach.js';

export interface OpenDatabase {
  uri: string;
  origin: 'external' | 'started' | 'reused';
  db: Db;
  ctx: AppContext;
  /** Every record, whatever its kind, for the data-protection rights (export-person, erase-person). */
  personalRecords: PersonalRecords;
  close(): Promise<void>;
}

export async function openDatabase(config: Config): Promise<OpenDatabase> {
  const server = await launchMongo({ mongoUri: config.MONGODB_URI, dataDir: config.DATA_DIR });
  try {
    const connection = await connectMongo(server.uri, config.MONGODB_DB, {
      entraToken: databaseToken(config),
    });
    const stores = await prepareDatabase(connection.db);
    const settings = {
      timeZone: config.TIMEZONE,
      dueSoonDays: config.DUE_SOON_DAYS,
      // The import's dry run coaches each row as the bot would.
      coach: {
        ...DEFAULT_COACH_POLICY,
        maxOpenActionsPerOwner: config.SMART_MAX_OPEN_ACTIONS,
        leadDays: config.SMART_LEAD_DAYS,
      },
    };
    const ctx: AppContext = { stores, clock: systemClock, ids: randomIds, settings };
    await refreshTowns(ctx); // the programme's towns, as stored
    return {
      uri: server.uri,
      origin: server.origin,
      db: connection.db,
      ctx,
      personalRecords: new MongoPersonalRecords(connection.db),
      close: async () => {
        await connection.close();
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
