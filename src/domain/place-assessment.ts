// SARA's assessment with numbers, for a problem-solving plan's place: police.uk's counts at its streets
// before and after the response, against a comparison area (the rest of the town), and a displacement and
// diffusion check on the neighbouring streets (snap points within 400 m of the place's), with a plain verdict.
import { z } from 'zod';
import { CRIME_TYPES, monthsBack, monthsBetween, type CrimeMonth, type CrimeType } from './crime-record.js';
import { total, type TownCrimeMonth } from './crime-aggregate.js';
import { fail, issue, ok, type Issue, type Validated } from './result.js';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const month = z.string().regex(MONTH, 'Choose a month like 2026-04');
/** Order is checked only between well-formed months: one error per mistake. */
const wellFormed = (...months: string[]) => months.every((m) => MONTH.test(m));
const period = z
  .object({ from: month, to: month })
  .refine((p) => !wellFormed(p.from, p.to) || p.from <= p.to, {
    message: 'A period must start before it ends',
    path: ['to'],
  });

/** What the partner chooses: the place's police.uk streets, a crime type (or all), and the two periods. */
const placeAssessmentInput = z
  .object({
    /** Chosen from the town's streets; a card's multi-select sends them joined by commas. */
    streets: z.union([z.string().max(20_000), z.array(z.string().max(200)).max(20)]),
    crimeType: z
      .enum(['all', ...CRIME_TYPES], { error: () => 'Choose a crime type, or all' })
      .transform((t) => (t === 'all' ? null : t)),
    before: period,
    after: period,
  })
  .refine((p) => !wellFormed(p.before.to, p.after.from) || p.before.to < p.after.from, {
    message: 'The period after must start after the period before ends',
    path: ['after', 'from'],
  });

interface PlaceChoice {
  streets: string[];
  crimeType: CrimeType | null;
  before: { from: CrimeMonth; to: CrimeMonth };
  after: { from: CrimeMonth; to: CrimeMonth };
}

interface Counts {
  before: number;
  after: number;
  /** Percentage change, or null when the before count is under 10 (chance, not change). */
  percent: number | null;
}

/** The figures as recorded on the plan: a snapshot, so a closed plan's write-up does not move. */
export interface PlaceFigures extends PlaceChoice {
  place: Counts;
  comparison: Counts;
  neighbours: Counts & { streets: string[] };
  /** Months of either period with no data: the figures cover what was imported. */
  missing: CrimeMonth[];
  verdict: string;
  latest: CrimeMonth;
  recordedAt: string;
}

export const NEIGHBOUR_METRES = 400;
const MAX_STREETS = 20;

/** What a card offers to choose from: the town's streets busiest first over the last twelve months (with
 *  that count), the crime types it has, and its months. */
export interface PlaceChoices {
  streets: { location: string; count: number }[];
  types: CrimeType[];
  months: CrimeMonth[];
  latest: CrimeMonth;
}

export function placeChoices(months: readonly TownCrimeMonth[], limit = 60): PlaceChoices | null {
  const latest = months.reduce<CrimeMonth | null>((a, m) => (a && a > m.month ? a : m.month), null);
  if (!latest) return null;
  const recent = new Set(monthsBack(latest, 12));
  const counts = new Map<string, number>();
  for (const m of months)
    for (const s of m.streets)
      counts.set(s.location, (counts.get(s.location) ?? 0) + (recent.has(m.month) ? total(s.byType) : 0));
  const streets = [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([location, count]) => ({ location, count }));
  const types = CRIME_TYPES.filter((t) => months.some((m) => (m.byType[t] ?? 0) > 0));
  return { streets, months: [...new Set(months.map((m) => m.month))].sort(), types, latest };
}

/** A card's comma-joined choice back into the town's street names (a name may itself hold a comma). */
function resolveStreets(chosen: string | string[], known: ReadonlySet<string>) {
  if (Array.isArray(chosen)) return { streets: chosen, unknown: chosen.filter((s) => !known.has(s)).length };
  const streets: string[] = [];
  let pending = '';
  for (const part of chosen.split(',')) {
    pending = pending ? `${pending},${part}` : part;
    const name = pending.trim();
    if (known.has(name)) {
      streets.push(name);
      pending = '';
    }
  }
  return { streets, unknown: pending.trim() ? 1 : 0 };
}

