// The real service (restify, CloudAdapter, the bot, FerretDB) on 127.0.0.1, with the fake Bot Connector as
// the service URL of every activity. Activities are shaped like the ones Teams sends.
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { afterAll, beforeAll } from 'vitest';
import type { Db } from 'mongodb';
import { composeService, type Service } from '../../src/compose.js';
import { loadConfig } from '../../src/config.js';
import { seedDemo } from '../../src/app/seed-demo.js';
import { seedReferenceData } from '../../src/app/seed-reference-data.js';
import { DEMO_PEOPLE } from '../../src/app/demo-data.js';
import { FakeClock } from '../fakes/clock.js';
import { FakeConnector } from '../servers/fake-connector.js';
import { useTestDatabases } from './test-database.js';
import type { Card } from '../../src/cards/render.js';

export const TENANT = '11111111-2222-4333-8444-555555555555';
const BOT = { id: '28:safer-towns-bot', name: 'Safer Towns' };
const TEAM_ID = '19:partnership-team@thread.tacv2';
export const CHANNEL_ID = '19:truro-channel@thread.tacv2';

/** The five demo people as Teams users. */
export const USERS = Object.fromEntries(
  DEMO_PEOPLE.map((p, i) => [
    ['coordinator', 'beatManager', 'caseWorker', 'clerk', 'board'][i]!,
    { id: `29:user-${i + 1}`, name: p.displayName, aadObjectId: p.aadObjectId, email: p.email },
  ]),
) as Record<'coordinator' | 'beatManager' | 'caseWorker' | 'clerk' | 'board', TeamsUser>;

/** Someone beyond the demo's five, for a test to appoint or leave out (ids unique per `n`). */
export const extraUser = (n: number, name: string): TeamsUser => ({
  id: `29:extra-${n}`,
  name,
  aadObjectId: `0000000${n}-aaaa-4bbb-8ccc-dddddddddddd`,
  email: `${name.split(' ')[0]!.toLowerCase()}@example.gov.uk`,
});

/**
 * One person per access position against Truro, as the authorisation tests use them: the demo's coordinator,
 * a member, a viewer and a board member; someone with no seat; another town's coordinator (appointed there).
 */
export const accessRoles = (outsider: TeamsUser, otherTownCoordinator: TeamsUser) => ({
  coordinator: USERS.coordinator,
  member: USERS.beatManager,
  viewer: USERS.clerk,
  board: USERS.board,
  'not a member': outsider,
  'other town': otherTownCoordinator,
});

export interface TeamsUser {
  id: string;
  name: string;
  aadObjectId: string;
  email: string;
}

export interface Response {
  status: number;
  body: unknown;
}

/** `env` may be a function, read when the bot starts (after servers it names have started). */
export function useBot(
  env: Record<string, string> | (() => Record<string, string>) = {},
  now = '2026-11-26T10:00:00Z',
  /** A database of the test's own (e.g. on a server it stops and starts); else a fresh one on the shared server. */
  database?: () => Promise<Db>,
) {
  const databases = useTestDatabases();
  const connector = new FakeConnector();
  const clock = new FakeClock(new Date(now));
  let service: Service | undefined;
  let db: Db | undefined;
  let base = '';
  // What the service logs at info and above, kept to check that a body never reaches the log.
  const logLines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });

  beforeAll(async () => {
    await connector.start();
    for (const user of Object.values(USERS))
      connector.roster.set(user.id, { ...user, userPrincipalName: user.email });
    db = database ? await database() : await databases.fresh();
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      SHAREPOINT_HOST: 'cornwall.sharepoint.com',
      ...(typeof env === 'function' ? env() : env),
    });
    service = await composeService(config, db, logger, {
      clock,
      graphTokens: config.GRAPH_BASE_URL.startsWith('https://127.0.0.1')
        ? { getAccessToken: async () => 'test-token' }
        : undefined,
    });
    await seedReferenceData(service.ctx);
    await seedDemo(service.ctx);
    await new Promise<void>((ready) => {
      service!.http.server.listen(0, '127.0.0.1', ready);
    });
    base = `http://127.0.0.1:${service.http.server.address().port}`;
  });

  afterAll(async () => {
    await service?.http.drain(1_000);
    await connector.stop();
  });

  const post = async (
    body: unknown,
    raw?: string,
    headers: Record<string, string> = {},
  ): Promise<Response> => {
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: raw ?? JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed };
  };

  const common = (from: TeamsUser) => ({
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: BOT,
  });

  const personal = (from: TeamsUser) => ({
    ...common(from),
    conversation: { id: `a:personal-${from.id}`, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
  });

  const channel = (from: TeamsUser, channelId = CHANNEL_ID) => ({
    ...common(from),
    conversation: {
      id: `${channelId};messageid=${Date.now()}`,
      conversationType: 'channel',
      isGroup: true,
      tenantId: TENANT,
    },
    channelData: {
      teamsChannelId: channelId,
      teamsTeamId: TEAM_ID,
      channel: { id: channelId },
      team: { id: TEAM_ID },
      tenant: { id: TENANT },
    },
  });

  const group = (from: TeamsUser) => ({
    ...common(from),
    conversation: {
      id: '19:group-chat@thread.v2',
      conversationType: 'groupChat',
      isGroup: true,
      tenantId: TENANT,
    },
    channelData: { tenant: { id: TENANT } },
  });

  return {
    connector,
    clock,
    get ctx() {
      return service!.ctx;
    },
    get base() {
      return base;
    },
    /** The bot's database, for tests that check what is stored. */
    get db(): Db {
      if (!db) throw new Error('the bot has not started yet');
      return db;
    },
    post,
    /** The service's log lines so far (info and above), parsed. */
    logs: () =>
      logLines.map((l) => JSON.parse(l) as { level: number; msg: string } & Record<string, unknown>),
    drain: (graceMs: number) => service!.http.drain(graceMs),
    sweep: () => service!.sweep(),
    checkIdentity: () => service!.checkIdentity(),
    /** A 1:1 message from the user. */
    say: (from: TeamsUser, text: string) => post({ ...personal(from), type: 'message', text }),
    /** A channel message that @mentions the bot, as Teams delivers it. */
    sayInChannel: (from: TeamsUser, text: string, channelId?: string) =>
      post({
        ...channel(from, channelId),
        type: 'message',
        text: `<at>${BOT.name}</at> ${text}`,
        entities: [{ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT }],
      }),
    sayInGroup: (from: TeamsUser, text: string) =>
      post({ ...group(from), type: 'message', text: `<at>${BOT.name}</at> ${text}` }),
    /** An Action.Execute click on a card. */
    invoke: (
      from: TeamsUser,
      verb: string,
      data: unknown,
      where: 'personal' | 'channel' = 'personal',
      replyToId = 'card-activity',
    ) =>
      post({
        ...(where === 'channel' ? channel(from) : personal(from)),
        type: 'invoke',
        name: 'adaptiveCard/action',
        replyToId,
        value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      }),
    /** Any other invoke (message extension, dialog), as Teams sends it from a 1:1 chat, a channel or a group chat. */
    invokeNamed: (
      from: TeamsUser,
      name: string,
      value: unknown,
      where: 'personal' | 'channel' | 'group' = 'personal',
      channelId?: string,
    ) =>
      post({
        ...(where === 'channel'
          ? channel(from, channelId)
          : where === 'group'
            ? group(from)
            : personal(from)),
        type: 'invoke',
        name,
        value,
      }),
    /** What Teams sends when someone adds the app: an installationUpdate, then the bot joining the chat. */
    install: async (from: TeamsUser) => {
      await post({ ...personal(from), type: 'installationUpdate', action: 'add' });
      return post({ ...personal(from), type: 'conversationUpdate', membersAdded: [BOT] });
    },
    personalActivity: personal,
    channelActivity: channel,
  };
}

