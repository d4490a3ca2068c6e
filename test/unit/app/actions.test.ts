import { beforeEach, describe, expect, it } from 'vitest';
import { createAction } from '../../../src/app/create-action.js';
import { seedDemo } from '../../../src/app/seed-demo.js';
import { seedReferenceData } from '../../../src/app/seed-reference-data.js';
import { updateAction } from '../../../src/app/update-action.js';
import { DEMO_PEOPLE } from '../../../src/app/demo-data.js';
import { ErrorCode } from '../../../src/errors.js';
import { createMemoryStores } from '../../fakes/memory-stores.js';
import { testContext } from '../../support/app-context.js';
import { typed } from '../../support/screened.js';
import { screenForActor } from '../../../src/app/personal-data.js';
import type { Actor } from '../../../src/domain/entity.js';

const [coordinator, beatManager, caseWorker, clerk, boardMember] = DEMO_PEOPLE.map((p): Actor => ({
  kind: 'user',
  id: p.aadObjectId,
  name: p.displayName,
})) as [Actor, Actor, Actor, Actor, Actor];

describe('action use cases (on the demo partnership, in memory)', () => {
  let t: ReturnType<typeof testContext> & { stores: ReturnType<typeof createMemoryStores> };
  const input = () => ({
    town: 'truro',
    planId: 'demo-truro-plan',
    priorityId: 'demo-truro-priority-1',
    title: typed('Put a youth outreach worker at the skate park on Fridays'),
    measure: typed('Friday sessions delivered'),
    target: typed('20 sessions'),
    ownerIds: [caseWorker.id],
    dueDate: '2027-04-30',
  });

  beforeEach(async () => {
    t = testContext(createMemoryStores()) as typeof t;
    await seedReferenceData(t.ctx);
    await seedDemo(t.ctx);
  });

  it('creates an action with the next reference and an audit event', async () => {
    const before = t.stores.auditEvents.length;
    const result = await createAction(t.ctx, coordinator, input());
    expect(result).toMatchObject({
      ok: true,
      value: { kind: 'created', action: { ref: 'TRU-008', status: 'not_started', version: 1 } },
    });
    expect(t.stores.auditEvents.slice(before).map((e) => [e.change, e.actor.name])).toEqual([
      ['action.created', 'Jo Trelawny (demo)'],
    ]);
  });

  it('refuses invalid input with every problem listed, writing nothing and using no reference', async () => {
    const before = t.stores.auditEvents.length;
    const result = await createAction(t.ctx, coordinator, {
      ...input(),
      title: typed('Skate'),
      dueDate: '2026-01-01',
      ownerIds: [clerk.id],
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: ErrorCode.Validation, message: 'The action is not ready yet' },
    });
    if (!result.ok) expect(result.error.issues.map((i) => i.field)).toEqual(['title', 'ownerIds', 'dueDate']);
    expect(t.stores.auditEvents).toHaveLength(before);
    expect(await createAction(t.ctx, coordinator, input())).toMatchObject({
      ok: true,
      value: { action: { ref: 'TRU-008' } },
    });
  });

  it('lets only members and coordinators of the town create actions', async () => {
    expect(await createAction(t.ctx, clerk, input())).toMatchObject({
      ok: false,
      error: {
        code: ErrorCode.Forbidden,
        message: 'Viewers and board members can read but not change actions (you are a viewer in Truro)',
      },
    });
    expect(await createAction(t.ctx, boardMember, input())).toMatchObject({
      ok: false,
      error: { code: ErrorCode.Forbidden },
    });
    const stranger: Actor = { kind: 'user', id: 'stranger', name: 'Stranger' };
    expect(await createAction(t.ctx, stranger, input())).toMatchObject({
      ok: false,
      error: { message: 'You are not a member of the Truro partnership' },
    });
    expect(await createAction(t.ctx, beatManager, input())).toMatchObject({ ok: true });
  });

  it('takes only text the guard let through: a warning once confirmed, a refusal never', async () => {
    const warned = { title: 'Visit the resident at TR1 2AB about the noise' };
    const first = await screenForActor(t.ctx, coordinator, warned, { town: 'truro' });
    expect(first).toMatchObject({
      verdict: 'confirm',
      text: null,
      findings: [{ kind: 'postcode', match: 'TR1 2AB', field: 'title' }],
    });
    const kept = await screenForActor(t.ctx, coordinator, warned, { town: 'truro', confirmed: true });
    expect(kept.text?.title).toBe(warned.title);
    expect(await createAction(t.ctx, coordinator, { ...input(), title: kept.text!.title! })).toMatchObject({
      ok: true,
      value: { kind: 'created' },
    });
    const refused = { title: 'Visit Mr Pascoe about his bail conditions at the quay' };
    for (const confirmed of [false, true])
      expect(await screenForActor(t.ctx, coordinator, refused, { confirmed })).toMatchObject({
        verdict: 'refuse',
        text: null,
      });
  });

  it('refuses an unknown town before anything else', async () => {
    expect(await createAction(t.ctx, coordinator, { ...input(), town: 'exeter' })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.Validation, issues: [{ field: 'town' }] },
    });
  });

  it('updates status, notes and due dates with the version the user saw; a stale card changes nothing', async () => {
    const action = (await t.stores.actions.getByRef('TRU-006'))!;
    const started = await updateAction(t.ctx, beatManager, {
      actionId: action.id,
      expectedVersion: 1,
      change: { kind: 'status', status: 'in_progress' },
    });
    expect(started).toMatchObject({ ok: true, value: { status: 'in_progress', version: 2 } });
    const again = await updateAction(t.ctx, caseWorker, {
      actionId: action.id,
      expectedVersion: 1,
      change: { kind: 'status', status: 'done' },
    });
    expect(again).toMatchObject({ ok: false, error: { code: ErrorCode.StaleVersion } });
    expect(await t.stores.actions.get(action.id)).toMatchObject({ status: 'in_progress', version: 2 });
    const noted = await updateAction(t.ctx, caseWorker, {
      actionId: action.id,
      expectedVersion: 2,
      change: { kind: 'note', text: typed('Venue booked') },
    });
    expect(noted).toMatchObject({
      ok: true,
      value: { notes: [{ text: 'Venue booked', by: { displayName: 'Alex Nance (demo)' } }] },
    });
    const moved = await updateAction(t.ctx, coordinator, {
      actionId: action.id,
      expectedVersion: 3,
      change: { kind: 'due_date', dueDate: '2027-01-15' },
    });
    expect(moved).toMatchObject({ ok: true, value: { dueDate: '2027-01-15', version: 4 } });
    const trail = await t.stores.audit.listForEntity(action.id);
    expect(trail.map((e) => e.change)).toEqual([
      'action.seeded',
      'action.status',
      'action.note',
      'action.due_date',
    ]);
    expect(trail[1]).toMatchObject({ before: { status: 'not_started' }, after: { status: 'in_progress' } });
  });

  it('lets only the owners and the coordinators change an action', async () => {
    const action = (await t.stores.actions.getByRef('TRU-003'))!; // owned by the ASB case worker
    const change = { kind: 'note' as const, text: typed('Checked in') };
    expect(
      await updateAction(t.ctx, beatManager, { actionId: action.id, expectedVersion: 1, change }),
    ).toMatchObject({
      ok: false,
      error: {
        code: ErrorCode.Forbidden,
        message: "Only TRU-003's owners and the town's coordinators can change it",
      },
    });
    expect(
      await updateAction(t.ctx, caseWorker, { actionId: action.id, expectedVersion: 1, change }),
    ).toMatchObject({ ok: true });
    expect(
      await updateAction(t.ctx, coordinator, { actionId: action.id, expectedVersion: 2, change }),
    ).toMatchObject({ ok: true });
  });

  it('refuses disallowed transitions, viewers and unknown actions with clear errors', async () => {
    const done = (await t.stores.actions.getByRef('TRU-007'))!;
    expect(
      await updateAction(t.ctx, coordinator, {
        actionId: done.id,
        expectedVersion: 1,
        change: { kind: 'status', status: 'blocked', reason: typed('x') },
      }),
    ).toMatchObject({
      ok: false,
      error: {
        code: ErrorCode.Validation,
        issues: [{ message: 'TRU-007 is done: it can move to in progress, not blocked' }],
      },
    });
    expect(
      await updateAction(t.ctx, clerk, {
        actionId: done.id,
        expectedVersion: 1,
        change: { kind: 'note', text: typed('hello') },
      }),
    ).toMatchObject({ ok: false, error: { code: ErrorCode.Forbidden } });
    expect(
      await updateAction(t.ctx, coordinator, {
        actionId: 'nope',
        expectedVersion: 1,
        change: { kind: 'note', text: typed('hello') },
      }),
    ).toMatchObject({ ok: false, error: { code: ErrorCode.NotFound } });
    expect((await t.stores.actions.get(done.id))?.version).toBe(1);
  });
});
