import { describe, expect, it } from 'vitest';
import { newIndicator } from '../../../src/domain/indicator.js';
import { townSummary } from '../../../src/domain/summary.js';
import { anAction } from '../../contract/builders.js';

describe('town summary', () => {
  const today = '2026-11-26';
  const actions = [
    anAction({ ref: 'TRU-001', status: 'in_progress', dueDate: '2026-11-06' }), // overdue 20 -> red
    anAction({ ref: 'TRU-002', status: 'not_started', dueDate: '2026-11-23' }), // overdue 3 -> red
    anAction({ ref: 'TRU-003', status: 'not_started', dueDate: '2026-11-28' }), // amber
    anAction({ ref: 'TRU-004', status: 'blocked', dueDate: '2027-01-10' }), // red
    anAction({ ref: 'TRU-005', status: 'in_progress', dueDate: '2027-03-01' }), // green
    anAction({ ref: 'TRU-006', status: 'done', dueDate: '2026-10-01' }),
    anAction({ ref: 'TRU-007', status: 'cancelled', dueDate: '2026-10-01' }),
  ];

  it('shows the five soonest due of many, in order, ties by reference', () => {
    // 60 open actions due over the next 60 days, shuffled; two share the soonest day.
    const many = Array.from({ length: 60 }, (_, i) =>
      anAction({
        ref: `TRU-${String(100 + i)}`,
        status: 'not_started',
        dueDate: `2027-0${1 + (i % 3)}-${String(10 + (i % 15)).padStart(2, '0')}`,
      }),
    ).sort((a, b) => ((a.ref.charCodeAt(5) * 7919) % 13) - ((b.ref.charCodeAt(5) * 7919) % 13));
    const s = townSummary({
      town: 'truro',
      today,
      now: new Date('2026-11-26T12:00:00Z'),
      dueSoonDays: 3,
      actions: many,
      meetings: [],
      problems: [],
      indicator: null,
    });
    const expected = [...many]
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.ref.localeCompare(b.ref))
      .slice(0, 5)
      .map((a) => a.ref);
    expect(s.nextDue.map((l) => l.ref)).toEqual(expected);
  });

  it('counts by status and RAG, lists overdue first-most-late and what is due next', () => {
    const s = townSummary({
      town: 'truro',
      today,
      now: new Date('2026-11-26T12:00:00Z'),
      dueSoonDays: 3,
      actions,
      meetings: [],
      problems: [],
      indicator: null,
    });
    expect(s.total).toBe(7);
    expect(s.byStatus).toEqual({ not_started: 2, in_progress: 2, blocked: 1, done: 1, cancelled: 1 });
    expect(s.byRag).toEqual({ red: 3, amber: 1, green: 1 });
    expect(s.percentComplete).toBe(17); // 1 done of 6 not cancelled
    expect(s.overdue.map((l) => [l.ref, l.days])).toEqual([
      ['TRU-001', -20],
      ['TRU-002', -3],
    ]);
    expect(s.nextDue.map((l) => l.ref)).toEqual(['TRU-003', 'TRU-004', 'TRU-005']);
    expect(s.indicator).toBeNull();
  });

  it('shows upcoming meetings, open problems by stage and the indicator', () => {
    const meeting = (title: string, start: string, status: 'scheduled' | 'cancelled' = 'scheduled') =>
      ({ title, start, status, kind: 'partnership' }) as never;
    const indicator = {
      ...newIndicator('truro'),
      baseline: { year: 2017, value: 46, sampleSize: 400 },
      target: { year: 2021, value: 54 },
      readings: [
        { year: 2021, value: 50, sampleSize: 400, source: 'Residents survey', proxy: false, caveat: null },
      ],
    };
    const s = townSummary({
      town: 'truro',
      today,
      now: new Date('2026-11-26T12:00:00Z'),
      dueSoonDays: 3,
      actions: [],
      meetings: [
        meeting('Later', '2027-01-10T10:00:00Z'),
        meeting('Past', '2026-11-01T10:00:00Z'),
        meeting('Soon', '2026-12-01T10:00:00Z'),
        meeting('Off', '2026-12-02T10:00:00Z', 'cancelled'),
      ],
      problems: [{ stage: 'analysis' }, { stage: 'analysis' }, { stage: 'closed' }] as never,
      indicator,
    });
    expect(s.upcomingMeetings.map((m) => m.title)).toEqual(['Soon', 'Later']);
    expect(s.openProblemsByStage).toEqual({ analysis: 2 });
    expect(s.indicator).toEqual({
      baseline: { year: 2017, value: 46 },
      target: { year: 2021, value: 54 },
      latest: { year: 2021, value: 50, source: 'Residents survey', marginOfError: 4.9 },
      latestProxy: null,
      // 4 points below the target line, inside the ±4.9 margin: the survey cannot tell it from on track.
      progress: {
        progress: 'on_track',
        expected: 54,
        against: 'trajectory',
        margin: 4.9,
        year: 2021,
        value: 50,
        target: { year: 2021, value: 54 },
      },
      readings: [
        {
          year: 2017,
          value: 46,
          margin: 4.9,
          low: 41.1,
          high: 50.9,
          proxy: false,
          source: "Residents' survey (baseline)",
        },
        {
          year: 2021,
          value: 50,
          margin: 4.9,
          low: 45.1,
          high: 54.9,
          proxy: false,
          source: 'Residents survey',
        },
      ],
      series: [
        {
          legend: 'Target path',
          kind: 'trajectory',
          points: [
            { year: 2017, value: 46 },
            { year: 2018, value: 48 },
            { year: 2019, value: 50 },
            { year: 2020, value: 52 },
            { year: 2021, value: 54 },
          ],
        },
        {
          legend: "Residents' survey",
          kind: 'survey',
          points: [
            { year: 2017, value: 46 },
            { year: 2021, value: 50 },
          ],
        },
      ],
    });
    expect(s.percentComplete).toBe(0);
  });
});
