// The ports use cases talk through. Adapters (src/store, test/fakes, ...) implement them.
import type { Action, ActionHeadline } from '../domain/action.js';
import type { AuditEvent, RedactionScope } from '../domain/audit.js';
import type { PersonKeys, Pseudonym } from '../domain/person-records.js';
import type { ConversationRef } from '../domain/conversation.js';
import type { LocalDate } from '../domain/dates.js';
import type { Versioned } from '../domain/entity.js';
import type { Indicator } from '../domain/indicator.js';
import type { JoinRequest } from '../domain/join-request.js';
import type { Meeting } from '../domain/meeting.js';
import type { Member, MembershipScope } from '../domain/member.js';
import type { Partnership } from '../domain/partnership.js';
import type { DeliveryPlan } from '../domain/plan.js';
import type { Priority } from '../domain/priority.js';
import type { ProblemPlan } from '../domain/problem.js';
import type { ReminderKey, ReminderRecord } from '../domain/reminder.js';
import type { TaskGroup } from '../domain/task-group.js';
import type { SeedFund } from '../domain/seed-fund.js';
import type { Programme } from '../domain/programme.js';
import type { TownSlug } from '../domain/towns.js';
import type { CrimeDataStore } from './crime-ports.js';

/** Whether the store can be reached now (known without waiting on it: see store/database-health.ts). */
export interface DatabaseStatus {
  available(): boolean;
}

export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  newId(): string;
}

export type UpdateOutcome<T> =
  { kind: 'updated'; value: T } | { kind: 'stale'; current: T } | { kind: 'not_found' };

/**
 * A collection of versioned records. Every write carries its audit event, and the store writes both or
 * neither (as far as the user can tell): no change without its audit trail.
 */
export interface VersionedStore<T extends Versioned> {
  get(id: string): Promise<T | null>;
  /** Throws AppError(duplicate) when the id or another unique key is taken. */
  insert(record: T, audit: AuditEvent): Promise<void>;
  /** Inserts unless a record with this id exists; true when inserted. For idempotent seeding. */
  insertIfAbsent(record: T, audit: AuditEvent): Promise<boolean>;
  /** Stores `next` as version expectedVersion + 1, only if the stored version is still expectedVersion. */
  update(next: T, expectedVersion: number, audit: AuditEvent): Promise<UpdateOutcome<T>>;
}

export interface PartnershipRepository extends VersionedStore<Partnership> {
  list(): Promise<Partnership[]>;
}

export interface MemberRepository extends VersionedStore<Member> {
  listByTown(town: MembershipScope): Promise<Member[]>;
  listByPerson(aadObjectId: string): Promise<Member[]>;
}

export interface PlanRepository extends VersionedStore<DeliveryPlan> {
  listByTown(town: TownSlug): Promise<DeliveryPlan[]>;
}

export interface PriorityRepository extends VersionedStore<Priority> {
  listByPlan(planId: string): Promise<Priority[]>;
}

export interface ActionRepository extends VersionedStore<Action> {
  /** Allocates the next human reference for the town (TRU-001, TRU-002, ...); never reused. */
  nextRef(town: TownSlug): Promise<string>;
  getByRef(ref: string): Promise<Action | null>;
  /**
   * The town's actions as headlines, soonest due first. The same array until the town's actions change, so
   * what is computed from it can be kept with it (see read-models); callers must not change it.
   */
  listByTown(town: TownSlug): Promise<readonly ActionHeadline[]>;
  /** The person's actions (as headlines, soonest due first) in these towns (where they have seats). */
  listByOwner(aadObjectId: string, towns: readonly TownSlug[]): Promise<ActionHeadline[]>;
  /** The actions with these ids that exist, whole, in no particular order. */
  getMany(ids: readonly string[]): Promise<Action[]>;
  /**
   * Rewrites now any stored copy of the town's lists (a read model's snapshot), so that text just removed
   * from its actions (retention) survives nowhere in the database.
   */
  rewriteCopies(town: TownSlug): Promise<void>;
  /** Open actions (not started, in progress, blocked) due on or before the date: the reminder candidates. */
  listOpenDueBy(date: LocalDate): Promise<Action[]>;
}

export interface TaskGroupRepository extends VersionedStore<TaskGroup> {
  listByTown(town: TownSlug): Promise<TaskGroup[]>;
}

export interface ProblemRepository extends VersionedStore<ProblemPlan> {
  nextSeq(town: TownSlug): Promise<number>;
  listByTown(town: TownSlug): Promise<ProblemPlan[]>;
}

export interface MeetingRepository extends VersionedStore<Meeting> {
  listByTown(town: TownSlug): Promise<Meeting[]>;
}

type IndicatorRepository = VersionedStore<Indicator>;
type SeedFundStore = VersionedStore<SeedFund>;