/** The figures for a chosen place, from the town's months; a clear issue for each thing that is wrong. */
export function placeFiguresOf(
  input: unknown,
  months: readonly TownCrimeMonth[],
  at: Date,
): Validated<PlaceFigures> {
  const choices = placeChoices(months, Infinity);
  if (!choices)
    return fail([
      issue('place', 'No police.uk data for the town has been imported yet: the figures come from it'),
    ]);
  const parsed = placeAssessmentInput.safeParse(input);
  if (!parsed.success) return fail(parsed.error.issues.map((i) => issue(i.path.join('.'), i.message)));
  const { before, after, crimeType } = parsed.data;
  const { streets, unknown } = resolveStreets(
    parsed.data.streets,
    new Set(choices.streets.map((s) => s.location)),
  );
  const issues: Issue[] = [];
  if (unknown) issues.push(issue('streets', "Choose the place's streets from the town's police.uk streets"));
  else if (!streets.length) issues.push(issue('streets', 'Choose at least one street'));
  else if (streets.length > MAX_STREETS)
    issues.push(issue('streets', `Choose at most ${MAX_STREETS} streets`));
  if (after.to > choices.latest)
    issues.push(
      issue('after.to', `The newest month imported is ${choices.latest}: the period after must end by then`),
    );
  if (issues.length) return fail(issues);
  const choice = { streets: [...new Set(streets)], crimeType, before, after };
  return ok({ ...assessPlace(choice, months), latest: choices.latest, recordedAt: at.toISOString() });
}

function metres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const x = (b.lng - a.lng) * rad * Math.cos(((a.lat + b.lat) / 2) * rad);
  const y = (b.lat - a.lat) * rad;
  return Math.sqrt(x * x + y * y) * 6_371_000;
}

const counts = (before: number, after: number): Counts => ({
  before,
  after,
  percent: before < 10 ? null : Math.round(((after - before) / before) * 100),
});

const span = (p: { from: CrimeMonth; to: CrimeMonth }) => monthsBack(p.to, monthsBetween(p.from, p.to) + 1);

function assessPlace(choice: PlaceChoice, months: readonly TownCrimeMonth[]) {
  const type = choice.crimeType ?? undefined;
  const chosen = new Set(choice.streets);
  const streets = months.flatMap((m) => m.streets);
  const points = streets.filter((s) => chosen.has(s.location));
  const near = new Set(
    streets
      .filter((s) => !chosen.has(s.location) && points.some((p) => metres(p, s) <= NEIGHBOUR_METRES))
      .map((s) => s.location),
  );
  const within = (p: { from: CrimeMonth; to: CrimeMonth }) =>
    months.filter((m) => m.month >= p.from && m.month <= p.to);
  const sum = (list: readonly TownCrimeMonth[], keep: (location: string) => boolean) =>
    list.reduce(
      (n, m) => n + m.streets.filter((s) => keep(s.location)).reduce((k, s) => k + total(s.byType, type), 0),
      0,
    );
  const both = (keep: (location: string) => boolean) =>
    counts(sum(within(choice.before), keep), sum(within(choice.after), keep));
  const place = both((l) => chosen.has(l));
  const comparison = both((l) => !chosen.has(l) && !near.has(l));
  const neighbours = { ...both((l) => near.has(l)), streets: [...near].sort() };
  const have = new Set(months.map((m) => m.month));
  const missing = [...span(choice.before), ...span(choice.after)].filter((m) => !have.has(m)).sort();
  return {
    ...choice,
    place,
    comparison,
    neighbours,
    missing,
    verdict: verdictOf(place, comparison, neighbours),
  };
}

const moved = (c: Counts) =>
  c.percent === null
    ? `${c.before} to ${c.after}`
    : c.percent < 0
      ? `fell ${-c.percent}%`
      : c.percent > 0
        ? `rose ${c.percent}%`
        : 'did not change';

/** The plain verdict: the place against the rest of the town, and what happened round it. */
function verdictOf(place: Counts, comparison: Counts, neighbours: Counts): string {
  if (place.percent === null)
    return `Too few recorded at the place before the response (${place.before}) to tell a change from chance.`;
  const relative = comparison.percent === null ? null : place.percent - comparison.percent;
  const against =
    relative === null
      ? 'too few elsewhere in the town to compare'
      : relative <= -10
        ? `the rest of the town ${moved(comparison)}: a fall beyond the town's`
        : relative >= 10
          ? `the rest of the town ${moved(comparison)}: worse than the town`
          : `the rest of the town ${moved(comparison)}: in line with the town`;
  const town = comparison.percent ?? 0;
  const around =
    neighbours.percent === null
      ? `Too few on the neighbouring streets (${neighbours.before} before) to check for displacement.`
      : place.percent < 0 && neighbours.percent >= town + 10
        ? `The neighbouring streets ${moved(neighbours)}: possible displacement.`
        : place.percent < 0 && neighbours.percent <= town - 10
          ? `The neighbouring streets ${moved(neighbours)}: a diffusion of benefits.`
          : `The neighbouring streets ${moved(neighbours)}: no sign of displacement.`;
  return `Recorded at the place ${moved(place)} (${place.before} to ${place.after}); ${against}. ${around}`;
}
