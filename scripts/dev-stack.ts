// Everything `npm run dev` starts, in order, as one function the browser tests call too: the local database
// (launcher), reference data and demo data when empty, the bot in local mode, and Microsoft 365 Agents
// Playground pointed at the bot. stop() ends all of it, last started first.
import type { ChildProcess } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { ConfigError, loadConfig } from '../src/config.js';
import { seedDemo } from '../src/app/seed-demo.js';
import { seedReferenceData } from '../src/app/seed-reference-data.js';
import { openDatabase, type OpenDatabase } from './open-database.js';
import PinoPretty from 'pino-pretty';
import { hasExited, once, spawnGuarded, stopGuarded } from './guarded-child.js';
import { LauncherError, tail } from './ferretdb-install.js';
import { startLocalGraph } from './local-graph/local-graph.js';

export interface DevStackOptions {
  env: NodeJS.ProcessEnv;
  /** Restart the bot when a source file changes (`npm run dev`); tests run it once. */
  watch: boolean;
  /** Write the bot's and the playground's output to files in this folder instead of the terminal. */
  logDir?: string;
  /** In a terminal: the bot's JSON log lines as readable text (pino-pretty), and a debugger port. */
  interactive?: boolean;
  say?: (line: string) => void;
}

export interface DevStack {
  botUrl: string;
  playgroundUrl: string;
  /** The local stand-in for Microsoft Graph the bot books meetings against. */
  graphUrl: string;
  mongoUri: string;
  database: string;
  /** What the seed did: the number of demo records added, 0 when the database already had actions. */
  demoRecords: number;
  stop(): Promise<void>;
}

const devSettings = z.object({
  PLAYGROUND_PORT: z.coerce.number().int().min(1).max(65535).default(56150),
  GRAPH_STAND_IN_PORT: z.coerce.number().int().min(1).max(65535).default(56151),
});

