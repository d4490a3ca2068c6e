// The composition root: the only place that builds real adapters and wires them together.
// Today it brings up the store (indexes, recovery of interrupted writes); the bot's HTTP service and the
// scheduler join here in later slices.
import { ConfigError, loadConfig } from './config.js';
import { AppError } from './errors.js';
import { createLogger } from './logger.js';
import { connectMongo, prepareDatabase } from './store/mongo.js';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const log = createLogger(config.LOG_LEVEL);
  if (!config.MONGODB_URI) {
    throw new ConfigError(
      'Invalid configuration (see .env.example):\n  - MONGODB_URI: required by `npm start`; `npm run dev` starts a local database for you',
    );
  }
  const connection = await connectMongo(config.MONGODB_URI, config.MONGODB_DB);
  await prepareDatabase(connection.db);
  log.info({ database: config.MONGODB_DB }, 'database ready');

  const stop = async (signal: string) => {
    log.info({ signal }, 'stopping');
    await connection.close();
    process.exit(0);
  };
  process.once('SIGTERM', (s) => void stop(s));
  process.once('SIGINT', (s) => void stop(s));
}

main().catch((error: unknown) => {
  // Before the logger exists (bad config) plain stderr is all there is; the message lists every problem.
  const known = error instanceof ConfigError || error instanceof AppError;
  process.stderr.write(`${known ? error.message : String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
