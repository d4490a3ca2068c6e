// One suite, two implementations: the in-memory fakes the unit tests use must behave like MongoDB.
import { beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/errors.js';
import { aMember, anAction, anAudit } from './builders.js';
import type { Stores } from '../../src/app/ports.js';

export function storeContract(name: string, makeStores: () => Promise<Stores>) {
  describe(`${name} stores`, () => {
    let stores: Stores;
    beforeEach(async () => {
      stores = await makeStores();
    });

    describe('versioned records (actions)', () => {
      it('round-trips a record exactly, with nothing of the store leaking out', async () => {
        const action = anAction();
        await stores.actions.insert(action, anAudit(action.id));
        expect(await stores.actions.get(action.id)).toEqual(action);
        expect(await stores.actions.get('no-such-id')).toBeNull();
      });

      it('refuses a second record with the same id or the same town and ref', async () => {
        const action = anAction();
        await stores.actions.insert(action, anAudit(action.id));
        await expect(stores.actions.insert(action, anAudit(action.id))).rejects.toMatchObject({
          code: ErrorCode.Duplicate,
        });
        const sameRef = anAction({ ref: action.ref });
        await expect(stores.actions.insert(sameRef, anAudit(sameRef.id))).rejects.toMatchObject({
          code: ErrorCode.Duplicate,
        });
        const otherTown = anAction({ ref: action.ref, town: 'penzance' });
        await stores.actions.insert(otherTown, anAudit(otherTown.id));
        expect(await stores.actions.get(sameRef.id)).toBeNull();
      });

      it('applies an update carrying the current version, bumps the version and appends the audit event', async () => {
        const action = anAction();
        await stores.actions.insert(action, anAudit(action.id, 'action.created'));
        const outcome = await stores.actions.update(
          { ...action, status: 'in_progress' },
          1,
          anAudit(action.id, 'action.status'),
        );
        expect(outcome).toEqual({ kind: 'updated', value: { ...action, status: 'in_progress', version: 2 } });
        expect(await stores.actions.get(action.id)).toMatchObject({ status: 'in_progress', version: 2 });
        const trail = await stores.audit.listForEntity(action.id);
        expect(trail.map((e) => e.change)).toEqual(['action.created', 'action.status']);
      });

      it("pages a record's trail newest first", async () => {
        const action = anAction();
        await stores.actions.insert(action, anAudit(action.id, 'action.created'));
        for (let v = 1; v <= 4; v++)
          await stores.actions.update({ ...action, version: v }, v, anAudit(action.id, `action.note.${v}`));
        const first = await stores.audit.pageForEntity(action.id, { skip: 0, limit: 2 });
        const second = await stores.audit.pageForEntity(action.id, { skip: 2, limit: 2 });
        const last = await stores.audit.pageForEntity(action.id, { skip: 4, limit: 2 });
        expect(first.map((e) => e.change)).toEqual(['action.note.4', 'action.note.3']);
        expect(second.map((e) => e.change)).toEqual(['action.note.2', 'action.note.1']);
        expect(last.map((e) => e.change)).toEqual(['action.created']);
      });

      it('refuses a stale version, changes nothing and writes no audit event', async () => {
        const action = anAction();
        await stores.actions.insert(action, anAudit(action.id));
        await stores.actions.update({ ...action, status: 'in_progress' }, 1, anAudit(action.id));
        const outcome = await stores.actions.update({ ...action, status: 'done' }, 1, anAudit(action.id));
        expect(outcome).toEqual({ kind: 'stale', current: { ...action, status: 'in_progress', version: 2 } });
        expect(await stores.actions.get(action.id)).toMatchObject({ status: 'in_progress', version: 2 });
        expect(await stores.audit.listForEntity(action.id)).toHaveLength(2);
      });

      it('reports an update of a missing record as not found', async () => {
        const action = anAction();
        expect(await stores.actions.update(action, 1, anAudit(action.id))).toEqual({ kind: 'not_found' });
        expect(await stores.audit.listForEntity(action.id)).toEqual([]);
      });

      it('lets exactly one of many simultaneous updates of the same version win', async () => {
        const action = anAction();
        await stores.actions.insert(action, anAudit(action.id));
        const outcomes = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            stores.actions.update({ ...action, target: `target ${i}` }, 1, anAudit(action.id)),
          ),
        );
        expect(outcomes.filter((o) => o.kind === 'updated')).toHaveLength(1);
        expect(outcomes.filter((o) => o.kind === 'stale')).toHaveLength(7);
        expect(await stores.audit.listForEntity(action.id)).toHaveLength(2);
      });

      it('inserts once with insertIfAbsent and leaves the first record untouched', async () => {
        const action = anAction();
        expect(await stores.actions.insertIfAbsent(action, anAudit(action.id))).toBe(true);
        expect(
          await stores.actions.insertIfAbsent({ ...action, title: 'changed title here' }, anAudit(action.id)),
        ).toBe(false);
        expect(await stores.actions.get(action.id)).toEqual(action);
        expect(await stores.audit.listForEntity(action.id)).toHaveLength(1);
      });
    });

    describe('action queries', () => {
      it('allocates references per town in sequence', async () => {
        expect(await stores.actions.nextRef('truro')).toBe('TRU-001');
        expect(await stores.actions.nextRef('truro')).toBe('TRU-002');
        expect(await stores.actions.nextRef('st-austell')).toBe('STA-001');
      });

      it('never hands out the same reference twice, even to simultaneous callers', async () => {
        const refs = await Promise.all(Array.from({ length: 20 }, () => stores.actions.nextRef('falmouth')));
        expect(new Set(refs).size).toBe(20);
        expect([...refs].sort()[19]).toBe('FAL-020');
      });

      it('finds an action by a loosely written reference', async () => {
        const action = anAction({ ref: 'TRU-014' });
        await stores.actions.insert(action, anAudit(action.id));
        expect((await stores.actions.getByRef('tru 14'))?.id).toBe(action.id);
        expect(await stores.actions.getByRef('PNZ-014')).toBeNull();
        expect(await stores.actions.getByRef('nonsense')).toBeNull();
      });

      it('lists by town, by owner and open-and-due, in due-date order', async () => {
        const owner = { aadObjectId: 'aad-list-owner', displayName: 'Owner' };
        const a = anAction({ dueDate: '2027-02-01', owners: [owner] });
        const b = anAction({
          dueDate: '2027-01-01',
          owners: [owner, { aadObjectId: 'other', displayName: 'Other' }],
        });
        const c = anAction({ dueDate: '2026-12-01', status: 'done' });
        const d = anAction({ dueDate: '2026-12-15', town: 'bodmin', status: 'blocked', ref: 'BOD-001' });
        const e = anAction({ dueDate: '2026-12-20', town: 'bodmin', ref: 'BOD-002', owners: [owner] });
        for (const x of [a, b, c, d, e]) await stores.actions.insert(x, anAudit(x.id));
        expect((await stores.actions.listByTown('truro')).map((x) => x.id)).toEqual([c.id, b.id, a.id]);
        const owned = async () =>
          (await stores.actions.listByOwner('aad-list-owner', ['truro', 'bodmin'])).map((x) => x.id);
        expect(await owned()).toEqual([e.id, b.id, a.id]);
        expect((await stores.actions.listOpenDueBy('2027-01-01')).map((x) => x.id)).toEqual([
          d.id,
          e.id,
          b.id,
        ]);
        // Handed to someone else: no longer theirs, at once.
        await stores.actions.update(
          { ...a, owners: [{ aadObjectId: 'other', displayName: 'Other' }] },
          1,
          anAudit(a.id),
        );
        expect(await owned()).toEqual([e.id, b.id]);
      });
    });

    describe('members', () => {
      it('holds one seat per person per town, and lists by town and by person', async () => {
        const jo = aMember({ displayName: 'Jo' });
        await stores.members.insert(jo, anAudit(jo.id));
        const again = aMember({ aadObjectId: jo.aadObjectId });
        await expect(stores.members.insert(again, anAudit(again.id))).rejects.toMatchObject({
          code: ErrorCode.Duplicate,
        });
        const elsewhere = aMember({ aadObjectId: jo.aadObjectId, town: 'redruth', accessRole: 'member' });
        await stores.members.insert(elsewhere, anAudit(elsewhere.id));
        expect((await stores.members.listByTown('truro')).map((m) => m.id)).toEqual([jo.id]);
        expect((await stores.members.listByPerson(jo.aadObjectId)).map((m) => m.town).sort()).toEqual([
          'redruth',
          'truro',
        ]);
      });
    });

    describe('audit log', () => {
      it('lists a town newest first, up to a limit', async () => {
        for (const [i, change] of ['first', 'second', 'third'].entries()) {
          const action = anAction({ town: 'liskeard', ref: `LIS-00${i}` });
          await stores.actions.insert(action, {
            ...anAudit(action.id, change, 'liskeard'),
            at: `2026-11-2${i}T10:00:00.000Z`,
          });
        }
        expect((await stores.audit.listByTown('liskeard', 2)).map((e) => e.change)).toEqual([
          'third',
          'second',
        ]);
      });

      it('appends an event that goes with no write', async () => {
        const event = { ...anAudit('person-1', 'person.exported'), town: null };
        await stores.audit.append(event);
        expect(await stores.audit.listForEntity('person-1')).toEqual([event]);
      });

      it('removes the details of events older than a time, or of one record, once', async () => {
        const old = anAction({ ref: 'LIS-010', town: 'liskeard' });
        const recent = anAction({ ref: 'LIS-011', town: 'liskeard' });
        const detailed = (id: string, at: string) => ({
          ...anAudit(id, 'action.note', 'liskeard'),
          at,
          before: { notes: [] },
          after: { notes: [{ text: 'Met the landlord' }] },
        });
        await stores.actions.insert(old, detailed(old.id, '2020-01-01T00:00:00.000Z'));
        await stores.actions.insert(recent, detailed(recent.id, '2026-11-01T00:00:00.000Z'));
        const at = '2026-11-26T02:00:00.000Z';
        expect(await stores.audit.redactDetails({ olderThan: '2023-01-01T00:00:00.000Z' }, at)).toBe(1);
        expect(await stores.audit.redactDetails({ olderThan: '2023-01-01T00:00:00.000Z' }, at)).toBe(0);
        const [gone] = await stores.audit.listForEntity(old.id);
        expect(gone).toMatchObject({ change: 'action.note', before: null, after: null, redactedAt: at });
        expect((await stores.audit.listForEntity(recent.id))[0]!.after).toEqual({
          notes: [{ text: 'Met the landlord' }],
        });
        expect(await stores.audit.redactDetails({ entityId: recent.id }, at)).toBe(1);
        expect((await stores.audit.listForEntity(recent.id))[0]).toMatchObject({
          after: null,
          redactedAt: at,
        });
      });
    });

    describe('reminder records', () => {
      const key = { actionId: 'a-1', kind: 'overdue' as const, window: '2026-W48' };
      const now = new Date('2026-11-26T09:00:00Z');
      const lease = new Date('2026-11-26T09:05:00Z');

      it('lets the first claimant win and nobody else while the lease holds', async () => {
        expect(await stores.reminders.claim(key, 'worker-a', now, lease)).toBe(true);
        expect(await stores.reminders.claim(key, 'worker-b', now, lease)).toBe(false);
        expect(await stores.reminders.markSent(key, 'worker-b', now)).toBe(false);
        expect(await stores.reminders.markSent(key, 'worker-a', now)).toBe(true);
        expect(await stores.reminders.get(key)).toMatchObject({ state: 'sent', claimedBy: 'worker-a' });
      });

      it('hands an expired claim to another worker, but never a sent reminder', async () => {
        expect(await stores.reminders.claim(key, 'worker-a', now, lease)).toBe(true);
        const later = new Date('2026-11-26T09:06:00Z');
        expect(await stores.reminders.claim(key, 'worker-b', later, new Date('2026-11-26T09:11:00Z'))).toBe(
          true,
        );
        expect(await stores.reminders.markSent(key, 'worker-a', later)).toBe(false);
        expect(await stores.reminders.markSent(key, 'worker-b', later)).toBe(true);
        expect(
          await stores.reminders.claim(
            key,
            'worker-c',
            new Date('2027-01-01T00:00:00Z'),
            new Date('2027-01-01T00:05:00Z'),
          ),
        ).toBe(false);
      });

      it('lets exactly one of many workers take over an expired claim', async () => {
        expect(await stores.reminders.claim(key, 'dead-worker', now, lease)).toBe(true);
        const later = new Date('2026-11-26T09:10:00Z');
        const until = new Date('2026-11-26T09:15:00Z');
        const results = await Promise.all(
          ['a', 'b', 'c', 'd', 'e', 'f'].map((w) => stores.reminders.claim(key, w, later, until)),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
        const winner = ['a', 'b', 'c', 'd', 'e', 'f'][results.indexOf(true)]!;
        expect(await stores.reminders.get(key)).toMatchObject({ claimedBy: winner, state: 'claimed' });
      });

      it('lets many simultaneous claimants have exactly one winner', async () => {
        const results = await Promise.all(
          ['a', 'b', 'c', 'd', 'e', 'f'].map((w) => stores.reminders.claim(key, w, now, lease)),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
      });
    });

    describe('deliveries', () => {
      it('says which delivery of an activity is the first, and forgets old ones only', async () => {
        const [monday, wednesday] = [new Date('2026-11-23T10:00:00Z'), new Date('2026-11-25T10:00:00Z')];
        expect(await stores.deliveries.first('conv|act-1', monday)).toBe(true);
        expect(await stores.deliveries.first('conv|act-1', wednesday)).toBe(false);
        expect(await stores.deliveries.first('conv|act-2', wednesday)).toBe(true);
        expect(await stores.deliveries.forgetBefore(new Date('2026-11-24T00:00:00Z'))).toBe(1);
        expect(await stores.deliveries.first('conv|act-2', wednesday)).toBe(false);
        expect(await stores.deliveries.first('conv|act-1', wednesday)).toBe(true); // forgotten
      });
    });

    describe('card posts', () => {
      it('finds the copy of a card in one conversation, and lists every copy of it', async () => {
        await stores.cardPosts.save({ actionId: 'a1', conversationId: 'c1', activityId: 'm1' });
        await stores.cardPosts.save({ actionId: 'a1', conversationId: 'c2', activityId: 'm2' });
        await stores.cardPosts.save({ actionId: 'a1', conversationId: 'c1', activityId: 'm3' });
        expect(await stores.cardPosts.find('a1', 'c1')).toEqual({
          actionId: 'a1',
          conversationId: 'c1',
          activityId: 'm3',
        });
        expect(await stores.cardPosts.find('a1', 'c3')).toBeNull();
        expect((await stores.cardPosts.listFor('a1')).map((p) => p.activityId).sort()).toEqual(['m2', 'm3']);
      });
    });

    describe('conversation references', () => {
      it('keeps the latest reference per conversation and finds a person’s 1:1 chat', async () => {
        const ref = {
          key: 'personal:aad-1', // a 1:1 chat is keyed by the person (conversationRefOf)
          kind: 'personal' as const,
          aadObjectId: 'aad-1',
          town: null,
          tenantId: 't',
          reference: { conversation: { id: 'c1' } },
          updatedAt: '2026-11-01T00:00:00Z',
        };
        await stores.conversations.upsert(ref);
        await stores.conversations.upsert({
          ...ref,
          reference: { conversation: { id: 'c1' }, serviceUrl: 'x' },
          updatedAt: '2026-11-02T00:00:00Z',
        });
        expect(await stores.conversations.get('personal:aad-1')).toMatchObject({
          reference: { serviceUrl: 'x' },
        });
        expect((await stores.conversations.findPersonal('aad-1'))?.key).toBe('personal:aad-1');
        expect(await stores.conversations.findPersonal('aad-unknown')).toBeNull();
      });
      it('survives many simultaneous first saves of the same conversation', async () => {
        const ref = {
          key: 'channel:c9',
          kind: 'channel' as const,
          aadObjectId: null,
          town: 'truro' as const,
          tenantId: null,
          reference: {},
          updatedAt: '2026-11-01T00:00:00Z',
        };
        await Promise.all(
          Array.from({ length: 6 }, (_, i) => stores.conversations.upsert({ ...ref, reference: { n: i } })),
        );
        expect(await stores.conversations.get('channel:c9')).toMatchObject({
          key: 'channel:c9',
          kind: 'channel',
          town: 'truro',
        });
      });
    });

    describe('problem references', () => {
      it('numbers problem plans per town', async () => {
        expect(await stores.problems.nextSeq('newquay')).toBe(1);
        expect(await stores.problems.nextSeq('newquay')).toBe(2);
        expect(await stores.problems.nextSeq('saltash')).toBe(1);
      });
    });
  });
}
