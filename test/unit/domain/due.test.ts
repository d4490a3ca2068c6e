import { describe, expect, it } from 'vitest';
import { dueState, ragOf } from '../../../src/domain/due.js';

const today = '2026-11-26';
const a = (status: Parameters<typeof ragOf>[0]['status'], dueDate: string) => ({ status, dueDate });

describe('due state', () => {
  it.each([
    ['2026-11-20', 'overdue', -6],
    ['2026-11-25', 'overdue', -1],
    ['2026-11-26', 'due_today', 0],
    ['2026-11-27', 'due_soon', 1],
    ['2026-11-29', 'due_soon', 3],
    ['2026-11-30', 'on_schedule', 4],
  ])('an open action due %s is %s', (dueDate, kind, days) => {
    expect(dueState(a('in_progress', dueDate), today, 3)).toEqual({ kind, days });
  });

  it('is closed for done and cancelled actions, however late', () => {
    expect(dueState(a('done', '2026-01-01'), today, 3).kind).toBe('closed');
    expect(dueState(a('cancelled', '2026-01-01'), today, 3).kind).toBe('closed');
  });
});

describe('RAG', () => {
  it.each([
    ['in_progress', '2026-11-25', 'red'],
    ['blocked', '2027-06-01', 'red'],
    ['not_started', '2026-12-10', 'amber'],
    ['not_started', '2026-12-11', 'green'],
    ['in_progress', '2026-11-27', 'green'],
    ['in_progress', '2026-11-26', 'green'],
    ['done', '2026-01-01', null],
    ['cancelled', '2026-01-01', null],
  ] as const)('%s due %s is %s', (status, dueDate, rag) => {
    expect(ragOf(a(status, dueDate), today)).toBe(rag);
  });
});
