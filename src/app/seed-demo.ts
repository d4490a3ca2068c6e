import { DEMO_LOCAL_TITLES } from './demo-titles.js';
import { completeAction, validateNewAction } from '../domain/action.js';
import { addDays, localDateOf } from '../domain/dates.js';
import { SYSTEM_ACTOR } from '../domain/entity.js';
import { addReading, setBaseline, setTarget, startCycle } from '../domain/indicator.js';

import { COUNTY, newMember } from '../domain/member.js';
import { movePlan, newPlan } from '../domain/plan.js';
import { newPriority } from '../domain/priority.js';
import { TOWNS, type Town } from '../domain/towns.js';
import { audit } from './audit-trail.js';
import {
  DEMO_ACTIONS,
  DEMO_PEOPLE,
  DEMO_PLAN,
  DEMO_PRIORITIES,
  type DemoAction,
  type DemoPerson,
} from './demo-data.js';
import { DEMO_TOWN_PROFILES, type DemoTownProfile } from './demo-towns.js';
import { seedTownWork } from './seed-demo-work.js';
import { must, seeded, type SeedReport } from './seeded.js';
import type { MembershipScope } from '../domain/member.js';
import type { AppContext } from './context.js';

/** How long ago the demo actions were "created": so that some can be overdue today. */
const CREATED_DAYS_AGO = 90;

type Count = (inserted: boolean) => void;

/** Demo members, plans, priorities, actions and indicator figures for all ten towns. Idempotent. */
export async function seedDemo(ctx: AppContext): Promise<SeedReport> {
  const report: SeedReport = { inserted: 0, existing: 0 };
  const count: Count = (inserted) => report[inserted ? 'inserted' : 'existing']++;
  for (const person of DEMO_PEOPLE.filter((p) => p.accessRole === 'board')) {
    count(await insertMember(ctx, person, COUNTY));
  }
  for (const [index, town] of TOWNS.entries()) await seedTown(ctx, town, index, count);
  return report;
}

async function seedTown(ctx: AppContext, town: Town, index: number, count: Count): Promise<void> {
  const { stores } = ctx;
  const seats = DEMO_PEOPLE.filter((p) => p.accessRole !== 'board');
  for (const person of seats) count(await insertMember(ctx, person, town.slug));

  const planInput = {
    ...DEMO_PLAN,
    town: town.slug,
    title: `Safer ${town.name} ${DEMO_PLAN.title}`,
    demo: true,
  };
  // Eight months into its period a plan is in use: approved, through consultation. Truro's stays a draft,
  // the reference town where the walk-through (README) consults on it and approves it.
  const drafted = must(newPlan(planInput, `demo-${town.slug}-plan`));
  const plan =
    town.slug === 'truro' ? drafted : must(movePlan(must(movePlan(drafted, 'consultation')), 'approved'));
  count(await stores.plans.insertIfAbsent(plan, seeded(ctx, 'plan', plan, plan.title, town.slug)));

  const priorities = DEMO_PRIORITIES.map((p, i) =>
    must(
      newPriority(
        { ...p, town: town.slug, planId: plan.id, demo: true },
        `demo-${town.slug}-priority-${i + 1}`,
      ),
    ),
  );
  for (const p of priorities)
    count(await stores.priorities.insertIfAbsent(p, seeded(ctx, 'priority', p, p.title, town.slug)));

  const members = await stores.members.listByTown(town.slug);
  const now = ctx.clock.now();
  const today = localDateOf(now, ctx.settings.timeZone);
  const profile = DEMO_TOWN_PROFILES[town.slug];
  const local = DEMO_LOCAL_TITLES[town.slug] ?? {};
  const actions = DEMO_ACTIONS.map((action, i) => ({ ...action, title: local[i] ?? action.title }));
  for (const [i, a] of actions.map((action, i) => [i, varied(action, i, profile)] as const)) {
    const id = `demo-${town.slug}-action-${i + 1}`;
    if (await stores.actions.get(id)) {
      count(false); // checked first so that a re-run claims no reference
      continue;
    }
    const input = {
      ...a,
      town: town.slug,
      planId: plan.id,
      priorityId: priorities[a.priority]!.id,
      ownerIds: a.owners.map((o) => seats[o]!.aadObjectId),
      dueDate: addDays(today, a.dueInDays),
      demo: true,
    };
    const context = { today: addDays(today, -CREATED_DAYS_AGO), plan, priorities, members, taskGroup: null };
    const draft = {
      ...must(validateNewAction(input, context)),
      status: a.status,
      blockedReason: a.blockedReason ?? null,
    };
    const ref = await stores.actions.nextRef(town.slug);
    const action = completeAction(draft, { id, ref, now, actor: SYSTEM_ACTOR });
    await stores.actions.insert(action, seeded(ctx, 'action', action, ref, town.slug));
    count(true);
  }
  count(await seedIndicator(ctx, town, index, profile?.readingChange ?? 3));
  if (profile) await seedTownWork(ctx, town, profile, count);
}

/** The town's own version of a demo action: some done or blocked, due dates earlier or later. */
function varied(action: DemoAction, i: number, profile: DemoTownProfile | undefined): DemoAction {
  if (!profile) return action;
  if (profile.done.includes(i)) return { ...action, status: 'done', blockedReason: undefined };
  const blocked = profile.blocked.includes(i);
  return {
    ...action,
    dueInDays: action.dueInDays + profile.shift,
    ...(blocked
      ? { status: 'blocked' as const, blockedReason: 'Waiting for a partner to sign off (demo)' }
      : {}),
  };
}

const HAVE_YOUR_SAY = { sampleSize: 150, source: 'Have Your Say survey (demo)', proxy: true };
const SURVEY = { source: "Residents' survey (demo)", proxy: false };

/**
 * The programme's first cycle (baseline 2017, target 2021, its survey and a proxy) kept as an earlier
 * cycle, and the current one inside the 2026-2029 plan: baseline 2025, target 2028, a 2026 proxy reading.
 * Only on an untouched indicator.
 */
async function seedIndicator(ctx: AppContext, town: Town, index: number, change: number): Promise<boolean> {
  const current = await ctx.stores.indicators.get(town.slug);
  if (!current || current.baseline) return false;
  const first = 38 + index * 1.5;
  let next = must(setBaseline(current, { year: 2017, value: first, sampleSize: 320 + index * 10 }));
  next = must(setTarget(next, { year: 2021, value: first + 8 }));
  next = must(addReading(next, { ...HAVE_YOUR_SAY, year: 2019, value: first + 2 }));
  next = must(addReading(next, { ...SURVEY, year: 2021, value: first + 5, sampleSize: 350 + index * 10 }));
  const baseline = first + 4;
  next = must(
    startCycle(next, {
      year: 2025,
      value: baseline,
      sampleSize: 340 + index * 10,
      targetValue: baseline + 8,
    }),
  );
  next = must(addReading(next, { ...HAVE_YOUR_SAY, year: 2026, value: baseline + change }));
  const entity = { kind: 'indicator' as const, id: town.slug, label: town.name };
  const event = audit(ctx, {
    actor: SYSTEM_ACTOR,
    change: 'indicator.seeded',
    entity,
    town: town.slug,
    before: current,
    after: next,
  });
  return (await ctx.stores.indicators.update(next, current.version, event)).kind === 'updated';
}

async function insertMember(ctx: AppContext, person: DemoPerson, town: MembershipScope): Promise<boolean> {
  const member = must(newMember({ ...person, town, demo: true }, `demo-${town}-${person.aadObjectId}`));
  return ctx.stores.members.insertIfAbsent(member, seeded(ctx, 'member', member, member.displayName, town));
}
