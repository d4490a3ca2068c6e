// The seed fund: coordinators (for their town's actions and events) and board members allocate from it and
// record what was spent; the board view shows allocated, spent and remaining, overall and by town. The fund
// is one versioned record: of two allocations at once, one is applied first and the other re-checked
// against what then remains, so the fund can never be overspent.
import type { ScreenedText } from '../domain/screened-text.js';
import { AppError, ErrorCode } from '../errors.js';
import {
  allocate,
  allocatedPence,
  newSeedFund,
  recordSpend,
  SEED_FUND_ID,
  spentPence,
  fundFigures,
  type FundView,
  type SeedFund,
} from '../domain/seed-fund.js';
import { fail, ok, type Result, type Validated } from '../domain/result.js';
import { TOWNS, townBySlug, type TownSlug } from '../domain/towns.js';
import { SYSTEM_ACTOR, type Actor } from '../domain/entity.js';
import { audit } from './audit-trail.js';
import { roleIn } from './authorise.js';
import { isBoardMember } from './indicator.js';
import { mayViewBoard } from './read-models.js';
import type { AppContext } from './context.js';

const DEFAULT_POUNDS = 50_000;

/** The fund, created on first use with the configured total; a new total applies if it covers what is allocated. */
async function theFund(ctx: AppContext): Promise<SeedFund> {
  const pounds = ctx.settings.seedFundGbp ?? DEFAULT_POUNDS;
  let fund = await ctx.stores.seedFund.get(SEED_FUND_ID);
  if (!fund) {
    const created = newSeedFund(pounds);
    const entity = { kind: 'seed_fund' as const, id: SEED_FUND_ID, label: 'Seed fund' };
    await ctx.stores.seedFund.insertIfAbsent(
      created,
      audit(ctx, {
        actor: SYSTEM_ACTOR,
        change: 'seed_fund.created',
        entity,
        town: 'county',
        before: null,
        after: { totalPence: created.totalPence },
      }),
    );
    fund = (await ctx.stores.seedFund.get(SEED_FUND_ID)) ?? created;
  }
  const total = Math.round(pounds * 100);
  if (fund.totalPence !== total && total >= allocatedPence(fund)) {
    const next = { ...fund, totalPence: total };
    const entity = { kind: 'seed_fund' as const, id: SEED_FUND_ID, label: 'Seed fund' };
    const outcome = await ctx.stores.seedFund.update(
      next,
      fund.version,
      audit(ctx, {
        actor: SYSTEM_ACTOR,
        change: 'seed_fund.total',
        entity,
        town: 'county',
        before: { totalPence: fund.totalPence },
        after: { totalPence: total },
      }),
    );
    if (outcome.kind === 'updated') fund = outcome.value;
  }
  return fund;
}

export async function fundView(ctx: AppContext, actor: Actor): Promise<Result<FundView, AppError>> {
  const access = await mayViewBoard(ctx, actor);
  if (!access.ok) return access;
  const fund = await theFund(ctx);
  return ok(
    fundFigures(
      fund,
      TOWNS.map((t) => t.slug),
    ),
  );
}

async function mayManage(ctx: AppContext, actor: Actor, town: TownSlug): Promise<Result<true, AppError>> {
  if ((await roleIn(ctx, actor, town)) === 'coordinator' || (await isBoardMember(ctx, actor)))
    return ok(true);
  return fail(
    new AppError(
      ErrorCode.Forbidden,
      `Only ${townBySlug(town).name}'s coordinators and board members manage its seed funding`,
    ),
  );
}

/** Applies a change to the fund from its current version; if another change won the race, tries again. */
async function change(
  ctx: AppContext,
  actor: Actor,
  name: string,
  town: TownSlug,
  step: (fund: SeedFund) => Validated<SeedFund>,
): Promise<Result<SeedFund, AppError>> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const fund = await theFund(ctx);
    const next = step(fund);
    if (!next.ok) return fail(AppError.validation(next.error, 'The seed fund was not changed'));
    const entity = { kind: 'seed_fund' as const, id: SEED_FUND_ID, label: 'Seed fund' };
    const before = { allocated: allocatedPence(fund), spent: spentPence(fund) };
    const after = { allocated: allocatedPence(next.value), spent: spentPence(next.value) };
    const outcome = await ctx.stores.seedFund.update(
      next.value,
      fund.version,
      audit(ctx, { actor, change: `seed_fund.${name}`, entity, town, before, after }),
    );
    if (outcome.kind === 'updated') return ok(outcome.value);
  }
  return fail(new AppError(ErrorCode.Unavailable, 'The seed fund is busy: try again'));
}

export async function allocateFromFund(
  ctx: AppContext,
  actor: Actor,
  request: { recordKind: 'action' | 'event'; recordId: string; amount: unknown; purpose: ScreenedText },
): Promise<Result<SeedFund, AppError>> {
  const record =
    request.recordKind === 'action'
      ? await ctx.stores.actions
          .get(request.recordId)
          .then((a) => a && { town: a.town, label: `${a.ref} ${a.title}` })
      : await ctx.stores.meetings.get(request.recordId).then((m) => m && { town: m.town, label: m.title });
  if (!record) return fail(new AppError(ErrorCode.NotFound, `That ${request.recordKind} no longer exists`));
  const access = await mayManage(ctx, actor, record.town);
  if (!access.ok) return access;
  const entry = {
    id: ctx.ids.newId(),
    town: record.town,
    recordKind: request.recordKind,
    recordId: request.recordId,
    label: record.label,
    by: { aadObjectId: actor.id, displayName: actor.name },
    at: ctx.clock.now().toISOString(),
  };
  return change(ctx, actor, 'allocated', record.town, (fund) =>
    allocate(fund, { amount: request.amount, purpose: request.purpose }, entry),
  );
}

export async function recordFundSpend(
  ctx: AppContext,
  actor: Actor,
  request: { allocationId: string; spent: unknown },
): Promise<Result<SeedFund, AppError>> {
  const allocation = (await theFund(ctx)).allocations.find((a) => a.id === request.allocationId);
  if (!allocation) return fail(new AppError(ErrorCode.NotFound, 'That allocation does not exist'));
  const access = await mayManage(ctx, actor, allocation.town);
  if (!access.ok) return access;
  return change(ctx, actor, 'spent', allocation.town, (fund) =>
    recordSpend(fund, request.allocationId, request.spent),
  );
}
