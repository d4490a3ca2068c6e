// The tabs' API with a real app id, against the local Entra stand-in's keys: every defect of a single
// sign-on token gets 401 and no data; the person's open actions by due state; changes through the same use
// case as the card (roles, version check, personal data), and a record the person may not touch is a 404
// that does not say whether it exists. In local mode the API answers this machine only.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FakeEntra } from '../servers/fake-entra.js';
import { TAB_APP_ID, TAB_AUDIENCE, tabBotEnv } from '../support/tab-bot.js';
import { TENANT, USERS, extraUser, useBot, type TeamsUser } from '../support/bot-harness.js';
import { listWholeActions } from '../../src/app/whole-actions.js';
import type { Action } from '../../src/domain/action.js';

const OTHER_TENANT = '99999999-8888-4777-8666-555555555555';
const entra = new FakeEntra(inject('graphTls'));
beforeAll(() => entra.start());
afterAll(() => entra.stop());

const bot = useBot(() => tabBotEnv(entra));

const tokenOf = (user: TeamsUser, over: Record<string, unknown> = {}) =>
  entra.userToken(TENANT, TAB_AUDIENCE, { aadObjectId: user.aadObjectId, name: user.name }, over);

async function call(path: string, token?: string, body?: unknown) {
  const res = await fetch(`${bot.base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown>,
    cache: res.headers.get('cache-control'),
  };
}

let sams: Action;
beforeAll(async () => {
  const truro = await listWholeActions(bot.ctx, 'truro');
  sams = truro.find(
    (a) =>
      a.status === 'not_started' && a.owners.some((o) => o.aadObjectId === USERS.beatManager.aadObjectId),
  )!;
});

describe('who may use the tabs', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const refused: [string, () => string | undefined][] = [
    ['no token', () => undefined],
    ['a malformed token', () => 'not.a.jwt'],
    ['an expired token', () => tokenOf(USERS.coordinator, { exp: now() - 600 })],
    ['a token with no expiry', () => tokenOf(USERS.coordinator, { exp: undefined })],
    ['a token not yet valid', () => tokenOf(USERS.coordinator, { nbf: now() + 600 })],
    ['a token for another app', () => tokenOf(USERS.coordinator, { aud: 'api://elsewhere/other-app' })],
    [
      'a token from another tenant',
      () =>
        entra.userToken(OTHER_TENANT, TAB_AUDIENCE, {
          aadObjectId: USERS.coordinator.aadObjectId,
          name: 'X',
        }),
    ],
    [
      "a token whose issuer is not its tenant's",
      () => tokenOf(USERS.coordinator, { iss: 'https://evil.example/v2.0' }),
    ],
    [
      'a token signed with an unpublished key',
      () =>
        entra.userToken(
          TENANT,
          TAB_AUDIENCE,
          { aadObjectId: USERS.coordinator.aadObjectId, name: 'X' },
          {},
          entra.strangerKey,
        ),
    ],
    ['a token with no object id', () => tokenOf(USERS.coordinator, { oid: undefined })],
  ];

  it.each(refused)('refuses %s with 401 and no data', async (_name, token) => {
    const res = await call('/tab/api/my-work', token());
    expect(res.status).toBe(401);
    expect(Object.keys(res.body)).toEqual(['error']);
    expect(res.cache).toBe('no-store');
    const write = await call(`/tab/api/actions/${sams.id}/status`, token(), {
      version: sams.version,
      status: 'in_progress',
    });
    expect(write.status).toBe(401);
    expect((await bot.ctx.stores.actions.get(sams.id))!.version).toBe(sams.version);
  });

  it("takes the app id as audience too (v2.0 tokens), and an allowed token gives the person's work", async () => {
    for (const token of [tokenOf(USERS.beatManager), tokenOf(USERS.beatManager, { aud: TAB_APP_ID })]) {
      const res = await call('/tab/api/my-work', token);
      expect(res.status).toBe(200);
      expect(res.body['name']).toBe(USERS.beatManager.name);
    }
  });
});

describe('My actions', () => {
  it("lists the person's open actions in every town by due state, with their seats", async () => {
    const res = await call('/tab/api/my-work', tokenOf(USERS.beatManager));
    const groups = res.body['groups'] as Record<string, { ref: string; owners: { aadObjectId: string }[] }[]>;
    expect(Object.keys(groups)).toEqual(['overdue', 'due_today', 'due_soon', 'on_schedule']);
    const all = Object.values(groups).flat();
    expect(all.length).toBeGreaterThan(10); // ten towns
    for (const a of all) expect(a.owners.map((o) => o.aadObjectId)).toContain(USERS.beatManager.aadObjectId);
    expect((res.body['seats'] as unknown[]).length).toBe(10);
    expect(res.body['explanation']).toBe('');
  });

  it('explains, rather than showing an empty page, to someone with no seat', async () => {
    const res = await call('/tab/api/my-work', tokenOf(extraUser(7, 'Pat Nobody')));
    expect(res.status).toBe(200);
    expect(res.body['explanation']).toContain('no seat in a Safer Towns partnership');
  });

  it("changes status, adds a note and moves the due date through the card's own rules", async () => {
    const token = tokenOf(USERS.beatManager);
    bot.connector.clear();
    const started = await call(`/tab/api/actions/${sams.id}/status`, token, {
      version: sams.version,
      status: 'in_progress',
    });
    expect(started.status).toBe(200);
    const action = started.body['action'] as Action;
    expect(action).toMatchObject({ status: 'in_progress', version: sams.version + 1 });
    const stale = await call(`/tab/api/actions/${sams.id}/status`, token, {
      version: sams.version,
      status: 'done',
    });
    expect(stale.status).toBe(409);
    expect(stale.body['error']).toContain('Someone changed this action');
    const noted = await call(`/tab/api/actions/${sams.id}/note`, token, {
      version: action.version,
      note: 'Radios with six shops',
    });
    expect(noted.status).toBe(200);
    const personal = await call(`/tab/api/actions/${sams.id}/note`, token, {
      version: action.version + 1,
      note: 'Mr Pascoe is on bail for shoplifting',
    });
    expect(personal.status).toBe(422);
    expect(personal.body['error']).toContain('looks like personal data');
    expect(JSON.stringify(personal.body)).not.toContain('Pascoe');
    const moved = await call(`/tab/api/actions/${sams.id}/due`, token, {
      version: action.version + 1,
      dueDate: '2027-02-26',
    });
    expect(moved.status).toBe(200);
    const stored = (await bot.ctx.stores.actions.get(sams.id))!;
    expect(stored).toMatchObject({ status: 'in_progress', dueDate: '2027-02-26', version: sams.version + 3 });
    expect(stored.notes.map((n) => n.text)).toEqual(['Radios with six shops']);
  });

  it('asks the tab for the same reasons as the card: cancelling, a date moved again, screened', async () => {
    const token = tokenOf(USERS.beatManager);
    const current = (await bot.ctx.stores.actions.get(sams.id))!; // its date has moved once already
    const again = await call(`/tab/api/actions/${sams.id}/due`, token, {
      version: current.version,
      dueDate: '2027-03-26',
    });
    expect(again.status).toBe(422);
    expect(JSON.stringify(again.body)).toContain(`Say why ${sams.ref}'s date is moving again`);
    const named = await call(`/tab/api/actions/${sams.id}/due`, token, {
      version: current.version,
      dueDate: '2027-03-26',
      reason: 'Mr Pascoe is on bail for shoplifting so the shop is shut',
    });
    expect(named.status).toBe(422);
    expect(named.body['error']).toContain('looks like personal data');
    const cancel = await call(`/tab/api/actions/${sams.id}/status`, token, {
      version: current.version,
      status: 'cancelled',
      reason: 'ok',
    });
    expect(cancel.status).toBe(422);
    expect(JSON.stringify(cancel.body)).toContain('is not a reason');
    expect((await bot.ctx.stores.actions.get(sams.id))!.version).toBe(current.version);
    const moved = await call(`/tab/api/actions/${sams.id}/due`, token, {
      version: current.version,
      dueDate: '2027-03-26',
      reason: 'The shops asked to wait until after the spring sales',
    });
    expect(moved.status).toBe(200);
    expect((await bot.ctx.stores.actions.get(sams.id))!.replanned).toMatchObject({ times: 1 });
  });

  it("answers a forged id, another town's action and a viewer alike: 404, nothing changed", async () => {
    const current = (await bot.ctx.stores.actions.get(sams.id))!;
    const body = { version: current.version, status: 'done' };
    const forged = await call('/tab/api/actions/no-such-action/status', tokenOf(USERS.beatManager), body);
    const viewer = await call(`/tab/api/actions/${sams.id}/status`, tokenOf(USERS.clerk), body);
    const outsider = await call(
      `/tab/api/actions/${sams.id}/status`,
      tokenOf(extraUser(7, 'Pat Nobody')),
      body,
    );
    for (const res of [forged, viewer, outsider]) {
      expect(res.status).toBe(404);
      expect(res.body['error']).toBe('There is no such action, or it is not one you may change.');
    }
    expect((await bot.ctx.stores.actions.get(sams.id))!.version).toBe(current.version);
    const junk = await call(`/tab/api/actions/${sams.id}/status`, tokenOf(USERS.beatManager), {
      version: 'x',
      status: { $ne: 1 },
    });
    expect(junk.status).toBe(400);
  });
});

describe('local mode', () => {
  const local = useBot();
  it('answers this machine as the demo coordinator, and says so', async () => {
    const res = await fetch(`${local.base}/tab/api/my-work`);
    const body = (await res.json()) as Record<string, unknown>;
    expect(res.status).toBe(200);
    expect(body['name']).toBe('Jo Trelawny (demo)');
    expect(body['localMode']).toBe(true);
  });
});
