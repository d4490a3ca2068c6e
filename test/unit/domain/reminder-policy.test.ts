import { describe, expect, it } from 'vitest';
import { DEFAULT_REMINDER_POLICY, isQuietTime, remindersDue } from '../../../src/domain/reminder-policy.js';

const tz = 'Europe/London';
const at = (iso: string) => new Date(iso);
// Thursday 26 November 2026, 10:00 in London (GMT).
const thursday = at('2026-11-26T10:00:00Z');
const action = (dueDate: string, over: object = {}) => ({
  id: 'a1',
  status: 'in_progress' as const,
  dueDate,
  ...over,
});
const kinds = (dueDate: string, now = thursday, over: object = {}) =>
  remindersDue(action(dueDate, over), now, tz).map((r) => r.window);

describe('reminder policy', () => {
  it('reminds owners when due soon, due today, and overdue, and escalates after a week overdue', () => {
    expect(kinds('2026-12-10')).toEqual([]);
    expect(kinds('2026-11-30')).toEqual([]); // four days away
    expect(kinds('2026-11-29')).toEqual(['due_soon:2026-11-29']);
    expect(kinds('2026-11-27')).toEqual(['due_soon:2026-11-27']);
    expect(kinds('2026-11-26')).toEqual(['due_today:2026-11-26']);
    expect(kinds('2026-11-25')).toEqual(['overdue:2026-11-25:week0']);
    expect(kinds('2026-11-19')).toEqual(['overdue:2026-11-19:week0']); // day 7
    expect(kinds('2026-11-18')).toEqual(['overdue:2026-11-18:week1', 'escalation:2026-11-18']); // day 8
    expect(remindersDue(action('2026-11-18'), thursday, tz).map((r) => r.audience)).toEqual([
      'owners',
      'coordinators',
    ]);
  });

  it('keeps one window per occasion, so a weekly overdue reminder repeats only weekly', () => {
    const windows = new Set<string>();
    for (let day = 0; day < 21; day++) {
      const now = new Date(at('2026-11-26T10:00:00Z').getTime() + day * 86_400_000);
      for (const w of kinds('2026-11-25', now)) windows.add(w);
    }
    expect([...windows].sort()).toEqual([
      'escalation:2026-11-25',
      'overdue:2026-11-25:week0',
      'overdue:2026-11-25:week1',
      'overdue:2026-11-25:week2',
    ]);
  });

  it('sends nothing at night, at weekends, for closed actions or while snoozed', () => {
    expect(kinds('2026-11-26', at('2026-11-26T07:59:00Z'))).toEqual([]);
    expect(kinds('2026-11-26', at('2026-11-26T18:00:00Z'))).toEqual([]);
    expect(kinds('2026-11-28', at('2026-11-28T10:00:00Z'))).toEqual([]); // Saturday
    expect(kinds('2026-11-20', at('2026-11-29T12:00:00Z'))).toEqual([]); // Sunday
    expect(kinds('2026-11-26', thursday, { status: 'done' })).toEqual([]);
    expect(kinds('2026-11-26', thursday, { status: 'cancelled' })).toEqual([]);
    expect(kinds('2026-11-25', thursday, { snoozedUntil: '2026-11-27' })).toEqual([]);
    expect(kinds('2026-11-25', thursday, { snoozedUntil: '2026-11-26' })).toEqual([
      'overdue:2026-11-25:week0',
    ]);
  });

  it('reads quiet hours on the London clock, across summer time', () => {
    expect(isQuietTime(at('2026-07-01T07:30:00Z'), tz, DEFAULT_REMINDER_POLICY)).toBe(false); // 08:30 BST
    expect(isQuietTime(at('2026-07-01T17:30:00Z'), tz, DEFAULT_REMINDER_POLICY)).toBe(true); // 18:30 BST
    expect(
      isQuietTime(at('2026-11-28T10:00:00Z'), tz, { ...DEFAULT_REMINDER_POLICY, weekdaysOnly: false }),
    ).toBe(false);
  });
});
