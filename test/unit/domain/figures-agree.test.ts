// Every surface shows the same figures for the same actions: the summary and its card, the plan and its
// card, the board card, the board workbook's row, the digest, the task-group card, the public page. Random
// towns (fast-check), one tally (domain/action-tally.ts) to hold them all to.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTION_STATUSES, type Action } from '../../../src/domain/action.js';
import { tallyActions, tallySentence } from '../../../src/domain/action-tally.js';
import { addDays } from '../../../src/domain/dates.js';
import { boardReport } from '../../../src/domain/board-report.js';
import { weeklyDigest } from '../../../src/domain/digest.js';
import { planProgress } from '../../../src/domain/plan-progress.js';
import { publicSummary } from '../../../src/domain/public-summary.js';
import { townSummary } from '../../../src/domain/summary.js';
import type { Priority } from '../../../src/domain/priority.js';
import type { DeliveryPlan } from '../../../src/domain/plan.js';
import { planCard } from '../../../src/cards/plan-views.js';
import { boardCard, townSummaryCard } from '../../../src/cards/town-views.js';
import { groupCard } from '../../../src/cards/group-views.js';
import { anAction } from '../../contract/builders.js';

const today = '2026-11-26';
const view = { today, timeZone: 'Europe/London', dueSoonDays: 3 };
const PRIORITIES: Priority[] = ['p1', 'p2', 'p3'].map((id, i) => ({
  id,
  version: 1,
  town: 'truro',
  planId: 'plan-1',
  title: `Priority ${i + 1}`,
  theme: 'ASB',
  source: 'partnership',
  demo: false,
}));
const PLAN = {
  id: 'plan-1',
  version: 1,
  town: 'truro',
  title: 'Safer Truro 2026-2029',
  periodStart: '2026-04-01',
  periodEnd: '2029-03-31',
  status: 'approved',
  demo: false,
} as DeliveryPlan;

const town = fc.array(
  fc.record({
    status: fc.constantFrom(...ACTION_STATUSES),
    dueIn: fc.integer({ min: -60, max: 200 }),
    priority: fc.constantFrom('p1', 'p2', 'p3'),
    public: fc.boolean(),
  }),
  { maxLength: 40 },
);

type Drawn = { status: Action['status']; dueIn: number; priority: string; public: boolean };
const actionsOf = (drawn: readonly Drawn[]): Action[] =>
  drawn.map((d, i) =>
    anAction({
      ref: `TRU-${String(i + 1).padStart(3, '0')}`,
      status: d.status,
      dueDate: addDays(today, d.dueIn),
      priorityId: d.priority,
      public: d.public,
    }),
  );

describe('the figures agree on every surface', () => {
  it('over random towns', () => {
    fc.assert(
      fc.property(town, (drawn) => {
        const actions = actionsOf(drawn);
        const tally = tallyActions(actions, today);
        // The arithmetic the board reads: cancelled apart, out of the denominator.
        expect(tally.counted).toBe(tally.total - tally.cancelled);
        expect(tally.done + tally.open).toBe(tally.counted);
        expect(tally.percentComplete).toBe(
          tally.counted ? Math.round((100 * tally.done) / tally.counted) : 0,
        );
        const sentence = tallySentence(tally);

        const summary = townSummary({
          ...{ town: 'truro', today, now: new Date(`${today}T12:00:00Z`), dueSoonDays: 3 },
          ...{ actions, meetings: [], problems: [], indicator: null, plan: PLAN, priorities: PRIORITIES },
        });
        expect(summary).toMatchObject(tally);
        expect(townSummaryCard(summary, view).subtitle).toContain(sentence);

        const progress = planProgress(PRIORITIES, actions, today);
        expect(progress).toMatchObject(tally);
        const facts = planCard({ plan: PLAN, progress }, view, {
          canComment: false,
          canCoordinate: false,
        }).facts;
        expect(facts.find((f) => f.title === 'Progress')?.value).toBe(sentence);
        const byPriority = progress.priorities.reduce((n, p) => n + p.done, 0);
        expect(byPriority).toBe(tally.done);
        expect(progress.priorities.reduce((n, p) => n + p.counted, 0)).toBe(tally.counted);

        const [row] = boardReport(today, [{ summary, actions, priorities: PRIORITIES }]).summary;
        expect(row).toMatchObject({
          actions: tally.total,
          cancelled: tally.cancelled,
          done: tally.done,
          open: tally.open,
          percentComplete: tally.percentComplete,
          ...tally.byRag,
        });
        expect(boardCard([summary], view).rows[0]).toMatchObject({
          completePercent: `${tally.percentComplete}%`,
          completeCount: `${tally.done} of ${tally.counted}`,
        });

        expect(weeklyDigest(actions, today, 3).byRag).toEqual(tally.byRag);

        const group = { id: 'g', version: 1, town: 'truro', theme: 'Night-time', status: 'open' } as const;
        const groupFacts = groupCard(
          { group: { ...group, memberIds: [], endDate: '2027-06-30' } as never, actions },
          [],
          today,
          { canManage: false },
        ).facts;
        expect(groupFacts.find((f) => f.title === 'Progress')?.value).toBe(`${sentence}, ${tally.open} open`);

        const shown = actions.filter((a) => a.public && a.status !== 'cancelled');
        const page = publicSummary({
          ...{ town: 'truro', asOf: today, now: new Date(`${today}T12:00:00Z`) },
          ...{ priorities: PRIORITIES, actions, meetings: [] },
        });
        for (const p of page.priorities) {
          const mine = tallyActions(
            shown.filter((a) => PRIORITIES.find((x) => x.title === p.title)?.id === a.priorityId),
            today,
          );
          expect([p.done, p.total]).toEqual([mine.done, mine.counted]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('says how cancelled actions are counted', () => {
    const actions = actionsOf([
      { status: 'done', dueIn: -5, priority: 'p1', public: false },
      ...Array.from({ length: 8 }, () => ({
        status: 'in_progress' as const,
        dueIn: 30,
        priority: 'p1',
        public: false,
      })),
      { status: 'cancelled', dueIn: 10, priority: 'p2', public: false },
      { status: 'done', dueIn: -2, priority: 'p2', public: false },
    ]);
    // Ten not cancelled, two done: 20%, never "2 of 11 (18%)" nor "2 of 10 (22%)".
    expect(tallySentence(tallyActions(actions, today))).toBe(
      '2 of 10 actions done (20%); 1 cancelled, not counted',
    );
  });
});
