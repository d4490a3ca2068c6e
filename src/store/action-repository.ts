import type { Db } from 'mongodb';
import { guard } from './driver-errors.js';
import { nextSequence } from './counters.js';
import { compareText } from './order.js';
import { ReadThroughCollection } from './read-through-collection.js';
import {
  formatActionRef,
  headlineOf,
  isOpen,
  normaliseActionRef,
  type Action,
  type ActionHeadline,
} from '../domain/action.js';
import { ALL_TOWNS, TOWNS, type TownSlug } from '../domain/towns.js';
import { dueOrMilestoneBy } from '../domain/reminder-policy.js';
import type { EntryBudget } from './entry-budget.js';
import type { ReadModel } from './read-model.js';
import type { ActionRepository } from '../app/ports.js';
import type { LocalDate } from '../domain/dates.js';
import type { PersonRef } from '../domain/entity.js';

/**
 * Actions: one document each, read and written by `_id`. Lists come from a read model of headlines per
 * town (ReadModel, with snapshots), which every write keeps current through the town's change log.
 */
export class MongoActionRepository extends ReadThroughCollection<Action> implements ActionRepository {
  private readonly model: ReadModel<Action, ActionHeadline>;

  constructor(
    private readonly db: Db,
    budget: EntryBudget,
  ) {
    super(db, 'actions', ['ownerIds']); // kept for an index until the read models made it unused
    this.model = this.readThrough<ActionHeadline>(budget, {
      partOf: (action) => action.town,
      loadPart: (town) => this.findMany({ town }),
      order: byDueThenRef,
      project: sharedHeadlineOf,
      revive: revivedHeadline,
      snapshots: true,
    });
  }

  nextRef(town: TownSlug): Promise<string> {
    return guard('allocate a reference', async () =>
      formatActionRef(town, await nextSequence(this.db, `action:${town}`)),
    );
  }

  async getByRef(ref: string): Promise<Action | null> {
    const normal = normaliseActionRef(ref);
    const town = ALL_TOWNS.find((t) => normal?.startsWith(`${t.code}-`));
    if (!normal || !town) return null;
    const headline = refsOf(await this.listByTown(town.slug)).get(normal);
    return headline ? this.get(headline.id) : null;
  }

  listByTown(town: TownSlug): Promise<readonly ActionHeadline[]> {
    return this.readPart(this.model, town);
  }

  async listByOwner(aadObjectId: string, towns: readonly TownSlug[]): Promise<ActionHeadline[]> {
    const lists = await Promise.all([...new Set(towns)].map((town) => this.listByTown(town)));
    return lists.flatMap((list) => ownersOf(list).get(aadObjectId) ?? []).sort(byDueThenRef);
  }

  async listOpenDueBy(date: LocalDate): Promise<Action[]> {
    const due: string[] = [];
    // Not only the soonest due (the list's head): a later action's milestone may fall first.
    for (const town of TOWNS)
      for (const action of await this.listByTown(town.slug))
        if (isOpen(action) && dueOrMilestoneBy(action, date)) due.push(action.id);
    return (await this.getMany(due)).filter((a) => isOpen(a) && dueOrMilestoneBy(a, date)).sort(byDueThenRef);
  }

  getMany(ids: readonly string[]): Promise<Action[]> {
    return this.fetchMany(ids);
  }

  rewriteCopies(town: TownSlug): Promise<void> {
    return guard('rewrite the read model', () => this.model.writeSnapshot(town));
  }
}

/**
 * The headline of a stored action. Values repeated across thousands of actions (town, status, plan,
 * priority, dates, owners) are shared rather than copied per action: the driver decodes each document's
 * strings afresh, and the copies were most of what a town's list cost in memory.
 */
function sharedHeadlineOf(action: ActionHeadline): ActionHeadline {
  return headlineOf(action, (field, value) =>
    field === 'owners' ? (value as PersonRef[]).map(sharedOwner) : SHARED.has(field) ? shared(value) : value,
  );
}

/**
 * A headline read back from a snapshot, its repeated values shared in place: a fresh instance reading
 * 10,000 headlines makes no second copy of each.
 */
function revivedHeadline(headline: ActionHeadline): ActionHeadline {
  const fields = headline as unknown as Record<string, unknown>;
  for (const field of SHARED) if (fields[field] !== undefined) fields[field] = shared(fields[field]);
  if (Array.isArray(headline.owners)) fields['owners'] = headline.owners.map(sharedOwner);
  return headline;
}

const SHARED = new Set(['town', 'planId', 'priorityId', 'taskGroupId', 'dueDate', 'snoozedUntil', 'status']);
const sharedValues = new Map<unknown, unknown>();
const sharedOwners = new Map<string, PersonRef>();
const MAX_SHARED = 100_000; // a ceiling, in case some field is more varied than expected

function shared<V>(value: V): V {
  if (typeof value !== 'string') return value;
  const known = sharedValues.get(value);
  if (known !== undefined) return known as V;
  if (sharedValues.size >= MAX_SHARED) sharedValues.clear();
  sharedValues.set(value, value);
  return value;
}

function sharedOwner(owner: PersonRef): PersonRef {
  const key = `${owner.aadObjectId}\u0000${owner.displayName}`;
  let known = sharedOwners.get(key);
  if (!known) {
    if (sharedOwners.size >= MAX_SHARED) sharedOwners.clear();
    known = Object.freeze({ aadObjectId: owner.aadObjectId, displayName: owner.displayName });
    sharedOwners.set(key, known);
  }
  return known;
}

/** Indexes kept with the list they index (the same array until the town changes). */
const owners = new WeakMap<readonly ActionHeadline[], Map<string, ActionHeadline[]>>();
const refs = new WeakMap<readonly ActionHeadline[], Map<string, ActionHeadline>>();

function ownersOf(actions: readonly ActionHeadline[]): Map<string, ActionHeadline[]> {
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

function refsOf(actions: readonly ActionHeadline[]): Map<string, ActionHeadline> {
  let index = refs.get(actions);
  if (!index) {
    index = new Map(actions.map((a) => [a.ref, a]));
    refs.set(actions, index);
  }
  return index;
}

/** The order MongoDB sorts `{dueDate: 1, ref: 1}` in: plain code-unit comparison, no collation. */
function byDueThenRef(a: Pick<Action, 'dueDate' | 'ref'>, b: Pick<Action, 'dueDate' | 'ref'>): number {
  return compareText(a.dueDate, b.dueDate) || compareText(a.ref, b.ref);
}