export interface AuditLog {
  listForEntity(entityId: string): Promise<AuditEvent[]>;
  /** One page of a record's trail, newest first: `skip` events in, at most `limit`. */
  pageForEntity(entityId: string, page: { skip: number; limit: number }): Promise<AuditEvent[]>;
  listByTown(town: TownSlug, limit: number): Promise<AuditEvent[]>;
  /** An event that goes with no record write (a subject access export, a report taken out). */
  append(event: AuditEvent): Promise<void>;
  /**
   * Retention: empties `before` and `after` of the events in scope not yet redacted, and stamps them
   * `redactedAt`; the count of events changed. The one change the append-only trail allows.
   */
  redactDetails(scope: RedactionScope, at: string): Promise<number>;
}

export interface ReminderRecords {
  /** Claims a reminder for `owner` until `leaseUntil`; true if it is ours (new, or an expired claim taken over). */
  claim(key: ReminderKey, owner: string, now: Date, leaseUntil: Date): Promise<boolean>;
  /** Records the send; false if the claim was no longer ours. */
  markSent(key: ReminderKey, owner: string, at: Date): Promise<boolean>;
  markFailed(key: ReminderKey, owner: string, error: string): Promise<boolean>;
  get(key: ReminderKey): Promise<ReminderRecord | null>;
}

export interface JoinRequestRepository extends VersionedStore<JoinRequest> {
  listPending(town: TownSlug): Promise<JoinRequest[]>;
}

/** Where an action's card was posted (channel copies), so it can be updated in place for everyone. */
export interface CardPost {
  /** The record the card shows: an action's id or a meeting's id. */
  actionId: string;
  conversationId: string;
  activityId: string;
}

export interface CardPosts {
  save(post: CardPost): Promise<void>;
  /** The copy of the record's card in one conversation (a lookup by key). */
  find(actionId: string, conversationId: string): Promise<CardPost | null>;
  listFor(actionId: string): Promise<CardPost[]>;
}

/**
 * Activities already taken, by key: Teams and the Bot Connector may deliver the same activity twice (a retry
 * after a timeout), and a card action that creates something must not create it twice.
 */
export interface Deliveries {
  /** True the first time `key` is seen; false for a re-delivery. */
  first(key: string, at: Date): Promise<boolean>;
  /** Forgets deliveries taken before `before` (re-deliveries come within minutes). */
  forgetBefore(before: Date): Promise<number>;
}

/** People's choices about what the bot sends them. */
export interface Preferences {
  digestOptedOut(aadObjectId: string): Promise<boolean>;
  setDigestOptOut(aadObjectId: string, optedOut: boolean): Promise<void>;
}

export interface ConversationRefs {
  upsert(ref: ConversationRef): Promise<void>;
  get(key: string): Promise<ConversationRef | null>;
  /** The person's 1:1 chat with the bot, stored under `personal:<aadObjectId>`. */
  findPersonal(aadObjectId: string): Promise<ConversationRef | null>;
}

/** Everything a use case may need, passed in by the composition root. */
export interface Stores {
  partnerships: PartnershipRepository;
  members: MemberRepository;
  plans: PlanRepository;
  priorities: PriorityRepository;
  actions: ActionRepository;
  taskGroups: TaskGroupRepository;
  problems: ProblemRepository;
  meetings: MeetingRepository;
  indicators: IndicatorRepository;
  seedFund: SeedFundStore;
  /** The programme: its towns, core seats and survey question (one record). */
  programme: VersionedStore<Programme>;
  audit: AuditLog;
  reminders: ReminderRecords;
  conversations: ConversationRefs;
  joinRequests: JoinRequestRepository;
  cardPosts: CardPosts;
  preferences: Preferences;
  deliveries: Deliveries;
  crime: CrimeDataStore;
}

/** A stored document as it is, with the collection it is in: what a subject access export hands over. */
export interface StoredRecord {
  collection: string;
  id: string;
  document: Record<string, unknown>;
}

export interface ErasureCounts {
  /** Documents in which the person was replaced by the pseudonym, by collection. */
  rewritten: Record<string, number>;
  /** Documents that were the person's own (their seats, preferences, conversations), by collection. */
  deleted: Record<string, number>;
}

/**
 * Every stored document, whatever its collection, as the data-protection rights need them: not a
 * repository of one kind of record, so that nothing about a person is missed when a collection is added.
 */
export interface PersonalRecords {
  find(keys: PersonKeys): Promise<StoredRecord[]>;
  erase(keys: PersonKeys, pseudonym: Pseudonym): Promise<ErasureCounts>;
}

export type { CrimeDataStore, CrimeMonthSummary, StoredTownArea } from './crime-ports.js';
