import type { Collection, Db } from 'mongodb';
import { guard } from './driver-errors.js';
import { AUDIT_COLLECTION } from './versioned-collection.js';
import type { AuditLog } from '../app/ports.js';
import type { AuditEvent, RedactionScope } from '../domain/audit.js';
import type { TownSlug } from '../domain/towns.js';

type AuditDoc = Omit<AuditEvent, 'id'> & { _id: string; entityVersion?: number };

/**
 * The append-only audit trail. Events of record changes are written by the versioned collections; this
 * reads them, appends events that go with no write, and removes details when the retention policy says.
 */
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

  pageForEntity(entityId: string, page: { skip: number; limit: number }): Promise<AuditEvent[]> {
    return guard('read the audit trail', async () =>
      (
        await this.col
          .find({ 'entity.id': entityId })
          .sort({ entityVersion: -1, at: -1, _id: -1 })
          .skip(page.skip)
          .limit(page.limit)
          .toArray()
      ).map(strip),
    );
  }

  listByTown(town: TownSlug, limit: number): Promise<AuditEvent[]> {
    return guard('read the audit trail', async () =>
      (await this.col.find({ town }).sort({ at: -1, _id: -1 }).limit(limit).toArray()).map(strip),
    );
  }

  append(event: AuditEvent): Promise<void> {
    return guard('write the audit trail', async () => {
      const { id, ...rest } = event;
      await this.col.insertOne({ _id: id, ...rest });
    });
  }

  redactDetails(scope: RedactionScope, at: string): Promise<number> {
    return guard('apply the retention policy to the audit trail', async () => {
      const which = 'olderThan' in scope ? { at: { $lt: scope.olderThan } } : { 'entity.id': scope.entityId };
      // Details already null (a redaction's own event) need no change: a rerun finds nothing to do.
      const result = await this.col.updateMany(
        {
          ...which,
          redactedAt: { $exists: false },
          $or: [{ before: { $ne: null } }, { after: { $ne: null } }],
        },
        { $set: { before: null, after: null, redactedAt: at } },
      );
      return result.modifiedCount;
    });
  }
}

function strip({ _id, entityVersion: _version, ...event }: AuditDoc): AuditEvent {
  return { ...event, id: _id };
}
