// The production install, as the Dockerfile makes it (scripts/production/assemble.sh): built, production
// dependencies only in a folder of its own, then the bot started there against the test database, ready,
// answering an activity and stopping on SIGTERM; and every operator command run from that install.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FakeConnector } from '../servers/fake-connector.js';
import { exited } from '../support/processes.js';
import { freePort } from '../../scripts/guarded-child.js';

const root = resolve('.');
let app = '';
let connector: FakeConnector;
const env = (): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  NODE_ENV: 'production',
  MONGODB_URI: inject('mongoUri'),
  MONGODB_DB: `prod_install_${randomBytes(4).toString('hex')}`,
  LOG_LEVEL: 'info',
  REMINDER_SWEEP_SECONDS: '0',
});
let shared: NodeJS.ProcessEnv;

/** A command of the production install: `node dist/scripts/safer-towns.js <args>`, as `safer-towns` runs. */
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [join(app, 'dist/scripts/safer-towns.js'), ...args], {
    cwd: app,
    env: shared,
    encoding: 'utf8',
    timeout: 60_000,
  });

beforeAll(async () => {
  const work = await mkdtemp(join(tmpdir(), 'safer-towns-prod-'));
  app = join(work, 'app');
  // Built as `npm run build` builds, into a folder of the test's own (the checkout's dist/ is left alone).
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const build = spawnSync(
    process.execPath,
    [tsc, '-p', 'tsconfig.build.json', '--outDir', join(work, 'dist')],
    {
      cwd: root,
      encoding: 'utf8',
      timeout: 240_000,
    },
  );
  expect(build.status, build.stdout + build.stderr).toBe(0);
  const assemble = spawnSync('sh', ['scripts/production/assemble.sh', app], {
    cwd: root,
    env: { ...process.env, DIST: join(work, 'dist') },
    encoding: 'utf8',
    timeout: 300_000,
  });
  expect(assemble.status, assemble.stderr).toBe(0);
  connector = new FakeConnector();
  await connector.start();
  shared = env();
}, 480_000);

afterAll(async () => {
  await connector?.stop();
  if (app) await rm(resolve(app, '..'), { recursive: true, force: true });
});

