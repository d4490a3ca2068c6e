// What the residents' indicator says: the trajectory from the baseline to the target, the latest survey
// reading judged against it (or against the target itself once its year has passed), every reading with its
// 95% margin, and the chart's series on a year axis. One place, so the card, the summary and the tab agree.
import { latestReading, marginOfError, type Indicator, type Reading } from './indicator.js';

type Progress = 'ahead' | 'on_track' | 'behind';

export interface IndicatorVerdict {
  reading: Reading;
  /** Where the reading should be: the trajectory's figure for its year, or the target after the target year. */
  expected: number;
  against: 'trajectory' | 'target';
  /** The reading's 95% margin, in points (null: no sample size, so none). */
  margin: number | null;
  progress: Progress;
}

const tenth = (n: number) => Math.round(n * 10) / 10;

/**
 * The straight line from baseline to target, at a year. It starts at the baseline and stops at the target:
 * before the baseline year it is the baseline, after the target year the target, never beyond either.
 */
export function trajectoryAt(ind: Pick<Indicator, 'baseline' | 'target'>, year: number): number | null {
  const { baseline, target } = ind;
  if (!baseline || !target) return null;
  if (year <= baseline.year) return baseline.value;
  if (year >= target.year) return target.value;
  const share = (year - baseline.year) / (target.year - baseline.year);
  return tenth(baseline.value + (target.value - baseline.value) * share);
}

/**
 * The latest survey reading (never a proxy) against where it should be. Within the reading's margin of
 * error of that figure is "on track": the survey cannot tell the two apart. After the target year the
 * reading is judged against the target itself.
 */
export function indicatorVerdict(ind: Indicator): IndicatorVerdict | null {
  const reading = latestReading(ind);
  if (!reading || !ind.target) return null;
  const expected = trajectoryAt(ind, reading.year);
  if (expected === null) return null;
  const margin = marginOfError(reading.value, reading.sampleSize);
  const gap = reading.value - expected;
  const progress = Math.abs(gap) <= (margin ?? 0) ? 'on_track' : gap > 0 ? 'ahead' : 'behind';
  const against = reading.year > ind.target.year ? 'target' : 'trajectory';
  return { reading, expected, against, margin, progress };
}

export interface ReadingWithMargin {
  year: number;
  value: number;
  margin: number | null;
  /** The 95% interval, clipped to 0-100 (null without a margin). */
  low: number | null;
  high: number | null;
  proxy: boolean;
  source: string;
}

/** The baseline and every reading of the current cycle, each with its margin of error, in year order. */
export function readingsWithMargins(ind: Indicator): ReadingWithMargin[] {
  const baseline = ind.baseline && {
    ...ind.baseline,
    proxy: false,
    source: "Residents' survey (baseline)",
  };
  return [...(baseline ? [baseline] : []), ...ind.readings]
    .map((r) => {
      const margin = marginOfError(r.value, r.sampleSize);
      return {
        year: r.year,
        value: r.value,
        margin,
        low: margin === null ? null : tenth(Math.max(0, r.value - margin)),
        high: margin === null ? null : tenth(Math.min(100, r.value + margin)),
        proxy: r.proxy,
        source: r.source,
      };
    })
    .sort((a, b) => a.year - b.year || Number(a.proxy) - Number(b.proxy));
}

export interface IndicatorSeries {
  legend: string;
  kind: 'trajectory' | 'target' | 'survey' | 'proxy';
  points: { year: number; value: number }[];
}

/** Every whole year from `from` to `to`. */
const yearsFrom = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * The chart's series, each in year order. The trajectory has a point for every year from the baseline year
 * to the target year; after the target year, while readings go on, the target itself, every year. A chart
 * that draws its x axis as categories (Teams' line chart) therefore has every year on it, evenly spaced: a
 * year axis to scale, where 2017 to 2021 takes four times the room of 2021 to 2022.
 */
export function indicatorSeries(ind: Indicator): IndicatorSeries[] {
  const readings = readingsWithMargins(ind);
  const survey = readings.filter((r) => !r.proxy).map(({ year, value }) => ({ year, value }));
  const proxies = readings.filter((r) => r.proxy).map(({ year, value }) => ({ year, value }));
  const series: IndicatorSeries[] = [];
  if (ind.baseline && ind.target) {
    const { baseline, target } = ind;
    const start = Math.min(baseline.year, ...readings.map((r) => r.year));
    const trajectory = yearsFrom(start, target.year).map((year) => ({
      year,
      value: trajectoryAt(ind, year)!,
    }));
    series.push({ legend: 'Target path', kind: 'trajectory', points: trajectory });
    const last = Math.max(target.year, ...readings.map((r) => r.year));
    if (last > target.year) {
      const after = yearsFrom(target.year, last).map((year) => ({ year, value: target.value }));
      series.push({ legend: 'Target (year passed)', kind: 'target', points: after });
    }
  }
  if (survey.length) series.push({ legend: "Residents' survey", kind: 'survey', points: survey });
  if (proxies.length) series.push({ legend: 'Proxy surveys', kind: 'proxy', points: proxies });
  return series;
}

/** The verdict as every surface shows it: the summary, the indicator card, the board tab. */
export type VerdictView = Pick<IndicatorVerdict, 'progress' | 'expected' | 'against' | 'margin'> & {
  year: number;
  value: number;
  target: { year: number; value: number };
};

export function verdictView(ind: Indicator): VerdictView | null {
  const verdict = indicatorVerdict(ind);
  if (!verdict || !ind.target) return null;
  const { progress, expected, against, margin, reading } = verdict;
  return {
    progress,
    expected,
    against,
    margin,
    year: reading.year,
    value: reading.value,
    target: ind.target,
  };
}

const AGAINST: Record<IndicatorVerdict['against'], Record<Progress, string>> = {
  trajectory: {
    ahead: 'ahead of the trajectory to target',
    on_track: 'on the trajectory to target (within the margin of error)',
    behind: 'behind the trajectory to target',
  },
  target: {
    ahead: 'beyond the target',
    on_track: 'at the target (within the margin of error)',
    behind: 'short of the target',
  },
};

/** "2026: short of the target (52% by 2021); the survey found 49% ±3.9 points", and whether it is good news. */
export function verdictSentence(v: VerdictView): { text: string; good: boolean } {
  const reading = `${v.value}%${v.margin === null ? '' : ` ±${v.margin} points`}`;
  const where =
    v.against === 'target' ? `${v.target.value}% by ${v.target.year}` : `${v.expected}% expected by then`;
  return {
    text: `${v.year}: ${AGAINST[v.against][v.progress]} (${where}); the survey found ${reading}`,
    good: v.progress !== 'behind',
  };
}

/** The verdict's rule in plain words (help card, docs). */
export const INDICATOR_RULE =
  "The latest residents' survey (never a local proxy) against the straight line from the baseline to the target, or against the target once its year has passed. Within the survey's margin of error is on track; the line never runs past the target.";
