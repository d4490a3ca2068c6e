// The tabs' pages and the channel tab's API, with a real app id and the local Entra stand-in's tokens: the
// pages carry a strict Content Security Policy framed by Microsoft 365 (and TAB_HOST_ORIGINS) only; the
// town board, the county view, the set-up choices and the meeting panel answer each access position as the
// cards do, and a town the person may not see is the same 404 as one that does not exist.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FakeEntra } from '../servers/fake-entra.js';
import { tabBotEnv, tabToken } from '../support/tab-bot.js';
import { USERS, accessRoles, extraUser, useBot, type TeamsUser } from '../support/bot-harness.js';
import { appoint } from '../../src/app/appoint.js';
import { listWholeActions } from '../../src/app/whole-actions.js';

const LOCAL_HOST_PAGE = 'http://127.0.0.1:4999';
const entra = new FakeEntra(inject('graphTls'));
beforeAll(() => entra.start());
afterAll(() => entra.stop());

const bot = useBot(() => tabBotEnv(entra, { TAB_HOST_ORIGINS: LOCAL_HOST_PAGE }));

const OUTSIDER = extraUser(3, 'Pat Outsider');
const PENZANCE_CSO = extraUser(4, 'Lowen Penzance');
const ROLES = accessRoles(OUTSIDER, PENZANCE_CSO);
type Role = keyof typeof ROLES;

const tokenOf = (user: TeamsUser) => tabToken(entra, user);

async function call(path: string, user?: TeamsUser) {
  const res = await fetch(`${bot.base}${path}`, {
    headers: user ? { authorization: `Bearer ${tokenOf(user)}` } : {},
  });
  const type = res.headers.get('content-type') ?? '';
  return {
    status: res.status,
    headers: res.headers,
    text: type.includes('json') ? '' : await res.text(),
    body: type.includes('json') ? ((await res.json()) as Record<string, unknown>) : {},
  };
}

beforeAll(async () => {
  const { name, email, aadObjectId } = PENZANCE_CSO;
  expect((await appoint(bot.ctx, { town: 'Penzance', name, email, aadObjectId })).ok).toBe(true);
});

describe('the pages', () => {
  it('serves each tab with a strict policy, framed by Microsoft 365 and the configured hosts only', async () => {
    const titles = (await listWholeActions(bot.ctx, 'truro')).map((a) => a.title);
    for (const page of ['my-actions', 'help', 'board', 'config', 'meeting']) {
      const res = await call(`/tab/${page}`);
      expect(res.status, page).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      const policy = res.headers.get('content-security-policy')!;
      expect(policy).toContain("default-src 'none'");
      expect(policy).toContain("script-src 'self'");
      expect(policy).not.toContain('unsafe-inline');
      expect(policy).not.toContain('unsafe-eval');
      const ancestors = policy.split('; ').find((d) => d.startsWith('frame-ancestors'))!;
      for (const host of ['https://teams.microsoft.com', 'https://*.cloud.microsoft', LOCAL_HOST_PAGE])
        expect(ancestors).toContain(host);
      // No data in a page: it is asked for with the person's token.
      for (const title of titles) expect(res.text).not.toContain(title);
      expect(res.text).not.toMatch(/<script>(?!<\/script>)/); // no inline script: the policy would refuse it
      expect(res.text).toContain(`src="/tab/assets/${page}.js"`);
    }
  });

  it('serves its scripts, styles and the two libraries, and nothing else', async () => {
    for (const [file, type] of [
      ['teams-js.js', 'javascript'],
      ['chart.js', 'javascript'],
      ['board.js', 'javascript'],
      ['tab.css', 'css'],
    ] as const) {
      const res = await call(`/tab/assets/${file}`);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('content-type')).toContain(type);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    for (const bad of ['../package.json', '..%2Fpackage.json', 'secret.env', 'BOARD.JS', 'x'.repeat(300)])
      expect((await call(`/tab/assets/${bad}`)).status, bad).toBe(404);
    // teams-js asks this server, not a CDN, for the list of Teams origins: nothing is fetched from elsewhere.
    const teamsJs = (await call('/tab/assets/teams-js.js')).text;
    expect(teamsJs).not.toContain('res.cdn.office.net');
    expect(teamsJs).toContain('/tab/assets/valid-domains.json');
    const list = await call('/tab/assets/valid-domains.json');
    expect(list.headers.get('content-type')).toContain('application/json');
    expect(list.body['validOrigins']).toContain('teams.microsoft.com');
    const policy = (await call('/tab/board')).headers.get('content-security-policy') ?? '';
    expect(policy).toContain("connect-src 'self';");
    expect((await call('/tab/settings')).status).toBe(404);
  });

  it('puts the help topics from the command registry in the help page', async () => {
    const res = await call('/tab/help');
    expect(res.text).toContain('"usage":"help"');
    expect(res.text).toContain('"usage":"summary');
  });
});

