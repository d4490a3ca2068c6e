// What the seeds write: each record with the audit event of its creation by the system.
import { AppError } from '../errors.js';
import type { Validated } from '../domain/result.js';
import { newIndicator } from '../domain/indicator.js';
import { newPartnership } from '../domain/partnership.js';
import { SYSTEM_ACTOR } from '../domain/entity.js';
import { audit } from './audit-trail.js';
import type { AuditEvent, EntityKind } from '../domain/audit.js';
import type { Versioned } from '../domain/entity.js';
import type { Programme } from '../domain/programme.js';
import type { Town, TownSlug } from '../domain/towns.js';
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
  town: TownSlug,
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

/** A town's partnership and indicator, unless they exist; whether each was inserted. */
export async function seedTownRecords(
  ctx: AppContext,
  town: Town,
  programme: Pick<Programme, 'coreRoles' | 'indicatorQuestion'>,
): Promise<boolean[]> {
  const partnership = newPartnership(town.slug, programme.coreRoles);
  const indicator = newIndicator(town.slug, programme.indicatorQuestion);
  return [
    await ctx.stores.partnerships.insertIfAbsent(
      partnership,
      seeded(ctx, 'partnership', partnership, town.name, town.slug),
    ),
    await ctx.stores.indicators.insertIfAbsent(
      indicator,
      seeded(ctx, 'indicator', indicator, town.name, town.slug),
    ),
  ];
}

/** Demo data is ours: if it fails validation, that is a bug to see at once, not a user error. */
export function must<T>(result: Validated<T>): T {
  if (!result.ok)
    throw AppError.internal(
      `demo data is invalid: ${result.error.map((e) => `${e.field}: ${e.message}`).join('; ')}`,
    );
  return result.value;
}
