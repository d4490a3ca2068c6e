// In-memory implementations of the store ports, held to the same contract tests as the Mongo ones.
import { memoryCrimeData } from './memory-crime-data.js';
import { AppError, ErrorCode } from '../../src/errors.js';
import {
  formatActionRef,
  headlineOf,
  normaliseActionRef,
  OPEN_STATUSES,
  type Action,
} from '../../src/domain/action.js';
import type { AuditEvent, RedactionScope } from '../../src/domain/audit.js';
import type { ConversationRef } from '../../src/domain/conversation.js';
import type { Versioned } from '../../src/domain/entity.js';
import type { SeedFund } from '../../src/domain/seed-fund.js';
import type { Programme } from '../../src/domain/programme.js';
import type { Indicator } from '../../src/domain/indicator.js';
import type { JoinRequest } from '../../src/domain/join-request.js';
import type { Meeting } from '../../src/domain/meeting.js';
import type { Member } from '../../src/domain/member.js';
import type { Partnership } from '../../src/domain/partnership.js';
import type { DeliveryPlan } from '../../src/domain/plan.js';
import type { Priority } from '../../src/domain/priority.js';
import type { ProblemPlan } from '../../src/domain/problem.js';
import type { ReminderKey, ReminderRecord } from '../../src/domain/reminder.js';
import type { TaskGroup } from '../../src/domain/task-group.js';
import type { TownSlug } from '../../src/domain/towns.js';
import type { CardPost, Stores, UpdateOutcome, VersionedStore } from '../../src/app/ports.js';

const copy = <T>(value: T): T => structuredClone(value);

class MemoryVersioned<T extends Versioned> implements VersionedStore<T> {
  readonly records = new Map<string, T>();

  constructor(
    private readonly auditLog: AuditEvent[],
    private readonly uniqueKeys: ((r: T) => string)[] = [],
  ) {}

  async get(id: string) {
    const r = this.records.get(id);
    return r ? copy(r) : null;
  }

  async insert(record: T, audit: AuditEvent) {
    if (this.records.has(record.id) || this.clashes(record))
      throw new AppError(ErrorCode.Duplicate, 'That record already exists');
    this.records.set(record.id, copy(record));
    this.auditLog.push(copy(audit));
  }

  async insertIfAbsent(record: T, audit: AuditEvent) {
    if (this.records.has(record.id)) return false;
    await this.insert(record, audit);
    return true;
  }

  async update(next: T, expectedVersion: number, audit: AuditEvent): Promise<UpdateOutcome<T>> {
    const current = this.records.get(next.id);
    if (!current) return { kind: 'not_found' };
    if (current.version !== expectedVersion) return { kind: 'stale', current: copy(current) };
    const stored = { ...copy(next), version: expectedVersion + 1 };
    if (this.clashes(stored)) throw new AppError(ErrorCode.Duplicate, 'That would duplicate another record');
    this.records.set(next.id, stored);
    this.auditLog.push(copy(audit));
    return { kind: 'updated', value: copy(stored) };
  }

  protected all(
    filter: (r: T) => boolean,
    order: (a: T, b: T) => number = (a, b) => a.id.localeCompare(b.id),
  ): T[] {
    return [...this.records.values()].filter(filter).sort(order).map(copy);
  }

  private clashes(record: T) {
    return [...this.records.values()].some(
      (r) => r.id !== record.id && this.uniqueKeys.some((key) => key(r) === key(record)),
    );
  }
}

const byDue = (a: Action, b: Action) => a.dueDate.localeCompare(b.dueDate) || a.ref.localeCompare(b.ref);

class MemoryActions extends MemoryVersioned<Action> {
  private readonly seq = new Map<TownSlug, number>();
  constructor(audit: AuditEvent[]) {
    super(audit, [(a) => `${a.town}|${a.ref}`]);
  }
  async nextRef(town: TownSlug) {
    const n = (this.seq.get(town) ?? 0) + 1;
    this.seq.set(town, n);
    return formatActionRef(town, n);
  }
  async getByRef(ref: string) {
    const normal = normaliseActionRef(ref);
    return this.all((a) => a.ref === normal)[0] ?? null;
  }
  async listByTown(town: TownSlug) {
    return this.all((a) => a.town === town, byDue).map((a) => headlineOf(a));
  }
  async listByOwner(aadObjectId: string, towns: readonly TownSlug[]) {
    const owned = (a: Action) =>
      towns.includes(a.town) && a.owners.some((o) => o.aadObjectId === aadObjectId);
    return this.all(owned, byDue).map((a) => headlineOf(a));
  }
  async getMany(ids: readonly string[]) {
    return this.all((a) => ids.includes(a.id));
  }
  async rewriteCopies() {} // it keeps no copies
  async listOpenDueBy(date: string) {
    return this.all((a) => OPEN_STATUSES.includes(a.status) && a.dueDate <= date, byDue);
  }
}

class ByTown<T extends Versioned & { town: string }> extends MemoryVersioned<T> {
  async listByTown(town: string) {
    return this.all((r) => r.town === town);
  }
}

class MemoryProblems extends ByTown<ProblemPlan> {
  private readonly seq = new Map<TownSlug, number>();
  async nextSeq(town: TownSlug) {
    const n = (this.seq.get(town) ?? 0) + 1;
    this.seq.set(town, n);
    return n;
  }
}

