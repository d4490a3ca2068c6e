// The guard measured on the labelled corpus: the figures docs/DATA-PROTECTION.md reports, held as
// assertions so that a change which loses recall or raises false alarms fails the suite.
import { describe, expect, it } from 'vitest';
import { screenText } from '../../../src/domain/personal-data.js';
import type { Verdict } from '../../../src/domain/personal-data-findings.js';
import { HELD_OUT, IDENTIFYING, KNOWN_NAMES, SAFE, SENSITIVE } from './personal-data-corpus.js';

const verdictOf = (text: string): Verdict => screenText(text, { knownNames: KNOWN_NAMES }).verdict;
const share = (texts: readonly string[], keep: (v: Verdict) => boolean) =>
  texts.filter((t) => keep(verdictOf(t))).length / texts.length;
const missed = (texts: readonly string[], ok: (v: Verdict) => boolean) =>
  texts.filter((t) => !ok(verdictOf(t)));

describe('the personal-data guard on the labelled corpus', () => {
  it('is large enough to mean something: at least 300 notes and titles', () => {
    expect(SAFE.length + IDENTIFYING.length + SENSITIVE.length).toBeGreaterThanOrEqual(300);
    expect(Math.min(SAFE.length, IDENTIFYING.length, SENSITIVE.length)).toBeGreaterThanOrEqual(80);
  });

  it('holds back at least 98% of texts with sensitive details about a person, refusing at least 95%', () => {
    expect(missed(SENSITIVE, (v) => v !== 'clear')).toEqual([]);
    expect(share(SENSITIVE, (v) => v !== 'clear')).toBeGreaterThanOrEqual(0.98);
    expect(share(SENSITIVE, (v) => v === 'refuse')).toBeGreaterThanOrEqual(0.95);
  });

  it('warns on at least 95% of texts that identify a person, refusing none of them outright', () => {
    expect(share(IDENTIFYING, (v) => v !== 'clear')).toBeGreaterThanOrEqual(0.95);
    expect(missed(IDENTIFYING, (v) => v !== 'refuse').length).toBeLessThanOrEqual(IDENTIFYING.length * 0.05);
  });

  it('raises a false alarm on at most 3% of safe texts about places, groups, partners and work', () => {
    expect(missed(SAFE, (v) => v === 'clear')).toEqual([]);
    expect(share(SAFE, (v) => v !== 'clear')).toBeLessThanOrEqual(0.03);
  });

  // Written as a held-out set in an earlier round; its misses were seen while tuning for issue 31, so it is
  // development data now. The held-out set is test/corpora/guard-held-out.ts (guard-corpora.test.ts).
  it('does as well on the earlier held-out set, now development data', () => {
    expect(share(HELD_OUT.sensitive, (v) => v !== 'clear')).toBeGreaterThanOrEqual(0.95);
    expect(share(HELD_OUT.identifying, (v) => v !== 'clear')).toBeGreaterThanOrEqual(0.9);
    expect(share(HELD_OUT.safe, (v) => v !== 'clear')).toBeLessThanOrEqual(0.05);
  });
});