describe('the town board, for each access position', () => {
  const READ: Role[] = ['coordinator', 'member', 'viewer', 'board'];
  it.each(Object.keys(ROLES) as Role[])('%s', async (role) => {
    const res = await call('/tab/api/towns/truro/board', ROLES[role]);
    if (!READ.includes(role)) {
      expect(res.status).toBe(404);
      expect(res.body).toEqual({
        error: 'There is no such town board, or it is not one you may see.',
        issues: [],
      });
      return;
    }
    expect(res.status).toBe(200);
    const view = res.body as {
      townName: string;
      mayUpdate: boolean;
      board: {
        cards: { ref: string; owners: { agency: string }[]; rag: string | null }[];
        facets: Record<string, unknown[]>;
      };
      plan: { progress: { priorities: unknown[] } };
      indicator: {
        series: unknown[];
        readings: { margin: number | null; proxy: boolean }[];
        progressLine: string;
      };
      problems: unknown[];
    };
    expect(view.townName).toBe('Truro');
    expect(view.mayUpdate).toBe(role === 'coordinator' || role === 'member');
    const truro = (await listWholeActions(bot.ctx, 'truro')).filter((a) => !a.redactedAt);
    expect(view.board.cards.map((c) => c.ref).sort()).toEqual(truro.map((a) => a.ref).sort());
    expect(view.board.facets['agencies']).toContain('Police');
    expect(view.board.cards.every((c) => c.owners.every((o) => o.agency))).toBe(true);
    expect(view.plan.progress.priorities.length).toBeGreaterThan(0);
    expect(view.indicator.series.length).toBeGreaterThan(0);
    // Every reading has its margin, the proxies' too (the demo's have sample sizes).
    expect(view.indicator.readings.some((r) => r.proxy)).toBe(true);
    expect(view.indicator.readings.every((r) => r.margin !== null && r.margin > 0)).toBe(true);
  });

  it('says the same 404 for a town that does not exist, and 401 with no token', async () => {
    for (const town of ['atlantis', 'x'.repeat(80), '%00', 'truro%2F..'])
      expect((await call(`/tab/api/towns/${town}/board`, USERS.coordinator)).status, town).toBe(404);
    const none = await call('/tab/api/towns/truro/board');
    expect(none.status).toBe(401);
    expect(JSON.stringify(none.body)).not.toContain('TRU-');
  });

  it('shows the ten towns and the fund to board members and coordinators only', async () => {
    const board = await call('/tab/api/county', USERS.board);
    expect(board.status).toBe(200);
    expect((board.body['towns'] as unknown[]).length).toBe(10);
    expect(board.body['fund']).toMatchObject({ allocated: expect.any(Number) as number });
    expect((await call('/tab/api/county', PENZANCE_CSO)).status).toBe(200);
    for (const user of [USERS.beatManager, USERS.clerk, OUTSIDER])
      expect((await call('/tab/api/county', user)).status, user.name).toBe(404);
  });

  it('offers to set up a board only where the person coordinates (or the county, for the board)', async () => {
    const placesOf = async (user: TeamsUser) =>
      ((await call('/tab/api/places', user)).body['places'] as { town: string }[]).map((p) => p.town);
    expect(await placesOf(USERS.coordinator)).toContain('truro');
    expect(await placesOf(PENZANCE_CSO)).toEqual(['penzance']);
    expect(await placesOf(USERS.board)).toEqual(['county']);
    expect(await placesOf(USERS.beatManager)).toEqual([]);
    expect(await placesOf(OUTSIDER)).toEqual([]);
  });
});

describe('the meeting panel, for each access position', () => {
  it('reads as the board does, and takes proposals from those who may change actions only', async () => {
    for (const [role, user] of Object.entries(ROLES) as [Role, TeamsUser][]) {
      const panel = await call('/tab/api/towns/truro/meeting', user);
      expect(panel.status, role).toBe(
        ['coordinator', 'member', 'viewer', 'board'].includes(role) ? 200 : 404,
      );
      const res = await fetch(`${bot.base}/tab/api/towns/truro/proposals`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokenOf(user)}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Two extra evening patrols on Lemon Quay' }),
      });
      // No meeting is on: those who may propose are told so; the rest get the same 404 as a stranger.
      expect(res.status, role).toBe(['coordinator', 'member'].includes(role) ? 422 : 404);
    }
  });
});
