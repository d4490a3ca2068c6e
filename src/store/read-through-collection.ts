import { guard } from './driver-errors.js';
import { ReadModel } from './read-model.js';
import { READ_BATCH, VersionedCollection } from './versioned-collection.js';
import type { EntryBudget } from './entry-budget.js';
import type { Versioned } from '../domain/entity.js';

/** How a collection's records are held in its read model. Without `project`, entries are the records. */
export interface ReadThroughSpec<T, E> {
  partOf: (record: T) => string;
  loadPart: (part: string) => Promise<T[]>;
  order: (a: E, b: E) => number;
  project?: (record: T) => E;
  idOf?: (entry: E) => string;
  revive?: (entry: E) => E;
  snapshots?: boolean;
}

/**
 * A versioned collection read through an in-memory read model (see ReadModel), part by part, which every
 * write through it keeps current by logging the change in the record's part.
 */
export class ReadThroughCollection<T extends Versioned> extends VersionedCollection<T> {
  private readModel: { model: ReadModel<T, unknown>; partOf: (record: T) => string } | null = null;

  protected readThrough<E = T>(budget: EntryBudget, spec: ReadThroughSpec<T, E>): ReadModel<T, E> {
    const project = spec.project ?? ((record: T) => record as unknown as E);
    const idOf = spec.idOf ?? ((entry: E) => (entry as unknown as T).id);
    const source = { ...spec, project, idOf, fetch: (ids: readonly string[]) => this.fetchMany(ids) };
    const model = new ReadModel<T, E>(this.database, this.name, source, budget, spec);
    this.readModel = { model, partOf: spec.partOf };
    return model;
  }

  /** A part's entries, through the read model (AppError when the database cannot be read). */
  protected readPart<E>(model: ReadModel<T, E>, part: string): Promise<readonly E[]> {
    return guard('read records', () => model.read(part));
  }

  protected override async afterWrite(record: T): Promise<void> {
    await this.readModel?.model.written(this.readModel.partOf(record), record.id, record);
  }

  /**
   * The documented signal after a change behind the stores' back (see refreshReadModels): the read model's
   * parts made afresh from one read of the collection; the parts signalled.
   */
  async rebuildReadModel(parts: readonly string[]): Promise<number> {
    const readModel = this.readModel;
    if (!readModel) return 0;
    const records = async function* (this: ReadThroughCollection<T>) {
      for await (const doc of this.col.find({}).batchSize(READ_BATCH)) yield this.fromDoc(doc);
    }.call(this);
    return guard('rebuild the read model', () => readModel.model.rebuild(parts, records));
  }
}
