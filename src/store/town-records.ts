// Repositories whose only query is "all of a town's records".
import type { Db, Document } from 'mongodb';
import { guard } from './driver-errors.js';
import { nextSequence } from './counters.js';
import { VersionedCollection } from './versioned-collection.js';
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

/** Read on every summary: kept in memory per town (see PartitionCache). */
const BY_TOWN = { cache: { partOf: (stored: Document) => String(stored['town']) } };

export class MongoPartnershipRepository
  extends VersionedCollection<Partnership>
  implements PartnershipRepository
{
  constructor(db: Db) {
    super(db, 'partnerships', { cache: { partOf: () => 'all' } });
  }
  list(): Promise<Partnership[]> {
    return this.cachedPart('all', () => this.findMany({}));
  }
}

export class MongoPlanRepository extends VersionedCollection<DeliveryPlan> implements PlanRepository {
  constructor(db: Db) {
    super(db, 'plans', BY_TOWN);
  }
  listByTown(town: TownSlug): Promise<DeliveryPlan[]> {
    return this.cachedPart(town, () => this.findMany({ town }, { periodStart: -1 }));
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

export class MongoTaskGroupRepository extends VersionedCollection<TaskGroup> implements TaskGroupRepository {
  constructor(db: Db) {
    super(db, 'task_groups', BY_TOWN);
  }
  listByTown(town: TownSlug): Promise<TaskGroup[]> {
    return this.cachedPart(town, () => this.findMany({ town }, { endDate: 1 }));
  }
}

export class MongoProblemRepository extends VersionedCollection<ProblemPlan> implements ProblemRepository {
  constructor(private readonly db: Db) {
    super(db, 'problems', BY_TOWN);
  }
  nextSeq(town: TownSlug): Promise<number> {
    return guard('allocate a reference', () => nextSequence(this.db, `problem:${town}`));
  }
  listByTown(town: TownSlug): Promise<ProblemPlan[]> {
    return this.cachedPart(town, () => this.findMany({ town }, { ref: 1 }));
  }
}

export class MongoMeetingRepository extends VersionedCollection<Meeting> implements MeetingRepository {
  constructor(db: Db) {
    super(db, 'meetings', BY_TOWN);
  }
  listByTown(town: TownSlug): Promise<Meeting[]> {
    return this.cachedPart(town, () => this.findMany({ town }, { start: 1 }));
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
