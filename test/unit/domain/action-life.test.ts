// The rest of an action's life: edits held to the SMART rules, hand-overs, recurrence, evidence links.
import { typed } from '../../support/screened.js';
import type { ActionEdit } from '../../../src/domain/action-edit.js';
import { describe, expect, it } from 'vitest';
import { changedFields, editAction, ownerChanges } from '../../../src/domain/action-edit.js';
import { nextOccurrence } from '../../../src/domain/action-recurring.js';
import { dueAfter } from '../../../src/domain/recurrence.js';
import { documentHosts, evidenceLink } from '../../../src/domain/evidence-link.js';
import { historyLines } from '../../../src/cards/history-views.js';
import { anAction } from '../../contract/builders.js';
import { coordinator, member, members, plan, priority, viewer, outsider } from './fixtures.js';
import type { Action } from '../../../src/domain/action.js';

const at = new Date('2026-11-26T10:00:00Z');
const ctx = { plan, priorities: [priority], members, taskGroup: null };
const owned = (over: Partial<Action> = {}) =>
  anAction({
    planId: plan.id,
    priorityId: priority.id,
    owners: [{ aadObjectId: member.aadObjectId, displayName: member.displayName }],
    ...over,
  });
const messages = (r: ReturnType<typeof editAction>) => (r.ok ? [] : r.error.map((i) => i.message));
/** An edit as a form sends it, its text through the guard. */
const screened = (edit: Record<string, unknown>): ActionEdit =>
  Object.fromEntries(
    Object.entries(edit).map(([k, v]) => [
      k,
      ['title', 'measure', 'target'].includes(k) ? typed(String(v)) : v,
    ]),
  );

describe('editing an action', () => {
  it('changes the title, measure and target, cleaned, and says which fields changed', () => {
    const action = owned();
    const edited = editAction(
      action,
      { title: typed('  Replace  lighting at Lemon Quay car park '), target: typed('6 columns') },
      ctx,
      at,
    );
    expect(edited.ok).toBe(true);
    if (!edited.ok) return;
    expect(edited.value).toMatchObject({
      title: 'Replace lighting at Lemon Quay car park',
      target: '6 columns',
    });
    expect(changedFields(action, edited.value)).toEqual(['title', 'target']);
  });

  it.each([
    [{ title: 'Lighting' }, 'Make the title specific'],
    [{ measure: '  ' }, 'Measure is required'],
    [{ target: 'x'.repeat(101) }, 'Target is too long'],
    [{ priorityId: 'priority-elsewhere' }, "not one of Truro's plan priorities"],
    [{ taskGroupId: 'group-elsewhere' }, 'task-and-finish group does not belong to Truro'],
    [{ ownerIds: [] }, 'Name at least one owner'],
    [{ ownerIds: [viewer.aadObjectId] }, 'is a viewer in Truro and cannot own actions'],
    [{ ownerIds: [outsider.aadObjectId] }, 'is not a member of the Truro partnership'],
    [{ ownerIds: Array.from({ length: 11 }, (_, i) => `id-${i}`) }, 'At most 10 owners'],
    [{ title: 'Install brighter lighting in the bus station underpass' }, 'Nothing to change'],
  ])('refuses %j: %s', (edit, message) => {
    expect(messages(editAction(owned(), screened(edit), ctx, at)).join(' ')).toContain(message);
  });

  it('hands over: new owners from the town, and who was added and removed', () => {
    const action = owned();
    const edited = editAction(action, { ownerIds: [coordinator.aadObjectId] }, ctx, at);
    if (!edited.ok) throw new Error('refused');
    expect(edited.value.owners).toEqual([
      { aadObjectId: coordinator.aadObjectId, displayName: coordinator.displayName },
    ]);
    expect(ownerChanges(action, edited.value)).toEqual({
      added: [{ aadObjectId: coordinator.aadObjectId, displayName: coordinator.displayName }],
      removed: [{ aadObjectId: member.aadObjectId, displayName: member.displayName }],
    });
  });

  it('does not hand over a closed action, nor make a cancelled one repeat', () => {
    expect(
      messages(editAction(owned({ status: 'done' }), { ownerIds: [coordinator.aadObjectId] }, ctx, at)),
    ).toEqual([expect.stringContaining('is closed: reopen it')]);
    expect(messages(editAction(owned({ status: 'cancelled' }), { recurrence: 'monthly' }, ctx, at))).toEqual([
      expect.stringContaining('is cancelled: reinstate it'),
    ]);
    expect(messages(editAction(owned({ status: 'done' }), { recurrence: 'monthly' }, ctx, at))).toEqual([
      expect.stringContaining('is done'),
    ]);
  });

  it('counts public and recurrence as changes only when they change', () => {
    const action = owned();
    expect(messages(editAction(action, { public: false, recurrence: null }, ctx, at))).toEqual([
      expect.stringContaining('Nothing to change'),
    ]);
    const edited = editAction(action, { public: true, recurrence: 'quarterly' }, ctx, at);
    expect(edited.ok && changedFields(action, edited.value)).toEqual(['public', 'recurrence']);
  });
});

