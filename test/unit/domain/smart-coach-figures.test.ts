// The SMART coach's figures on its two tables, as docs/SMART-COACH.md reports them: the development table
// (smart-coach-cases.ts, which the coach was tuned on) and the held-out set (test/corpora, written before
// the coach changed and never tuned on). The held-out figures are floors: a change may raise them, never
// lower them unnoticed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HELD_OUT_BAD, HELD_OUT_GOOD } from '../../corpora/smart-held-out.js';
import { GOOD, VAGUE } from './smart-coach-cases.js';
import { figuresOf } from './smart-coach-run.js';

const heldOut = figuresOf([...HELD_OUT_GOOD, ...HELD_OUT_BAD]);
const development = figuresOf([...GOOD, ...VAGUE]);
const docs = readFileSync(new URL('../../../docs/SMART-COACH.md', import.meta.url), 'utf8');

describe('the SMART coach on the held-out set, never tuned on', () => {
  it('has at least 150 actions, about half of them good', () => {
    expect(heldOut.rows).toBeGreaterThanOrEqual(150);
    expect(Math.abs(heldOut.goodRows - heldOut.badRows)).toBeLessThanOrEqual(4);
  });

  it('keeps its measured figures as floors', () => {
    expect(heldOut.exact).toBeGreaterThanOrEqual(144);
    expect(heldOut.falseWarningsOnGood).toBeLessThanOrEqual(2);
    expect(heldOut.badPassedSilently).toBeLessThanOrEqual(1);
    expect(heldOut.precision).toBeGreaterThanOrEqual(0.97);
    expect(heldOut.recall).toBeGreaterThanOrEqual(0.97);
  });

  it('is reported in docs/SMART-COACH.md as measured, beside the development table', () => {
    expect(docs).toContain(`right on ${heldOut.exact} of the ${heldOut.rows} held-out actions`);
    expect(docs).toContain(`right on ${development.exact} of the ${development.rows} actions`);
  });
});
