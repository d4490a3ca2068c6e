// A town's profile from police.uk's data (domain/town-profile.ts), with the programme's other towns beside it
// and what its area is. Anyone with a seat in the town, or on the board, may read it: the data is open.
import { AppError, ErrorCode } from '../errors.js';
import { townProfile, townsCompared, type ProfileShown } from '../domain/town-profile.js';
import { ok, fail, type Result } from '../domain/result.js';
import { TOWNS, type TownSlug } from '../domain/towns.js';
import { authorise } from './authorise.js';
import { areaOf } from './crime-towns.js';
import type { CrimeMonth } from '../domain/crime-record.js';
import type { Actor } from '../domain/entity.js';
import type { AppContext } from './context.js';
import type { StoredTownArea } from './ports.js';

/** One town's profile and its area, without the others (the town board tab); the caller has authorised. */
export async function oneTownProfile(
  ctx: AppContext,
  town: TownSlug,
): Promise<Omit<ProfileShown, 'compared'>> {
  const [months, area, own] = await Promise.all([
    ctx.stores.crime.months(),
    areaOf(ctx, town),
    ctx.stores.crime.townMonths(town),
  ]);
  const latest = latestOf(months);
  return { profile: townProfile(town, own, latest), area: area ? areaNote(area) : null, latest };
}

const latestOf = (months: readonly { month: CrimeMonth }[]) =>
  months.reduce<CrimeMonth | null>((a, m) => (a && a > m.month ? a : m.month), null);
const areaNote = (a: StoredTownArea) => ({
  kind: a.kind,
  approximate: a.approximate,
  source: a.source,
  setBy: a.setBy,
  at: a.at,
});

export async function profileOf(
  ctx: AppContext,
  actor: Actor,
  town: TownSlug,
): Promise<Result<ProfileShown, AppError>> {
  if (!TOWNS.some((t) => t.slug === town))
    return fail(new AppError(ErrorCode.NotFound, `There is no active town "${town}"`));
  const access = await authorise(ctx, actor, town, 'read');
  if (!access.ok) return access;
  const [months, area] = await Promise.all([ctx.stores.crime.months(), areaOf(ctx, town)]);
  const latest = latestOf(months);
  const profiles = await Promise.all(
    TOWNS.map(async (t) => townProfile(t.slug, await ctx.stores.crime.townMonths(t.slug), latest)),
  );
  const profile = profiles.find((p) => p.town === town)!;
  return ok({
    profile,
    compared: townsCompared(profiles),
    area: area
      ? {
          kind: area.kind,
          approximate: area.approximate,
          source: area.source,
          setBy: area.setBy,
          at: area.at,
        }
      : null,
    latest,
  });
}
