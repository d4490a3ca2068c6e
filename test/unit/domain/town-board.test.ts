import { typed } from '../../support/screened.js';
import { describe, expect, it } from 'vitest';
import { townBoard } from '../../../src/domain/town-board.js';
import {
  formValuesOf,
  markSaved,
  propose,
  proposalIn,
  proposalInputSchema,
} from '../../../src/domain/meeting-proposal.js';
import { aMember, anAction } from '../../contract/builders.js';
import type { Meeting } from '../../../src/domain/meeting.js';
import type { Priority } from '../../../src/domain/priority.js';

/** A proposal as the meeting panel keeps it: parsed, its text through the guard. */
const screenedProposal = (raw: Record<string, unknown>) => {
  const input = proposalInputSchema.parse(raw);
  return { ...input, title: typed(input.title), measure: typed(input.measure), target: typed(input.target) };
};

const priority = (id: string, title: string): Priority => ({
  id,
  version: 1,
  town: 'truro',
  planId: 'plan-1',
  title,
  theme: 'asb',
  source: 'survey' as never,
  demo: false,
});

describe('the town board', () => {
  const today = '2026-11-26';
  const police = aMember({ aadObjectId: 'aad-police', displayName: 'Kit Police', organisation: 'Police' });
  const council = aMember({ aadObjectId: 'aad-council', organisation: 'Council' });
  const owner = (m: typeof police) => [{ aadObjectId: m.aadObjectId, displayName: m.displayName }];
  const actions = [
    anAction({
      ref: 'TRU-001',
      priorityId: 'p2',
      dueDate: '2026-11-01',
      status: 'in_progress',
      owners: owner(police),
    }),
    anAction({ ref: 'TRU-002', priorityId: 'p1', dueDate: '2027-02-01', owners: owner(council) }),
    anAction({
      ref: 'TRU-003',
      priorityId: 'p1',
      dueDate: '2026-12-01',
      owners: [{ aadObjectId: 'gone', displayName: 'A leaver' }],
    }),
    anAction({ ref: 'TRU-004', priorityId: 'p1', status: 'done', dueDate: '2026-10-01', taskGroupId: 'g1' }),
    anAction({ ref: 'TRU-005', redactedAt: '2026-11-01T00:00:00Z' }),
  ];
  const board = townBoard({
    actions,
    priorities: [priority('p1', 'Street drinking'), priority('p2', 'ASB in the town centre')],
    groups: [
      {
        id: 'g1',
        version: 1,
        town: 'truro',
        theme: 'Night-time economy',
        memberIds: [],
        endDate: '2027-01-01',
        status: 'open',
        demo: false,
      },
      {
        id: 'g2',
        version: 1,
        town: 'truro',
        theme: 'Unused group',
        memberIds: [],
        endDate: '2027-01-01',
        status: 'open',
        demo: false,
      },
    ],
    members: [police, council],
    today,
    dueSoonDays: 3,
  });

  it("lists the plan's priorities in order, soonest due first, and leaves out actions whose text was removed", () => {
    expect(board.cards.map((c) => c.ref)).toEqual(['TRU-004', 'TRU-003', 'TRU-002', 'TRU-001']);
  });

  it('carries what each filter asks: RAG, overdue, days, agency (or that it is not recorded)', () => {
    const byRef = Object.fromEntries(board.cards.map((c) => [c.ref, c]));
    expect(byRef['TRU-001']).toMatchObject({ rag: 'red', overdue: true, days: -25 });
    expect(byRef['TRU-003']).toMatchObject({ rag: 'amber', overdue: false, days: 5 });
    expect(byRef['TRU-004']).toMatchObject({ rag: null, overdue: false, days: null });
    expect(byRef['TRU-001']!.owners[0]!.agency).toBe('Police');
    expect(byRef['TRU-003']!.owners[0]!.agency).toBe('Not recorded');
  });

  it("offers each filter's choices from what the board holds", () => {
    expect(board.facets.priorities.map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(board.facets.taskGroups).toEqual([{ id: 'g1', title: 'Night-time economy' }]);
    expect(board.facets.agencies).toEqual(['Council', 'Not recorded', 'Police']);
    expect(board.facets.owners.map((o) => o.name)).toEqual([
      'A leaver',
      'Jo Trelawny',
      'Kit Police',
      'Sam Penrose',
    ]);
  });
});

describe('an action proposed in a meeting', () => {
  const meeting = { id: 'm1', version: 1, town: 'truro', title: 'Safer Truro' } as Meeting;
  const by = { aadObjectId: 'aad-1', displayName: 'Jo Trelawny' };
  const now = new Date('2026-11-26T10:00:00Z');

  it.each([
    [{ title: 'Patrols on Lemon Quay' }, true],
    [{ title: 'Patrols', dueDate: '2027-03-31', ownerIds: ['a'] }, true],
    [{ title: '   ' }, false],
    [{ title: 'x'.repeat(201) }, false],
    [{ title: 'Patrols', dueDate: '31/03/2027' }, false],
    [{ title: 'Patrols', ownerIds: Array.from({ length: 11 }, (_, i) => `o${i}`) }, false],
    [{}, false],
    ['junk', false],
  ])('%j is %s', (input, valid) => {
    expect(proposalInputSchema.safeParse(input).success).toBe(valid);
  });

  it('is kept on the meeting, opens the form with its values, and is marked with the action it became', () => {
    const input = screenedProposal({ title: 'Patrols on Lemon Quay', target: '8 patrols' });
    const next = propose(meeting, input, by, 'p1', now);
    expect(next.ok).toBe(true);
    const held = next.ok ? next.value : meeting;
    expect(proposalIn(held, 'p1')).toMatchObject({
      title: 'Patrols on Lemon Quay',
      savedAs: null,
      proposedBy: by,
    });
    expect(formValuesOf('m1', proposalIn(held, 'p1')!)).toMatchObject({
      title: 'Patrols on Lemon Quay',
      target: '8 patrols',
      proposal: 'm1:p1',
    });
    expect(proposalIn(markSaved(held, 'p1', 'TRU-031'), 'p1')!.savedAs).toBe('TRU-031');
    expect(proposalIn(held, 'nope')).toBeNull();
  });

  it('takes at most fifty in one meeting', () => {
    let held: Meeting = meeting;
    const input = screenedProposal({ title: 'Patrols' });
    for (let i = 0; i < 50; i++) {
      const next = propose(held, input, by, `p${i}`, now);
      if (next.ok) held = next.value;
    }
    expect(held.proposals).toHaveLength(50);
    expect(propose(held, input, by, 'p50', now).ok).toBe(false);
  });
});
