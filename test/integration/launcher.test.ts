// The database launcher as a user meets it: `npm run db` in a terminal, Ctrl-C, a killed parent, no Go.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { MongoClient } from 'mongodb';
import { exited, portOpen, processesGone, runScript, startScript, waitClosed } from '../support/processes.js';

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

/** `npm run db` with the repo's FerretDB cache and its own data folder; resolves on the URI line. */
async function startDb(dataDir: string, mongoUri = '') {
  const run = startScript('db.ts', { ...process.env, DATA_DIR: dataDir, MONGODB_URI: mongoUri });
  children.push(run.child);
  const uri = (await run.waitFor(/MONGODB_URI=(mongodb:\/\/[^\s]+)/))[1]!;
  await run.waitFor(/# .*\n/);
  return { ...run, uri };
}

describe('npm run db', () => {
  it('prints a loopback URI the official driver can use, and stops FerretDB on Ctrl-C', async () => {
    const db = await startDb(await tempDir());
    expect(db.uri).toMatch(/^mongodb:\/\/127\.0\.0\.1:\d+\/$/);
    const client = new MongoClient(db.uri, { serverSelectionTimeoutMS: 5_000 });
    expect(await client.db('admin').command({ ping: 1 })).toMatchObject({ ok: 1 });
    expect((await client.db('admin').command({ buildInfo: 1 })).ferretdbVersion).toBe('v1.24.2');
    await client.close();
    expect(db.output()).toContain('FerretDB started');
    await sleep(300);
    expect(db.child.exitCode).toBeNull(); // it keeps running until asked to stop

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
    expect(await exited(second.child)).toBe(0);
    expect(await portOpen(first.uri)).toBe(true); // the reuser does not stop the owner's server
    first.child.kill('SIGTERM');
    expect(await exited(first.child)).toBe(0);
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
    const path =
      dirname(process.execPath) === '/usr/bin'
        ? '/usr/bin:/bin'
        : `${dirname(process.execPath)}:/usr/bin:/bin`;
    expect(spawnSync('sh', ['-c', 'command -v go'], { env: { PATH: path } }).status).not.toBe(0);
    const started = Date.now();
    const result = runScript('db.ts', { PATH: path, HOME: cwd }, [], cwd);
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
    expect(await exited(external.child)).toBe(0); // nothing of ours to keep running
    expect(await portOpen(external.uri)).toBe(true);

    const bad = runScript('db.ts', { ...process.env, MONGODB_URI: 'localhost:27017', PORT: 'x' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('MONGODB_URI: must start with mongodb:// or mongodb+srv://');
    expect(bad.stderr).toContain('PORT:');
  });
});
