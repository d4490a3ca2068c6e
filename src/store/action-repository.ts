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
    // ownerIds: a flat array so "my actions" is one multikey index lookup on MongoDB. Reads come from an
    // in-memory copy per town, kept current by each town's stamp (see PartitionCache).
    super(db, 'actions', {
      indexFields: { keys: ['ownerIds'], derive: (a) => ({ ownerIds: a.owners.map((o) => o.aadObjectId) }) },
      cache: { partOf: (stored) => String(stored['town']) },
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
    return (await this.listByTown(town.slug)).find((a) => a.ref === normal) ?? null;
  }

  listByTown(town: TownSlug): Promise<readonly Action[]> {
    return this.sharedPart(town, () => this.loadTown(town));
  }

  async listByOwner(aadObjectId: string): Promise<Action[]> {
    const owned = (await this.everyTown()).filter((a) => a.owners.some((o) => o.aadObjectId === aadObjectId));
    return owned.sort(byDueThenRef);
  }

  async listOpenDueBy(date: LocalDate): Promise<Action[]> {
    const due = (await this.everyTown()).filter((a) => OPEN_STATUSES.includes(a.status) && a.dueDate <= date);
    return due.sort(byDueThenRef);
  }

  private loadTown(town: TownSlug): Promise<Action[]> {
    return this.findMany({ town }, { dueDate: 1, ref: 1 });
  }

  private async everyTown(): Promise<Action[]> {
    const towns = TOWNS.map((t) => t.slug);
    return guard('read records', async () =>
      (
        await this.cache!.readEach(
          towns,
          (some) => this.findMany({ town: { $in: [...some] } }, { dueDate: 1, ref: 1 }),
          (action) => action.town,
        )
      ).flat(),
    );
  }
}

/** The order MongoDB sorts `{dueDate: 1, ref: 1}` in: plain code-unit comparison, no collation. */
function byDueThenRef(a: Action, b: Action): number {
  return compare(a.dueDate, b.dueDate) || compare(a.ref, b.ref);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