describe('recurring actions', () => {
  it.each([
    ['2026-12-04', 'weekly', '2026-12-11'],
    ['2026-12-31', 'weekly', '2027-01-07'],
    ['2026-12-15', 'monthly', '2027-01-15'],
    ['2027-01-31', 'monthly', '2027-02-28'],
    ['2028-01-31', 'monthly', '2028-02-29'],
    ['2026-11-30', 'quarterly', '2027-02-28'],
    ['2026-12-31', 'quarterly', '2027-03-31'],
  ] as const)('%s %s -> %s', (due, every, next) => {
    expect(dueAfter(due, every)).toBe(next);
  });

  it('makes the next occurrence with the same owners, linked to the last, not started, no notes', () => {
    const done = owned({
      status: 'done',
      dueDate: '2026-11-20',
      recurrence: 'monthly',
      notes: [{ at: at.toISOString(), by: { aadObjectId: 'a', displayName: 'A' }, text: 'Patrol done' }],
    });
    const next = nextOccurrence(done, {
      id: 'n1',
      ref: 'TRU-099',
      now: at,
      today: '2026-11-26',
      planEnd: plan.periodEnd,
    });
    expect(next).toMatchObject({
      id: 'n1',
      ref: 'TRU-099',
      version: 1,
      status: 'not_started',
      notes: [],
      owners: done.owners,
      dueDate: '2026-12-20',
      recurrence: 'monthly',
      previous: { id: done.id, ref: done.ref },
    });
  });

  it('moves a late one on until it is not in the past, and stops at the end of the plan', () => {
    const late = owned({ status: 'done', dueDate: '2026-09-01', recurrence: 'weekly' });
    const meta = { id: 'n', ref: 'TRU-100', now: at, today: '2026-11-26', planEnd: plan.periodEnd };
    expect(nextOccurrence(late, meta)?.dueDate).toBe('2026-12-01');
    expect(
      nextOccurrence(owned({ status: 'done', dueDate: '2029-03-20', recurrence: 'monthly' }), meta),
    ).toBeNull();
    expect(nextOccurrence(owned({ status: 'done' }), meta)).toBeNull();
  });
});

describe('evidence links', () => {
  const hosts = documentHosts('Cornwall.SharePoint.com');

  it('allows the tenant SharePoint host and its OneDrive', () => {
    expect(hosts).toEqual(['cornwall.sharepoint.com', 'cornwall-my.sharepoint.com']);
    const link = evidenceLink(
      'https://cornwall.sharepoint.com/sites/SaferTruro/Shared Documents/Patrol log.xlsx',
      hosts,
    );
    expect(link).toEqual({
      ok: true,
      value: 'https://cornwall.sharepoint.com/sites/SaferTruro/Shared%20Documents/Patrol%20log.xlsx',
    });
    expect(evidenceLink('https://cornwall-my.sharepoint.com/personal/x/Documents/a.docx', hosts).ok).toBe(
      true,
    );
  });

  it.each([
    ['http://cornwall.sharepoint.com/a.docx', 'must start with https://'],
    ['https://evil.example.com/a.docx', 'not evil.example.com'],
    ['https://cornwall.sharepoint.com.evil.example/a', 'not cornwall.sharepoint.com.evil.example'],
    ['https://other.sharepoint.com/a.docx', 'not other.sharepoint.com'],
    ['https://user:pw@cornwall.sharepoint.com/a', 'user name or password'],
    ['javascript:alert(1)', 'must start with https://'],
    ['not a link', 'not a web address'],
    [`https://cornwall.sharepoint.com/${'a'.repeat(2001)}`, 'too long'],
  ])('refuses %s', (raw, message) => {
    const result = evidenceLink(raw, hosts);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error[0]!.message).toContain(message);
  });

  it('refuses every link when no SharePoint host is set', () => {
    const result = evidenceLink('https://cornwall.sharepoint.com/a', documentHosts(''));
    expect(!result.ok && result.error[0]!.message).toContain('not turned on');
  });
});

describe('history lines', () => {
  const by = { kind: 'user' as const, id: 'u1', name: 'Jo Coordinator' };
  const event = (change: string, before: unknown, after: unknown, redactedAt?: string) => ({
    id: change,
    at: '2026-11-26T10:00:00.000Z',
    actor: by,
    town: 'truro',
    entity: { kind: 'action' as const, id: 'a', label: 'TRU-001' },
    change,
    before,
    after,
    ...(redactedAt ? { redactedAt } : {}),
  });

  it('says who did what, in words, with the evidence link of a note', () => {
    const lines = historyLines(
      [
        event(
          'action.status',
          { status: 'not_started' },
          { status: 'blocked', blockedReason: 'Awaiting funding' },
        ),
        event(
          'action.note',
          { notes: [] },
          { notes: [{ text: 'Audit done', link: 'https://cornwall.sharepoint.com/a' }] },
        ),
        event('action.due_date', { dueDate: '2027-01-31' }, { dueDate: '2027-02-28' }),
        event(
          'action.owners',
          { owners: [{ displayName: 'Sam' }] },
          { owners: [{ displayName: 'Alex' }], handOver: true },
        ),
        event('action.edit', { title: 'Old title here' }, { title: 'New title here', reason: 'Typo' }),
        event('action.created', null, {}),
        event('action.note', null, null, '2026-11-27T00:00:00.000Z'),
      ],
      'Europe/London',
    );
    expect(lines.map((l) => l.line.replace(/^.*? · /, ''))).toEqual([
      'Jo Coordinator: moved it from not started to blocked: Awaiting funding',
      'Jo Coordinator: added a note: Audit done',
      'Jo Coordinator: moved the due date from 31 Jan 2027 to 28 Feb 2027',
      'Jo Coordinator: handed it over: Sam → Alex',
      'Jo Coordinator: edited it: title "Old title here" → "New title here" (reason: Typo)',
      'Jo Coordinator: created the action',
      'Jo Coordinator: note changed (details removed under the retention policy)',
    ]);
    expect(lines[1]!.link).toBe('https://cornwall.sharepoint.com/a');
    expect(lines[0]!.link).toBe('');
  });
});
