import type { Collection, Db, Document } from 'mongodb';
import type { AuditEvent } from '../domain/audit.js';

export const REVISIONS_COLLECTION = 'revisions';

/**
 * The claim on one version of one record, and the write-ahead copy of that version and its audit event.
 * Inserting it is the only step that decides who wins: an insert against a unique _id is atomic on every
 * MongoDB-protocol server we support, while FerretDB 1.x runs a conditional update as "query, then write by
 * _id" with nothing in between to stop a second writer (see docs/DATABASE.md).
 */
export interface RevisionDoc {
  _id: string;
  collection: string;
  recordId: string;
  version: number;
  /** The record's stored fields at this version; dropped once applied, to keep claims small. */
  record?: Document;
  audit?: AuditEvent;
  at: string;
  applied: boolean;
}

export const revisionId = (collection: string, recordId: string, version: number) =>
  `${collection}/${recordId}/${version}`;

export function revisionsOf(db: Db): Collection<RevisionDoc> {
  return db.collection<RevisionDoc>(REVISIONS_COLLECTION);
}
