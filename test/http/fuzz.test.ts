// Property-based fuzzing of /api/messages (fast-check): generated and mutated activities and card payloads,
// including unicode edge cases, deep nesting and MongoDB operators where ids and text belong. Whatever comes
// in: no 5xx, the service keeps answering, invalid input changes no stored data, and every answer is quick.
// FUZZ_RUNS sets the number of cases per property (CI runs the default; the full run is in docs/SECURITY.md).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VERB_SCHEMAS } from '../../src/bot/verbs/registry.js';
import { EXTENSION_COMMANDS } from '../../src/bot/extension/registry.js';
import { USERS, useBot } from '../support/bot-harness.js';
import type { Db } from 'mongodb';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 60);
/** Each answer within this (the turn's own work; Teams gives a card action a few seconds). */
const MAX_MS = 3_000;
/**
 * Bookkeeping, not records: which conversations the bot has seen, which activity ids it has taken, and the
 * read models' change logs and snapshots (a record's write shows in its own collection).
 */
const BOOKKEEPING = new Set(['conversation_refs', 'deliveries', 'changes', 'change_heads', 'read_models']);

const bot = useBot();

async function snapshot(db: Db): Promise<string> {
  const names = (await db.listCollections().toArray()).map((c) => c.name).filter((n) => !BOOKKEEPING.has(n));
  const parts: string[] = [];
  for (const name of names.sort())
    parts.push(name, JSON.stringify(await db.collection(name).find({}).sort({ _id: 1 }).toArray()));
  return parts.join('\n');
}

const injection = fc.constantFrom<unknown>(
  { $gt: '' },
  { $ne: null },
  { $where: 'sleep(1000)' },
  { $regex: '.*' },
  '{"$gt": ""}',
  '$where',
  'a.b',
  '__proto__',
  { __proto__: { polluted: true } },
  { constructor: { prototype: { polluted: true } } },
);
const nasty = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }), // lone surrogates, control characters
  fc.constantFrom('\u0000', '\u202e\u202d', '\ufeff', 'e\u0301'.repeat(500), '𝕿𝖗𝖚𝖗𝖔', ''.padEnd(3000, 'ß')),
  injection,
  fc.jsonValue({ maxDepth: 4 }),
);
/** JSON nested `depth` deep, as text (building it as an object would overflow our own stack). */
const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

async function timedPost(body: unknown, raw?: string) {
  const began = performance.now();
  const res = await bot.post(body, raw);
  return { ...res, ms: performance.now() - began };
}

function expectSafe(res: { status: number; ms: number }) {
  expect(res.status).toBeLessThan(500);
  expect(res.ms).toBeLessThan(MAX_MS);
}

describe('fuzzing /api/messages', () => {
  it('answers any JSON body with no 5xx, quickly, and stores nothing for what is not an activity', async () => {
    const before = await snapshot(bot.db);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.jsonValue({ maxDepth: 6 }), fc.anything({ maxDepth: 4 })),
        async (body) => {
          const res = await timedPost(null, JSON.stringify(body) ?? 'null');
          expectSafe(res);
        },
      ),
      { numRuns: RUNS },
    );
    for (const raw of ['', '{', '[]', 'null', '"text"', deep(5_000), deep(120_000), deep(200_000)])
      expectSafe(await timedPost(null, raw));
    expect(await snapshot(bot.db)).toBe(before);
  });

  it('answers mutated message activities (any field, any value) with no 5xx, quickly', async () => {
    const fields = [
      'id',
      'type',
      'text',
      'from',
      'conversation',
      'channelData',
      'serviceUrl',
      'entities',
      'value',
    ];
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...fields), nasty, { maxKeys: 3 }), async (changes) => {
        const activity = { ...bot.personalActivity(USERS.caseWorker), type: 'message', text: 'my actions' };
        expectSafe(await timedPost({ ...activity, ...changes }));
      }),
      { numRuns: RUNS },
    );
    expect((await fetch(`${bot.base}/healthz`)).status).toBe(200);
  });

  it('answers card actions with forged data on every verb with no 5xx, and changes nothing when the data is invalid', async () => {
    const verbs = Object.keys(VERB_SCHEMAS);
    const before = await snapshot(bot.db);
    let invalid = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...verbs),
        fc.dictionary(
          fc.oneof(
            fc.constantFrom('actionId', 'version', 'status', 'town', 'planId', 'note', 'title'),
            fc.string(),
          ),
          nasty,
          { maxKeys: 6 },
        ),
        async (verb, data) => {
          if (VERB_SCHEMAS[verb]!.safeParse(data).success) return; // valid data may change things: not this test
          invalid++;
          expectSafe(await timedPost({ ...invokeOf(verb, data) }));
        },
      ),
      { numRuns: RUNS * 2 },
    );
    expect(invalid).toBeGreaterThan(0);
    expect(await snapshot(bot.db)).toBe(before);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined(); // no prototype pollution
  });

  it('answers message-extension and dialog invokes with forged values with no 5xx, quickly, writing no records', async () => {
    // What a pre-fill left out of a message is audited (kinds only): the one write these may make.
    const records = async () => (await snapshot(bot.db)).replace(/audit_events\n.*(\n|$)/, '');
    const before = await records();
    const commandIds = [...EXTENSION_COMMANDS.map((c) => c.id), 'nope'];
    const value = fc.oneof(
      nasty,
      fc.record(
        {
          commandId: fc.oneof(fc.constantFrom(...commandIds), nasty),
          parameters: fc.oneof(
            fc.array(fc.record({ name: fc.constantFrom('query', 'initialRun'), value: nasty })),
            nasty,
          ),
          queryOptions: fc.oneof(fc.record({ skip: nasty, count: nasty }), nasty),
          messagePayload: fc.oneof(
            fc.record({ body: fc.record({ contentType: nasty, content: nasty }) }),
            nasty,
          ),
          data: fc.oneof(
            fc.dictionary(fc.constantFrom('verb', 'dialog', 'town', 'choice', 'note'), nasty),
            nasty,
          ),
          url: fc.oneof(fc.constantFrom('https://safertowns.example/actions/TRU-001'), nasty),
        },
        { requiredKeys: [] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...EXTENSION_INVOKES), value, async (name, forged) => {
        // Only forged verbs: a valid one's data may change things (the card tests and the matrix cover those).
        const data = (forged as { data?: { verb?: unknown } } | null)?.data;
        if (data && typeof data === 'object' && typeof data.verb === 'string' && data.verb in VERB_SCHEMAS)
          return;
        const res = await timedPost({
          ...bot.personalActivity(USERS.coordinator),
          type: 'invoke',
          name,
          value: forged,
        });
        expectSafe(res);
        const body = (res.body ?? {}) as Record<string, unknown>;
        expect('composeExtension' in body || 'task' in body, `${name}: ${JSON.stringify(body)}`).toBe(true);
      }),
      { numRuns: RUNS * 2 },
    );
    expect(await records()).toBe(before);
  });
});

const EXTENSION_INVOKES = [
  'composeExtension/query',
  'composeExtension/fetchTask',
  'composeExtension/submitAction',
  'composeExtension/queryLink',
  'composeExtension/anonymousQueryLink',
  'task/fetch',
  'task/submit',
];

function invokeOf(verb: string, data: unknown) {
  return {
    ...bot.personalActivity(USERS.coordinator),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}
