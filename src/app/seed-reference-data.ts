import { newIndicator } from '../domain/indicator.js';
import { newPartnership } from '../domain/partnership.js';
import { SYSTEM_ACTOR } from '../domain/entity.js';
import { TOWNS } from '../domain/towns.js';
import { audit } from './audit-trail.js';
import type { AuditEvent, EntityKind } from '../domain/audit.js';
import type { Versioned } from '../domain/entity.js';
import type { TownSlug } from '../domain/towns.js';
import type { AppContext } from './context.js';

export interface SeedReport {
  inserted: number;
  existing: number;
}

/** The audit event of a record the seed creates. */
export function seeded(
  ctx: AppContext,
  kind: EntityKind,
  record: Versioned,
  label: string,
  town: TownSlug | 'county',
): AuditEvent {
  const entity = { kind, id: record.id, label };
  return audit(ctx, {
    actor: SYSTEM_ACTOR,
    change: `${kind}.seeded`,
    entity,
    town,
    before: null,
    after: record,
  });
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
    const inserted = [
      await ctx.stores.partnerships.insertIfAbsent(
        partnership,
        seeded(ctx, 'partnership', partnership, town.name, town.slug),
      ),
      await ctx.stores.indicators.insertIfAbsent(
        indicator,
        seeded(ctx, 'indicator', indicator, town.name, town.slug),
      ),
    ];
    for (const done of inserted) report[done ? 'inserted' : 'existing']++;
  }
  return report;
}
