// Repositories whose only query is "all of a town's records".
import type { Db } from 'mongodb';
import type { EntryBudget } from './entry-budget.js';
import { guard } from './driver-errors.js';
import { nextSequence } from './counters.js';
import { ReadThroughCollection } from './read-through-collection.js';
import { VersionedCollection } from './versioned-collection.js';
import { byField } from './order.js';
import type {
  JoinRequestRepository,
  MeetingRepository,
  PartnershipRepository,
  PlanRepository,
  PriorityRepository,
  ProblemRepository,
  TaskGroupRepository,
} from '../app/ports.js';
import type { JoinRequest } from '../domain/join-request.js';
import type { Meeting } from '../domain/meeting.js';
import type { Partnership } from '../domain/partnership.js';
import type { DeliveryPlan } from '../domain/plan.js';
import type { Priority } from '../domain/priority.js';
import type { ProblemPlan } from '../domain/problem.js';
import type { TaskGroup } from '../domain/task-group.js';
import type { TownSlug } from '../domain/towns.js';
import type { Versioned } from '../domain/entity.js';

export class MongoPartnershipRepository
  extends ReadThroughCollection<Partnership>
  implements PartnershipRepository
{
  private readonly model;
  constructor(db: Db, budget: EntryBudget) {
    super(db, 'partnerships');
    this.model = this.readThrough(budget, {
      partOf: () => 'all',
      loadPart: () => this.findMany({}),
      order: byField<Partnership>('id'),
    });
  }
  async list(): Promise<Partnership[]> {
    return [...(await this.readPart(this.model, 'all'))];
  }
}

/**
 * A town's records, read on every summary: held in memory per town, behind each town's change log (see
 * ReadModel), in `order`.
 */
class TownRecords<T extends Versioned & { town: TownSlug }> extends ReadThroughCollection<T> {
  private readonly model;
  constructor(db: Db, name: string, budget: EntryBudget, order: (a: T, b: T) => number) {
    super(db, name);
    this.model = this.readThrough(budget, {
      partOf: (record) => record.town,
      loadPart: (town) => this.findMany({ town }),
      order,
    });
  }
  async listByTown(town: TownSlug): Promise<T[]> {
    return [...(await this.readPart(this.model, town))];
  }
}

export class MongoPlanRepository extends TownRecords<DeliveryPlan> implements PlanRepository {
  constructor(db: Db, budget: EntryBudget) {
    super(db, 'plans', budget, byField<DeliveryPlan>('periodStart', -1));
  }
}

export class MongoPriorityRepository extends VersionedCollection<Priority> implements PriorityRepository {
  constructor(db: Db) {
    super(db, 'priorities');
  }
  listByPlan(planId: string): Promise<Priority[]> {
    return this.findMany({ planId }, { title: 1 });
  }
}

export class MongoTaskGroupRepository extends TownRecords<TaskGroup> implements TaskGroupRepository {
  constructor(db: Db, budget: EntryBudget) {
    super(db, 'task_groups', budget, byField<TaskGroup>('endDate'));
  }
}

export class MongoProblemRepository extends TownRecords<ProblemPlan> implements ProblemRepository {
  constructor(
    private readonly db: Db,
    budget: EntryBudget,
  ) {
    super(db, 'problems', budget, byField<ProblemPlan>('ref'));
  }
  nextSeq(town: TownSlug): Promise<number> {
    return guard('allocate a reference', () => nextSequence(this.db, `problem:${town}`));
  }
}

export class MongoMeetingRepository extends TownRecords<Meeting> implements MeetingRepository {
  constructor(db: Db, budget: EntryBudget) {
    super(db, 'meetings', budget, byField<Meeting>('start'));
  }
}

export class MongoJoinRequestRepository
  extends VersionedCollection<JoinRequest>
  implements JoinRequestRepository
{
  constructor(db: Db) {
    super(db, 'join_requests');
  }
  listPending(town: TownSlug): Promise<JoinRequest[]> {
    return this.findMany({ town, status: 'pending' });
  }
}