/** The adaptive card of the last activity the bot sent (to a conversation, if given). */
export function lastCard(connector: FakeConnector, conversationId?: string): Card {
  const sent = connector.sent(conversationId).at(-1);
  const attachments = (sent?.body?.attachments ?? []) as { contentType: string; content: Card }[];
  const card = attachments.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
  if (!card) throw new Error(`no card in the last message: ${JSON.stringify(sent?.body).slice(0, 300)}`);
  return card;
}

export function lastText(connector: FakeConnector): string {
  const text = connector.sent().at(-1)?.body?.text;
  return typeof text === 'string' ? text : '';
}

/** All text in a card, for assertions that do not depend on layout. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (['text', 'title', 'value'].includes(key) && typeof value === 'string') out.push(value);
        else walk(value);
      }
    }
  };
  walk(card);
  return out.join('\n');
}

/** The card an Action.Execute invoke answered with (the response body's value). */
export function invokeCard(res: Response): Record<string, unknown> {
  if (res.status !== 200)
    throw new Error(`invoke answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
  return (res.body as { value: Record<string, unknown> }).value;
}

interface CardAction {
  type: string;
  verb?: string;
  data?: Record<string, unknown>;
  card?: { actions?: CardAction[] };
}

/**
 * The personal-data guard's card as a person would use it: the inputs with their pre-filled text, "Save the
 * edited text", and (for a warning) "Keep it as written" inside "It is not personal data".
 */
export function guardCard(card: Record<string, unknown>) {
  const actions = (card.actions ?? []) as CardAction[];
  const save = actions.find((a) => a.type === 'Action.Execute')!;
  const confirm = actions.find((a) => a.type === 'Action.ShowCard')?.card?.actions?.[0] ?? null;
  const inputs: Record<string, string> = {};
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (n.type === 'Input.Text' && typeof n.id === 'string')
        inputs[n.id] = typeof n.value === 'string' ? n.value : '';
      Object.values(n).forEach(walk);
    }
  };
  walk(card.body);
  return {
    title: cardText({ body: [(card.body as unknown[])[0]] }),
    save: { verb: save.verb!, data: save.data! },
    confirm: confirm ? { verb: confirm.verb!, data: confirm.data! } : null,
    inputs,
  };
}

/**
 * The SMART coach's warnings answered as an author would who keeps the action as written: the card's
 * button sent again with the warnings it showed and a reason. A card without warnings is returned as is.
 */
export async function keepingWarnings(
  send: (data: Record<string, unknown>) => Promise<Response>,
  data: Record<string, unknown>,
  reason: string,
): Promise<Record<string, unknown>> {
  const first = invokeCard(await send(data));
  const button = (first.actions as { data?: Record<string, unknown> }[] | undefined)?.[0]?.data;
  if (!JSON.stringify(first).includes('"id":"warningsReason"') || !button?.warningsSeen) return first;
  return invokeCard(await send({ ...data, warningsSeen: button.warningsSeen, warningsReason: reason }));
}
