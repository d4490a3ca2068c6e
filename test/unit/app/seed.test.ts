import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../../src/app/seed-demo.js';
import { seedReferenceData } from '../../../src/app/seed-reference-data.js';
import { DEMO_ACTIONS } from '../../../src/app/demo-data.js';
import { dueState } from '../../../src/domain/due.js';
import { testContext } from '../../support/app-context.js';

describe('seeding (in memory)', () => {
  it('loads ten forming partnerships with their core seats and indicators, once', async () => {
    const { ctx, stores } = testContext();
    expect(await seedReferenceData(ctx)).toEqual({ inserted: 20, existing: 0 });
    expect(await seedReferenceData(ctx)).toEqual({ inserted: 0, existing: 20 });
    const partnerships = await stores.partnerships.list();
    expect(partnerships).toHaveLength(10);
    expect(partnerships.every((p) => p.status === 'forming' && p.coreRoles.length === 24)).toBe(true);
  });

  it('adds clearly marked demo data with overdue, near and far due dates, once', async () => {
    const { ctx, stores } = testContext();
    await seedReferenceData(ctx);
    const first = await seedDemo(ctx);
    expect(first.existing).toBe(0);
    expect(await seedDemo(ctx)).toEqual({ inserted: 0, existing: first.inserted });
    const truro = await stores.actions.listByTown('truro');
    expect(truro).toHaveLength(DEMO_ACTIONS.length);
    expect(truro.every((a) => a.demo && a.owners.every((o) => o.displayName.endsWith('(demo)')))).toBe(true);
    const kinds = truro.map((a) => dueState(a, '2026-11-26', 3).kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['overdue', 'due_today', 'due_soon', 'on_schedule', 'closed']),
    );
    expect((await stores.members.listByTown('county')).map((m) => m.accessRole)).toEqual(['board']);
    // A current cycle inside the 2026-2029 plan, the programme's first kept as an earlier cycle.
    const indicator = await stores.indicators.get('truro');
    expect(indicator?.baseline).toMatchObject({ year: 2025 });
    expect(indicator?.target).toMatchObject({ year: 2028 });
    expect(indicator?.cycles?.map((c) => [c.baseline.year, c.target?.year])).toEqual([[2017, 2021]]);
  });
});
