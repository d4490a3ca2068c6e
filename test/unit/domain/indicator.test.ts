import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addReading,
  DEFAULT_PROXY_CAVEAT,
  HEADLINE_QUESTION,
  latestReading,
  marginOfError,
  newIndicator,
  setBaseline,
  setTarget,
  startCycle,
  type Indicator,
} from '../../../src/domain/indicator.js';
import {
  indicatorSeries,
  indicatorVerdict,
  readingsWithMargins,
  trajectoryAt,
  verdictSentence,
  verdictView,
} from '../../../src/domain/indicator-verdict.js';

const value = <T>(r: { ok: boolean; value?: T }) => {
  if (!r.ok) throw new Error('unexpected');
  return r.value as T;
};

describe('performance indicator', () => {
  it('asks the headline question and records baseline, target and readings', () => {
    let ind = newIndicator('truro');
    expect(ind.question).toBe(HEADLINE_QUESTION);
    ind = value<Indicator>(setBaseline(ind, { year: 2017, value: 46, sampleSize: 400 }));
    ind = value<Indicator>(setTarget(ind, { year: 2021, value: 54 }));
    ind = value<Indicator>(addReading(ind, { year: 2019, value: 49, source: 'Have Your Say', proxy: true }));
    ind = value<Indicator>(
      addReading(ind, { year: 2021, value: 52, sampleSize: 380, source: 'Residents survey', proxy: false }),
    );
    expect(latestReading(ind)).toMatchObject({ year: 2021, value: 52 });
    expect(latestReading(ind, true)).toMatchObject({ year: 2019, caveat: DEFAULT_PROXY_CAVEAT });
  });

  it('refuses values out of range and targets before the baseline', () => {
    const ind = newIndicator('truro');
    expect(setBaseline(ind, { year: 2017, value: 101, sampleSize: 400 })).toMatchObject({
      ok: false,
      error: [{ field: 'baseline.value', message: 'A percentage cannot be above 100' }],
    });
    expect(setBaseline(ind, { year: 2017, value: 46, sampleSize: 0 })).toMatchObject({
      ok: false,
      error: [{ message: 'The sample size must be at least 1' }],
    });
    expect(setBaseline(ind, { year: 2017, value: '46', sampleSize: 10 })).toMatchObject({
      ok: false,
      error: [{ field: 'baseline.value' }],
    });
    const withBaseline = value<Indicator>(setBaseline(ind, { year: 2017, value: 46, sampleSize: 400 }));
    expect(setTarget(withBaseline, { year: 2016, value: 50 })).toMatchObject({
      ok: false,
      error: [{ message: 'The target year must come after the baseline year' }],
    });
    const once = value<Indicator>(addReading(ind, { year: 2019, value: 49, source: 'HYS', proxy: true }));
    expect(addReading(once, { year: 2019, value: 50, source: 'HYS', proxy: true })).toMatchObject({
      ok: false,
    });
  });

  it('gives the 95% margin of error only when the sample size is known', () => {
    expect(marginOfError(50, 400)).toBe(4.9);
    expect(marginOfError(46, 1000)).toBe(3.1);
    expect(marginOfError(50, null)).toBeNull();
  });
});

