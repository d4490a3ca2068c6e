import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isLocalDate, localDateOf, weekday } from '../../../src/domain/dates.js';

describe('local dates', () => {
  it('accepts real dates only', () => {
    expect(isLocalDate('2027-02-28')).toBe(true);
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2027-02-29')).toBe(false);
    expect(isLocalDate('2027-13-01')).toBe(false);
    expect(isLocalDate('27-01-01')).toBe(false);
    expect(isLocalDate('2027-1-1')).toBe(false);
  });

  it('takes the calendar date in London, across midnight and summer time', () => {
    expect(localDateOf(new Date('2026-11-26T23:30:00Z'), 'Europe/London')).toBe('2026-11-26');
    expect(localDateOf(new Date('2026-07-01T23:30:00Z'), 'Europe/London')).toBe('2026-07-02');
  });

  it('counts and adds days across month, year and clock changes', () => {
    expect(daysBetween('2026-11-26', '2026-12-01')).toBe(5);
    expect(daysBetween('2026-12-01', '2026-11-26')).toBe(-5);
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(weekday('2026-11-26')).toBe(4);
  });
});
