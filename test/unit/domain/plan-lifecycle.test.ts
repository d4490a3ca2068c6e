// The delivery plan's lifecycle rules: consultation with a deadline, comments only while open, approval
// locks it, and changes to an approved plan need a reason that is kept.
import { describe, expect, it } from 'vitest';
import {
  addComment,
  approvePlan,
  reviseIfApproved,
  startConsultation,
  type DeliveryPlan,
} from '../../../src/domain/plan.js';
import { planProgress } from '../../../src/domain/plan-progress.js';
import { anAction } from '../../contract/builders.js';
import { plan as approvedPlan, priority } from './fixtures.js';

const draft: DeliveryPlan = { ...approvedPlan, status: 'draft' };
const sam = { aadObjectId: 'sam', displayName: 'Sam' };
const now = new Date('2026-11-26T10:00:00Z');
const today = '2026-11-26';
const problems = (r: { ok: boolean; error?: { message: string }[] }) =>
  r.ok ? [] : r.error!.map((e) => e.message);

describe('delivery plan lifecycle', () => {
  it('consults for one week to three months, and only on a plan with priorities', () => {
    expect(startConsultation(draft, '2026-12-17', today, 2)).toMatchObject({
      ok: true,
      value: { status: 'consultation', consultationCloses: '2026-12-17' },
    });
    expect(problems(startConsultation(draft, '2026-12-17', today, 0))).toEqual([
      'Add at least one priority before consulting on the plan',
    ]);
    expect(problems(startConsultation(draft, '2026-11-30', today, 2))[0]).toMatch(
      /between 2026-12-03 and 2027-02-24/,
    );
    expect(problems(startConsultation(draft, '2027-06-01', today, 2))[0]).toMatch(/one week to three months/);
    expect(problems(startConsultation(approvedPlan, '2026-12-17', today, 2))).toEqual([
      'A plan in approved cannot move to consultation: an approved plan is locked',
    ]);
  });

  it('takes comments and concerns until the deadline, and no longer', () => {
    const consulting = startConsultation(draft, '2026-12-17', today, 1);
    if (!consulting.ok) throw new Error('setup');
    const commented = addComment(
      consulting.value,
      { kind: 'concern', text: '  Too   few actions ' },
      sam,
      now,
      today,
    );
    expect(commented).toMatchObject({
      ok: true,
      value: { comments: [{ kind: 'concern', text: 'Too few actions', by: sam, at: now.toISOString() }] },
    });
    expect(
      problems(addComment(consulting.value, { kind: 'comment', text: 'Late' }, sam, now, '2026-12-18')),
    ).toEqual(['The consultation closed on 2026-12-17']);
    expect(problems(addComment(draft, { kind: 'comment', text: 'Early' }, sam, now, today))).toEqual([
      'The plan is draft, not in consultation',
    ]);
    expect(problems(addComment(consulting.value, { kind: 'comment', text: '   ' }, sam, now, today))).toEqual(
      ['Comment is required'],
    );
    expect(problems(addComment(consulting.value, { kind: 'shout', text: 'x' }, sam, now, today)).length).toBe(
      1,
    );
  });

  it('locks an approved plan: a change needs a reason, kept as a revision', () => {
    const consulting = startConsultation(draft, '2026-12-17', today, 1);
    if (!consulting.ok) throw new Error('setup');
    const approved = approvePlan(consulting.value, now);
    expect(approved).toMatchObject({
      ok: true,
      value: { status: 'approved', approvedAt: now.toISOString() },
    });
    if (!approved.ok) throw new Error('setup');
    expect(problems(reviseIfApproved(approved.value, 'Priority added: X', '', sam, now))).toEqual([
      'The plan is approved and locked: say why it changes (the reason is kept as a revision)',
    ]);
    expect(problems(reviseIfApproved(approved.value, 'Priority added: X', 'because', sam, now))[0]).toMatch(
      /at least 10 characters/,
    );
    const revised = reviseIfApproved(
      approved.value,
      'Priority added: X',
      'Street drinking rose in summer',
      sam,
      now,
    );
    expect(revised).toMatchObject({
      ok: true,
      value: {
        revisions: [{ change: 'Priority added: X', reason: 'Street drinking rose in summer', by: sam }],
      },
    });
    // Before approval nothing is recorded and no reason is asked for.
    expect(reviseIfApproved(draft, 'Priority added: X', null, sam, now)).toEqual({ ok: true, value: draft });
  });

  it('counts progress by priority: done over actions not cancelled, with RAG', () => {
    const other = { ...priority, id: 'p2', title: 'Other' };
    const progress = planProgress(
      [priority, other],
      [
        anAction({ priorityId: priority.id, status: 'done', dueDate: '2026-10-01' }),
        anAction({ priorityId: priority.id, status: 'in_progress', dueDate: '2026-11-01' }),
        anAction({ priorityId: priority.id, status: 'cancelled', dueDate: '2026-11-01' }),
        anAction({ priorityId: other.id, status: 'not_started', dueDate: '2027-06-01' }),
        anAction({ priorityId: 'not-this-plan', status: 'done', dueDate: '2026-10-01' }),
      ],
      today,
    );
    expect(
      progress.priorities.map((p) => [p.title, p.total, p.done, p.open, p.percentComplete, p.byRag.red]),
    ).toEqual([
      [priority.title, 3, 1, 1, 50, 1],
      ['Other', 1, 0, 1, 0, 0],
    ]);
    expect(progress).toMatchObject({ total: 4, done: 1, percentComplete: 33 });
  });
});
