import type { Db } from 'mongodb';
import { guard } from './driver-errors.js';
import { nextSequence } from './counters.js';
import { VersionedCollection } from './versioned-collection.js';
import { formatActionRef, normaliseActionRef, OPEN_STATUSES, type Action } from '../domain/action.js';
import { TOWNS, type TownSlug } from '../domain/towns.js';
import type { ActionRepository } from '../app/ports.js';
import type { LocalDate } from '../domain/dates.js';

export class MongoActionRepository extends VersionedCollection<Action> implements ActionRepository {
  constructor(private readonly db: Db) {
    // ownerIds: a flat array so "my actions" is one multikey index lookup.
    super(db, 'actions', {
      indexFields: { keys: ['ownerIds'], derive: (a) => ({ ownerIds: a.owners.map((o) => o.aadObjectId) }) },
    });
  }

  nextRef(town: TownSlug): Promise<string> {
    return guard('allocate a reference', async () =>
      formatActionRef(town, await nextSequence(this.db, `action:${town}`)),
    );
  }

  async getByRef(ref: string): Promise<Action | null> {
    const normal = normaliseActionRef(ref);
    const town = TOWNS.find((t) => normal?.startsWith(`${t.code}-`));
    if (!normal || !town) return null;
    return (await this.findMany({ town: town.slug, ref: normal }))[0] ?? null;
  }

  listByTown(town: TownSlug): Promise<Action[]> {
    return this.findMany({ town }, { dueDate: 1, ref: 1 });
  }

  listByOwner(aadObjectId: string): Promise<Action[]> {
    return this.findMany({ ownerIds: aadObjectId }, { dueDate: 1, ref: 1 });
  }

  listOpenDueBy(date: LocalDate): Promise<Action[]> {
    return this.findMany(
      { status: { $in: [...OPEN_STATUSES] }, dueDate: { $lte: date } },
      { dueDate: 1, ref: 1 },
    );
  }
}