const READY_TIMEOUT_MS = 60_000;
const ROOT = resolve(import.meta.dirname, '..');
const PLAYGROUND_CLI = join(ROOT, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
const PLAYGROUND_CONFIG = join(ROOT, '.m365agentsplayground.yml');

export async function startDevStack(options: DevStackOptions): Promise<DevStack> {
  const say = options.say ?? ((line: string) => process.stdout.write(`${line}\n`));
  const config = loadConfig(options.env);
  const parsed = devSettings.safeParse(options.env);
  if (!parsed.success)
    throw new ConfigError('PLAYGROUND_PORT and GRAPH_STAND_IN_PORT must be port numbers (1-65535).');
  const { PLAYGROUND_PORT: playgroundPort, GRAPH_STAND_IN_PORT: graphPort } = parsed.data;
  await ensurePortFree(config.PORT, 'PORT');
  await ensurePortFree(playgroundPort, 'PLAYGROUND_PORT');
  await ensurePortFree(graphPort, 'GRAPH_STAND_IN_PORT');

  const stops: (() => Promise<void>)[] = [];
  const stop = once(async () => {
    for (const step of stops.reverse()) await step();
  });
  try {
    const db = await openDatabase(config);
    stops.push(() => db.close());
    const { towns, demoRecords } = await seedIfEmpty(db);
    say(`MONGODB_URI=${db.uri}  database ${config.MONGODB_DB}: ${towns} Safer Town partnerships ready.`);
    if (demoRecords) say(`Empty database: added ${demoRecords} demo records (marked "(demo)").`);

    const logDir = options.logDir ? resolve(options.logDir) : undefined;
    if (logDir) await mkdir(logDir, { recursive: true });
    const botUrl = `http://127.0.0.1:${config.PORT}`;
    await mkdir(resolve(config.DATA_DIR), { recursive: true });
    const graph = await startLocalGraph({
      eventsFile: join(resolve(config.DATA_DIR), 'graph-stand-in-events.json'),
      botUrl,
      port: graphPort,
    });
    stops.push(() => graph.stop());
    say(
      `Microsoft Graph stand-in: ${graph.url} (meetings are booked here; their join links open a page on it).`,
    );
    const pretty = options.interactive && !logDir;
    const bot = spawnGuarded(process.execPath, botArgs(options.watch, options.interactive ?? false), {
      cwd: ROOT,
      env: {
        ...options.env,
        MONGODB_URI: db.uri,
        GRAPH_BASE_URL: graph.url,
        MICROSOFT_APP_ID: '',
        MICROSOFT_APP_PASSWORD: '',
      },
      ...(logDir ? { logFile: join(logDir, 'bot.log') } : {}),
      ...(pretty ? { pipeStdout: true } : {}),
    });
    if (pretty) bot.stdout?.pipe(PinoPretty({ colorize: process.stdout.isTTY, translateTime: 'HH:MM:ss' }));
    stops.push(() => stopGuarded(bot));
    await waitForHttp(`${botUrl}/readyz`, bot, 'The bot', logDir && join(logDir, 'bot.log'));
    say(
      `Bot: ${botUrl}/api/messages (local mode${options.watch ? ', restarts when a source file changes' : ''}).`,
    );

    const playgroundUrl = `http://127.0.0.1:${playgroundPort}`;
    const playgroundDir = join(resolve(config.DATA_DIR), 'playground');
    await mkdir(playgroundDir, { recursive: true });
    const playgroundLog = join(logDir ?? playgroundDir, 'playground.log');
    const playground = spawnGuarded(
      process.execPath,
      [
        '--require',
        join(ROOT, 'scripts', 'playground', 'loopback-only.cjs'),
        PLAYGROUND_CLI,
        ...['-e', `${botUrl}/api/messages`, '-c', 'msteams', '-p', String(playgroundPort)],
        ...['--service-url', `${playgroundUrl}/_connector`, '--disable-telemetry'],
      ],
      {
        cwd: playgroundDir, // it writes devTools/ into its working folder
        env: {
          ...options.env,
          M365_AGENTS_PLAYGROUND_CONFIG_PATH: PLAYGROUND_CONFIG,
          M365_AGENTS_PLAYGROUND_LOGFILE: playgroundLog, // its reasons for failing go here, not to stdout
          APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
          TEAMSAPPTESTER_BROWSER: 'none',
        },
        logFile: join(logDir ?? playgroundDir, 'playground.out.log'),
      },
    );
    stops.push(() => stopGuarded(playground));
    await waitForHttp(playgroundUrl, playground, 'Agents Playground', playgroundLog);
    say(`Microsoft 365 Agents Playground: open ${playgroundUrl} (you are Jo Trelawny, a coordinator).`);
    return {
      botUrl,
      playgroundUrl,
      graphUrl: graph.url,
      mongoUri: db.uri,
      database: config.MONGODB_DB,
      demoRecords,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function botArgs(watch: boolean, debuggable: boolean): string[] {
  const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  // The debugger of .vscode/launch.json attaches here (loopback only); tsx hands the flag to the bot.
  const inspect = debuggable ? ['--inspect=127.0.0.1:9229'] : [];
  return watch
    ? [tsx, 'watch', '--clear-screen=false', ...inspect, 'src/main.ts']
    : [tsx, ...inspect, 'src/main.ts'];
}

async function seedIfEmpty(db: OpenDatabase): Promise<{ towns: number; demoRecords: number }> {
  await seedReferenceData(db.ctx);
  const { stores } = db.ctx;
  const towns = await stores.partnerships.list();
  const counts = await Promise.all(towns.map((p) => stores.actions.listByTown(p.town)));
  if (counts.some((a) => a.length > 0)) return { towns: towns.length, demoRecords: 0 };
  return { towns: towns.length, demoRecords: (await seedDemo(db.ctx)).inserted };
}

async function waitForHttp(url: string, child: ChildProcess, name: string, logFile?: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (hasExited(child)) {
      const log = logFile ? tail(await readFile(logFile, 'utf8').catch(() => '')) : '(its output is above)';
      throw new LauncherError(`${name} stopped during start-up. Its output:\n${log}`);
    }
    const ok = await fetch(url, { signal: AbortSignal.timeout(1_000) }).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return;
    await sleep(200);
  }
  throw new LauncherError(`${name} did not answer on ${url} within ${READY_TIMEOUT_MS / 1000} s.`);
}

function ensurePortFree(port: number, variable: string): Promise<void> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', () =>
      fail(
        new ConfigError(`Port ${port} is in use: stop what is using it, or set ${variable} to another port.`),
      ),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => done()));
  });
}
