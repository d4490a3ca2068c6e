// `npm run bench [-- <scenario> ...] [--seconds N]`: the database (launcher), the bot as its own process, a
// Bot Connector stand-in and the baseline bot; load over loopback at fixed rates; figures printed and
// written to bench/results/<time>.json, each with its ratio to the baseline measured in the same run.
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchMongo } from '../scripts/local-mongo.js';
import { connectMongo, prepareDatabase } from '../src/store/mongo.js';
import { localDateOf } from '../src/domain/dates.js';
import { randomIds, systemClock } from '../src/system.js';
import { BenchConnector } from './connector.js';
import { loadFixtures } from './fixtures.js';
import { probeLines, startBaseline, startBot } from './processes.js';
import { SCENARIOS, type ScenarioContext, type ScenarioResult } from './scenarios/index.js';
import { guard } from './scenarios/guard.js';
import { closeLargeDataSet } from './scenarios/large.js';
import { linkTowns } from './scenarios/shared.js';
import type { AppContext } from '../src/app/context.js';

/** Scenarios of pure functions, measured in this process: no database, bot or load is started for them. */
const IN_PROCESS: Record<string, (seconds: number) => Promise<ScenarioResult>> = { guard };
const NAMES = [...Object.keys(IN_PROCESS), ...Object.keys(SCENARIOS)];
const USAGE = `npm run bench [-- <scenario> ...] [--seconds N] [--soak-seconds N]; scenarios: ${NAMES.join(', ')}`;

const { values, positionals } = parseArgs({
  options: { seconds: { type: 'string', default: '30' }, 'soak-seconds': { type: 'string', default: '600' } },
  allowPositionals: true,
  strict: true,
});
const unknown = positionals.filter((p) => !NAMES.includes(p));
if (unknown.length) {
  console.error(`Unknown scenario ${unknown.join(', ')}\nUsage: ${USAGE}`);
  process.exit(1);
}
const chosen = positionals.length ? positionals : NAMES;
const seconds = Number(values.seconds);
const soakSeconds = Number(values['soak-seconds']);
if (!(seconds >= 5 && soakSeconds >= 60)) {
  console.error(`--seconds must be 5 or more and --soak-seconds 60 or more\nUsage: ${USAGE}`);
  process.exit(1);
}
// Everything measured runs as compiled JavaScript, as `npm start` runs the bot.
console.log('Building (npm run build)...');
execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
const run = new Date().toISOString().replace(/[:.]/g, '-');
const results: Record<string, ScenarioResult> = {};
for (const name of chosen.filter((n) => n in IN_PROCESS)) {
  console.log(`\n== ${name}`);
  results[name] = await IN_PROCESS[name]!(seconds);
  console.log(JSON.stringify(results[name], null, 2));
}
const served = chosen.filter((n) => n in SCENARIOS);
if (served.length) {
  const run = new Date().toISOString().replace(/[:.]/g, '-');
  const logDir = resolve('.data', 'bench', run);
  await mkdir(logDir, { recursive: true });

  const mongo = await launchMongo({
    mongoUri: process.env['MONGODB_URI'] || undefined,
    dataDir: join(logDir, 'db'),
    ephemeral: true,
  });
  const database = `bench_${run.slice(0, 19).replace(/-/g, '')}`;
  const connection = await connectMongo(mongo.uri, database);
  const stores = await prepareDatabase(connection.db);
  const timeZone = 'Europe/London';
  const ctx: AppContext = {
    stores,
    clock: systemClock,
    ids: randomIds,
    settings: { timeZone, dueSoonDays: 3 },
  };
  // The data sets are built around the day the reminder sweep runs: 10:00 on a working day (today, or the
  // next one), inside the default reminder hours.
  const sweepAt = workingDayAt10(new Date());
  const today = localDateOf(sweepAt, timeZone);
  const connector = new BenchConnector();
  await connector.start();

  const started = Date.now();
  console.log(`Loading 10 towns x 2,000 actions into ${database}...`);
  const fixture = await loadFixtures(connection.db, ctx, {
    actionsPerTown: 2_000,
    dueShare: 0.05,
    actionsPerOwner: 35,
    today,
  });
  console.log(`Loaded in ${Math.round((Date.now() - started) / 1000)} s.`);

  const env = {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    MONGODB_URI: mongo.uri,
    MONGODB_DB: database,
    REMINDER_SWEEP_SECONDS: '0',
    TEAMS_TENANT_RPS: '50',
    // `BENCH_PROFILE=1`: every database command the bot sends, with its time, in the run's log folder.
    ...(process.env['BENCH_PROFILE'] ? { MONGODB_COMMAND_LOG: join(logDir, 'bot-commands.jsonl') } : {}),
  };
  const bot = await startBot(env, logDir);
  const baseline = await startBaseline(env, logDir);
  await linkTowns(bot, connector.url, [...fixture.updatable.keys()]);

  const context: ScenarioContext = {
    bot,
    baseline,
    connector,
    fixture,
    seconds,
    ctx,
    env,
    logDir,
    mongoUri: mongo.uri,
    database,
    today,
    sweepAt,
    soakSeconds,
  };
  try {
    for (const name of served) {
      console.log(`\n== ${name}`);
      const since = Date.now();
      // A scenario that fails is recorded as failed; the others still run and the results file is written.
      const result = await SCENARIOS[name]!(context).catch((error: unknown): ScenarioResult => {
        console.error(error);
        return { failed: error instanceof Error ? error.message : String(error) };
      });
      let probe = await probeLines(bot.probeFile, since);
      if (!probe.length) {
        // A scenario shorter than the probe's one-second tick (startup): wait for its next line.
        await new Promise((r) => setTimeout(r, 1100));
        probe = await probeLines(bot.probeFile, since);
      }
      result.botPeakRssMb = Math.max(0, ...probe.map((p) => p.peakRssMb));
      results[name] = result;
      console.log(JSON.stringify(result, null, 2));
    }
  } finally {
    await closeLargeDataSet();
    await bot.stop();
    await baseline.stop();
    await connector.stop();
    await connection.close();
    await mongo.stop();
  }
}

const machine = {
  node: process.version,
  cpus: (await import('node:os')).cpus().length,
  database: process.env['MONGODB_URI'] ? 'MONGODB_URI' : 'FerretDB 1.24.2 on SQLite (launcher)',
};
await mkdir('bench/results', { recursive: true });
const file = join('bench', 'results', `${run}.json`);
await writeFile(file, JSON.stringify({ run, machine, seconds, results }, null, 2));
console.log(`\nResults: ${file}`);

/** 10:00 UTC (10:00 or 11:00 in London) today if a weekday, else on the next weekday. */
function workingDayAt10(from: Date): Date {
  const day = new Date(from);
  day.setUTCHours(10, 0, 0, 0);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  return day;
}
