// A town's profile from police.uk's data (domain/town-profile.ts), with the programme's other towns beside it
// and what its area is. Anyone with a seat in the town, or on the board, may read it: the data is open. The
// profiles of every town are worked out together and kept until the data changes (an import, an area
// redrawn: the store's version, which every instance reads), so a profile asked for twenty times a second
// costs one small read, not ten.
import { AppError, ErrorCode } from '../errors.js';
import { townProfile, townsCompared, type ProfileShown, type TownProfile } from '../domain/town-profile.js';
import { ok, fail, type Result } from '../domain/result.js';
import { TOWNS, type TownSlug } from '../domain/towns.js';
import { authorise } from './authorise.js';
import { areaOf } from './crime-towns.js';
import type { CrimeMonth } from '../domain/crime-record.js';
import type { Actor } from '../domain/entity.js';
import type { AppContext } from './context.js';
import type { StoredTownArea } from './ports.js';

interface Programme {
  key: string;
  latest: CrimeMonth | null;
  profiles: Map<TownSlug, TownProfile>;
  areas: Map<TownSlug, ProfileShown['area']>;
  compared: ProfileShown['compared'];
}

const kept = new WeakMap<AppContext, Programme>();

/** Every active town's profile and area, from what is kept while the data has not changed. */
async function programme(ctx: AppContext): Promise<Programme> {
  const key = `${await ctx.stores.crime.version()}|${TOWNS.map((t) => t.slug).join(',')}`;
  const known = kept.get(ctx);
  if (known?.key === key) return known;
  const months = await ctx.stores.crime.months();
  const latest = months.reduce<CrimeMonth | null>((a, m) => (a && a > m.month ? a : m.month), null);
  const towns = await Promise.all(
    TOWNS.map(async (t) => {
      const [own, area] = await Promise.all([ctx.stores.crime.townMonths(t.slug), areaOf(ctx, t.slug)]);
      return { town: t.slug, profile: townProfile(t.slug, own, latest), area: area ? areaNote(area) : null };
    }),
  );
  const built: Programme = {
    key,
    latest,
    profiles: new Map(towns.map((t) => [t.town, t.profile])),
    areas: new Map(towns.map((t) => [t.town, t.area])),
    compared: townsCompared(towns.map((t) => t.profile)),
  };
  kept.set(ctx, built);
  return built;
}

const areaNote = (a: StoredTownArea): ProfileShown['area'] => ({
  kind: a.kind,
  approximate: a.approximate,
  source: a.source,
  setBy: a.setBy,
  at: a.at,
});

/** One town's profile and its area, without the others (the town board tab); the caller has authorised. */
export async function oneTownProfile(
  ctx: AppContext,
  town: TownSlug,
): Promise<Omit<ProfileShown, 'compared'>> {
  const p = await programme(ctx);
  const profile = p.profiles.get(town) ?? townProfile(town, [], p.latest);
  return { profile, area: p.areas.get(town) ?? null, latest: p.latest };
}

export async function profileOf(
  ctx: AppContext,
  actor: Actor,
  town: TownSlug,
): Promise<Result<ProfileShown, AppError>> {
  if (!TOWNS.some((t) => t.slug === town))
    return fail(new AppError(ErrorCode.NotFound, `There is no active town "${town}"`));
  const access = await authorise(ctx, actor, town, 'read');
  if (!access.ok) return access;
  const p = await programme(ctx);
  return ok({ ...(await oneTownProfile(ctx, town)), compared: p.compared });
}
