import type { Actor } from './entity.js';
import type { TownSlug } from './towns.js';

export type EntityKind =
  | 'partnership'
  | 'member'
  | 'priority'
  | 'plan'
  | 'action'
  | 'task_group'
  | 'problem'
  | 'meeting'
  | 'indicator'
  | 'join_request'
  | 'seed_fund'
  /** The programme's towns (added, renamed, retired). */
  | 'programme'
  /** A person as the subject of a data-protection request (export, erasure). */
  | 'person'
  /** A file of records taken out of the bot (the board report workbook). */
  | 'export'
  /** Free text kept after the personal-data guard warned, with the person's reason. */
  | 'free_text'
  /** A scan of stored free text with the personal-data guard (npm run scan-personal-data). */
  | 'data_scan'
  /** police.uk open data imported (counts only). */
  | 'crime_data'
  /** The area a town's profile counts. */
  | 'town_area';

/** One change to one record: who, when, what it was before and after. Append-only. */
export interface AuditEvent {
  id: string;
  at: string;
  actor: Actor;
  town: TownSlug | null;
  entity: { kind: EntityKind; id: string; label: string };
  change: string;
  before: unknown;
  after: unknown;
  /** When the retention policy removed `before` and `after` (who and what changed stay). */
  redactedAt?: string;
}

/** Which events' details to remove: those older than a time, or those of one record. */
export type RedactionScope = { olderThan: string } | { entityId: string };

export interface AuditDraft {
  actor: Actor;
  change: string;
  before: unknown;
  after: unknown;
}

export function auditEvent(
  draft: AuditDraft,
  entity: AuditEvent['entity'],
  town: AuditEvent['town'],
  meta: { id: string; at: Date },
): AuditEvent {
  return { id: meta.id, at: meta.at.toISOString(), town, entity, ...draft };
}
