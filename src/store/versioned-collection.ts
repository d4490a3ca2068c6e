import type { Collection, Db, Document, Filter } from 'mongodb';
import { AppError, ErrorCode } from '../errors.js';
import { guard, isDuplicateKey } from './driver-errors.js';
import { revisionId, revisionsOf, type RevisionDoc } from './revisions.js';
import type { UpdateOutcome, VersionedStore } from '../app/ports.js';
import type { AuditEvent } from '../domain/audit.js';
import type { Versioned } from '../domain/entity.js';

export const AUDIT_COLLECTION = 'audit_events';
/** A write still unapplied after this long is taken to have lost its writer, and is finished by another. */
export const REVISION_LEASE_MS = 60_000;

export interface CollectionOptions<T> {
  /** Fields kept only for indexes (e.g. owner ids), derived from the record on every write. */
  indexFields?: { keys: readonly string[]; derive: (record: T) => Record<string, unknown> };
}

/**
 * Versioned records written with their audit events, safely, without multi-document transactions.
 * A write (1) claims version v+1 by inserting its revision (the record and audit event), which at most one
 * writer can do; (2) applies it to the record; (3) copies the audit event to the audit log; (4) marks the
 * revision applied. Steps 2-4 are idempotent, so a write whose process died after step 1 is finished by
 * `recoverPendingWrites` (at start-up, or by any writer that meets it after the lease). A stale version
 * loses at step 1 and changes nothing. Records carry `_rev`, the audit id of the write that made them.
 */
export class VersionedCollection<T extends Versioned> implements VersionedStore<T> {
  protected readonly col: Collection<Document>;
  private readonly revisions: Collection<RevisionDoc>;
  private readonly audit: Collection<Document>;

  constructor(
    db: Db,
    readonly name: string,
    private readonly options: CollectionOptions<T> = {},
  ) {
    this.col = db.collection(name);
    this.revisions = revisionsOf(db);
    this.audit = db.collection(AUDIT_COLLECTION);
  }

  get(id: string): Promise<T | null> {
    return guard('read a record', async () => {
      const doc = await this.col.findOne({ _id: id as never });
      return doc ? this.fromDoc(doc) : null;
    });
  }

  insert(record: T, audit: AuditEvent): Promise<void> {
    return guard('save the record', async () => {
      const revision = this.revision({ ...record, version: 1 }, audit);
      if (!(await this.claim(revision))) throw duplicate();
      try {
        await this.col.insertOne({ _id: record.id as never, ...revision.record });
      } catch (error) {
        await this.revisions.deleteOne({ _id: revision._id }); // release our claim: nothing was written
        if (isDuplicateKey(error)) throw duplicate(error);
        throw error;
      }
      await this.finish(revision, audit);
    });
  }

  async insertIfAbsent(record: T, audit: AuditEvent): Promise<boolean> {
    if (await this.get(record.id)) return false;
    try {
      await this.insert(record, audit);
      return true;
    } catch (error) {
      if (error instanceof AppError && error.code === ErrorCode.Duplicate && (await this.get(record.id)))
        return false;
      throw error;
    }
  }

  update(next: T, expectedVersion: number, audit: AuditEvent): Promise<UpdateOutcome<T>> {
    return guard('save the change', async () => {
      const stored = { ...next, version: expectedVersion + 1 };
      const revision = this.revision(stored, audit);
      if (!(await this.claim(revision))) return this.staleOutcome(next.id);
      const applied = await this.apply(revision);
      if (applied !== 'applied') {
        await this.revisions.deleteOne({ _id: revision._id }); // a version that never existed: release it
        return applied === 'missing' ? { kind: 'not_found' } : this.staleOutcome(next.id);
      }
      await this.finish(revision, audit);
      return { kind: 'updated', value: stored };
    });
  }

  /** Finishes writes whose writer died between claiming and finishing (older than the lease). */
  async recoverPendingWrites(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - REVISION_LEASE_MS).toISOString();
    let recovered = 0;
    const pending = this.revisions
      .find({ collection: this.name, applied: false, at: { $lt: cutoff } })
      .sort({ version: 1 });
    for await (const revision of pending) {
      const applied = await this.apply(revision);
      if (applied === 'applied' && revision.audit) await this.finish(revision, revision.audit);
      else await this.revisions.deleteOne({ _id: revision._id });
      recovered++;
    }
    return recovered;
  }

  protected findMany(filter: Filter<Document>, sort: Record<string, 1 | -1> = { _id: 1 }): Promise<T[]> {
    return guard('read records', async () =>
      (await this.col.find(filter).sort(sort).toArray()).map((d) => this.fromDoc(d)),
    );
  }

  private revision(record: T, audit: AuditEvent): RevisionDoc & { record: Document } {
    const { id, ...fields } = record;
    return {
      _id: revisionId(this.name, id, record.version),
      collection: this.name,
      recordId: id,
      version: record.version,
      record: { ...fields, ...this.options.indexFields?.derive(record), _rev: audit.id },
      audit,
      at: new Date().toISOString(),
      applied: false,
    };
  }

  private async claim(revision: RevisionDoc): Promise<boolean> {
    try {
      await this.revisions.insertOne(revision);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** Writes a claimed revision onto the record; idempotent. */
  private async apply(revision: RevisionDoc): Promise<'applied' | 'missing' | 'stale'> {
    const fields = revision.record;
    if (!fields) return 'applied';
    const id = revision.recordId as never;
    if (revision.version === 1) {
      try {
        await this.col.insertOne({ _id: id, ...fields });
        return 'applied';
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    } else {
      const { matchedCount } = await this.col.updateOne(
        { _id: id, version: revision.version - 1 },
        { $set: fields },
      );
      if (matchedCount === 1) return 'applied';
    }
    // Nothing matched: someone finished this revision already, or it claimed a version that never was.
    const current = await this.col.findOne({ _id: id }, { projection: { _rev: 1 } });
    if (!current) return 'missing';
    return current._rev === fields._rev ? 'applied' : 'stale';
  }

  private async finish(revision: RevisionDoc, audit: AuditEvent): Promise<void> {
    try {
      // entityVersion orders one record's trail even when two changes share a millisecond.
      await this.audit.insertOne({ ...audit, _id: audit.id as never, entityVersion: revision.version });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error; // already copied by an earlier, interrupted finish
    }
    await this.revisions.updateOne(
      { _id: revision._id },
      { $set: { applied: true }, $unset: { record: '', audit: '' } },
    );
  }

  /** The current record; if another write has claimed a newer version but not applied it yet, that one. */
  private async staleOutcome(id: string): Promise<UpdateOutcome<T>> {
    const latest = await this.revisions
      .find({ collection: this.name, recordId: id })
      .sort({ version: -1 })
      .limit(1)
      .next();
    if (latest?.record && !latest.applied)
      return { kind: 'stale', current: this.fromDoc({ ...latest.record, _id: id }) };
    const current = await this.get(id);
    return current ? { kind: 'stale', current } : { kind: 'not_found' };
  }

  protected fromDoc(doc: Document): T {
    const { _id, _rev: _writtenBy, ...fields } = doc;
    for (const key of this.options.indexFields?.keys ?? []) delete fields[key];
    return { ...fields, id: _id as string } as T;
  }
}

function duplicate(cause?: unknown): AppError {
  return new AppError(ErrorCode.Duplicate, 'That record already exists', { cause });
}