describe('the production install', { timeout: 60_000 }, () => {
  it('holds the compiled bot, the cards and the production dependencies, and no development tool', async () => {
    expect(existsSync(join(app, 'dist/src/main.js'))).toBe(true);
    expect(existsSync(join(app, 'cards/action.json'))).toBe(true);
    expect(existsSync(join(app, 'web/tab/tab.css'))).toBe(true);
    const installed = await readdir(join(app, 'node_modules'));
    for (const dep of ['botbuilder', 'mongodb', 'zod', 'restify', 'pino']) expect(installed).toContain(dep);
    for (const dev of [
      'tsx',
      'vitest',
      'typescript',
      'eslint',
      'playwright-core',
      'autocannon',
      'adaptivecards',
    ])
      expect(installed).not.toContain(dev);
  });

  it('weighs under its ceiling, with one OpenTelemetry SDK (the one the Azure distro brings)', () => {
    // 177 MB measured on 2026-12-07 with source maps, type declarations and TypeScript sources pruned (388 MB
    // before; 501 MB before adaptivecards left production and the OTLP path shared the distro's SDK).
    const du = spawnSync('du', ['-sm', join(app, 'node_modules')], { encoding: 'utf8' });
    expect(Number(du.stdout.split('\t')[0])).toBeLessThan(300);
    const find = spawnSync(
      'find',
      [join(app, 'node_modules'), '-path', '*/@opentelemetry/sdk-node/package.json'],
      {
        encoding: 'utf8',
      },
    );
    expect(find.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('loads every production dependency from what the prune left (the served browser bundles read as files)', () => {
    const check = `
      import { createRequire } from 'node:module';
      import { readFileSync } from 'node:fs';
      const require = createRequire(process.cwd() + '/package.json');
      const deps = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).dependencies);
      const browser = ['@microsoft/teams-js', 'chart.js'];
      const failed = [];
      for (const dep of deps) {
        try {
          const entry = require.resolve(dep);
          if (browser.includes(dep)) readFileSync(entry);
          else if (entry.endsWith('.json')) await import(entry, { with: { type: 'json' } });
          else await import(dep);
        } catch (error) { failed.push(dep + ': ' + error.message); }
      }
      console.log(failed.length ? failed.join('\\n') : 'loaded ' + deps.length);`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', check], {
      cwd: app,
      env: shared,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stdout.trim() + run.stderr).toMatch(/^loaded \d+$/);
  });

  it('starts against the database, is ready, answers an activity and stops on SIGTERM in the grace period', async () => {
    const port = await freePort();
    const bot: ChildProcess = spawn(process.execPath, ['dist/src/main.js'], {
      cwd: app,
      env: { ...shared, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    bot.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    bot.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    try {
      await expect.poll(() => output, { timeout: 30_000 }).toContain('listening on /api/messages');
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(ready.status).toBe(200);
      // The tabs' pages and their two libraries, from the production dependencies.
      for (const path of ['/tab/board', '/tab/assets/teams-js.js', '/tab/assets/chart.js'])
        expect((await fetch(`http://127.0.0.1:${port}${path}`)).status, path).toBe(200);
      const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: 'activity-1',
          timestamp: new Date().toISOString(),
          channelId: 'msteams',
          serviceUrl: connector.url,
          from: { id: '29:operator', name: 'Operator', aadObjectId: '00000000-0000-4000-8000-0000000000aa' },
          recipient: { id: '28:bot', name: 'Safer Towns' },
          conversation: { id: 'a:personal-operator', conversationType: 'personal', tenantId: 'tenant' },
          channelData: { tenant: { id: 'tenant' } },
          text: 'help',
        }),
      });
      expect(res.status).toBe(200);
      await expect.poll(() => connector.sent('a:personal-operator').length, { timeout: 10_000 }).toBe(1);

      const started = Date.now();
      bot.kill('SIGTERM');
      expect(await exited(bot)).toBe(0);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(output).toContain('"msg":"stopped"');
    } finally {
      if (bot.exitCode === null) bot.kill('SIGKILL');
    }
  });

  it('runs every operator command from the install, with production dependencies only', async () => {
    const seeded = cli('seed', '--demo');
    expect(seeded.status, seeded.stderr).toBe(0);
    expect(seeded.stdout).toContain('Towns and partnerships:');

    const appointed = cli(
      ...['appoint', '--town', 'Truro', '--name', 'Kit Operator', '--email', 'kit.operator@example.gov.uk'],
      ...['--aad-object-id', '00000000-0000-4000-8000-0000000000bb'],
    );
    expect(appointed.status, appointed.stderr).toBe(0);
    expect(appointed.stdout).toContain('Kit Operator: appointed to truro');

    const out = join(app, 'out');
    const report = cli('report', '--format', 'csv', '--out', out);
    expect(report.status, report.stderr).toBe(0);
    const page = cli('public-summary', '--town', 'Truro', '--out', out);
    expect(page.status, page.stderr).toBe(0);
    const exported = cli(
      'export-person',
      '--email',
      'kit.operator@example.gov.uk',
      '--out',
      join(out, 'kit.json'),
    );
    expect(exported.status, exported.stderr).toBe(0);
    const erasure = cli('erase-person', '--email', 'kit.operator@example.gov.uk');
    expect(erasure.status, erasure.stderr).toBe(0);
    expect(erasure.stdout).toMatch(/dry run|--confirm/i);

    const sheet = join(out, 'plan.xlsx');
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Plan').addRows([
      ['Priority', 'Action', 'Measure', 'Target', 'Owner e-mails', 'Due date', 'Status'],
      [
        'Tackle shop theft',
        'Set up a Shopwatch radio scheme in Lemon Street',
        'Shops on the net',
        '20 shops',
        'kit.operator@example.gov.uk',
        '2027-03-31',
        'Not started',
      ],
    ]);
    await book.xlsx.writeFile(sheet);
    const imported = cli('import', sheet, '--town', 'Truro', '--dry-run');
    expect(imported.status, imported.stderr + imported.stdout).toBe(0);

    const wrong = cli('frobnicate');
    expect(wrong.status).toBe(2); // a wrong command line
    expect(wrong.stderr).toContain('Unknown command "frobnicate"');
    expect(cli('--help').stdout).toContain('crime-data');
    const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(cli('--version').stdout.trim()).toBe(version);
    expect((await readdir(out)).length).toBeGreaterThan(2);
  });
});
