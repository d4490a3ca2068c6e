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

/** A baseline, its target and the readings between: one cycle of the programme (three years). */
export interface IndicatorCycle {
  baseline: Baseline;
  target: Target | null;
  readings: Reading[];
}

/** A town's residents' survey indicator: % agreeing with the headline question. */
export interface Indicator extends Versioned {
  town: TownSlug;
  question: string;
  /** The current cycle: */
  baseline: Baseline | null;
  target: Target | null;
  readings: Reading[];
  /** Earlier cycles, oldest first (absent on records from before cycles). */
  cycles?: IndicatorCycle[];
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
export function latestReading(ind: Pick<Indicator, 'readings'>, proxy = false): Reading | null {
  return ind.readings.filter((r) => r.proxy === proxy).at(-1) ?? null;
}

/** Years a new cycle's target lies after its baseline: the programme's three-year target. */
const CYCLE_YEARS = 3;

const cycleSchema = z.object({
  year,
  value: percent,
  sampleSize,
  targetValue: numberCalled('The target percentage')
    .min(0, 'A percentage cannot be below 0')
    .max(100, 'A percentage cannot be above 100'),
});

/**
 * A new cycle: a new baseline survey, and a target three years on. The cycle that ends (its baseline,
 * target and readings) is kept, readable, in `cycles`; readings from here on belong to the new one.
 */
export function startCycle(ind: Indicator, input: unknown): Validated<Indicator> {
  const r = parsed(cycleSchema, input, 'cycle');
  if (!r.ok) return r;
  const { year: start, value, sampleSize: asked, targetValue } = r.value;
  if (ind.baseline && start <= ind.baseline.year)
    return fail([issue('cycle.year', `A new cycle starts after this one's baseline (${ind.baseline.year})`)]);
  const before = ind.readings.filter((x) => x.year <= start);
  const ended = ind.baseline ? [{ baseline: ind.baseline, target: ind.target, readings: before }] : [];
  return ok({
    ...ind,
    cycles: [...(ind.cycles ?? []), ...ended],
    baseline: { year: start, value, sampleSize: asked },
    target: { year: start + CYCLE_YEARS, value: targetValue },
    readings: ind.readings.filter((x) => x.year > start),
  });
}