describe('progress against the trajectory to target', () => {
  const base = {
    ...newIndicator('truro'),
    baseline: { year: 2017, value: 40, sampleSize: 400 },
    target: { year: 2021, value: 60 },
  };
  const reading = (value: number, sampleSize: number | null, proxy = false) => ({
    year: 2019,
    value,
    sampleSize,
    source: proxy ? 'Have Your Say' : 'Residents survey',
    proxy,
    caveat: null,
  });

  it('draws the line from baseline to target and reads each year off it', () => {
    expect(trajectoryAt(base, 2017)).toBe(40);
    expect(trajectoryAt(base, 2019)).toBe(50);
    expect(trajectoryAt(base, 2021)).toBe(60);
    expect(trajectoryAt({ ...base, target: null }, 2019)).toBeNull();
  });

  it('stops at the baseline and at the target: no expected figure beyond either', () => {
    expect(trajectoryAt(base, 2015)).toBe(40);
    expect(trajectoryAt(base, 2026)).toBe(60);
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2090 }),
        fc.integer({ min: 1, max: 9 }),
        fc.float({ min: 0, max: 100, noNaN: true }),
        fc.float({ min: 0, max: 100, noNaN: true }),
        fc.integer({ min: 1990, max: 2100 }),
        (start, span, from, to, year) => {
          const ind = {
            baseline: { year: start, value: from, sampleSize: 400 },
            target: { year: start + span, value: to },
          };
          const expected = trajectoryAt(ind, year)!;
          expect(expected).toBeGreaterThanOrEqual(Math.min(from, to) - 0.05);
          expect(expected).toBeLessThanOrEqual(Math.max(from, to) + 0.05);
          if (year >= start + span) expect(expected).toBe(to);
        },
      ),
    );
  });

  it('judges a reading after the target year against the target itself', () => {
    // Truro as found: 52% by 2021, a 2026 reading of 49%: short of the target, not "62% expected".
    const truro = {
      ...base,
      baseline: { year: 2017, value: 44, sampleSize: 400 },
      target: { year: 2021, value: 52 },
    };
    const late = { ...truro, readings: [{ ...reading(49, 400), year: 2026 }] };
    const verdict = indicatorVerdict(late)!;
    expect(verdict).toMatchObject({ expected: 52, against: 'target', progress: 'on_track' }); // 49 ±4.9
    const far = { ...truro, readings: [{ ...reading(45, 1000), year: 2026 }] };
    expect(indicatorVerdict(far)).toMatchObject({ expected: 52, against: 'target', progress: 'behind' });
    const text = verdictSentence(verdictView(far)!).text;
    expect(text).toBe('2026: short of the target (52% by 2021); the survey found 45% ±3.1 points');
    expect(text).not.toMatch(/6\d%/);
  });

  it('never expects more than the target, whatever the reading', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2017, max: 2060 }), fc.integer({ min: 0, max: 100 }), (year, value) => {
        const v = indicatorVerdict({ ...base, readings: [{ ...reading(value, 400), year }] })!;
        expect(v.expected).toBeLessThanOrEqual(60);
        expect(v.expected).toBeGreaterThanOrEqual(40);
        const margin = v.margin ?? 0;
        const within = Math.abs(value - v.expected) <= margin;
        expect(v.progress === 'on_track').toBe(within);
      }),
    );
  });

  it('says ahead or behind only when the gap is bigger than the margin of error', () => {
    const at = (value: number, sample: number | null) =>
      indicatorVerdict({ ...base, readings: [reading(value, sample)] })?.progress;
    expect(at(50, 400)).toBe('on_track');
    expect(at(45, 400)).toBe('behind'); // 5 below, margin ±4.9
    expect(at(46, 100)).toBe('on_track'); // 4 below, margin ±9.8 with 100 asked
    expect(at(56, 400)).toBe('ahead');
    expect(at(49, null)).toBe('behind'); // no sample size, no margin to hide in
  });

  it('never judges progress on a proxy', () => {
    expect(indicatorVerdict({ ...base, readings: [reading(70, 400, true)] })).toBeNull();
  });
});

