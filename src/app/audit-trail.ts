import { auditEvent, type AuditEvent, type EntityKind } from '../domain/audit.js';
import type { Actor } from '../domain/entity.js';
import type { TownSlug } from '../domain/towns.js';
import type { AppContext } from './context.js';

/** Builds the audit event that travels with a write. */
export function audit(
  ctx: AppContext,
  actor: Actor,
  change: string,
  entity: { kind: EntityKind; id: string; label: string },
  town: TownSlug | 'county' | null,
  before: unknown,
  after: unknown,
): AuditEvent {
  return auditEvent({ actor, change, before, after }, entity, town, {
    id: ctx.ids.newId(),
    at: ctx.clock.now(),
  });
}
