// The towns' side of police.uk's data: each town's area (stored, or the approximate one it ships with), which
// points an import keeps (those near any town, so a redrawn area can be counted again without re-importing),
// and the towns' months rebuilt from the points after an import or an area change.
import { townMonth, type TownCrimeMonth } from '../domain/crime-aggregate.js';
import { areaHolds, boundsOf } from '../domain/town-area.js';
import { AREA_MARGIN_DEGREES, shippedArea } from '../domain/town-areas-data.js';
import { ALL_TOWNS, type TownSlug } from '../domain/towns.js';
import type { CrimeMonth } from '../domain/crime-record.js';
import type { AppContext } from './context.js';
import type { StoredTownArea } from './ports.js';

/** A town's area: the board's, or the one it ships with (null for a town added since with none set). */
export async function areaOf(ctx: AppContext, town: TownSlug): Promise<StoredTownArea | null> {
  const stored = await ctx.stores.crime.area(town);
  if (stored) return stored;
  const shipped = shippedArea(town);
  return shipped ? { ...shipped, setBy: null, at: null } : null;
}

async function townAreas(ctx: AppContext) {
  const areas = await Promise.all(ALL_TOWNS.map(async (t) => [t.slug, await areaOf(ctx, t.slug)] as const));
  return areas.filter((a): a is readonly [TownSlug, StoredTownArea] => a[1] !== null);
}

/** Whether a point is near enough to a town to keep: inside the box round any town's area, widened. */
export async function nearTowns(
  ctx: AppContext,
): Promise<(point: { lat: number; lng: number }, lsoa: string | null) => boolean> {
  const areas = await townAreas(ctx);
  const boxes = areas.map(([, a]) => boundsOf(a, AREA_MARGIN_DEGREES)).filter((b) => b !== null);
  const lsoaAreas = areas.map(([, a]) => a).filter((a) => a.kind === 'lsoa');
  return (p, lsoa) =>
    boxes.some((b) => p.lat >= b.latMin && p.lat <= b.latMax && p.lng >= b.lngMin && p.lng <= b.lngMax) ||
    lsoaAreas.some((a) => areaHolds(a, p, lsoa));
}

/** Rebuilds the towns' months (all towns, or one) from the stored points of these months. */
export async function rebuildTownMonths(
  ctx: AppContext,
  months: readonly CrimeMonth[],
  only?: TownSlug,
): Promise<void> {
  const areas = (await townAreas(ctx)).filter(([town]) => !only || town === only);
  const forcesOf = new Map<CrimeMonth, string[]>();
  for (const m of await ctx.stores.crime.months())
    forcesOf.set(m.month, [...(forcesOf.get(m.month) ?? []), m.force]);
  const built = new Map<TownSlug, TownCrimeMonth[]>(areas.map(([town]) => [town, []]));
  for (const month of months) {
    const points = (
      await Promise.all((forcesOf.get(month) ?? []).map((force) => ctx.stores.crime.points(force, month)))
    ).flat();
    for (const [town, area] of areas) built.get(town)!.push(townMonth(town, month, area, points));
  }
  for (const [town, list] of built) await ctx.stores.crime.saveTownMonths(town, list);
}
