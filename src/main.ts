// The process entry: configuration, database, the composed service, listening, graceful shutdown.
import { ConfigError, loadConfig } from './config.js';
import { composeService } from './compose.js';
import { AppError } from './errors.js';
import { createLogger } from './logger.js';
import { connectMongo, withoutCredentials } from './store/mongo.js';
import { startTelemetry } from './telemetry/start.js';
import { SHUTDOWN_BUDGET_MS, within } from './shutdown.js';
import { databaseToken } from './identity/database-token.js';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  // Before anything records a span or a metric.
  const telemetry = await startTelemetry(config);
  const log = createLogger(config.LOG_LEVEL, telemetry.logs);
  if (telemetry.destination !== 'off') log.info({ destination: telemetry.destination }, 'telemetry on');
  if (!config.MONGODB_URI) {
    throw new ConfigError(
      'Invalid configuration (see .env.example):\n  - MONGODB_URI: required by `npm start`; `npm run dev` starts a local database for you',
    );
  }
  const connection = await connectMongo(config.MONGODB_URI, config.MONGODB_DB, {
    commandLog: config.MONGODB_COMMAND_LOG,
    traceCommands: telemetry.destination !== 'off',
    entraToken: databaseToken(config),
  });
  const { http, startReminders, settle, checkIdentity } = await composeService(config, connection.db, log);
  log.info({ database: config.MONGODB_DB, server: withoutCredentials(config.MONGODB_URI) }, 'database ready');
  if (!config.MICROSOFT_APP_ID) {
    log.warn(
      'local mode: MICROSOFT_APP_ID is empty, so incoming requests are not authenticated and replies go only to loopback service URLs',
    );
  }
  // Local mode takes requests without tokens, so only from this machine; with an app id, from anywhere.
  const host = config.MICROSOFT_APP_ID ? undefined : '127.0.0.1';
  await new Promise<void>((listening, failed) => {
    http.server.once('error', (error: NodeJS.ErrnoException) =>
      failed(
        error.code === 'EADDRINUSE'
          ? new ConfigError(
              `Port ${config.PORT} is in use: stop what is using it, or set PORT to another port.`,
            )
          : error,
      ),
    );
    http.server.listen(config.PORT, host, listening);
  });
  log.info({ port: config.PORT, host: host ?? 'all interfaces' }, 'listening on /api/messages');
  const reminders = startReminders();
  // In the background: a slow identity endpoint must not hold up /healthz; what fails is logged.
  void checkIdentity();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping: finishing turns in flight');
    const deadline = Date.now() + SHUTDOWN_BUDGET_MS;
    const left = (cap: number) => Math.max(0, Math.min(cap, deadline - Date.now()));
    setTimeout(() => {
      log.warn({ budgetMs: SHUTDOWN_BUDGET_MS }, 'shutdown budget spent: exiting now');
      process.exit(1);
    }, SHUTDOWN_BUDGET_MS + 1_000).unref();
    // No new sweep, and the one running stops between sends, while turns in flight finish.
    const swept = reminders.stop(left(12_000));
    await http.drain(left(10_000));
    const unfinished = await settle(left(8_000));
    if (unfinished) log.warn({ unfinished }, 'stopped with channel cards still being updated');
    if (!(await swept)) log.warn('stopped with a reminder sweep still sending: its unsent claims lapse');
    await within(connection.close(), left(3_000));
    await within(telemetry.shutdown(), left(3_000));
    log.info('stopped');
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
