// The SMART coach over a table of real-looking actions (smart-coach-cases.ts): every row as a CSO would judge
// it, bar the rows marked where the coach still disagrees, whose count docs/SMART-COACH.md reports.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coachAction, DEFAULT_COACH_POLICY, workKindOf } from '../../../src/domain/smart-coach.js';
import { addDays } from '../../../src/domain/dates.js';
import { GOOD, TODAY, VAGUE } from './smart-coach-cases.js';
import { codesFor } from './smart-coach-run.js';

const ALL = [...GOOD, ...VAGUE];

describe('the SMART coach', () => {
  it('has a table of at least 60 actions, good and vague', () => {
    expect(ALL.length).toBeGreaterThanOrEqual(60);
    expect(GOOD.length).toBeGreaterThanOrEqual(30);
    expect(VAGUE.length).toBeGreaterThanOrEqual(30);
  });

  for (const c of ALL.filter((x) => !x.coachDisagrees))
    it(`${c.expected.length ? 'warns' : 'passes'}: ${c.title.slice(0, 70)}`, () => {
      expect(
        codesFor(c)
          .map((f) => f.code)
          .sort(),
      ).toEqual([...c.expected].sort());
    });

  it('still disagrees on the rows marked so (fix the coach, then unmark them and update the docs)', () => {
    for (const c of ALL.filter((x) => x.coachDisagrees))
      expect(
        codesFor(c)
          .map((f) => f.code)
          .sort(),
        c.title,
      ).not.toEqual([...c.expected].sort());
  });

  it('reports in docs/SMART-COACH.md how often it is right on the table', () => {
    const right = ALL.filter((c) => !c.coachDisagrees).length;
    const docs = readFileSync(new URL('../../../docs/SMART-COACH.md', import.meta.url), 'utf8').replace(
      /\s+/g,
      ' ',
    );
    expect(docs).toContain(`right on ${right} of the ${ALL.length} actions`);
  });

  it('gives every warning a field, a message and a suggestion', () => {
    for (const c of VAGUE)
      for (const f of codesFor(c)) {
        expect(f.message.length, c.title).toBeGreaterThan(10);
        expect(f.suggestion.length, c.title).toBeGreaterThan(10);
        expect(['title', 'measure', 'target', 'ownerIds', 'dueDate', 'milestones']).toContain(f.field);
      }
  });

  it('reads its thresholds from the policy', () => {
    const busy = VAGUE.find((c) => c.busy)!;
    const lenient = { ...DEFAULT_COACH_POLICY, maxOpenActionsPerOwner: 20 };
    expect(codesFor(busy, lenient)).toEqual([]);
    const quick = VAGUE.find((c) => c.title === 'Install CCTV cameras')!;
    const fast = { ...DEFAULT_COACH_POLICY, leadDays: { ...DEFAULT_COACH_POLICY.leadDays, works: 10 } };
    expect(codesFor(quick, fast).map((f) => f.code)).toEqual(['no_place']);
    expect(workKindOf('Consult on a PSPO for the Moor')).toBe('order');
    expect(workKindOf('Run 12 patrols')).toBe('other');
  });

  it('never throws, whatever the text', () => {
    const odd = [
      '',
      ' ',
      '🚓🚓🚓',
      'x'.repeat(5000),
      '\u0000\u200b',
      'ÅÄÖ åäö',
      '二十 台の カメラ',
      'twelve',
      '31/12/2027',
    ];
    // The coach itself, not the form (which refuses most of these): it is also run on imported rows.
    const owners = [{ aadObjectId: 'a', displayName: 'A', organisation: 'Police' }];
    for (const title of odd)
      for (const target of odd)
        expect(() =>
          coachAction(
            {
              title,
              measure: title,
              target,
              dueDate: addDays(TODAY, 10),
              owners,
              theme: title,
              milestones: [],
            },
            { today: TODAY, openActionsOf: () => 0 },
          ),
        ).not.toThrow();
  });
});
