import { describe, expect, it } from 'vitest';
import {
  completeAction,
  formatActionRef,
  normaliseActionRef,
  validateNewAction,
} from '../../../src/domain/action.js';
import { SYSTEM_ACTOR } from '../../../src/domain/entity.js';
import { context, coordinator, member, outsider, plan, validInput, viewer } from './fixtures.js';

const messages = (input: object, ctx = context) => {
  const result = validateNewAction({ ...validInput, ...input }, ctx);
  return result.ok ? [] : result.error.map((i) => `${i.field}: ${i.message}`);
};

describe('new action (SMART checks)', () => {
  it('accepts a specific, measurable, owned, time-bound action tied to a priority', () => {
    const result = validateNewAction(validInput, context);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      status: 'not_started',
      owners: [{ aadObjectId: member.aadObjectId, displayName: 'Person 2' }],
      notes: [],
    });
    const action = completeAction(result.value, {
      id: 'a1',
      ref: 'TRU-001',
      now: new Date('2026-11-26T10:00:00Z'),
      actor: SYSTEM_ACTOR,
    });
    expect(action).toMatchObject({
      id: 'a1',
      ref: 'TRU-001',
      version: 1,
      createdAt: '2026-11-26T10:00:00.000Z',
    });
  });

  it('cleans text: control characters, padding and runs of spaces', () => {
    const result = validateNewAction(
      { ...validInput, title: '  Install\u0000 brighter   lighting\tnow ' },
      context,
    );
    expect(result.ok && result.value.title).toBe('Install brighter lighting now');
  });

  it('explains each missing or empty field', () => {
    expect(messages({ title: '   ', measure: '', target: undefined })).toEqual([
      'title: Title is required',
      'measure: Measure is required',
      'target: Target must be text',
    ]);
  });

  it('asks for a specific title', () => {
    expect(messages({ title: 'Lighting' })).toEqual([
      expect.stringMatching(/^title: Make the title specific/),
    ]);
  });

  it('refuses text over the limits', () => {
    expect(messages({ title: 'word '.repeat(60) })).toEqual([
      'title: Title is too long: keep it under 200 characters',
    ]);
  });

  it('refuses a due date in the past, a non-date, or one beyond the plan', () => {
    expect(messages({ dueDate: '2026-11-25' })).toEqual(['dueDate: The due date 2026-11-25 is in the past']);
    expect(messages({ dueDate: '31/03/2027' })).toEqual([
      expect.stringMatching(/^dueDate: must be a real date/),
    ]);
    expect(messages({ dueDate: '2029-06-01' })).toEqual([
      'dueDate: The due date is after the plan period ends (2029-03-31)',
    ]);
    expect(
      messages({ dueDate: '2030-06-01' }, { ...context, plan: { ...plan, periodEnd: '2031-01-01' } }),
    ).toEqual(['dueDate: The due date is more than three years away: split the action into stages']);
  });

  it('accepts today as a due date', () => {
    expect(messages({ dueDate: '2026-11-26' })).toEqual([]);
  });

  it('requires owners who are members of the town and may own actions', () => {
    expect(messages({ ownerIds: [] })).toEqual(['ownerIds: Name at least one owner']);
    expect(messages({ ownerIds: [outsider.aadObjectId] })).toEqual([
      `ownerIds: Owner ${outsider.aadObjectId} is not a member of the Truro partnership`,
    ]);
    expect(messages({ ownerIds: [viewer.aadObjectId] })).toEqual([
      'ownerIds: Person 3 is a viewer in Truro and cannot own actions',
    ]);
    const twice = validateNewAction(
      { ...validInput, ownerIds: [coordinator.aadObjectId, coordinator.aadObjectId] },
      context,
    );
    expect(twice.ok && twice.value.owners).toHaveLength(1);
  });

  it('ties the action to this town’s plan and priority', () => {
    expect(messages({ priorityId: 'elsewhere' })).toEqual([
      "priorityId: That priority is not one of Truro's plan priorities",
    ]);
    expect(messages({}, { ...context, plan: null })).toContain(
      'planId: That delivery plan does not belong to Truro',
    );
    expect(messages({ town: 'bodmin' })).toEqual(
      expect.arrayContaining(['planId: That delivery plan does not belong to Bodmin']),
    );
    expect(messages({ taskGroupId: 'tg-1' })).toEqual([
      'taskGroupId: That task-and-finish group does not belong to Truro',
    ]);
  });

  it('reports every problem at once', () => {
    expect(messages({ title: 'Fix', dueDate: '2020-01-01', ownerIds: [viewer.aadObjectId] })).toHaveLength(3);
  });

  it('refuses an unknown town and wrong types with specific messages', () => {
    expect(messages({ town: 'exeter' })[0]).toMatch(/^town: must be one of the ten Safer Towns/);
    expect(messages({ ownerIds: 'someone' })).toEqual(['ownerIds: Name at least one owner']);
    expect(messages({ title: { $gt: '' } })).toEqual(['title: Title must be text']);
  });
});

describe('action references', () => {
  it('formats and reads references forgivingly', () => {
    expect(formatActionRef('truro', 14)).toBe('TRU-014');
    expect(formatActionRef('st-austell', 1234)).toBe('STA-1234');
    expect(normaliseActionRef('tru-14')).toBe('TRU-014');
    expect(normaliseActionRef(' TRU 014 ')).toBe('TRU-014');
    expect(normaliseActionRef('TRU014')).toBe('TRU-014');
    expect(normaliseActionRef('truro')).toBeNull();
  });
});
