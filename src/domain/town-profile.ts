// A town's profile from police.uk: the twelve months to the latest month the data covers, by crime type and
// anti-social behaviour, against the twelve before; the streets with the most, and the repeat locations (in
// the town's top ten in three or more of the last six months); the town beside the programme's others. Pure:
// it reads the town months an import made (crime-aggregate.ts).
import { CRIME_TYPES, monthsBack, type CrimeMonth, type CrimeType } from './crime-record.js';
import { total, type TownCrimeMonth } from './crime-aggregate.js';
import type { TownSlug } from './towns.js';
import type { TownArea } from './town-area.js';

export const PROFILE_SOURCE =
  'police.uk street-level crime and anti-social behaviour, contains public sector information licensed under the Open Government Licence v3.0';
export const PROFILE_CAVEAT =
  'Locations are approximate: police.uk moves each record to the nearest of a set of map points ("On or near" a street), and a town\'s area is drawn round its built-up area. Counts are of recorded crime and incidents, not of all that happens.';
/** Fewer than this in the earlier year and a percentage change says more about chance than about the town. */
const TOO_FEW_TO_COMPARE = 10;

export interface Change {
  now: number;
  before: number;
  /** Percentage change, rounded; null when the earlier figure is too small to compare. */
  percent: number | null;
}

export interface TownProfile {
  town: TownSlug;
  /** The newest month with data for the town's force, or null when none has been imported. */
  latest: CrimeMonth | null;
  /** The months of the twelve that have data (a gap is said, not filled). */
  covered: CrimeMonth[];
  missing: CrimeMonth[];
  /** How many of the twelve months before have data: with none, there is nothing to compare against. */
  coveredBefore: number;
  total: Change;
  byType: ({ type: CrimeType } & Change)[];
  /** The 24 months to the latest, oldest first, for a chart; null where no data was imported (a gap, not a 0). */
  monthly: { month: CrimeMonth; count: number | null; antiSocial: number | null }[];
  topStreets: { location: string; count: number }[];
  repeatLocations: { location: string; months: number; count: number }[];
}

export function changeOf(now: number, before: number): Change {
  const percent = before < TOO_FEW_TO_COMPARE ? null : Math.round(((now - before) / before) * 100);
  return { now, before, percent };
}

/** The profile of a town from its months (any order; months absent from the import are missing). */
export function townProfile(
  town: TownSlug,
  months: readonly TownCrimeMonth[],
  latest: CrimeMonth | null,
): TownProfile {
  const empty = {
    town,
    latest,
    covered: [],
    missing: [],
    coveredBefore: 0,
    total: changeOf(0, 0),
    byType: [],
  };
  if (!latest) return { ...empty, monthly: [], topStreets: [], repeatLocations: [] };
  const byMonth = new Map(months.map((m) => [m.month, m]));
  const year = monthsBack(latest, 12);
  const before = monthsBack(latest, 24).slice(12);
  const sum = (list: readonly CrimeMonth[], type?: CrimeType) =>
    list.reduce((n, m) => n + total(byMonth.get(m)?.byType ?? {}, type), 0);
  const coveredBefore = before.filter((m) => byMonth.has(m)).length;
  // With no data for the year before, a change from 0 would be invented.
  const change = (now: number, then: number) =>
    coveredBefore ? changeOf(now, then) : { now, before: then, percent: null };
  const byType = CRIME_TYPES.map((type) => ({ type, ...change(sum(year, type), sum(before, type)) }))
    .filter((t) => t.now || t.before)
    .sort((a, b) => b.now - a.now || a.type.localeCompare(b.type));
  return {
    town,
    latest,
    covered: year.filter((m) => byMonth.has(m)).reverse(),
    missing: year.filter((m) => !byMonth.has(m)).reverse(),
    coveredBefore,
    total: change(sum(year), sum(before)),
    byType,
    monthly: monthsBack(latest, 24)
      .reverse()
      .map((month) => {
        const counts = byMonth.get(month)?.byType;
        if (!counts) return { month, count: null, antiSocial: null };
        return { month, count: total(counts), antiSocial: total(counts, 'Anti-social behaviour') };
      }),
    topStreets: topStreets(
      year.map((m) => byMonth.get(m)).filter((m) => m !== undefined),
      10,
    ),
    repeatLocations: repeatLocations(monthsBack(latest, 6).map((m) => byMonth.get(m))),
  };
}

function streetCounts(months: readonly TownCrimeMonth[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of months)
    for (const s of m.streets) counts.set(s.location, (counts.get(s.location) ?? 0) + total(s.byType));
  counts.delete('No location');
  return counts;
}

function topStreets(months: readonly TownCrimeMonth[], size: number) {
  return [...streetCounts(months)]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, size)
    .map(([location, count]) => ({ location, count }));
}

/** In the town's top ten in three or more of the last six months. */
function repeatLocations(lastSix: readonly (TownCrimeMonth | undefined)[]) {
  const times = new Map<string, { months: number; count: number }>();
  for (const month of lastSix) {
    if (!month) continue;
    for (const { location, count } of topStreets([month], 10)) {
      const seen = times.get(location) ?? { months: 0, count: 0 };
      times.set(location, { months: seen.months + 1, count: seen.count + count });
    }
  }
  return [...times]
    .filter(([, t]) => t.months >= 3)
    .sort((a, b) => b[1].months - a[1].months || b[1].count - a[1].count || a[0].localeCompare(b[0]))
    .map(([location, t]) => ({ location, ...t }));
}

/** The towns side by side: each one's twelve months to the latest and the twelve before. */
export function townsCompared(
  profiles: readonly TownProfile[],
): { town: TownSlug; total: Change; coveredBefore: number }[] {
  return profiles
    .filter((p) => p.latest)
    .map((p) => ({ town: p.town, total: p.total, coveredBefore: p.coveredBefore }))
    .sort((a, b) => b.total.now - a.total.now);
}

/** A profile as shown: the town's, the towns beside it, what its area is, the newest month imported. */
export interface ProfileShown {
  profile: TownProfile;
  compared: ReturnType<typeof townsCompared>;
  area:
    (Pick<TownArea, 'kind' | 'approximate' | 'source'> & { setBy: string | null; at: string | null }) | null;
  latest: CrimeMonth | null;
}
