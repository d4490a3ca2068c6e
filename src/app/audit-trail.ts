import { auditEvent, type AuditEvent, type EntityKind } from '../domain/audit.js';
import type { Actor } from '../domain/entity.js';
import type { MembershipScope } from '../domain/member.js';
import type { AppContext } from './context.js';

export interface Change {
  actor: Actor;
  /** What happened, as `<entity>.<verb>`: action.created, action.status, plan.seeded ... */
  change: string;
  entity: { kind: EntityKind; id: string; label: string };
  town: MembershipScope | null;
  /** What changed: the fields before and after (null before a creation). */
  before: unknown;
  after: unknown;
}

/** Builds the audit event that travels with a write. */
export function audit(ctx: AppContext, c: Change): AuditEvent {
  const { entity, town, ...draft } = c;
  return auditEvent(draft, entity, town, { id: ctx.ids.newId(), at: ctx.clock.now() });
}
