import type { Collection, Document } from 'mongodb';
import { isDuplicateKey, retryBusy } from './driver-errors.js';

/**
 * Sets fields on the document with this _id, creating it if needed. Two first-ever upserts of one _id can
 * race to insert (FerretDB and MongoDB alike); the loser then updates the winner's document.
 */
export async function upsertById<T extends Document>(
  col: Collection<T>,
  _id: string,
  fields: Partial<T>,
): Promise<void> {
  const loose = col as unknown as Collection<Document>; // the driver's typings cannot follow a generic $set
  try {
    await retryBusy(() => loose.updateOne({ _id: _id as never }, { $set: fields }, { upsert: true }));
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    await retryBusy(() => loose.updateOne({ _id: _id as never }, { $set: fields }));
  }
}
