// `npm run seed` and `npm run dev` end to end, against the test run's database under a name of their own.
import { randomBytes } from 'node:crypto';
import { freePort } from '../../scripts/guarded-child.js';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { MongoClient } from 'mongodb';
import { createServer, type AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { networkInterfaces, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { exited, processesGone, runScript, startScript, waitClosed } from '../support/processes.js';

const dbName = `t_scripts_${randomBytes(4).toString('hex')}`;
const env = () => ({
  ...process.env,
  MONGODB_URI: inject('mongoUri'),
  MONGODB_DB: dbName,
  LOG_LEVEL: 'warn',
});

afterAll(async () => {
  const client = new MongoClient(inject('mongoUri'));
  await client.db(dbName).dropDatabase();
  await client.close();
});

describe('npm run refresh-read-models', () => {
  it('signals every part, so running instances load a bulk load, and refuses arguments', async () => {
    // A database of its own: the seed tests below start from an empty one.
    const own = { ...env(), MONGODB_DB: `${dbName}_refresh` };
    runScript('seed.ts', own, ['--demo']);
    const client = new MongoClient(inject('mongoUri'));
    try {
      const db = client.db(own.MONGODB_DB);
      const done = runScript('refresh-read-models.ts', own);
      expect(done.status).toBe(0);
      expect(done.stdout).toMatch(/Signalled \d+ parts/);
      const reloads = await db.collection('changes').find({ recordId: '*' }).toArray();
      const parts = new Set(reloads.map((c) => `${String(c['feed'])}:${String(c['part'])}`));
      for (const part of [
        'actions:truro',
        'actions:bodmin',
        'plans:truro',
        'members:all',
        'conversation_refs:all',
      ])
        expect(parts).toContain(part);
      const snapshot = await db.collection('read_models').findOne({ _id: 'actions:truro' as never });
      expect((JSON.parse(String(snapshot?.['json'])) as unknown[]).length).toBeGreaterThan(0);
      await db.dropDatabase();
    } finally {
      await client.close();
    }
    const wrong = runScript('refresh-read-models.ts', own, ['--now']);
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toContain('Usage: safer-towns refresh-read-models');
  });
});

describe('npm run seed', () => {
  it('loads the ten partnerships once, then reports them as already there', () => {
    const first = runScript('seed.ts', env());
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('Towns and partnerships: 20 records added, 0 already there.');
    const second = runScript('seed.ts', env());
    expect(second.stdout).toContain('Towns and partnerships: 0 records added, 20 already there.');
  });

  it('adds demo data with --demo, idempotently, and refuses unknown flags', () => {
    expect(runScript('seed.ts', env(), ['--demo']).stdout).toMatch(
      /Demo data \(marked "\(demo\)"\): \d+ records added, 0 already there\./,
    );
    expect(runScript('seed.ts', env(), ['--demo']).stdout).toMatch(
      /Demo data \(marked "\(demo\)"\): 0 records added, \d+ already there\./,
    );
    const typo = runScript('seed.ts', env(), ['--dmeo']);
    expect(typo.status).toBe(2); // a wrong command line
    expect(typo.stderr).toBe("Unknown option '--dmeo'\nUsage: safer-towns seed [--demo]\n");
  });

  it('says which database it cannot reach, without the password, instead of a stack trace', () => {
    const down = runScript('seed.ts', { ...env(), MONGODB_URI: 'mongodb://seed:s3cret@127.0.0.1:9/' });
    expect(down.status).toBe(1);
    expect(down.stderr).toMatch(
      /^Cannot reach MongoDB at mongodb:\/\/127\.0\.0\.1:9\/: connect ECONNREFUSED/,
    );
    expect(down.stderr).not.toContain('s3cret');
  });
});

describe('npm run appoint', () => {
  const jo = ['--name', 'Jo Kernow', '--email', 'Jo.Kernow@council.example', '--aad-object-id'];
  const id = '5f0c2a31-7b7e-4d1c-9a55-0d6c3e2b9f10';

  it("gives a town its first coordinator, once, recorded in the audit trail as the operator's", async () => {
    runScript('seed.ts', env());
    const first = runScript('appoint.ts', env(), ['--town', 'St Austell', ...jo, id]);
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('Jo Kernow: appointed to st-austell as coordinator.');
    const again = runScript('appoint.ts', env(), ['--town', 'st austell', ...jo, id]);
    expect(again.stdout).toContain('Jo Kernow: already has a seat in st-austell as coordinator.');
    const board = runScript('appoint.ts', env(), [
      '--town',
      'board',
      ...jo,
      id,
      '--role',
      'pcc_link_officer',
    ]);
    expect(board.stdout).toContain('Jo Kernow: appointed to the county board.');

    const client = new MongoClient(inject('mongoUri'));
    try {
      const seats = await client.db(dbName).collection('members').find({ aadObjectId: id }).toArray();
      expect(seats.map((s) => `${s['town']} ${s['accessRole']} ${s['email']}`).sort()).toEqual([
        'county board jo.kernow@council.example',
        'st-austell coordinator jo.kernow@council.example',
      ]);
      const audit = await client
        .db(dbName)
        .collection('audit_events')
        .find({ change: 'member.appointed' })
        .toArray();
      expect(audit).toHaveLength(2);
      expect(audit[0]?.['actor']).toMatchObject({ id: 'operator:cli' });
    } finally {
      await client.close();
    }
  });

  it('names what is wrong: a missing flag, an unknown town or role, a bad e-mail', () => {
    const missing = runScript('appoint.ts', env(), ['--town', 'Truro']);
    expect(missing.status).toBe(2); // a wrong command line
    expect(missing.stderr).toContain('Missing --name, --email, --aad-object-id');
    const town = runScript('appoint.ts', env(), ['--town', 'Atlantis', ...jo, id]);
    expect(town.stderr).toContain('"Atlantis" is not one of the ten towns, nor "board"');
    const role = runScript('appoint.ts', env(), ['--town', 'Truro', ...jo, id, '--role', 'mayor']);
    expect(role.stderr).toContain('"mayor" is not a partnership role');
    const email = runScript('appoint.ts', env(), ['--town', 'Truro', ...jo.slice(0, 3), 'jo', jo[4]!, id]);
    expect(email.status).toBe(1);
    expect(email.stderr).toContain('email: must be an e-mail address');
  });
});

describe('npm run dev', () => {
  it('brings up the seeded database, the bot and the playground, says where, and stops all on Ctrl-C', async () => {
    const [port, playgroundPort, graphPort] = [await freePort(), await freePort(), await freePort()];
    const dev = startScript('dev.ts', {
      ...env(),
      PORT: String(port),
      PLAYGROUND_PORT: String(playgroundPort),
      GRAPH_STAND_IN_PORT: String(graphPort),
    });
    await dev.waitFor(/10 Safer Town partnerships ready/);
    expect(dev.output()).toContain(`MONGODB_URI=${inject('mongoUri')}`);
    await dev.waitFor(new RegExp(`Bot: http://127\\.0\\.0\\.1:${port}/api/messages`));
    expect(await waitForHttp(`http://127.0.0.1:${port}/healthz`)).toBe(200);
    expect(dev.output()).toContain(`Microsoft Graph stand-in: http://127.0.0.1:${graphPort}/`);
    await dev.waitFor(new RegExp(`Agents Playground: open http://127\\.0\\.0\\.1:${playgroundPort}\\b`));
    expect(await waitForHttp(`http://127.0.0.1:${playgroundPort}/`)).toBe(200);
    dev.child.kill('SIGINT');
    expect(await exited(dev.child)).toBe(0);
    expect(await waitClosed(`mongodb://127.0.0.1:${port}/`)).toBe(true); // the bot's port is free again
    expect(await waitClosed(`mongodb://127.0.0.1:${playgroundPort}/`)).toBe(true); // and the playground's
    expect(await waitClosed(`mongodb://127.0.0.1:${graphPort}/`)).toBe(true); // and the Graph stand-in's
    expect(await processesGone(`-p ${playgroundPort} `)).toBe(true);
  });

  it('says what to install or set when there is neither Go nor MONGODB_URI, instead of hanging', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'dev-no-go-')); // an empty cache: no FerretDB built yet
    try {
      const path = `${dirname(process.execPath)}:/usr/bin:/bin`;
      expect(spawnSync('sh', ['-c', 'command -v go'], { env: { PATH: path } }).status).not.toBe(0);
      const env = {
        PATH: path,
        HOME: cwd,
        PORT: String(await freePort()),
        PLAYGROUND_PORT: String(await freePort()),
        GRAPH_STAND_IN_PORT: String(await freePort()),
      };
      const result = runScript('dev.ts', env, [], cwd);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('MONGODB_URI is not set and Go is not installed');
      expect(result.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await rm(cwd, { recursive: true, force: true });
    }
  });

  it('says what to do when the port is taken, instead of hanging', async () => {
    const blocker = createServer();
    await new Promise<void>((ready) => blocker.listen(0, ready));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const result = runScript('dev.ts', { ...env(), PORT: String(port) });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`Port ${port} is in use: stop what is using it, or set PORT`);
      const playground = runScript('dev.ts', {
        ...env(),
        PORT: String(await freePort()),
        PLAYGROUND_PORT: String(port),
        GRAPH_STAND_IN_PORT: String(await freePort()),
      });
      expect(playground.status).toBe(1);
      expect(playground.stderr).toContain(
        `Port ${port} is in use: stop what is using it, or set PLAYGROUND_PORT`,
      );
      const graph = runScript('dev.ts', {
        ...env(),
        PORT: String(await freePort()),
        PLAYGROUND_PORT: String(await freePort()),
        GRAPH_STAND_IN_PORT: String(port),
      });
      expect(graph.status).toBe(1);
      expect(graph.stderr).toContain(
        `Port ${port} is in use: stop what is using it, or set GRAPH_STAND_IN_PORT`,
      );
    } finally {
      blocker.close();
    }
  });
});

