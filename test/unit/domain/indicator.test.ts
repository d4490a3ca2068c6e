import { describe, expect, it } from 'vitest';
import {
  addReading,
  DEFAULT_PROXY_CAVEAT,
  HEADLINE_QUESTION,
  latestReading,
  marginOfError,
  progressAgainstTrajectory,
  trajectoryAt,
  newIndicator,
  indicatorSeries,
  setBaseline,
  setTarget,
  type Indicator,
} from '../../../src/domain/indicator.js';

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

  it('says ahead or behind only when the gap is bigger than the margin of error', () => {
    const at = (value: number, sample: number | null) =>
      progressAgainstTrajectory({ ...base, readings: [reading(value, sample)] })?.progress;
    expect(at(50, 400)).toBe('on_track');
    expect(at(45, 400)).toBe('behind'); // 5 below, margin ±4.9
    expect(at(46, 100)).toBe('on_track'); // 4 below, margin ±9.8 with 100 asked
    expect(at(56, 400)).toBe('ahead');
    expect(at(49, null)).toBe('behind'); // no sample size, no margin to hide in
  });

  it('never judges progress on a proxy', () => {
    expect(progressAgainstTrajectory({ ...base, readings: [reading(70, 400, true)] })).toBeNull();
  });
});

describe('the indicator chart', () => {
  it('puts every series on one ordered year axis, the trajectory on its line at each year', () => {
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
      ['Trajectory to target', ['2017:46', '2019:50', '2021:54']],
      ["Residents' survey", ['2017:46', '2021:52']],
      ['Local surveys (proxy)', ['2019:49']],
    ]);
    // The order a chart meets the years in, reading the series in turn, is the years' own order.
    const met = [...new Set(series.flatMap((s) => s.points.map((p) => p.year)))];
    expect(met).toEqual([...met].sort((a, b) => a - b));
  });
});
