// The police.uk figures that town-profile priorities cite, each with its trend since its plan began: one
// reading for the plan card, the board card and the board report workbook, so the three always agree. The
// town's months are read only when a priority cites one.
import { evidenceFigure, type EvidenceFigure } from '../domain/priority-evidence.js';
import { ok, type Result } from '../domain/result.js';
import { TOWNS, type TownSlug } from '../domain/towns.js';
import { mayViewBoard } from './read-models.js';
import { oneTownProfile } from './town-profile.js';
import type { DeliveryPlan } from '../domain/plan.js';
import type { Priority } from '../domain/priority.js';
import type { Actor } from '../domain/entity.js';
import type { AppError } from '../errors.js';
import type { AppContext } from './context.js';

export interface CitedFigure {
  priority: Priority;
  figure: EvidenceFigure;
}

/** The figures these priorities (of these plans of one town) cite; none before any data is imported. */
export async function citedFigures(
  ctx: AppContext,
  town: TownSlug,
  plans: readonly DeliveryPlan[],
  priorities: readonly Priority[],
): Promise<CitedFigure[]> {
  const citing = priorities.filter((p) => p.evidence && plans.some((pl) => pl.id === p.planId));
  if (!citing.length) return [];
  const { latest } = await oneTownProfile(ctx, town);
  if (!latest) return [];
  const months = await ctx.stores.crime.townMonths(town);
  return citing.map((priority) => {
    const plan = plans.find((pl) => pl.id === priority.planId)!;
    return { priority, figure: evidenceFigure(priority.evidence!, months, plan.periodStart, latest) };
  });
}

/** Every town's cited figures, for the board (board members and coordinators). */
export async function citedAcrossTowns(
  ctx: AppContext,
  actor: Actor,
): Promise<Result<{ town: TownSlug; cited: CitedFigure[] }[], AppError>> {
  const access = await mayViewBoard(ctx, actor);
  if (!access.ok) return access;
  const towns = await Promise.all(
    TOWNS.map(async ({ slug }) => {
      const plans = await ctx.stores.plans.listByTown(slug);
      const priorities = (await Promise.all(plans.map((p) => ctx.stores.priorities.listByPlan(p.id)))).flat();
      return { town: slug, cited: await citedFigures(ctx, slug, plans, priorities) };
    }),
  );
  return ok(towns.filter((t) => t.cited.length));
}