class MemoryReminders {
  readonly records = new Map<string, ReminderRecord>();
  private key = (k: ReminderKey) => `${k.actionId}|${k.kind}|${k.window}`;
  async claim(key: ReminderKey, owner: string, now: Date, leaseUntil: Date) {
    const existing = this.records.get(this.key(key));
    if (existing && !(existing.state === 'claimed' && existing.leaseUntil < now.toISOString())) return false;
    this.records.set(this.key(key), {
      ...key,
      state: 'claimed',
      claimedBy: owner,
      leaseUntil: leaseUntil.toISOString(),
      sentAt: null,
      error: null,
    });
    return true;
  }
  async markSent(key: ReminderKey, owner: string, at: Date) {
    return this.finish(key, owner, { state: 'sent', sentAt: at.toISOString() });
  }
  async markFailed(key: ReminderKey, owner: string, error: string) {
    return this.finish(key, owner, { state: 'failed', error: error.slice(0, 500) });
  }
  async get(key: ReminderKey) {
    const r = this.records.get(this.key(key));
    return r ? copy(r) : null;
  }
  private finish(key: ReminderKey, owner: string, set: Partial<ReminderRecord>) {
    const r = this.records.get(this.key(key));
    if (!r || r.claimedBy !== owner || r.state !== 'claimed') return false;
    this.records.set(this.key(key), { ...r, ...set });
    return true;
  }
}

export function createMemoryStores(): Stores & { auditEvents: AuditEvent[] } {
  const auditEvents: AuditEvent[] = [];
  const conversations = new Map<string, ConversationRef>();
  const posts = new Map<string, CardPost>();
  const deliveries = new Map<string, number>();
  const optOuts = new Set<string>();
  const members = new (class extends MemoryVersioned<Member> {
    async listByTown(town: string) {
      return this.all(
        (m) => m.town === town,
        (a, b) => a.displayName.localeCompare(b.displayName),
      );
    }
    async listByPerson(aadObjectId: string) {
      return this.all((m) => m.aadObjectId === aadObjectId);
    }
  })(auditEvents, [(m) => `${m.town}|${m.aadObjectId}`]);
  return {
    auditEvents,
    partnerships: new (class extends MemoryVersioned<Partnership> {
      async list() {
        return this.all(() => true);
      }
    })(auditEvents),
    members,
    plans: new ByTown<DeliveryPlan>(auditEvents),
    priorities: new (class extends MemoryVersioned<Priority> {
      async listByPlan(planId: string) {
        return this.all(
          (p) => p.planId === planId,
          (a, b) => a.title.localeCompare(b.title),
        );
      }
    })(auditEvents),
    actions: new MemoryActions(auditEvents),
    taskGroups: new ByTown<TaskGroup>(auditEvents),
    problems: new MemoryProblems(auditEvents, [(p) => `${p.town}|${p.ref}`]),
    meetings: new ByTown<Meeting>(auditEvents),
    indicators: new MemoryVersioned<Indicator>(auditEvents),
    seedFund: new MemoryVersioned<SeedFund>(auditEvents),
    programme: new MemoryVersioned<Programme>(auditEvents),
    audit: {
      async listForEntity(entityId: string) {
        return auditEvents.filter((e) => e.entity.id === entityId).map(copy);
      },
      async pageForEntity(entityId: string, page: { skip: number; limit: number }) {
        return auditEvents
          .filter((e) => e.entity.id === entityId)
          .reverse()
          .slice(page.skip, page.skip + page.limit)
          .map(copy);
      },
      async listByTown(town: TownSlug, limit: number) {
        return auditEvents
          .filter((e) => e.town === town)
          .reverse()
          .slice(0, limit)
          .map(copy);
      },
      async append(event: AuditEvent) {
        auditEvents.push(copy(event));
      },
      async redactDetails(scope: RedactionScope, at: string) {
        const inScope = (e: AuditEvent) =>
          'olderThan' in scope ? e.at < scope.olderThan : e.entity.id === scope.entityId;
        const due = auditEvents.filter(
          (e) => inScope(e) && e.redactedAt === undefined && (e.before !== null || e.after !== null),
        );
        for (const e of due) Object.assign(e, { before: null, after: null, redactedAt: at });
        return due.length;
      },
    },
    reminders: new MemoryReminders(),
    joinRequests: new (class extends MemoryVersioned<JoinRequest> {
      async listPending(town: string) {
        return this.all((r) => r.town === town && r.status === 'pending');
      }
    })(auditEvents),
    preferences: {
      async digestOptedOut(aadObjectId: string) {
        return optOuts.has(aadObjectId);
      },
      async setDigestOptOut(aadObjectId: string, optedOut: boolean) {
        if (optedOut) optOuts.add(aadObjectId);
        else optOuts.delete(aadObjectId);
      },
    },
    deliveries: {
      async first(key: string, at: Date) {
        if (deliveries.has(key)) return false;
        deliveries.set(key, at.getTime());
        return true;
      },
      async forgetBefore(before: Date) {
        let forgotten = 0;
        for (const [key, at] of deliveries)
          if (at < before.getTime()) forgotten += Number(deliveries.delete(key));
        return forgotten;
      },
    },
    crime: memoryCrimeData(),
    cardPosts: {
      async save(post: CardPost) {
        posts.set(`${post.actionId}|${post.conversationId}`, copy(post));
      },
      async find(actionId: string, conversationId: string) {
        const post = posts.get(`${actionId}|${conversationId}`);
        return post ? copy(post) : null;
      },
      async listFor(actionId: string) {
        return [...posts.values()].filter((p) => p.actionId === actionId).map(copy);
      },
    },
    conversations: {
      async upsert(ref: ConversationRef) {
        conversations.set(ref.key, copy(ref));
      },
      async get(key: string) {
        const r = conversations.get(key);
        return r ? copy(r) : null;
      },
      async findPersonal(aadObjectId: string) {
        const r = conversations.get(`personal:${aadObjectId}`);
        return r ? copy(r) : null;
      },
    },
  };
}
