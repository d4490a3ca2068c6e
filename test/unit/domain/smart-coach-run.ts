// Runs the SMART coach on a table's rows, and the figures docs/SMART-COACH.md reports for a table: exact
// matches, false warnings on good rows, bad rows passed silently, and each warning's precision and recall.
import { coachAction, DEFAULT_COACH_POLICY } from '../../../src/domain/smart-coach.js';
import { addDays } from '../../../src/domain/dates.js';
import { COACH_CODES, type CoachCode } from '../../../src/domain/smart-checks.js';
import { AGENCY, TODAY, type CoachCase } from './smart-coach-cases.js';

export function codesFor(c: CoachCase, policy = DEFAULT_COACH_POLICY) {
  const owners = (c.owners ?? ['police']).map((agency, i) => ({
    aadObjectId: `owner-${i}`,
    displayName: `Owner ${i}`,
    organisation: AGENCY[agency],
  }));
  return coachAction(
    {
      title: c.title,
      measure: c.measure,
      target: c.target,
      dueDate: addDays(TODAY, c.dueIn),
      owners,
      theme: c.theme ?? 'Community safety',
      milestones: (c.milestones ?? []).map((d) => ({ title: 'Interim step', dueDate: addDays(TODAY, d) })),
    },
    { today: TODAY, openActionsOf: (id) => (id === 'owner-0' ? (c.busy ?? 0) : 0), policy },
  );
}

export interface CheckFigures {
  given: number;
  expected: number;
  right: number;
  precision: number;
  recall: number;
}

export interface TableFigures {
  rows: number;
  exact: number;
  goodRows: number;
  falseWarningsOnGood: number;
  badRows: number;
  badPassedSilently: number;
  precision: number;
  recall: number;
  byCheck: Partial<Record<CoachCode, CheckFigures>>;
  /** The rows the coach judges otherwise, with what it said. */
  misses: { title: string; expected: CoachCode[]; given: CoachCode[] }[];
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function figuresOf(rows: readonly CoachCase[]): TableFigures {
  const byCheck: Partial<Record<CoachCode, CheckFigures>> = {};
  let exact = 0;
  let falseWarningsOnGood = 0;
  let badPassedSilently = 0;
  const misses: TableFigures['misses'] = [];
  for (const c of rows) {
    const given = [...new Set(codesFor(c).map((f) => f.code))].sort();
    const expected = [...c.expected].sort();
    if (given.join() === expected.join()) exact++;
    else misses.push({ title: c.title, expected, given });
    if (expected.length === 0 && given.length > 0) falseWarningsOnGood++;
    if (expected.length > 0 && given.length === 0) badPassedSilently++;
    for (const code of COACH_CODES) {
      const f = (byCheck[code] ??= { given: 0, expected: 0, right: 0, precision: 1, recall: 1 });
      const g = given.includes(code);
      const e = expected.includes(code);
      f.given += g ? 1 : 0;
      f.expected += e ? 1 : 0;
      f.right += g && e ? 1 : 0;
    }
  }
  let given = 0;
  let expected = 0;
  let right = 0;
  for (const f of Object.values(byCheck)) {
    f.precision = ratio(f.right, f.given);
    f.recall = ratio(f.right, f.expected);
    given += f.given;
    expected += f.expected;
    right += f.right;
  }
  return {
    rows: rows.length,
    exact,
    goodRows: rows.filter((c) => c.expected.length === 0).length,
    falseWarningsOnGood,
    badRows: rows.filter((c) => c.expected.length > 0).length,
    badPassedSilently,
    precision: ratio(right, given),
    recall: ratio(right, expected),
    byCheck,
    misses,
  };
}
