import type { Collection, Db } from 'mongodb';
import { guard } from './driver-errors.js';
import { AUDIT_COLLECTION } from './versioned-collection.js';
import type { AuditLog } from '../app/ports.js';
import type { AuditEvent } from '../domain/audit.js';
import type { TownSlug } from '../domain/towns.js';

type AuditDoc = AuditEvent & { _id: string; entityVersion?: number };

/** Read side of the append-only audit trail; events are written by the versioned collections. */
export class MongoAuditLog implements AuditLog {
  private readonly col: Collection<AuditDoc>;

  constructor(db: Db) {
    this.col = db.collection<AuditDoc>(AUDIT_COLLECTION);
  }

  listForEntity(entityId: string): Promise<AuditEvent[]> {
    return guard('read the audit trail', async () =>
      (await this.col.find({ 'entity.id': entityId }).sort({ entityVersion: 1, at: 1 }).toArray()).map(strip),
    );
  }

  listByTown(town: TownSlug, limit: number): Promise<AuditEvent[]> {
    return guard('read the audit trail', async () =>
      (await this.col.find({ town }).sort({ at: -1, _id: -1 }).limit(limit).toArray()).map(strip),
    );
  }
}

function strip({ _id, entityVersion: _version, ...event }: AuditDoc): AuditEvent {
  return { ...event, id: _id };
}
