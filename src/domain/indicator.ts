import { z } from 'zod';
import { fail, issue, ok, type Validated } from './result.js';
import type { Versioned } from './entity.js';
import type { TownSlug } from './towns.js';

export const HEADLINE_QUESTION =
  'Do you believe that the council and the police are dealing with crime and anti-social behaviour issues that matter in your area?';
export const DEFAULT_PROXY_CAVEAT =
  'Local survey used as an indicative proxy: different sample and method from the residents survey; read with caution.';

/** A number, with a message naming it when it is missing or not a number. */
const numberCalled = (what: string) =>
  z.number({
    error: (i) => (i.input === undefined ? `${what} is required` : `${what} must be a number`),
  });

const year = numberCalled('The year')
  .int('The year must be a whole number')
  .min(2000, 'The year must be 2000 or later')
  .max(2100, 'The year must be before 2100');
const percent = numberCalled('The percentage')
  .min(0, 'A percentage cannot be below 0')
  .max(100, 'A percentage cannot be above 100');
const sampleSize = numberCalled('The sample size')
  .int('The sample size must be a whole number')
  .min(1, 'The sample size must be at least 1');

const baselineSchema = z.object({ year, value: percent, sampleSize });
const targetSchema = z.object({ year, value: percent });
const readingSchema = z.object({
  year,
  value: percent,
  sampleSize: sampleSize.nullable().default(null),
  source: z.string().trim().min(1, 'Name the survey the reading comes from').max(120),
  proxy: z.boolean(),
  caveat: z.string().trim().max(300).nullable().default(null),
});

type Baseline = z.infer<typeof baselineSchema>;
type Target = z.infer<typeof targetSchema>;
export type Reading = z.infer<typeof readingSchema>;

/** A town's residents' survey indicator: % agreeing with the headline question. */
export interface Indicator extends Versioned {
  town: TownSlug;
  question: string;
  baseline: Baseline | null;
  target: Target | null;
  readings: Reading[];
}

export function newIndicator(town: TownSlug, question = HEADLINE_QUESTION): Indicator {
  return {
    id: town,
    version: 1,
    town,
    question,
    baseline: null,
    target: null,
    readings: [],
  };
}

function parsed<T>(schema: z.ZodType<T>, input: unknown, field: string): Validated<T> {
  const r = schema.safeParse(input);
  return r.success
    ? ok(r.data)
    : fail(r.error.issues.map((i) => issue([field, ...i.path].join('.'), i.message)));
}

export function setBaseline(ind: Indicator, input: unknown): Validated<Indicator> {
  const r = parsed(baselineSchema, input, 'baseline');
  if (!r.ok) return r;
  if (ind.target && ind.target.year <= r.value.year)
    return fail([issue('baseline.year', 'The baseline must come before the target year')]);
  return ok({ ...ind, baseline: r.value });
}

export function setTarget(ind: Indicator, input: unknown): Validated<Indicator> {
  const r = parsed(targetSchema, input, 'target');
  if (!r.ok) return r;
  if (ind.baseline && r.value.year <= ind.baseline.year)
    return fail([issue('target.year', 'The target year must come after the baseline year')]);
  return ok({ ...ind, target: r.value });
}

/** Proxy readings always carry a caveat, so they are never read as the real measure. */
export function addReading(ind: Indicator, input: unknown): Validated<Indicator> {
  const r = parsed(readingSchema, input, 'reading');
  if (!r.ok) return r;
  const reading = {
    ...r.value,
    caveat: r.value.proxy ? r.value.caveat || DEFAULT_PROXY_CAVEAT : r.value.caveat,
  };
  const duplicate = ind.readings.some((x) => x.year === reading.year && x.source === reading.source);
  if (duplicate)
    return fail([issue('reading', `There is already a ${reading.year} reading from ${reading.source}`)]);
  const readings = [...ind.readings, reading].sort((a, b) => a.year - b.year);
  return ok({ ...ind, readings });
}

/** 95% margin of error, in percentage points, of a survey percentage with a simple random sample. */
export function marginOfError(value: number, sampleSize: number | null): number | null {
  if (!sampleSize) return null;
  const p = value / 100;
  return Math.round(196 * Math.sqrt((p * (1 - p)) / sampleSize) * 10) / 10;
}

/** The latest reading of the real measure (not a proxy), if any. */
export function latestReading(ind: Indicator, proxy = false): Reading | null {
  return ind.readings.filter((r) => r.proxy === proxy).at(-1) ?? null;
}

/** Where the straight line from baseline to target stands in a given year: the trajectory to be on. */
export function trajectoryAt(ind: Pick<Indicator, 'baseline' | 'target'>, year: number): number | null {
  const { baseline, target } = ind;
  if (!baseline || !target) return null;
  const share = (year - baseline.year) / (target.year - baseline.year);
  return Math.round((baseline.value + (target.value - baseline.value) * share) * 10) / 10;
}

export type Progress = 'ahead' | 'on_track' | 'behind';

/**
 * The latest real reading against the trajectory. A difference within the survey's margin of error is
 * "on track": the survey cannot tell it apart. Proxies are never used for this judgement.
 */
export function progressAgainstTrajectory(ind: Indicator): {
  reading: Reading;
  expected: number;
  progress: Progress;
} | null {
  const reading = latestReading(ind);
  if (!reading) return null;
  const expected = trajectoryAt(ind, reading.year);
  if (expected === null) return null;
  const margin = marginOfError(reading.value, reading.sampleSize) ?? 0;
  const gap = reading.value - expected;
  const progress = Math.abs(gap) <= margin ? 'on_track' : gap > 0 ? 'ahead' : 'behind';
  return { reading, expected, progress };
}

/** The series of a trajectory chart: baseline to target, the survey readings, the local proxies. */
/**
 * The chart's series on one ordered year axis. A chart draws its x categories in the order it first meets
 * them, so the trajectory (drawn first) carries a point at every year of the axis within its span, on its
 * straight line, and every series runs in year order: a proxy from 2019 sits between 2017 and 2021.
 */
export function indicatorSeries(
  ind: Indicator,
): { legend: string; points: { year: number; value: number }[] }[] {
  const byYear = (points: { year: number; value: number }[]) => [...points].sort((a, b) => a.year - b.year);
  const baselinePoint = ind.baseline ? [{ year: ind.baseline.year, value: ind.baseline.value }] : [];
  const survey = byYear([
    ...baselinePoint,
    ...ind.readings.filter((r) => !r.proxy).map((r) => ({ year: r.year, value: r.value })),
  ]);
  const proxies = byYear(ind.readings.filter((r) => r.proxy).map((r) => ({ year: r.year, value: r.value })));
  const series = [];
  if (ind.baseline && ind.target) {
    const { baseline, target } = ind;
    const years = [
      ...new Set([baseline.year, target.year, ...survey.map((p) => p.year), ...proxies.map((p) => p.year)]),
    ]
      .filter((year) => year >= baseline.year && year <= target.year)
      .sort((a, b) => a - b);
    const points = years.map((year) => ({ year, value: trajectoryAt(ind, year)! }));
    series.push({ legend: 'Trajectory to target', points });
  }
  if (survey.length) series.push({ legend: "Residents' survey", points: survey });
  if (proxies.length) series.push({ legend: 'Local surveys (proxy)', points: proxies });
  return series;
}
