// Subject access and erasure against the real database (FerretDB): everything about one person is found,
// across every collection; erasure leaves no trace of them, keeps every count, and is itself audited.
import { typed } from '../support/screened.js';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/app/seed-demo.js';
import { seedReferenceData } from '../../src/app/seed-reference-data.js';
import { erasePerson, exportPerson } from '../../src/app/subject-rights.js';
import { updateAction } from '../../src/app/update-action.js';
import { summarise } from '../../src/app/read-models.js';
import { DEMO_PEOPLE } from '../../src/app/demo-data.js';
import { TOWNS } from '../../src/domain/towns.js';
import { prepareDatabase } from '../../src/store/mongo.js';
import { MongoPersonalRecords } from '../../src/store/personal-records.js';
import { testContext } from '../support/app-context.js';
import { useTestDatabases } from '../support/test-database.js';
import { changedBetween, storedState } from '../support/stored-state.js';
import type { Actor } from '../../src/domain/entity.js';
import type { Db } from 'mongodb';

const databases = useTestDatabases();
const OPERATOR: Actor = { kind: 'system', id: 'operator:test', name: 'IT operator (test)' };
const sam = DEMO_PEOPLE[1]!;
const ALL_TOWNS = TOWNS.map((t) => t.slug);
const jo = DEMO_PEOPLE[0]!; // the coordinator, who may note on any action

async function everything(db: Db): Promise<string> {
  const parts: string[] = [];
  for (const { name } of await db.listCollections().toArray())
    parts.push(JSON.stringify(await db.collection(name).find({}).toArray()));
  return parts.join('\n');
}

describe('subject access and erasure on MongoDB', () => {
  it('exports everything about a person, erases them behind a pseudonym, and keeps every count', async () => {
    const db = await databases.fresh();
    const { ctx } = testContext(await prepareDatabase(db));
    await seedReferenceData(ctx);
    await seedDemo(ctx);
    const records = new MongoPersonalRecords(db);
    const [owned] = await ctx.stores.actions.listByOwner(sam.aadObjectId, ALL_TOWNS);
    const byJo: Actor = { kind: 'user', id: jo.aadObjectId, name: jo.displayName };
    const noted = await updateAction(ctx, byJo, {
      actionId: owned!.id,
      expectedVersion: owned!.version,
      change: { kind: 'note', text: typed(`Handed over to ${sam.displayName} on Friday`) },
    });
    expect(noted.ok).toBe(true);
    const summaries = async () => Promise.all(TOWNS.map((t) => summarise(ctx, t.slug)));
    const figuresBefore = JSON.stringify(await summaries());

    // Subject access, found from the e-mail alone: seats, owned actions, the note naming them, the audit trail.
    const exported = await exportPerson(ctx, records, { email: sam.email.toUpperCase() }, OPERATOR);
    if (!exported.ok) throw exported.error;
    const { records: byCollection, count, subject } = exported.value;
    expect(subject.aadObjectIds).toEqual([sam.aadObjectId.toLowerCase()]);
    expect(subject.names).toContain(sam.displayName);
    expect(byCollection.members).toHaveLength(
      (await ctx.stores.members.listByPerson(sam.aadObjectId)).length,
    );
    expect(byCollection.actions!.length).toBe(
      (await ctx.stores.actions.listByOwner(sam.aadObjectId, ALL_TOWNS)).length,
    );
    expect(JSON.stringify(byCollection.actions)).toContain(`Handed over to ${sam.displayName}`);
    expect(byCollection.audit_events!.length).toBeGreaterThan(0);
    expect(count).toBe(Object.values(byCollection).flat().length);
    expect(JSON.stringify(byCollection.members)).not.toContain(DEMO_PEOPLE[3]!.email); // nobody else's seat
    const [exportEvent] = await ctx.stores.audit.listForEntity(sam.aadObjectId.toLowerCase());
    expect(exportEvent).toMatchObject({
      change: 'person.exported',
      actor: OPERATOR,
      after: { records: count },
    });

    // A dry run changes nothing.
    const untouched = await storedState(db);
    const dry = await erasePerson(ctx, records, { aadObjectId: sam.aadObjectId }, OPERATOR, false);
    expect(dry).toMatchObject({ ok: true, value: { applied: false } });
    expect(changedBetween(untouched, await storedState(db))).toEqual([]);

    const erased = await erasePerson(ctx, records, { aadObjectId: sam.aadObjectId }, OPERATOR, true);
    if (!erased.ok) throw erased.error;
    const { pseudonym, counts } = erased.value;
    expect(counts.deleted.members).toBe(byCollection.members!.length);
    expect(counts.rewritten.actions).toBe(byCollection.actions!.length);

    // No trace of them anywhere, in any form the records held.
    const stored = (await everything(db)).toLowerCase();
    for (const trace of [sam.aadObjectId, sam.email, sam.displayName])
      expect(stored).not.toContain(trace.toLowerCase());
    expect(
      await records.find({ aadObjectIds: [sam.aadObjectId], emails: [sam.email], names: [sam.displayName] }),
    ).toEqual([]);

    // The same numbers, read through the stores' caches: the action they owned is owned by the pseudonym.
    expect(JSON.stringify(await summaries()).replaceAll(pseudonym!.displayName, sam.displayName)).toBe(
      figuresBefore,
    );
    expect((await ctx.stores.actions.get(owned!.id))!.owners).toContainEqual({
      aadObjectId: pseudonym!.aadObjectId,
      displayName: pseudonym!.displayName,
    });
    expect(await ctx.stores.members.listByPerson(sam.aadObjectId)).toEqual([]);
    // The trail keeps that the export and the erasure happened, naming only the pseudonym.
    const trail = await ctx.stores.audit.listForEntity(pseudonym!.aadObjectId);
    expect(trail.map((e) => e.change)).toEqual(['person.exported', 'person.erased']);
    expect(trail[1]).toMatchObject({ actor: OPERATOR, after: counts });

    // Again: nothing left to do.
    const again = await erasePerson(ctx, records, { aadObjectId: sam.aadObjectId }, OPERATOR, true);
    expect(again).toMatchObject({ ok: true, value: { counts: { rewritten: {}, deleted: {} } } });
  });

  it('refuses a request that does not say who, changing nothing', async () => {
    const db = await databases.fresh();
    const { ctx } = testContext(await prepareDatabase(db));
    const result = await erasePerson(ctx, new MongoPersonalRecords(db), { email: 'nobody' }, OPERATOR, true);
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});
