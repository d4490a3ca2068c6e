import type { Db } from 'mongodb';
import { ReadThroughCollection } from './read-through-collection.js';
import { byField } from './order.js';
import type { EntryBudget } from './entry-budget.js';
import type { MemberRepository } from '../app/ports.js';
import type { Member, MembershipScope } from '../domain/member.js';

export class MongoMemberRepository extends ReadThroughCollection<Member> implements MemberRepository {
  private readonly model;

  constructor(db: Db, budget: EntryBudget) {
    // Every turn asks who the sender is: every seat is held in memory, kept current by the change log.
    super(db, 'members');
    this.model = this.readThrough(budget, {
      partOf: () => 'all',
      loadPart: () => this.findMany({}),
      order: byField<Member>('displayName'),
    });
  }

  async listByTown(town: MembershipScope): Promise<Member[]> {
    return [...((await this.index()).byTown.get(town) ?? [])];
  }

  async listByPerson(aadObjectId: string): Promise<Member[]> {
    return [...((await this.index()).byPerson.get(aadObjectId) ?? [])];
  }

  /** Seats by town and by person, by display name, built once per change of the list. */
  private async index(): Promise<SeatIndex> {
    const all = await this.readPart(this.model, 'all');
    let index = indexes.get(all);
    if (!index) {
      index = { byTown: new Map(), byPerson: new Map() };
      for (const seat of all) {
        push(index.byTown, seat.town, seat);
        push(index.byPerson, seat.aadObjectId, seat);
      }
      indexes.set(all, index);
    }
    return index;
  }
}

interface SeatIndex {
  byTown: Map<string, Member[]>;
  byPerson: Map<string, Member[]>;
}

const indexes = new WeakMap<readonly Member[], SeatIndex>();

function push(map: Map<string, Member[]>, key: string, seat: Member): void {
  const list = map.get(key);
  if (list) list.push(seat);
  else map.set(key, [seat]);
}
