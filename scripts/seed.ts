// `npm run seed [-- --demo]`: the ten towns' partnerships (idempotent); with --demo, clearly marked demo data.
import { loadConfig } from '../src/config.js';
import { seedDemo } from '../src/app/seed-demo.js';
import { seedReferenceData } from '../src/app/seed-reference-data.js';
import { openDatabase } from './open-database.js';
import { parseCli } from './cli.js';
import { usageOf } from './cli-usage.js';

export async function main(args: readonly string[]): Promise<void> {
  const { values } = parseCli(args, { demo: { type: 'boolean', default: false } }, usageOf('seed'));
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
}
