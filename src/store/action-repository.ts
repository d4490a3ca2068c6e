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
    const owned = (await this.everyTown()).flatMap((town) => ownersOf(town).get(aadObjectId) ?? []);
    return owned.sort(byDueThenRef);
  }

  async listOpenDueBy(date: LocalDate): Promise<Action[]> {
    const due = (await this.everyTown())
      .flat()
      .filter((a) => OPEN_STATUSES.includes(a.status) && a.dueDate <= date);
    return due.sort(byDueThenRef);
  }

  private loadTown(town: TownSlug): Promise<Action[]> {
    return this.findMany({ town }, { dueDate: 1, ref: 1 });
  }

  /** Every town's actions, town by town, as the cache holds them. */
  private everyTown(): Promise<(readonly Action[])[]> {
    return guard('read records', () =>
      this.cache!.readEach(
        TOWNS.map((t) => t.slug),
        (some) => this.findMany({ town: { $in: [...some] } }, { dueDate: 1, ref: 1 }),
        (action) => action.town,
      ),
    );
  }
}

/**
 * A town's actions by owner, kept with the cached array they index (the same array until the town
 * changes): "my actions" looks up its owner in ten small maps instead of filtering every action.
 */
const owners = new WeakMap<readonly Action[], Map<string, Action[]>>();

function ownersOf(actions: readonly Action[]): Map<string, Action[]> {
  let index = owners.get(actions);
  if (!index) {
    index = new Map();
    for (const action of actions)
      for (const { aadObjectId } of action.owners) {
        const owned = index.get(aadObjectId);
        if (owned) {
          if (owned.at(-1) !== action) owned.push(action); // an owner named twice counts once
        } else index.set(aadObjectId, [action]);
      }
    owners.set(actions, index);
  }
  return index;
}

/** The order MongoDB sorts `{dueDate: 1, ref: 1}` in: plain code-unit comparison, no collation. */
function byDueThenRef(a: Action, b: Action): number {
  return compare(a.dueDate, b.dueDate) || compare(a.ref, b.ref);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
