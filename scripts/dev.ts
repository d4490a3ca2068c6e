// `npm run dev`: the local database (started, or reused if `npm run db` is running), seeded with demo data
// when it has no actions, and the bot in local mode on PORT, reloaded when a source file changes.
// Ctrl-C stops everything this command started.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { loadConfig, ConfigError } from '../src/config.js';
import { seedDemo } from '../src/app/seed-demo.js';
import { seedReferenceData } from '../src/app/seed-reference-data.js';
import { openDatabase } from './open-database.js';
import { runUntilSignal } from './cli.js';

await runUntilSignal(async () => {
  const config = loadConfig(process.env);
  await ensurePortFree(config.PORT);
  const db = await openDatabase(config);
  const { stores } = db.ctx;
  await seedReferenceData(db.ctx);
  const towns = await stores.partnerships.list();
  const counts = await Promise.all(towns.map((p) => stores.actions.listByTown(p.town)));
  if (counts.every((a) => a.length === 0)) {
    const demo = await seedDemo(db.ctx);
    console.log(`Empty database: added ${demo.inserted} demo records (marked "(demo)").`);
  }
  console.log(
    `MONGODB_URI=${db.uri}  database ${config.MONGODB_DB}: ${towns.length} Safer Town partnerships ready.`,
  );

  // The bot, in local mode, restarted by tsx when a file changes.
  const bot = spawn(
    process.execPath,
    [join('node_modules', 'tsx', 'dist', 'cli.mjs'), 'watch', '--clear-screen=false', 'src/main.ts'],
    {
      stdio: 'inherit',
      env: { ...process.env, MONGODB_URI: db.uri, MICROSOFT_APP_ID: '', MICROSOFT_APP_PASSWORD: '' },
    },
  );
  console.log(
    `Bot: http://127.0.0.1:${config.PORT}/api/messages (local mode). Ctrl-C stops everything this command started.`,
  );
  const exited = new Promise<void>((done) => bot.once('exit', () => done()));
  return async () => {
    bot.kill('SIGTERM');
    await exited;
    await db.close();
  };
});

function ensurePortFree(port: number): Promise<void> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', () =>
      fail(new ConfigError(`Port ${port} is in use: stop what is using it, or set PORT to another port.`)),
    );
    probe.listen(port, () => probe.close(() => done()));
  });
}
