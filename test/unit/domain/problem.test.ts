import { describe, expect, it } from 'vitest';
import { advanceStage, newProblemPlan, type ProblemPlan } from '../../../src/domain/problem.js';

const input = {
  town: 'newquay',
  type: 'place',
  title: 'Repeat ASB at the harbour car park at night',
  hotspot: 'Harbour car park',
  objective: 'Reduce ASB reports at the car park by 30% in six months',
  caseRefs: ['ECINS 123456'],
} as const;

describe('problem-solving plan (SARA)', () => {
  it('starts at scanning with a town reference and case references only', () => {
    const plan = newProblemPlan(input, { id: 'p1', seq: 3 });
    expect(plan).toMatchObject({
      ok: true,
      value: { ref: 'NQY-P03', stage: 'scanning', caseRefs: ['ECINS 123456'] },
    });
  });

  it('refuses a home address as the hotspot and names as case references', () => {
    expect(newProblemPlan({ ...input, hotspot: '14 Fore Street' }, { id: 'p', seq: 1 })).toMatchObject({
      ok: false,
      error: [
        {
          field: 'hotspot',
          message: 'Name a place or area (e.g. "Lemon Quay underpass"), not a home address',
        },
      ],
    });
    expect(newProblemPlan({ ...input, caseRefs: ['John Smith'] }, { id: 'p', seq: 1 })).toMatchObject({
      ok: false,
      error: [{ field: 'caseRefs.0' }],
    });
    expect(newProblemPlan({ ...input, hotspot: 'Fore Street shops' }, { id: 'p', seq: 1 }).ok).toBe(true);
  });

  it('moves one stage at a time, only when the stage’s work is recorded', () => {
    const created = newProblemPlan(input, { id: 'p1', seq: 1 });
    if (!created.ok) throw new Error('unexpected');
    let plan: ProblemPlan = created.value;
    const step = (p: ProblemPlan) => advanceStage(p);

    expect(step(plan)).toMatchObject({ ok: false, error: [{ field: 'scanningEvidence' }] });
    plan = { ...plan, scanningEvidence: '42 calls in three months, police and council data' };
    plan = (step(plan) as { value: ProblemPlan }).value;
    expect(plan.stage).toBe('analysis');

    expect(step(plan)).toMatchObject({ ok: false, error: [{ field: 'analysis' }, { field: 'measures' }] });
    plan = {
      ...plan,
      analysis: {
        offender: 'Cohort (ECINS 123456)',
        victim: 'Car park users',
        place: 'Unlit rear bays',
        handler: '-',
        guardian: 'Patrols',
        manager: 'Car park operator',
        hypothesis: 'Poor lighting and no guardianship after 10pm',
      },
      measures: [{ name: 'ASB reports a month', baseline: 14, target: 10, after: null }],
    };
    plan = (step(plan) as { value: ProblemPlan }).value;
    expect(plan.stage).toBe('response');
    expect(step(plan)).toMatchObject({ ok: false, error: [{ field: 'responseActionIds' }] });
    plan = (step({ ...plan, responseActionIds: ['a1'] }) as { value: ProblemPlan }).value;
    expect(plan.stage).toBe('assessment');
    expect(step(plan)).toMatchObject({
      ok: false,
      error: [{ field: 'assessment' }, { field: 'measures' }, { field: 'lessons' }],
    });
    plan = {
      ...plan,
      assessment: {
        delivered: true,
        outcome: 'Reports fell from 14 to 8 a month',
        displacement: 'None seen in nearby streets',
      },
      measures: [{ name: 'ASB reports a month', baseline: 14, target: 10, after: 8 }],
      lessons: 'Lighting first, then patrols',
    };
    plan = (step(plan) as { value: ProblemPlan }).value;
    expect(plan.stage).toBe('closed');
    expect(step(plan)).toMatchObject({ ok: false, error: [{ message: 'NQY-P01 is closed' }] });
  });
});
