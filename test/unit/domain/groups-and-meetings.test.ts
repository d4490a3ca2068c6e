import { describe, expect, it } from 'vitest';
import { newMeeting } from '../../../src/domain/meeting.js';
import { isOverrun, newTaskGroup } from '../../../src/domain/task-group.js';

describe('task-and-finish group', () => {
  it('needs members and a future end date, and knows when it has overrun', () => {
    const group = newTaskGroup(
      { town: 'falmouth', theme: 'Night-time economy', memberIds: ['a', 'a', 'b'], endDate: '2027-01-31' },
      'g1',
      '2026-11-26',
    );
    expect(group).toMatchObject({ ok: true, value: { memberIds: ['a', 'b'], status: 'open' } });
    if (!group.ok) return;
    expect(isOverrun(group.value, '2027-01-31')).toBe(false);
    expect(isOverrun(group.value, '2027-02-01')).toBe(true);
    expect(
      newTaskGroup({ town: 'falmouth', theme: 'x', memberIds: [], endDate: '2026-11-26' }, 'g', '2026-11-26'),
    ).toMatchObject({ ok: false });
  });
});

describe('meeting', () => {
  const organiser = { aadObjectId: 'a1', displayName: 'Jo', email: 'jo@example.org' };
  const input = {
    town: 'truro',
    kind: 'partnership',
    title: 'Partnership meeting',
    start: '2026-12-03T10:00:00Z',
    end: '2026-12-03T11:30:00Z',
    organiser,
    attendees: [organiser],
  } as const;
  const now = new Date('2026-11-26T09:00:00Z');

  it('is scheduled in the future, ends after it starts and lasts a sensible time', () => {
    expect(newMeeting(input, 'm1', now)).toMatchObject({
      ok: true,
      value: { status: 'draft', graphEventId: null },
    });
    expect(newMeeting({ ...input, start: '2026-11-01T10:00:00Z' }, 'm', now)).toMatchObject({
      ok: false,
      error: [{ message: 'The meeting must start in the future' }],
    });
    expect(newMeeting({ ...input, end: '2026-12-03T09:00:00Z' }, 'm', now)).toMatchObject({
      ok: false,
      error: [{ message: 'The meeting must end after it starts' }],
    });
    expect(newMeeting({ ...input, end: '2026-12-04T10:00:00Z' }, 'm', now)).toMatchObject({
      ok: false,
      error: [{ field: 'end' }],
    });
    expect(newMeeting({ ...input, kind: 'party' as never }, 'm', now)).toMatchObject({
      ok: false,
      error: [{ field: 'kind' }],
    });
  });
});
