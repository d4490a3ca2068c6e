import { describe, expect, it } from 'vitest';
import { ACTION_STATUSES, type Action, type ActionStatus } from '../../../src/domain/action.js';
import {
  addProgressNote,
  changeDueDate,
  changeStatus,
  MAX_NOTES_KEPT,
  STATUS_TRANSITIONS,
} from '../../../src/domain/action-status.js';
import { anAction } from '../../contract/builders.js';

const at = new Date('2026-11-26T12:00:00Z');
const withStatus = (status: ActionStatus, over: Partial<Action> = {}) =>
  anAction({ status, ref: 'TRU-007', ...over });

describe('action status machine', () => {
  const allowed: [ActionStatus, ActionStatus][] = [
    ['not_started', 'in_progress'],
    ['not_started', 'blocked'],
    ['not_started', 'done'],
    ['not_started', 'cancelled'],
    ['in_progress', 'blocked'],
    ['in_progress', 'done'],
    ['in_progress', 'cancelled'],
    ['blocked', 'in_progress'],
    ['blocked', 'done'],
    ['blocked', 'cancelled'],
    ['done', 'in_progress'],
    ['cancelled', 'not_started'],
  ];

  it('allows exactly the documented transitions', () => {
    const all = ACTION_STATUSES.flatMap((from) =>
      ACTION_STATUSES.filter((to) => to !== from).map((to) => [from, to] as const),
    );
    for (const [from, to] of all) {
      const ok = changeStatus(withStatus(from), to, { reason: 'waiting on funding', at }).ok;
      expect(ok, `${from} -> ${to}`).toBe(allowed.some(([f, t]) => f === from && t === to));
    }
    expect(Object.values(STATUS_TRANSITIONS).flat()).toHaveLength(allowed.length);
  });

  it('explains a refused transition with what is possible', () => {
    const result = changeStatus(withStatus('done'), 'blocked', { reason: 'x', at });
    expect(!result.ok && result.error[0]?.message).toBe(
      'TRU-007 is done: it can move to in progress, not blocked',
    );
    const same = changeStatus(withStatus('done'), 'done', { at });
    expect(!same.ok && same.error[0]?.message).toBe('TRU-007 is already done');
  });

  it('needs a reason to block, keeps it while blocked and clears it after', () => {
    expect(changeStatus(withStatus('in_progress'), 'blocked', { reason: '  ', at })).toMatchObject({
      ok: false,
      error: [{ field: 'reason' }],
    });
    const blocked = changeStatus(withStatus('in_progress'), 'blocked', {
      reason: 'Waiting for legal advice',
      at,
    });
    expect(blocked.ok && blocked.value).toMatchObject({
      status: 'blocked',
      blockedReason: 'Waiting for legal advice',
      updatedAt: at.toISOString(),
    });
    const moving = changeStatus(withStatus('blocked', { blockedReason: 'x' }), 'in_progress', { at });
    expect(moving.ok && moving.value.blockedReason).toBeNull();
    expect(changeStatus(withStatus('in_progress'), 'blocked', { reason: 'r'.repeat(501), at }).ok).toBe(
      false,
    );
  });
});

describe('progress notes and due dates', () => {
  const by = { aadObjectId: 'aad-1', displayName: 'Sam' };

  it('adds a cleaned note and keeps the latest ones only', () => {
    let action = withStatus('in_progress');
    for (let i = 0; i < MAX_NOTES_KEPT + 5; i++) {
      const r = addProgressNote(action, ` note ${i} `, by, at);
      if (!r.ok) throw new Error('unexpected');
      action = r.value;
    }
    expect(action.notes).toHaveLength(MAX_NOTES_KEPT);
    expect(action.notes.at(-1)).toEqual({ at: at.toISOString(), by, text: `note ${MAX_NOTES_KEPT + 4}` });
    expect(addProgressNote(action, ' \n ', by, at).ok).toBe(false);
    expect(addProgressNote(action, 'x'.repeat(1001), by, at).ok).toBe(false);
  });

  it('moves a due date forward, not into the past or onto itself', () => {
    const action = withStatus('in_progress', { dueDate: '2027-01-31' });
    expect(changeDueDate(action, '2027-02-28', '2026-11-26', at)).toMatchObject({
      ok: true,
      value: { dueDate: '2027-02-28' },
    });
    expect(changeDueDate(action, '2026-11-01', '2026-11-26', at)).toMatchObject({
      ok: false,
      error: [{ message: 'The new due date 2026-11-01 is in the past' }],
    });
    expect(changeDueDate(action, '2027-01-31', '2026-11-26', at).ok).toBe(false);
  });
});
