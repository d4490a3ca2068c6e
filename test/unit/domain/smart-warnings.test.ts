// What becomes of the coach's warnings (accepted with a reason, or asked again), milestones (checked, kept in
// order, reminded), and the plan's quality at a glance.
import { describe, expect, it } from 'vitest';
import { decideWarnings, warningCodesOf } from '../../../src/domain/smart-warnings.js';
import { milestonesFrom } from '../../../src/domain/milestone.js';
import { planQuality, qualityLine } from '../../../src/domain/plan-quality.js';
import { remindersDue } from '../../../src/domain/reminder-policy.js';
import type { CoachFinding } from '../../../src/domain/smart-checks.js';

const by = { aadObjectId: 'u1', displayName: 'Jo Coordinator' };
const at = new Date('2026-12-02T10:00:00Z');
const vague: CoachFinding = {
  code: 'vague_opening',
  check: 'specific',
  field: 'title',
  message: '"look into" says what the partnership hopes for',
  suggestion: 'Start with the deed',
};
const noPlace: CoachFinding = { ...vague, code: 'no_place', message: 'No place' };

describe('accepting warnings', () => {
  it('saves without asking when there is nothing to warn about', () => {
    expect(decideWarnings({ findings: [], seen: [], reason: null, by, at })).toEqual({ kind: 'clear' });
  });

  it('asks until every warning has been shown and a reason given, then keeps them with the reason', () => {
    const unseen = decideWarnings({ findings: [vague], seen: [], reason: 'Because', by, at });
    expect(unseen).toMatchObject({ kind: 'ask', problem: null });
    const noReason = decideWarnings({ findings: [vague], seen: ['vague_opening'], reason: '  ', by, at });
    expect(noReason).toMatchObject({
      kind: 'ask',
      problem: expect.stringContaining('say in a few words') as string,
    });
    const newOne = decideWarnings({
      findings: [vague, noPlace],
      seen: ['vague_opening'],
      reason: 'Agreed',
      by,
      at,
    });
    expect(newOne.kind).toBe('ask');
    const long = decideWarnings({
      findings: [vague],
      seen: ['vague_opening'],
      reason: 'x'.repeat(501),
      by,
      at,
    });
    expect(long).toMatchObject({ kind: 'ask', problem: expect.stringContaining('too long') as string });
    expect(
      decideWarnings({ findings: [vague], seen: ['vague_opening'], reason: ' First step,  agreed ', by, at }),
    ).toEqual({
      kind: 'accepted',
      kept: {
        warnings: [{ code: 'vague_opening', check: 'specific', field: 'title', message: vague.message }],
        reason: 'First step, agreed',
        by,
        at: at.toISOString(),
      },
    });
  });

  it('reads the codes a form sends back, dropping what it does not know', () => {
    expect(warningCodesOf(' vague_opening,,<script>,no_place ')).toEqual(['vague_opening', 'no_place']);
    expect(warningCodesOf(undefined)).toEqual([]);
  });
});

describe('milestones', () => {
  const span = { today: '2026-12-02', dueDate: '2027-09-30' };
  it('keeps the pairs filled in, in date order, and skips blank ones', () => {
    const m = milestonesFrom(
      [
        { title: 'Order made', dueDate: '2027-06-01' },
        { title: '', dueDate: '' },
        { title: ' Consultation  closed ', dueDate: '2027-03-31' },
      ],
      span,
    );
    expect(m).toEqual({
      ok: true,
      value: [
        { title: 'Consultation closed', dueDate: '2027-03-31' },
        { title: 'Order made', dueDate: '2027-06-01' },
      ],
    });
  });

  it('says what is wrong with each: a missing part, a bad or past date, one not before the due date', () => {
    const m = milestonesFrom(
      [
        { title: '', dueDate: '2027-01-01' },
        { title: 'Draft', dueDate: '31/03/2027' },
        { title: 'Survey', dueDate: '2026-11-01' },
        { title: 'Signed', dueDate: '2027-09-30' },
      ],
      span,
    );
    expect(m.ok ? [] : m.error.map((i) => i.message)).toEqual([
      'Milestone 1 has a date but no step: say what will be done by then',
      'Milestone 2 needs a date, such as 2027-03-31',
      "Milestone 3's date 2026-11-01 is in the past",
      "Milestone 4 must come before the action's due date (2027-09-30)",
      'At most 3 milestones',
    ]);
  });

  it('lets an edit keep a milestone that has passed', () => {
    const passed = { title: 'Survey', dueDate: '2026-11-01' };
    expect(milestonesFrom([passed], span, [passed])).toEqual({ ok: true, value: [passed] });
  });

  it('reminds the owners once in the days before a milestone, even when the due date is far off', () => {
    const now = new Date('2026-11-26T10:00:00Z'); // a Thursday
    const action = {
      id: 'a1',
      status: 'in_progress' as const,
      dueDate: '2027-09-30',
      milestones: [
        { title: 'Consultation closed', dueDate: '2026-11-28' },
        { title: 'Order made', dueDate: '2027-03-01' },
      ],
    };
    expect(remindersDue(action, now, 'Europe/London')).toEqual([
      {
        kind: 'milestone_due',
        window: 'milestone:2026-11-28',
        audience: 'owners',
        milestone: action.milestones[0],
      },
    ]);
    expect(remindersDue({ ...action, status: 'done' }, now, 'Europe/London')).toEqual([]);
  });
});

describe("the plan's quality", () => {
  const priorities = [
    { id: 'p1', title: 'Street drinking' },
    { id: 'p2', title: 'Night-time economy' },
  ];
  const kept = {
    warnings: [
      { code: 'no_place' as const, check: 'specific' as const, field: 'title' as const, message: 'x' },
    ],
    by,
    at: at.toISOString(),
  };
  it('counts the actions with warnings, kept or imported, and names the priorities no action serves', () => {
    const q = planQuality(priorities, [
      { priorityId: 'p1', status: 'in_progress', warnings: { ...kept, reason: 'Agreed' } },
      { priorityId: 'p1', status: 'not_started', warnings: { ...kept, reason: null } },
      { priorityId: 'p1', status: 'done', warnings: null },
      { priorityId: 'p2', status: 'cancelled', warnings: { ...kept, reason: 'x' } },
    ]);
    expect(q).toEqual({
      withWarnings: 2,
      accepted: 1,
      unreviewed: 1,
      prioritiesWithoutActions: ['Night-time economy'],
    });
    expect(qualityLine(q)).toBe(
      '2 actions with SMART warnings (1 kept with a reason, 1 imported, to review)',
    );
    expect(qualityLine(planQuality(priorities, []))).toBe('');
  });
});
