// A summary's action figures are kept with the array of actions they came from (the store hands out the same
// array until the town changes), so they must be recomputed whenever the array or the day changes.
import { describe, expect, it } from 'vitest';
import { summarise } from '../../../src/app/read-models.js';
import { anAction } from '../../contract/builders.js';
import { testContext } from '../../support/app-context.js';
import type { Action } from '../../../src/domain/action.js';

describe('kept action figures', () => {
  const overdueYesterday = anAction({ town: 'truro', ref: 'TRU-001', dueDate: '2026-11-25' });
  const setUp = () => {
    const t = testContext(undefined, '2026-11-26T10:00:00Z');
    let current: readonly Action[] = [overdueYesterday];
    t.stores.actions.listByTown = async () => current;
    return { ...t, replace: (next: readonly Action[]) => (current = next) };
  };

  it('shares one frozen set of figures between summaries of an unchanged town on one day', async () => {
    const { ctx } = setUp();
    const [first, second] = [await summarise(ctx, 'truro'), await summarise(ctx, 'truro')];
    expect(second.overdue).toBe(first.overdue);
    expect(first.overdue.map((l) => [l.ref, l.days])).toEqual([['TRU-001', -1]]);
    expect(Object.isFrozen(first.overdue) && Object.isFrozen(first.overdue[0]!.owners)).toBe(true);
    expect(() => (first.byStatus as Record<string, number>)['done']!++).toThrow(TypeError);
  });

  it('computes them again on a new day', async () => {
    const { ctx, clock } = setUp();
    await summarise(ctx, 'truro');
    clock.set('2026-11-27T10:00:00Z');
    expect((await summarise(ctx, 'truro')).overdue.map((l) => l.days)).toEqual([-2]);
  });

  it('computes them again once the town has changed (a new array)', async () => {
    const { ctx, replace } = setUp();
    expect((await summarise(ctx, 'truro')).byStatus.done).toBe(0);
    replace([{ ...overdueYesterday, status: 'done' }]);
    const after = await summarise(ctx, 'truro');
    expect([after.byStatus.done, after.overdue.length, after.percentComplete]).toEqual([1, 0, 100]);
  });
});
