// Runs the SMART coach on a table's rows, and the figures docs/SMART-COACH.md reports for a table: exact
// matches, false warnings on good rows, bad rows passed silently, and each warning's precision and recall.
import { coachAction, DEFAULT_COACH_POLICY } from '../../../src/domain/smart-coach.js';
import { validateNewAction } from '../../../src/domain/action.js';
import type { DeliveryPlan } from '../../../src/domain/plan.js';
import type { Priority } from '../../../src/domain/priority.js';
import { aMember } from '../../contract/builders.js';
import { addDays } from '../../../src/domain/dates.js';
import { COACH_CODES, type CoachCode } from '../../../src/domain/smart-checks.js';
import { AGENCY, TODAY, type CoachCase } from './smart-coach-cases.js';

/**
 * The row as the new-action form takes it: the hard rules first (validateNewAction: a row the form refuses
 * cannot stand as an example, so this throws), then the coach on what the form would save.
 */
export function codesFor(c: CoachCase, policy = DEFAULT_COACH_POLICY) {
  const members = (c.owners ?? ['police']).map((agency, i) =>
    aMember({
      aadObjectId: `0000000${i}-0000-4000-8000-00000000000${i}`,
      displayName: `Owner ${i}`,
      organisation: AGENCY[agency],
      accessRole: 'member',
    }),
  );
  const milestones = (c.milestones ?? []).map((d, i) => ({
    title: `Interim step ${i + 1}`,
    dueDate: addDays(TODAY, d),
  }));
  const form = validateNewAction(
    {
      town: 'truro',
      planId: PLAN.id,
      priorityId: 'priority-1',
      title: c.title,
      measure: c.measure,
      target: c.target,
      ownerIds: members.map((m) => m.aadObjectId),
      dueDate: addDays(TODAY, c.dueIn),
      milestones,
    },
    {
      today: TODAY,
      plan: PLAN,
      priorities: [{ ...PRIORITY, theme: c.theme ?? 'Community safety' }],
      members,
      taskGroup: null,
    },
  );
  if (!form.ok)
    throw new Error(`the form refuses "${c.title}": ${form.error.map((i) => i.message).join('; ')}`);
  const draft = form.value;
  const seat = (id: string) => members.find((m) => m.aadObjectId === id)!;
  return coachAction(
    {
      ...draft,
      owners: draft.owners.map((o) => ({ ...o, organisation: seat(o.aadObjectId).organisation })),
      theme: c.theme ?? 'Community safety',
      milestones: draft.milestones ?? [],
    },
    {
      today: TODAY,
      openActionsOf: (id) => (id === members[0]!.aadObjectId ? (c.busy ?? 0) : 0),
      policy,
    },
  );
}

const PLAN: DeliveryPlan = {
  id: 'plan-1',
  version: 1,
  town: 'truro',
  title: 'Safer Truro delivery plan 2026-2029', // three years, with TODAY in its first month
  periodStart: '2026-12-01',
  periodEnd: '2029-11-30',
  status: 'approved',
  demo: false,
};

const PRIORITY: Priority = {
  id: 'priority-1',
  version: 1,
  town: 'truro',
  planId: PLAN.id,
  title: 'The priority',
  theme: 'Community safety',
  source: 'residents_survey',
  demo: false,
};

interface CheckFigures {
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
