import { newIndicator } from '../domain/indicator.js';
import { newPartnership } from '../domain/partnership.js';
import { SYSTEM_ACTOR } from '../domain/entity.js';
import { TOWNS } from '../domain/towns.js';
import { audit } from './audit-trail.js';
import type { AppContext } from './context.js';

export interface SeedReport {
  inserted: number;
  existing: number;
}

/**
 * The ten towns' partnerships (status forming, with the core membership seats) and their indicator
 * records. Idempotent: what exists is left exactly as it is, so running it twice changes nothing.
 */
export async function seedReferenceData(ctx: AppContext): Promise<SeedReport> {
  const report: SeedReport = { inserted: 0, existing: 0 };
  for (const town of TOWNS) {
    const partnership = newPartnership(town.slug);
    const indicator = newIndicator(town.slug);
    const entity = { id: town.slug, label: town.name };
    const inserted = [
      await ctx.stores.partnerships.insertIfAbsent(
        partnership,
        audit(
          ctx,
          SYSTEM_ACTOR,
          'partnership.seeded',
          { kind: 'partnership', ...entity },
          town.slug,
          null,
          partnership,
        ),
      ),
      await ctx.stores.indicators.insertIfAbsent(
        indicator,
        audit(
          ctx,
          SYSTEM_ACTOR,
          'indicator.seeded',
          { kind: 'indicator', ...entity },
          town.slug,
          null,
          indicator,
        ),
      ),
    ];
    for (const done of inserted) report[done ? 'inserted' : 'existing']++;
  }
  return report;
}
