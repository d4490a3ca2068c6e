// Proactive sends through the real CloudAdapter to the Bot Connector stand-in while it throttles a share of
// them: everything arrives, no conversation goes over Teams' rate, and retries wait for Retry-After.
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, MessageFactory } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SendDispatcher, TEAMS_LIMITS } from '../../src/bot/dispatcher.js';
import { FakeConnector } from '../servers/fake-connector.js';

const connector = new FakeConnector();
const adapter = new CloudAdapter(
  new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '' }),
);
beforeAll(() => connector.start());
afterAll(() => connector.stop());

function send(dispatcher: SendDispatcher, conversationId: string, text: string) {
  const reference = {
    serviceUrl: connector.url,
    channelId: 'msteams',
    conversation: { id: conversationId } as never,
    bot: { id: 'b', name: 'b' },
    user: { id: 'u', name: 'u' },
  };
  return dispatcher.dispatch(conversationId, () =>
    adapter.continueConversationAsync('', reference, async (context) => {
      await context.sendActivity(MessageFactory.text(text));
    }),
  );
}

describe('the send dispatcher', () => {
  it('delivers every message under a 429 storm, within Teams limits per conversation, honouring Retry-After', async () => {
    connector.clear();
    connector.throttle = { everyNth: 5, retryAfterSeconds: 1 };
    const dispatcher = new SendDispatcher(TEAMS_LIMITS);
    const conversations = ['a', 'b', 'c'];
    const perConversation = 12;
    await Promise.all(
      conversations.flatMap((c) =>
        Array.from({ length: perConversation }, (_, i) => send(dispatcher, c, `${c}-${i}`)),
      ),
    );
    connector.throttle = null;

    for (const c of conversations) {
      const delivered = connector.sent(c);
      expect(delivered.map((r) => r.body!.text)).toEqual(
        Array.from({ length: perConversation }, (_, i) => `${c}-${i}`),
      ); // all, in order
      const attempts = connector.requests.filter((r) => r.conversationId === c);
      for (const [i, r] of attempts.entries()) {
        const window = attempts.filter((x) => x.at > r.at - 1_000 && x.at <= r.at);
        expect(window.length, `requests to ${c} within one second`).toBeLessThanOrEqual(7);
        if (r.status === 429 && attempts[i + 1])
          expect(attempts[i + 1]!.at - r.at).toBeGreaterThanOrEqual(990);
      }
    }
    expect(dispatcher.stats.sent).toBe(conversations.length * perConversation);
    expect(connector.requests.filter((r) => r.status === 429).length).toBeGreaterThan(5); // the storm happened
  });

  it('does not hold up other conversations while one waits for its Retry-After', async () => {
    connector.clear();
    connector.failNext = { status: 429, count: 1, retryAfterSeconds: 2 };
    const dispatcher = new SendDispatcher(TEAMS_LIMITS);
    const slow = send(dispatcher, 'slow', 'first');
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    await send(dispatcher, 'fast', 'meanwhile');
    expect(Date.now() - started).toBeLessThan(1_000);
    await slow;
    expect(connector.sent('slow')).toHaveLength(1);
  });

  it('gives up after the bounded retries and does not retry what cannot succeed', async () => {
    connector.clear();
    const dispatcher = new SendDispatcher({ ...TEAMS_LIMITS, maxRetries: 2, backoffBaseMs: 10 });
    connector.failNext = { status: 429, count: 100, retryAfterSeconds: 0 };
    await expect(send(dispatcher, 'down', 'x')).rejects.toMatchObject({ statusCode: 429 });
    // Three attempts of ours (the first and two retries), each retried three times by the connector client
    // itself when a 429 carries Retry-After: bounded at 12 requests.
    expect(connector.requests.filter((r) => r.conversationId === 'down')).toHaveLength(12);
    connector.failNext = { status: 403, count: 1 };
    await expect(send(dispatcher, 'blocked', 'x')).rejects.toMatchObject({ statusCode: 403 });
    expect(connector.requests.filter((r) => r.conversationId === 'blocked')).toHaveLength(1);
    connector.failNext = null;
  });
});
