// Odd invoke names and malformed activities: a 4xx, nothing of the body in the log, no error logged.
import { describe, expect, it } from 'vitest';
import { USERS, useBot } from '../support/bot-harness.js';

const bot = useBot();
const SECRET = 'body-marker-7f3a';

function expectQuietRefusal(before: number, res: { status: number }) {
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  const logged = bot.logs().slice(before);
  expect(JSON.stringify(logged)).not.toContain(SECRET);
  expect(logged.filter((l) => l.level >= 50)).toEqual([]);
}

describe('invoke names a sender makes up', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'no/such-invoke', 'composeExtension/x'])(
    '%s gets a 4xx, and nothing of the body is logged',
    async (name) => {
      const before = bot.logs().length;
      const res = await bot.invokeNamed(USERS.coordinator, name, { commandId: SECRET, secret: SECRET });
      expectQuietRefusal(before, res);
    },
  );

  it('still answers the invokes it knows', async () => {
    const res = await bot.invokeNamed(USERS.coordinator, 'composeExtension/query', {
      commandId: 'findAction',
      parameters: [{ name: 'query', value: 'patrol' }],
    });
    expect(res.status).toBe(200);
  });
});

describe('malformed activities', () => {
  it.each([
    ['no action', { trigger: 'manual', secret: SECRET }],
    ['a null action', { action: null, secret: SECRET }],
    ['an action with no type', { action: { verb: 'action.show', data: { secret: SECRET } } }],
    ['a value that is not an object', SECRET],
  ])('an adaptiveCard/action with %s gets a 400', async (_what, value) => {
    const before = bot.logs().length;
    const res = await bot.invokeNamed(USERS.coordinator, 'adaptiveCard/action', value);
    expect(res.status).toBe(400);
    expectQuietRefusal(before, res);
  });

  it.each([
    ['not a list', { membersAdded: SECRET }],
    ['a list of strings', { membersAdded: [SECRET] }],
    ['members removed as an object', { membersRemoved: { id: SECRET } }],
  ])('a conversationUpdate whose members are %s gets a 400', async (_what, fields) => {
    const before = bot.logs().length;
    const res = await bot.post({
      ...bot.personalActivity(USERS.coordinator),
      type: 'conversationUpdate',
      ...fields,
    });
    expect(res.status).toBe(400);
    expectQuietRefusal(before, res);
  });
});
