// The SMART coach's figures as docs/SMART-COACH.md reports them. Held-out sets are written before the coach
// is tuned and measured once; a set measured once is then folded into development (tuned on) and a new one
// written. The figures of the newest held-out set are the evidence, and floors here; the others are
// development tables, their figures floors too.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HELD_OUT_BAD, HELD_OUT_GOOD } from '../../corpora/smart-held-out.js';
import { HELD_OUT_2_BAD, HELD_OUT_2_GOOD } from '../../corpora/smart-held-out-2.js';
import { GOOD, VAGUE } from './smart-coach-cases.js';
import { figuresOf } from './smart-coach-run.js';

const development = figuresOf([...GOOD, ...VAGUE]);
const first = figuresOf([...HELD_OUT_GOOD, ...HELD_OUT_BAD]);
const second = figuresOf([...HELD_OUT_2_GOOD, ...HELD_OUT_2_BAD]);
const docs = readFileSync(new URL('../../../docs/SMART-COACH.md', import.meta.url), 'utf8');

describe('the SMART coach on its tables', () => {
  it('has held-out sets of at least 150 actions, about half of them good', () => {
    for (const set of [first, second]) {
      expect(set.rows).toBeGreaterThanOrEqual(150);
      expect(Math.abs(set.goodRows - set.badRows)).toBeLessThanOrEqual(4);
    }
  });

  it('keeps the second held-out set, never tuned on, at least at its measured figures', () => {
    expect(second.exact).toBeGreaterThanOrEqual(127);
    expect(second.falseWarningsOnGood).toBeLessThanOrEqual(5);
    expect(second.badPassedSilently).toBeLessThanOrEqual(6);
    expect(second.precision).toBeGreaterThanOrEqual(0.935);
    expect(second.recall).toBeGreaterThanOrEqual(0.865);
  });

  it('keeps the development tables at least where they are', () => {
    expect(development.exact).toBe(development.rows);
    expect(first.exact).toBeGreaterThanOrEqual(148);
  });

  it('is reported in docs/SMART-COACH.md as measured', () => {
    expect(docs).toContain(`right on ${development.exact} of the ${development.rows} actions`);
    expect(docs).toContain(`now right on ${first.exact} of its ${first.rows}`);
    expect(docs).toContain(
      `right on ${second.exact} of the ${second.rows} actions of the second held-out set`,
    );
  });
});
