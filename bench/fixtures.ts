// Benchmark data sets, loaded in bulk: the ten partnerships, a coordinator and owners in every town, a plan
// with a priority, and N actions per town. Records are written in the documents' stored shape (what the
// repositories write: `_id`, the fields, derived index fields, `_rev`) with insertMany, because writing
// 100,000 actions one revision at a time would take the benchmark longer than measuring it.
import { refreshReadModels } from '../src/store/refresh-read-models.js';
import type { Db, Document } from 'mongodb';
import { completeAction, type Action, type ActionStatus } from '../src/domain/action.js';
import { addDays, type LocalDate } from '../src/domain/dates.js';
import { SYSTEM_ACTOR } from '../src/domain/entity.js';
import { newMember, type Member } from '../src/domain/member.js';
import { newPlan } from '../src/domain/plan.js';
import { newPriority } from '../src/domain/priority.js';
import { TOWNS, type TownSlug } from '../src/domain/towns.js';
import { seedReferenceData } from '../src/app/seed-reference-data.js';
import type { AppContext } from '../src/app/context.js';
import { DEMO_PEOPLE } from '../src/app/demo-data.js';

export const COORDINATOR = {
  id: '29:bench-coordinator',
  // The demo coordinator's id: the bench runs the bot in local mode, where the tabs act as that person.
  aadObjectId: DEMO_PEOPLE[0]!.aadObjectId,
  name: 'Bench Coordinator',
  email: 'coordinator@bench.invalid',
};

export interface BenchOwner {
  id: string;
  aadObjectId: string;
  name: string;
  town: TownSlug;
  actions: number;
}

export interface Fixture {
  actionsPerTown: number;
  owners: BenchOwner[];
  /** Per town, the ids of the actions the status-update scenario cycles through (all start in progress). */
  updatable: Map<TownSlug, { id: string; ref: string }[]>;
}

const BATCH = 1000;
const pad = (n: number, width = 6) => String(n).padStart(width, '0');

function stored<T extends { id: string }>(record: T, derived: Document = {}): Document {
  const { id, ...fields } = record;
  return { _id: id, ...fields, ...derived, _rev: 'bench-load' };
}

async function insertAll(db: Db, collection: string, docs: Document[]): Promise<void> {
  for (let i = 0; i < docs.length; i += BATCH)
    await db.collection(collection).insertMany(docs.slice(i, i + BATCH));
}

/**
 * Adds actions to reach `actionsPerTown` in every town (so data sets grow 1k -> 10k -> 100k in one database).
 * `dueShare` of the new actions are due before today (reminder candidates), spread over owners.
 */
export async function loadFixtures(
  db: Db,
  ctx: AppContext,
  spec: { actionsPerTown: number; dueShare: number; actionsPerOwner: number; today: LocalDate },
  previous?: Fixture,
): Promise<Fixture> {
  const fresh = !previous;
  if (fresh) await seedReferenceData(ctx);
  const from = previous?.actionsPerTown ?? 0;
  const owners: BenchOwner[] = [...(previous?.owners ?? [])];
  const updatable = previous?.updatable ?? new Map<TownSlug, { id: string; ref: string }[]>();
  const members: Member[] = [];
  const actions: Document[] = [];
  const now = ctx.clock.now();
  for (const [t, town] of TOWNS.entries()) {
    const planId = `bench-plan-${town.slug}`;
    const priorityId = `bench-priority-${town.slug}`;
    if (fresh) {
      const plan = newPlan(
        {
          town: town.slug,
          title: `Safer ${town.name} bench plan`,
          periodStart: addDays(spec.today, -365),
          periodEnd: addDays(spec.today, 700),
        },
        planId,
      );
      const priority = newPriority(
        {
          town: town.slug,
          planId,
          title: 'Reduce anti-social behaviour',
          theme: 'ASB',
          source: 'county_priority',
        },
        priorityId,
      );
      if (!plan.ok || !priority.ok) throw new Error('bench fixtures are invalid');
      await insertAll(db, 'plans', [stored(plan.value)]);
      await insertAll(db, 'priorities', [stored(priority.value)]);
      const seat = newMember(
        {
          town: town.slug,
          aadObjectId: COORDINATOR.aadObjectId,
          displayName: COORDINATOR.name,
          email: COORDINATOR.email,
          organisation: 'Council',
          partnershipRole: 'community_safety_officer',
          accessRole: 'coordinator',
        },
        `bench-seat-${town.slug}-coordinator`,
      );
      if (!seat.ok) throw new Error('bench fixtures are invalid');
      members.push(seat.value);
    }
    const townOwners = owners.filter((o) => o.town === town.slug);
    const pool = updatable.get(town.slug) ?? [];
    for (let n = from + 1; n <= spec.actionsPerTown; n++) {
      let owner = townOwners.at(-1);
      if (!owner || owner.actions >= spec.actionsPerOwner) {
        const i = townOwners.length + 1;
        owner = {
          id: `29:bench-${town.code}-${i}`,
          aadObjectId: `00000000-0000-4000-9${pad(t, 3)}-${pad(i, 12)}`,
          name: `Owner ${town.code} ${i}`,
          town: town.slug,
          actions: 0,
        };
        townOwners.push(owner);
        owners.push(owner);
        const seat = newMember(
          {
            town: town.slug,
            aadObjectId: owner.aadObjectId,
            displayName: owner.name,
            email: `owner-${town.code.toLowerCase()}-${i}@bench.invalid`,
            organisation: 'Police',
            partnershipRole: 'police_beat_manager',
            accessRole: 'member',
          },
          `bench-seat-${town.slug}-${i}`,
        );
        if (!seat.ok) throw new Error('bench fixtures are invalid');
        members.push(seat.value);
      }
      owner.actions++;
      const due = (n * 7919) % 1000 < spec.dueShare * 1000;
      const status: ActionStatus = n % 10 === 0 ? 'in_progress' : n % 10 === 1 ? 'done' : 'not_started';
      const action: Action = completeAction(
        {
          town: town.slug,
          planId,
          priorityId,
          taskGroupId: null,
          title: `Bench action ${n} patrols in the town centre`,
          measure: 'Patrols completed',
          target: '12 patrols',
          owners: [{ aadObjectId: owner.aadObjectId, displayName: owner.name }],
          // Overdue by 1-7 days: owners are reminded, nobody is escalated (one coordinator could not be
          // sent thousands of escalations within Teams' per-conversation limits anyway).
          dueDate: due ? addDays(spec.today, -((n % 7) + 1)) : addDays(spec.today, (n % 600) + 1),
          status: due && status === 'done' ? 'not_started' : status,
          blockedReason: null,
          notes: [],
          demo: false,
        },
        { id: `bench-${town.slug}-${pad(n)}`, ref: `${town.code}-${pad(n, 3)}`, now, actor: SYSTEM_ACTOR },
      );
      if (action.status === 'in_progress' && !due && pool.length < 500)
        pool.push({ id: action.id, ref: action.ref });
      actions.push(stored(action));
    }
    updatable.set(town.slug, pool);
    await db
      .collection('counters')
      .updateOne(
        { _id: `action:${town.slug}` as never },
        { $max: { seq: spec.actionsPerTown } },
        { upsert: true },
      );
  }
  await insertAll(
    db,
    'members',
    members.map((m) => stored(m)),
  );
  await insertAll(db, 'actions', actions);
  // A bulk load bypasses the stores, so it gives the documented signal itself: running bots then reload.
  await refreshReadModels(db);
  return { actionsPerTown: spec.actionsPerTown, owners, updatable };
}
