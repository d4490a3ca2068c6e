// `npm run seed [-- --demo]`: the ten towns' partnerships (idempotent); with --demo, clearly marked demo data.
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { seedDemo } from '../src/app/seed-demo.js';
import { seedReferenceData } from '../src/app/seed-reference-data.js';
import { LauncherError } from './local-mongo.js';
import { openDatabase } from './open-database.js';
import { exitWith } from './run-until-signal.js';

try {
  const { values } = parseArgs({ options: { demo: { type: 'boolean', default: false } } });
  const config = loadConfig(process.env);
  const db = await openDatabase(config);
  try {
    const towns = await seedReferenceData(db.ctx);
    console.log(`Towns and partnerships: ${towns.inserted} records added, ${towns.existing} already there.`);
    if (values.demo) {
      const demo = await seedDemo(db.ctx);
      console.log(
        `Demo data (marked "(demo)"): ${demo.inserted} records added, ${demo.existing} already there.`,
      );
    }
    console.log(`Database ${config.MONGODB_DB} at ${db.uri}`);
  } finally {
    await db.close();
  }
} catch (error) {
  exitWith(error, [LauncherError]);
}
