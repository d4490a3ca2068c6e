import { completeAction, validateNewAction } from '../domain/action.js';
import { addDays, localDateOf } from '../domain/dates.js';
import { SYSTEM_ACTOR } from '../domain/entity.js';
import { addReading, setBaseline, setTarget } from '../domain/indicator.js';
import { COUNTY, newMember } from '../domain/member.js';
import { newPlan } from '../domain/plan.js';
import { newPriority } from '../domain/priority.js';
import { TOWNS, type Town } from '../domain/towns.js';
import { audit } from './audit-trail.js';
import { DEMO_ACTIONS, DEMO_PEOPLE, DEMO_PLAN, DEMO_PRIORITIES } from './demo-data.js';
import type { Validated } from '../domain/result.js';
import type { AppContext } from './context.js';
import type { SeedReport } from './seed-reference-data.js';

/** How long ago the demo actions were "created": so that some can be overdue today. */
const CREATED_DAYS_AGO = 90;

/** Demo members, plans, priorities, actions and indicator figures for all ten towns. Idempotent. */
export async function seedDemo(ctx: AppContext): Promise<SeedReport> {
  const report: SeedReport = { inserted: 0, existing: 0 };
  const count = (inserted: boolean) => report[inserted ? 'inserted' : 'existing']++;
  const board = DEMO_PEOPLE.filter((p) => p.accessRole === 'board');
  for (const p of board)
    count(await insertMember(ctx, { ...p, town: COUNTY }, `demo-county-${p.aadObjectId}`));
  for (const [index, town] of TOWNS.entries()) await seedTown(ctx, town, index, count);
  return report;
}

async function seedTown(ctx: AppContext, town: Town, index: number, count: (inserted: boolean) => void) {
  const { stores } = ctx;
  const seats = DEMO_PEOPLE.filter((p) => p.accessRole !== 'board');
  for (const p of seats)
    count(await insertMember(ctx, { ...p, town: town.slug }, `demo-${town.slug}-${p.aadObjectId}`));

  const plan = must(
    newPlan(
      { ...DEMO_PLAN, town: town.slug, title: `Safer ${town.name} ${DEMO_PLAN.title}`, demo: true },
      `demo-${town.slug}-plan`,
    ),
  );
  count(
    await stores.plans.insertIfAbsent(
      plan,
      audit(
        ctx,
        SYSTEM_ACTOR,
        'plan.seeded',
        { kind: 'plan', id: plan.id, label: plan.title },
        town.slug,
        null,
        plan,
      ),
    ),
  );

  const priorities = DEMO_PRIORITIES.map((p, i) =>
    must(
      newPriority(
        { ...p, town: town.slug, planId: plan.id, demo: true },
        `demo-${town.slug}-priority-${i + 1}`,
      ),
    ),
  );
  for (const p of priorities) {
    count(
      await stores.priorities.insertIfAbsent(
        p,
        audit(
          ctx,
          SYSTEM_ACTOR,
          'priority.seeded',
          { kind: 'priority', id: p.id, label: p.title },
          town.slug,
          null,
          p,
        ),
      ),
    );
  }

  const members = await stores.members.listByTown(town.slug);
  const now = ctx.clock.now();
  const today = localDateOf(now, ctx.settings.timeZone);
  const createdOn = addDays(today, -CREATED_DAYS_AGO);
  for (const [i, a] of DEMO_ACTIONS.entries()) {
    const id = `demo-${town.slug}-action-${i + 1}`;
    if (await stores.actions.get(id)) {
      count(false);
      continue;
    }
    const draft = must(
      validateNewAction(
        {
          town: town.slug,
          planId: plan.id,
          priorityId: priorities[a.priority]!.id,
          title: a.title,
          measure: a.measure,
          target: a.target,
          ownerIds: a.owners.map((o) => seats[o]!.aadObjectId),
          dueDate: addDays(today, a.dueInDays),
          demo: true,
        },
        { today: createdOn, plan, priorities, members, taskGroup: null },
      ),
    );
    const action = completeAction(
      { ...draft, status: a.status, blockedReason: a.blockedReason ?? null },
      { id, ref: await stores.actions.nextRef(town.slug), now, actor: SYSTEM_ACTOR },
    );
    await stores.actions.insert(
      action,
      audit(
        ctx,
        SYSTEM_ACTOR,
        'action.seeded',
        { kind: 'action', id, label: action.ref },
        town.slug,
        null,
        action,
      ),
    );
    count(true);
  }
  count(await seedIndicator(ctx, town, index));
}

/** Baseline 2017 and target 2021 as in the programme, plus one proxy reading; only on an untouched indicator. */
async function seedIndicator(ctx: AppContext, town: Town, index: number): Promise<boolean> {
  const current = await ctx.stores.indicators.get(town.slug);
  if (!current || current.baseline) return false;
  const baseline = 38 + index * 1.5;
  let next = must(setBaseline(current, { year: 2017, value: baseline, sampleSize: 320 + index * 10 }));
  next = must(setTarget(next, { year: 2021, value: baseline + 8 }));
  next = must(
    addReading(next, {
      year: 2019,
      value: baseline + 3,
      sampleSize: 150,
      source: 'Have Your Say survey (demo)',
      proxy: true,
    }),
  );
  const event = audit(
    ctx,
    SYSTEM_ACTOR,
    'indicator.seeded',
    { kind: 'indicator', id: town.slug, label: town.name },
    town.slug,
    current,
    next,
  );
  return (await ctx.stores.indicators.update(next, current.version, event)).kind === 'updated';
}

async function insertMember(ctx: AppContext, input: Record<string, unknown>, id: string): Promise<boolean> {
  const member = must(newMember({ ...input, demo: true }, id));
  const event = audit(
    ctx,
    SYSTEM_ACTOR,
    'member.seeded',
    { kind: 'member', id, label: member.displayName },
    member.town,
    null,
    member,
  );
  return ctx.stores.members.insertIfAbsent(member, event);
}

/** Demo data is ours: if it fails validation, that is a bug to see at once, not a user error. */
function must<T>(result: Validated<T>): T {
  if (!result.ok)
    throw new Error(
      `demo data is invalid: ${result.error.map((e) => `${e.field}: ${e.message}`).join('; ')}`,
    );
  return result.value;
}
