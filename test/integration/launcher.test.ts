// The database launcher as a user meets it: `npm run db` in a terminal, Ctrl-C, a killed parent, no Go.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { MongoClient } from 'mongodb';

const root = resolve(import.meta.dirname, '../..');
const dbScript = join(root, 'scripts/db.ts');
// As `npm run db` runs it: one node process (the tsx CLI would add a parent process of its own).
const nodeArgs = ['--import', pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href, dbScript];
const children: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'safer-towns-launcher-'));
  dirs.push(dir);
  return dir;
}

/** Runs `npm run db`'s script with the repo's FerretDB cache and its own data folder; resolves on the URI line. */
async function startDb(dataDir: string, mongoUri = ''): Promise<{ child: ChildProcess; uri: string; output: () => string }> {
  const env = { ...process.env, DATA_DIR: dataDir, MONGODB_URI: mongoUri };
  const child = spawn(process.execPath, nodeArgs, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  for (let waited = 0; waited < 60_000; waited += 100) {
    const uri = /MONGODB_URI=(mongodb:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1];
    if (uri) return { child, uri, output: () => output };
    if (child.exitCode !== null) break;
    await sleep(100);
  }
  throw new Error(`npm run db printed no URI:\n${output}`);
}

async function portOpen(uri: string): Promise<boolean> {
  const port = Number(/:(\d+)\//.exec(uri)?.[1]);
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), done(true)));
    socket.once('error', () => done(false));
  });
}

async function waitClosed(uri: string): Promise<boolean> {
  for (let waited = 0; waited < 10_000; waited += 100) {
    if (!(await portOpen(uri))) return true;
    await sleep(100);
  }
  return false;
}

/** True once no process's command line mentions `pattern` (the FerretDB process and its shell guard). */
async function processesGone(pattern: string): Promise<boolean> {
  for (let waited = 0; waited < 10_000; waited += 100) {
    const found = spawnSync('pgrep', ['-af', '--', pattern], { encoding: 'utf8' });
    if (found.status === 1) return true;
    await sleep(100);
  }
  console.error(spawnSync('pgrep', ['-af', '--', pattern], { encoding: 'utf8' }).stdout);
  return false;
}

const exited = (child: ChildProcess) => new Promise<number | null>((done) => (child.exitCode !== null ? done(child.exitCode) : child.once('exit', (code) => done(code))));

describe('npm run db', () => {
  it('prints a loopback URI the official driver can use, and stops FerretDB on Ctrl-C', async () => {
    const db = await startDb(await tempDir());
    const client = new MongoClient(db.uri, { serverSelectionTimeoutMS: 5_000 });
    expect(await client.db('admin').command({ ping: 1 })).toMatchObject({ ok: 1 });
    const info = await client.db('admin').command({ buildInfo: 1 });
    expect(info.ferretdbVersion).toBe('v1.24.2');
    await client.close();
    expect(db.output()).toContain('FerretDB started');

    db.child.kill('SIGINT');
    expect(await exited(db.child)).toBe(0);
    expect(await waitClosed(db.uri)).toBe(true);
  });

  it('reuses a server already running on the same data folder instead of starting a second one', async () => {
    const dataDir = await tempDir();
    const first = await startDb(dataDir);
    const second = await startDb(dataDir);
    expect(second.uri).toBe(first.uri);
    expect(second.output()).toContain('FerretDB already running');
    second.child.kill('SIGINT');
    await exited(second.child);
    expect(await portOpen(first.uri)).toBe(true); // the reuser does not stop the owner's server
    first.child.kill('SIGTERM');
    await exited(first.child);
    expect(await waitClosed(first.uri)).toBe(true);
  });

  it('leaves no FerretDB behind when its parent is killed outright', async () => {
    const dataDir = await tempDir();
    const db = await startDb(dataDir);
    db.child.kill('SIGKILL');
    await exited(db.child);
    expect(await waitClosed(db.uri)).toBe(true);
    expect(await processesGone(`--state-dir=${dataDir}`)).toBe(true);
  });

  it('says exactly what to install or set when there is neither Go nor MONGODB_URI, without hanging', async () => {
    const cwd = await tempDir(); // an empty cache: nothing built yet
    const started = Date.now();
    const result = spawnSync(process.execPath, nodeArgs, {
      cwd,
      env: { PATH: dirname(process.execPath) === '/usr/bin' ? '/usr/bin:/bin' : `${dirname(process.execPath)}:/usr/bin:/bin`, HOME: cwd },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(spawnSync('sh', ['-c', 'command -v go'], { env: { PATH: '/usr/bin:/bin' } }).status).not.toBe(0);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('MONGODB_URI is not set and Go is not installed');
    expect(result.stderr).toContain('install Go 1.24 or newer');
    expect(result.stderr).toContain('or set MONGODB_URI');
    expect(result.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('uses MONGODB_URI as is, and refuses a malformed one with the configuration message', async () => {
    const external = await startDb(await tempDir(), inject('mongoUri'));
    expect(external.uri).toBe(inject('mongoUri'));
    expect(external.output()).toContain('from MONGODB_URI');
    external.child.kill('SIGINT');
    expect(await exited(external.child)).toBe(0);
    expect(await portOpen(external.uri)).toBe(true); // not ours to stop

    const run = (uri: string) =>
      spawnSync(process.execPath, nodeArgs, { cwd: root, env: { ...process.env, MONGODB_URI: uri }, encoding: 'utf8', timeout: 30_000 });
    const bad = run('localhost:27017');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('MONGODB_URI: must start with mongodb:// or mongodb+srv://');
  });
});
