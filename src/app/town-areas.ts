// The board redraws a town's area (a GeoJSON polygon, or LSOA codes): checked, kept with who set it and
// when, audited, and the town's months counted again from the stored points, so its profile follows at once.
import { AppError, ErrorCode } from '../errors.js';
import { townAreaOf } from '../domain/town-area.js';
import { fail, ok, type Result } from '../domain/result.js';
import { ALL_TOWNS, townBySlug, type TownSlug } from '../domain/towns.js';
import { audit } from './audit-trail.js';
import { mayChangeAreas } from './crime-access.js';
import { areaOf, rebuildTownMonths } from './crime-towns.js';
import type { Actor } from '../domain/entity.js';
import type { AppContext } from './context.js';
import type { StoredTownArea } from './ports.js';

export async function setTownArea(
  ctx: AppContext,
  actor: Actor,
  town: TownSlug,
  /** GeoJSON (parsed), or LSOA codes as text. */
  input: unknown,
  source: string,
): Promise<Result<StoredTownArea, AppError>> {
  const access = await mayChangeAreas(ctx, actor);
  if (!access.ok) return access;
  if (!ALL_TOWNS.some((t) => t.slug === town))
    return fail(new AppError(ErrorCode.NotFound, `There is no town "${town}"`));
  const checked = townAreaOf(input, source.slice(0, 200));
  if (!checked.ok)
    return fail(
      new AppError(
        ErrorCode.Validation,
        `${townBySlug(town).name}'s area was not changed: ${checked.problem}`,
      ),
    );
  const before = await areaOf(ctx, town);
  const area: StoredTownArea = { ...checked.area, setBy: actor.name, at: ctx.clock.now().toISOString() };
  await ctx.stores.crime.setArea(town, area);
  await ctx.stores.audit.append(
    audit(ctx, {
      actor,
      change: 'town.area',
      entity: { kind: 'town_area', id: town, label: `${townBySlug(town).name} area` },
      town,
      before: before ? { kind: before.kind, source: before.source, approximate: before.approximate } : null,
      after: { kind: area.kind, source: area.source, approximate: false },
    }),
  );
  const months = [...new Set((await ctx.stores.crime.months()).map((m) => m.month))];
  await rebuildTownMonths(ctx, months, town);
  return ok(area);
}
