// The one database launcher used by `npm run db`, `npm run dev`, `npm run seed` and the test suite.
// MONGODB_URI set: use it as is. Otherwise: FerretDB (MongoDB wire protocol) on SQLite under .data/,
// on 127.0.0.1 and a free port, telemetry off. A server already running on the same data folder is reused.
import type { ChildProcess } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { MongoClient } from 'mongodb';
import { ensureFerretDb, LauncherError, tail } from './ferretdb-install.js';
import { freePort, hasExited, once, spawnGuarded, stopGuarded } from './guarded-child.js';

export { LauncherError } from './ferretdb-install.js';

export interface LocalMongo {
  uri: string;
  /** 'external': MONGODB_URI; 'started': we own the FerretDB process; 'reused': another launcher owns it. */
  origin: 'external' | 'started' | 'reused';
  stop(): Promise<void>;
}

export interface LaunchOptions {
  mongoUri?: string | undefined;
  /** Data folder for FerretDB's SQLite files; one server per folder. */
  dataDir: string;
  /** Remove the data folder on stop (tests). */
  ephemeral?: boolean;
  cacheDir?: string;
  log?: (line: string) => void;
  /** Listen on this port rather than a free one (a test restarting a server where its clients expect it). */
  port?: number;
}

const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

export async function launchMongo(options: LaunchOptions): Promise<LocalMongo> {
  if (options.mongoUri) return { uri: options.mongoUri, origin: 'external', stop: async () => {} };

  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const dataDir = resolve(options.dataDir);
  const running = await findRunningServer(dataDir);
  if (running) return { uri: running, origin: 'reused', stop: async () => {} };

  const binary = await ensureFerretDb({ cacheDir: resolve(options.cacheDir ?? '.cache'), log });
  await mkdir(dataDir, { recursive: true });
  if (options.port) return startFerretDb(binary, dataDir, options.port, options.ephemeral ?? false);
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      return await startFerretDb(binary, dataDir, port, options.ephemeral ?? false);
    } catch (error) {
      // A free port can be taken between our probe and FerretDB's bind: try another, a few times.
      if (!(error instanceof PortTakenError) || attempt === 3) throw error;
    }
  }
}

class PortTakenError extends LauncherError {}

async function startFerretDb(
  binary: string,
  dataDir: string,
  port: number,
  ephemeral: boolean,
): Promise<LocalMongo> {
  const logFile = join(dataDir, 'ferretdb.log');
  const args = [
    '--handler=sqlite',
    `--sqlite-url=file:${dataDir}/`,
    `--listen-addr=127.0.0.1:${port}`,
    '--telemetry=disable',
    '--debug-addr=-',
    `--state-dir=${dataDir}`,
    '--log-level=error',
  ];
  const child = spawnGuarded(binary, args, { logFile });
  const uri = `mongodb://127.0.0.1:${port}/`;
  const stateFile = join(dataDir, 'server.json');
  const stop = once(async () => {
    await stopGuarded(child, STOP_TIMEOUT_MS);
    await rm(stateFile, { force: true });
    if (ephemeral) await rm(dataDir, { recursive: true, force: true });
  });
  try {
    await waitUntilReady(uri, child, logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  await writeFile(stateFile, JSON.stringify({ pid: child.pid, uri }));
  return { uri, origin: 'started', stop };
}

async function waitUntilReady(uri: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (hasExited(child)) {
      const log = await readFile(logFile, 'utf8').catch(() => '');
      if (/address already in use/i.test(log)) throw new PortTakenError('port taken');
      throw new LauncherError(`FerretDB exited during start-up. Its log (${logFile}):\n${tail(log)}`);
    }
    if (await ping(uri)) return;
    await sleep(100);
  }
  throw new LauncherError(
    `FerretDB did not answer on ${uri} within ${READY_TIMEOUT_MS / 1000} s; see ${logFile}.`,
  );
}

async function ping(uri: string): Promise<boolean> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 300, connectTimeoutMS: 300 });
  try {
    await client.db('admin').command({ ping: 1 });
    return true;
  } catch {
    return false;
  } finally {
    await client.close().catch(() => {});
  }
}

async function findRunningServer(dataDir: string): Promise<string | undefined> {
  try {
    const state = JSON.parse(await readFile(join(dataDir, 'server.json'), 'utf8')) as {
      pid: number;
      uri: string;
    };
    process.kill(state.pid, 0);
    return (await ping(state.uri)) ? state.uri : undefined;
  } catch {
    return undefined;
  }
}
