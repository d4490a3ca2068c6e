// The reference data every install starts from: the programme (seeded with the ten Safer Towns) and each
// active town's partnership and indicator.
import { TOWNS } from '../domain/towns.js';
import { ensureProgramme } from './programme.js';
import { seedTownRecords, type SeedReport } from './seeded.js';
import type { AppContext } from './context.js';

/**
 * Each active town's partnership (status forming, with the programme's core membership seats) and its
 * indicator record. Idempotent: what exists is left exactly as it is, so running it twice changes nothing.
 */
export async function seedReferenceData(ctx: AppContext): Promise<SeedReport> {
  const programme = await ensureProgramme(ctx);
  const report: SeedReport = { inserted: 0, existing: 0 };
  for (const town of TOWNS) {
    const inserted = await seedTownRecords(ctx, town, programme);
    for (const done of inserted) report[done ? 'inserted' : 'existing']++;
  }
  return report;
}