describe('the service (src/main.ts)', () => {
  it('prepares the database, logs in JSON that it is ready, and stops on SIGTERM', async () => {
    const port = await freePort();
    const service = startScript('src/main.ts', { ...env(), LOG_LEVEL: 'info', PORT: String(port) });
    const line = (await service.waitFor(/^\{.*"database ready".*\}$/m))[0];
    expect(JSON.parse(line)).toMatchObject({ level: 30, service: 'safer-towns-bot', database: dbName });
    expect(JSON.parse(line)).toMatchObject({ server: inject('mongoUri') }); // credentials would be removed
    // Local mode (no app id: no token checks) listens on loopback only, never on the machine's network.
    await service.waitFor(/"host":"127\.0\.0\.1".*"listening on \/api\/messages"/);
    expect(await waitForHttp(`http://127.0.0.1:${port}/healthz`)).toBe(200);
    const lan = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    if (lan) expect(await waitForHttp(`http://${lan.address}:${port}/healthz`, 1_000)).toBe(0);
    service.child.kill('SIGTERM');
    expect(await exited(service.child)).toBe(0);
  });

  it('needs MONGODB_URI, and says so', () => {
    const result = runScript('src/main.ts', { ...env(), MONGODB_URI: '' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('MONGODB_URI: required by `npm start`');
  });
});

/** The HTTP status once `url` answers, or 0 if it never does within `timeoutMs`. */
async function waitForHttp(url: string, timeoutMs = 30_000): Promise<number> {
  for (let waited = 0; waited < timeoutMs; waited += 200) {
    try {
      return (await fetch(url)).status;
    } catch {
      await sleep(200);
    }
  }
  return 0;
}
