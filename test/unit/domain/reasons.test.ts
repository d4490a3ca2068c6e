import { describe, expect, it } from 'vitest';
import { reasonOfSubstance } from '../../../src/domain/reasons.js';
import { changeDueDate, changeStatus, dueDateMoveNeedsReason } from '../../../src/domain/action-status.js';
import { ragOf } from '../../../src/domain/due.js';
import { anAction } from '../../contract/builders.js';

describe('a reason of substance', () => {
  it.each([
    'ok',
    'OK.',
    'n/a',
    'N/A',
    'na',
    '.',
    '...',
    '-',
    'tbc',
    'see above',
    'Agreed!',
    'none',
    'x',
    'Moved',
  ])('refuses %j', (reason) => {
    const checked = reasonOfSubstance(reason, 'it moves');
    expect(checked.ok).toBe(false);
    // The same words whatever was typed: what was typed is never quoted back.
    expect(!checked.ok && checked.message).toBe(
      'Say why it moves, in a few words the partnership will understand: "ok", "n/a" or a single word is not a reason',
    );
  });

  it.each([
    'Contractor booked for January',
    'Merged into the county Shopwatch scheme',
    'Budget not approved until April',
    'Ymgynghoriad wedi symud i fis Mawrth', // Welsh
  ])('accepts %j', (reason) => {
    expect(reasonOfSubstance(`  ${reason}  `, 'it moves')).toEqual({ ok: true, reason });
  });

  it('refuses nothing at all, and a reason too long', () => {
    expect(reasonOfSubstance('   ', 'it moves')).toEqual({ ok: false, message: 'Say why it moves' });
    expect(reasonOfSubstance('word '.repeat(120), 'it moves').ok).toBe(false);
  });
});

describe('re-planning', () => {
  const today = '2026-11-26';
  const at = new Date(`${today}T10:00:00Z`);

  it('needs a reason for an overdue action, and keeps it amber at best until done', () => {
    const late = anAction({ status: 'in_progress', dueDate: '2026-11-06' });
    expect(dueDateMoveNeedsReason(late, today)).toBe(true);
    expect(changeDueDate(late, '2027-01-31', today, at).ok).toBe(false);
    const moved = changeDueDate(late, '2027-01-31', today, at, 'Contractor booked for January');
    if (!moved.ok) throw new Error('not moved');
    expect(moved.value.replanned).toMatchObject({ times: 1, afterOverdue: true });
    expect(ragOf(late, today)).toBe('red');
    expect(ragOf(moved.value, today)).toBe('amber'); // not green
    const blocked = changeStatus(moved.value, 'blocked', { reason: 'Waiting on the council', at });
    expect(blocked.ok && ragOf(blocked.value, today)).toBe('red');
    const done = changeStatus(moved.value, 'done', { at });
    expect(done.ok && ragOf(done.value, today)).toBeNull();
  });

  it('lets an action on time move once freely, and asks for a reason the second time', () => {
    const onTime = anAction({ status: 'in_progress', dueDate: '2027-03-31' });
    expect(dueDateMoveNeedsReason(onTime, today)).toBe(false);
    const once = changeDueDate(onTime, '2027-04-30', today, at);
    if (!once.ok) throw new Error('not moved');
    expect(once.value).toMatchObject({ dueDateMoves: 1 });
    expect(once.value.replanned).toBeUndefined();
    expect(ragOf(once.value, today)).toBe('green');
    expect(dueDateMoveNeedsReason(once.value, today)).toBe(true);
    const twice = changeDueDate(once.value, '2027-05-31', today, at, 'Waiting for the June budget');
    expect(twice.ok && twice.value.replanned).toMatchObject({ times: 1, afterOverdue: false });
    expect(twice.ok && ragOf(twice.value, today)).toBe('green');
  });

  it('cancels only with a reason, and forgets it when reinstated', () => {
    const action = anAction({ status: 'in_progress' });
    expect(changeStatus(action, 'cancelled', { at }).ok).toBe(false);
    const cancelled = changeStatus(action, 'cancelled', { reason: 'Covered by the county scheme', at });
    if (!cancelled.ok) throw new Error('not cancelled');
    expect(cancelled.value.cancelledReason).toBe('Covered by the county scheme');
    const back = changeStatus(cancelled.value, 'not_started', { at });
    expect(back.ok && back.value.cancelledReason).toBeNull();
  });
});
