// The bot with a real app id, against a local Bot Framework key set and Entra token endpoint
// (test/servers/fake-entra.ts): which incoming tokens are accepted, and what token goes out with replies.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FakeEntra } from '../servers/fake-entra.js';
import { TENANT, USERS, useBot } from '../support/bot-harness.js';

const APP_ID = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const SECRET = 'test-secret-not-real';
const OTHER_TENANT = '99999999-8888-4777-8666-555555555555';
const entra = new FakeEntra(inject('graphTls'));
beforeAll(() => entra.start());
afterAll(() => entra.stop());

describe('authentication with an app id', () => {
  const bot = useBot(() => ({
    MICROSOFT_APP_ID: APP_ID,
    MICROSOFT_APP_PASSWORD: SECRET,
    MICROSOFT_APP_TENANT_ID: TENANT,
    BOT_OPENID_METADATA_URL: entra.openIdMetadataUrl,
    ENTRA_AUTHORITY_HOST: entra.base,
    ALLOWED_TENANT_IDS: TENANT,
  }));
  const now = () => Math.floor(Date.now() / 1000);
  const help = (token: string | undefined, activity = bot.personalActivity(USERS.coordinator)) =>
    bot.post(
      { ...activity, type: 'message', text: 'help' },
      undefined,
      token === undefined ? {} : { authorization: `Bearer ${token}` },
    );

  it("accepts a valid channel token, and replies with a token from the tenant's token endpoint", async () => {
    bot.connector.clear();
    const res = await help(entra.channelToken(APP_ID, bot.connector.url));
    expect(res.status).toBe(200);
    const sent = bot.connector.sent();
    expect(sent.length).toBeGreaterThan(0);
    expect(entra.issued.length).toBeGreaterThan(0);
    expect(sent.every((r) => r.authorization === `Bearer ${entra.issued.at(-1)}`)).toBe(true);
    expect(entra.tokenRequests.at(-1)).toEqual({
      tenant: TENANT,
      form: expect.objectContaining({
        grant_type: 'client_credentials',
        client_id: APP_ID,
        client_secret: SECRET,
        scope: 'https://api.botframework.com/.default',
      }) as unknown,
    });
  });

  const refused: [string, () => string | undefined][] = [
    ['no token', () => undefined],
    ['a malformed token', () => 'not.a.jwt'],
    // The SDK allows five minutes of clock skew.
    ['an expired token', () => entra.channelToken(APP_ID, bot.connector.url, { exp: now() - 600 })],
    ['a token not yet valid', () => entra.channelToken(APP_ID, bot.connector.url, { nbf: now() + 600 })],
    [
      'a token for another app',
      () => entra.channelToken('bbbbbbbb-0000-4000-8000-000000000000', bot.connector.url),
    ],
    [
      'a token from another issuer',
      () => entra.channelToken(APP_ID, bot.connector.url, { iss: 'https://sts.example' }),
    ],
    [
      'a token signed with an unpublished key',
      () => entra.channelToken(APP_ID, bot.connector.url, {}, entra.strangerKey),
    ],
    ['a token for another service URL', () => entra.channelToken(APP_ID, 'https://smba.example/amer/')],
    [
      'a token with no service URL',
      () => entra.channelToken(APP_ID, bot.connector.url, { serviceurl: undefined }),
    ],
  ];

  it.each(refused)('refuses %s with 401, and sends nothing', async (_, token) => {
    bot.connector.clear();
    const res = await help(token());
    expect(res.status).toBe(401);
    expect(bot.connector.requests).toHaveLength(0);
  });

  it('refuses a validly signed activity from a tenant that is not allowed, with 403', async () => {
    bot.connector.clear();
    const activity = bot.personalActivity(USERS.coordinator);
    const foreign = {
      ...activity,
      conversation: { ...activity.conversation, tenantId: OTHER_TENANT },
      channelData: { tenant: { id: OTHER_TENANT } },
    };
    const res = await help(entra.channelToken(APP_ID, bot.connector.url), foreign);
    expect(res.status).toBe(403);
    expect(bot.connector.requests).toHaveLength(0);
  });

  it('checks the token before the tenant: no token from a foreign tenant is a 401', async () => {
    const activity = bot.personalActivity(USERS.coordinator);
    const res = await help(undefined, { ...activity, channelData: { tenant: { id: OTHER_TENANT } } });
    expect(res.status).toBe(401);
  });
});

describe('when the Bot Framework key set cannot be read', () => {
  const bot = useBot(() => ({
    MICROSOFT_APP_ID: APP_ID,
    MICROSOFT_APP_PASSWORD: SECRET,
    MICROSOFT_APP_TENANT_ID: TENANT,
    BOT_OPENID_METADATA_URL: `${entra.base}/nowhere/.well-known/openidconfiguration`,
    ENTRA_AUTHORITY_HOST: entra.base,
  }));

  it('answers 503 (Teams retries), not 401 or a crash, and keeps serving', async () => {
    const token = entra.channelToken(APP_ID, bot.connector.url);
    const activity = { ...bot.personalActivity(USERS.coordinator), type: 'message', text: 'help' };
    const headers = { authorization: `Bearer ${token}` };
    expect((await bot.post(activity, undefined, headers)).status).toBe(503);
    expect((await bot.post(activity, undefined, headers)).status).toBe(503);
    expect(bot.connector.requests).toHaveLength(0);
  });
});