describe('the indicator chart', () => {
  it('gives every reading, proxies included, its margin, clipped to 0-100', () => {
    let ind = value<Indicator>(
      setBaseline(newIndicator('truro'), { year: 2017, value: 46, sampleSize: 400 }),
    );
    ind = value<Indicator>(
      addReading(ind, { year: 2019, value: 98, sampleSize: 50, source: 'HYS', proxy: true }),
    );
    ind = value<Indicator>(addReading(ind, { year: 2020, value: 40, source: 'Street survey', proxy: true }));
    expect(readingsWithMargins(ind)).toEqual([
      {
        year: 2017,
        value: 46,
        margin: 4.9,
        low: 41.1,
        high: 50.9,
        proxy: false,
        source: "Residents' survey (baseline)",
      },
      { year: 2019, value: 98, margin: 3.9, low: 94.1, high: 100, proxy: true, source: 'HYS' },
      { year: 2020, value: 40, margin: null, low: null, high: null, proxy: true, source: 'Street survey' },
    ]);
  });

  it('puts every year of the span on one ordered axis, the trajectory on its line at each', () => {
    let ind = value<Indicator>(
      setBaseline(newIndicator('truro'), { year: 2017, value: 46, sampleSize: 400 }),
    );
    ind = value<Indicator>(setTarget(ind, { year: 2021, value: 54 }));
    ind = value<Indicator>(
      addReading(ind, { year: 2021, value: 52, sampleSize: 380, source: 'Residents survey', proxy: false }),
    );
    ind = value<Indicator>(addReading(ind, { year: 2019, value: 49, source: 'Have Your Say', proxy: true }));
    const series = indicatorSeries(ind);
    expect(series.map((s) => [s.legend, s.points.map((p) => `${p.year}:${p.value}`)])).toEqual([
      ['Target path', ['2017:46', '2018:48', '2019:50', '2020:52', '2021:54']],
      ["Residents' survey", ['2017:46', '2021:52']],
      ['Proxy surveys', ['2019:49']],
    ]);
    // The order a chart meets the years in, reading the series in turn, is the years' own order, each once.
    const met = [...new Set(series.flatMap((s) => s.points.map((p) => p.year)))];
    expect(met).toEqual([2017, 2018, 2019, 2020, 2021]);
  });

  it('carries the target on, every year, past its year while readings go on', () => {
    let ind = value<Indicator>(
      setBaseline(newIndicator('truro'), { year: 2017, value: 44, sampleSize: 400 }),
    );
    ind = value<Indicator>(setTarget(ind, { year: 2021, value: 52 }));
    ind = value<Indicator>(
      addReading(ind, { year: 2026, value: 49, sampleSize: 400, source: 'Residents survey', proxy: false }),
    );
    const [trajectory, target, survey] = indicatorSeries(ind);
    expect(trajectory!.points.at(-1)).toEqual({ year: 2021, value: 52 }); // never past the target
    expect(target!.points.map((p) => p.year)).toEqual([2021, 2022, 2023, 2024, 2025, 2026]);
    expect(target!.points.every((p) => p.value === 52)).toBe(true);
    expect(survey!.points.at(-1)).toEqual({ year: 2026, value: 49 });
  });
});

describe('cycles', () => {
  const first = () => {
    let ind = value<Indicator>(
      setBaseline(newIndicator('truro'), { year: 2017, value: 44, sampleSize: 400 }),
    );
    ind = value<Indicator>(setTarget(ind, { year: 2021, value: 52 }));
    ind = value<Indicator>(
      addReading(ind, { year: 2021, value: 49, sampleSize: 380, source: 'Survey', proxy: false }),
    );
    return value<Indicator>(
      addReading(ind, { year: 2026, value: 50, sampleSize: 150, source: 'HYS', proxy: true }),
    );
  };

  it('starts a new baseline with a target three years on, keeping the last cycle readable', () => {
    const next = value<Indicator>(
      startCycle(first(), { year: 2025, value: 47, sampleSize: 420, targetValue: 55 }),
    );
    expect(next.baseline).toEqual({ year: 2025, value: 47, sampleSize: 420 });
    expect(next.target).toEqual({ year: 2028, value: 55 });
    expect(next.readings.map((r) => r.year)).toEqual([2026]); // a reading after the new baseline moves with it
    expect(next.cycles).toHaveLength(1);
    expect(next.cycles![0]).toMatchObject({ baseline: { year: 2017 }, target: { year: 2021, value: 52 } });
    expect(next.cycles![0]!.readings.map((r) => r.year)).toEqual([2021]);
    // The trajectory of the new cycle, and no verdict until a survey reading comes in.
    expect(trajectoryAt(next, 2026)).toBe(49.7);
    expect(indicatorVerdict(next)).toBeNull();
  });

  it('refuses a cycle that does not start after the current baseline, or lacks a figure', () => {
    expect(startCycle(first(), { year: 2017, value: 47, sampleSize: 420, targetValue: 55 })).toMatchObject({
      ok: false,
      error: [{ field: 'cycle.year' }],
    });
    expect(startCycle(first(), { year: 2025, value: 47, sampleSize: 420 })).toMatchObject({
      ok: false,
      error: [{ field: 'cycle.targetValue', message: 'The target percentage is required' }],
    });
  });
});
