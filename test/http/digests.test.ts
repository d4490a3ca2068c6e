// Weekly digests through the real bot, on a Monday morning.
import { beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_ID, USERS, useBot } from '../support/bot-harness.js';

const bot = useBot({ REMINDER_SWEEP_SECONDS: '0' }, '2026-11-30T10:00:00Z');
const personal = (user: { id: string }) => `a:personal-${user.id}`;

beforeAll(async () => {
  await bot.sayInChannel(USERS.coordinator, 'link truro');
  await bot.install(USERS.coordinator);
  await bot.install(USERS.caseWorker);
});

describe('weekly digests in Teams', () => {
  it(
    'posts the town digest to its channel and owners’ digests 1:1, minding opt-outs',
    { timeout: 60_000 },
    async () => {
      await bot.say(USERS.coordinator, 'digest off');
      expect(bot.connector.sent(personal(USERS.coordinator)).at(-1)!.body!.text).toBe(
        'Your weekly digest is off. Say "digest on" to have it again.',
      );
      bot.connector.clear();
      const report = await bot.sweep();
      expect(report.digests).toMatchObject({ due: true, towns: 10 });
      expect(
        bot.connector.sent(CHANNEL_ID).some((r) => JSON.stringify(r.body).includes('Safer Truro: the week')),
      ).toBe(true);
      expect(JSON.stringify(bot.connector.sent(personal(USERS.caseWorker)))).toContain(
        'Your actions this week',
      );
      expect(JSON.stringify(bot.connector.sent(personal(USERS.coordinator)))).not.toContain(
        'Your actions this week',
      );
      const again = await bot.sweep();
      expect(again.digests).toMatchObject({ towns: 0, people: 0 });
    },
  );
});
