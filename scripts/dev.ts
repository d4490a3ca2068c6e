// `npm run dev`: the local database (started, or reused if `npm run db` is running), seeded with demo data
// when it is empty, kept running until Ctrl-C. The bot's HTTP service joins this in the next slice.
import { loadConfig } from '../src/config.js';
import { seedDemo } from '../src/app/seed-demo.js';
import { seedReferenceData } from '../src/app/seed-reference-data.js';
import { openDatabase } from './open-database.js';
import { runUntilSignal } from './cli.js';

await runUntilSignal(async () => {
  const config = loadConfig(process.env);
  const db = await openDatabase(config);
  const { stores } = db.ctx;
  await seedReferenceData(db.ctx);
  const empty = (
    await Promise.all((await stores.partnerships.list()).map((p) => stores.actions.listByTown(p.town)))
  ).every((a) => a.length === 0);
  if (empty) {
    const demo = await seedDemo(db.ctx);
    console.log(`Empty database: added ${demo.inserted} demo records (marked "(demo)").`);
  }
  const partnerships = await stores.partnerships.list();
  console.log(
    `MONGODB_URI=${db.uri}  database ${config.MONGODB_DB}: ${partnerships.length} Safer Town partnerships ready.`,
  );
  console.log('Ctrl-C stops everything this command started.');
  return () => db.close();
});
