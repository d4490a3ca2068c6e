// Seeding against the real database: idempotent down to every document, audit trail included.
import { typed } from '../support/screened.js';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/app/seed-demo.js';
import { seedReferenceData } from '../../src/app/seed-reference-data.js';
import { createAction } from '../../src/app/create-action.js';
import { DEMO_PEOPLE } from '../../src/app/demo-data.js';
import { prepareDatabase } from '../../src/store/mongo.js';
import { testContext } from '../support/app-context.js';
import { useTestDatabases } from '../support/test-database.js';
import type { Db } from 'mongodb';

const databases = useTestDatabases();

async function snapshot(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const { name } of await db.listCollections().toArray()) {
    out[name] = await db
      .collection(name)
      .find({}, { projection: { at: 0 } })
      .sort({ _id: 1 })
      .toArray();
  }
  return out;
}

describe('seed on MongoDB', () => {
  it('changes nothing when run twice, reference data and demo data alike', async () => {
    const db = await databases.fresh();
    const { ctx } = testContext(await prepareDatabase(db));
    await seedReferenceData(ctx);
    await seedDemo(ctx);
    const once = await snapshot(db);
    expect(once.partnerships).toHaveLength(10);
    expect(once.actions).toHaveLength(70);
    expect(await seedReferenceData(ctx)).toEqual({ inserted: 0, existing: 20 });
    await seedDemo(ctx);
    expect(await snapshot(db)).toEqual(once);
  });

  it('leaves nothing behind when an action is refused', async () => {
    const db = await databases.fresh();
    const { ctx } = testContext(await prepareDatabase(db));
    await seedReferenceData(ctx);
    await seedDemo(ctx);
    const before = await snapshot(db);
    const coordinator = { kind: 'user' as const, id: DEMO_PEOPLE[0]!.aadObjectId, name: 'Jo' };
    const refused = await createAction(ctx, coordinator, {
      town: 'truro',
      planId: 'demo-truro-plan',
      priorityId: 'demo-truro-priority-1',
      title: typed('x'),
      measure: typed(''),
      target: typed(''),
      ownerIds: ['nobody'],
      dueDate: '2020-01-01',
    });
    expect(refused.ok).toBe(false);
    // A forged payload, as a card could send it: the use case's own validation refuses it.
    const forged = await createAction(ctx, coordinator, {
      town: 'truro',
      planId: { $ne: null },
      priorityId: { $gt: '' },
      title: { $where: '1' },
      ownerIds: [{ $ne: null }],
      dueDate: '2027-01-01',
    } as unknown as Parameters<typeof createAction>[2]);
    expect(forged.ok).toBe(false);
    expect(await snapshot(db)).toEqual(before);
  });
});
