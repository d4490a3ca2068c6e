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

const byTown = (record: { town: string }) => record.town;

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

/** Read on every summary: kept in memory per town, behind each town's change log (see ReadModel). */
export class MongoPlanRepository extends ReadThroughCollection<DeliveryPlan> implements PlanRepository {
  private readonly model;
  constructor(db: Db, budget: EntryBudget) {
    super(db, 'plans');
    this.model = this.readThrough(budget, {
      partOf: byTown,
      loadPart: (town) => this.findMany({ town }),
      order: byField<DeliveryPlan>('periodStart', -1),
    });
  }
  async listByTown(town: TownSlug): Promise<DeliveryPlan[]> {
    return [...(await this.readPart(this.model, town))];
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

export class MongoTaskGroupRepository
  extends ReadThroughCollection<TaskGroup>
  implements TaskGroupRepository
{
  private readonly model;
  constructor(db: Db, budget: EntryBudget) {
    super(db, 'task_groups');
    this.model = this.readThrough(budget, {
      partOf: byTown,
      loadPart: (town) => this.findMany({ town }),
      order: byField<TaskGroup>('endDate'),
    });
  }
  async listByTown(town: TownSlug): Promise<TaskGroup[]> {
    return [...(await this.readPart(this.model, town))];
  }
}

export class MongoProblemRepository extends ReadThroughCollection<ProblemPlan> implements ProblemRepository {
  private readonly model;
  constructor(
    private readonly db: Db,
    budget: EntryBudget,
  ) {
    super(db, 'problems');
    this.model = this.readThrough(budget, {
      partOf: byTown,
      loadPart: (town) => this.findMany({ town }),
      order: byField<ProblemPlan>('ref'),
    });
  }
  nextSeq(town: TownSlug): Promise<number> {
    return guard('allocate a reference', () => nextSequence(this.db, `problem:${town}`));
  }
  async listByTown(town: TownSlug): Promise<ProblemPlan[]> {
    return [...(await this.readPart(this.model, town))];
  }
}

export class MongoMeetingRepository extends ReadThroughCollection<Meeting> implements MeetingRepository {
  private readonly model;
  constructor(db: Db, budget: EntryBudget) {
    super(db, 'meetings');
    this.model = this.readThrough(budget, {
      partOf: byTown,
      loadPart: (town) => this.findMany({ town }),
      order: byField<Meeting>('start'),
    });
  }
  async listByTown(town: TownSlug): Promise<Meeting[]> {
    return [...(await this.readPart(this.model, town))];
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
