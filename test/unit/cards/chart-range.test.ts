// The indicator chart's y range: round ticks (the intervals the cards' chart renderer draws) that hold every
// value.
import { describe, expect, it } from 'vitest';
import { intervalsFrom, percentRange } from '../../../src/cards/chart-range.js';

const ticks = ({ yMin, yMax }: { yMin: number; yMax: number }) => {
  const n = intervalsFrom(yMin);
  return Array.from({ length: n + 1 }, (_, i) => yMin + (i * (yMax - yMin)) / n);
};

describe('percentRange', () => {
  it.each([
    [[48, 51, 56], { yMin: 44, yMax: 64 }],
    [[44, 52], { yMin: 40, yMax: 60 }],
    [[49.5, 50.5], { yMin: 48, yMax: 53 }],
    [[2, 97], { yMin: 0, yMax: 100 }],
    [[96, 99], { yMin: 95, yMax: 100 }],
    [[0, 3], { yMin: 0, yMax: 4 }],
  ])('%j fits %j', (values, range) => {
    expect(percentRange(values)).toEqual(range);
  });

  it('always holds the data, inside 0-100, on whole-number ticks', () => {
    for (let low = 0; low <= 100; low += 3)
      for (let span = 0; low + span <= 100; span += 7) {
        const range = percentRange([low, low + span])!;
        expect(range.yMin).toBeLessThanOrEqual(low);
        expect(range.yMax).toBeGreaterThanOrEqual(low + span);
        expect(range.yMin).toBeGreaterThanOrEqual(0);
        expect(range.yMax).toBeLessThanOrEqual(100);
        for (const tick of ticks(range)) expect(Number.isInteger(tick), `${low}+${span}`).toBe(true);
      }
  });

  it('has no range for no data', () => expect(percentRange([])).toBeUndefined());
});
