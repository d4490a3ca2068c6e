// The Teams edge's dispatch without HTTP: text -> the command registry -> the use case -> a card; a card
// click -> the verb registry -> the guard -> the use case -> a card. On the in-memory stores, no database.
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import { answerMessage } from '../../../src/bot/commands/router.js';
import { answerInvoke } from '../../../src/bot/verbs/router.js';
import { Messenger } from '../../../src/bot/messenger.js';
import { CardRenderer } from '../../../src/cards/render.js';
import { seedReferenceData } from '../../../src/app/seed-reference-data.js';
import { seedDemo } from '../../../src/app/seed-demo.js';
import { DEMO_PEOPLE } from '../../../src/app/demo-data.js';
import { createMemoryStores } from '../../fakes/memory-stores.js';
import { testContext } from '../../support/app-context.js';
import type { BotEdge } from '../../../src/bot/edge.js';
import { OwnerNotifier } from '../../../src/bot/owner-notifier.js';
import type { Reply } from '../../../src/bot/replies.js';

const { ctx, stores } = testContext(createMemoryStores());
const cards = new CardRenderer();
const log = pino({ level: 'silent' });
// No proactive send happens in these cases (no town has a linked channel, nobody a 1:1 chat).
const messenger = new Messenger({} as CloudAdapter, '', ctx, cards, log);
const owners = new OwnerNotifier(
  ctx,
  { deliver: async () => 'unreachable', deliverImported: async () => 'unreachable' },
  { worker: 'test', leaseMs: 1_000 },
  log,
);
const edge: BotEdge = {
  ...{ ctx, cards, messenger, log, calendar: null, reports: null, upload: null, evidence: null, owners },
  database: { available: () => true },
  effects: { run: async () => null },
};
const [coordinator, beatManager] = DEMO_PEOPLE;
const actorOf = (p: typeof coordinator) => ({
  kind: 'user' as const,
  id: p!.aadObjectId,
  name: p!.displayName,
});

/** What Teams would show of a reply: the text of every text, title and value in it. */
function shown(reply: Reply): string {
  if (typeof reply === 'string') return reply;
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object')
      for (const [key, value] of Object.entries(node))
        if (['text', 'title', 'value'].includes(key) && typeof value === 'string') out.push(value);
        else walk(value);
  };
  walk(reply);
  return out.join('\n');
}

type Where = 'personal' | 'channel';
const turn = (text: string, from: typeof coordinator | null, where: Where = 'personal') =>
  ({
    activity: {
      type: 'message',
      text,
      from: from ? { id: 'u', name: from.displayName, aadObjectId: from.aadObjectId } : { id: 'u' },
      conversation:
        where === 'channel' ? { id: '19:c@thread.tacv2', conversationType: 'channel' } : { id: 'a:1' },
      channelData: where === 'channel' ? { channel: { id: '19:c@thread.tacv2' }, team: { id: '19:t' } } : {},
    },
  }) as unknown as TurnContext;
const say = async (text: string, from: typeof coordinator | null = coordinator, where?: Where) =>
  shown(await answerMessage(turn(text, from, where), edge));

beforeAll(async () => {
  await seedReferenceData(ctx);
  await seedDemo(ctx);
});

describe('commands, dispatched', () => {
  it('runs a command through its use case', async () => {
    expect(await say('summary truro')).toContain('Truro');
    expect(await say('show TRU-001')).toContain('TRU-001');
  });

  it('refuses a command where it cannot work, saying where it does', async () => {
    expect(await say('report', coordinator, 'channel')).toContain(
      'Teams lets me send files only in a 1:1 chat',
    );
    expect(await say('unlink')).toContain('Run "unlink" in the channel you want to unlink.');
  });

  it('answers help to anyone, and nothing else to someone Teams did not name', async () => {
    expect(await say('help', null)).toContain('What I can do');
    expect(await say('summary truro', null)).toContain('Teams did not say who you are');
  });

  it('explains a command it cannot read, and suggests one for a slip', async () => {
    expect(await say('join truro')).toContain('Say the town and your role');
    expect(await say('sumary truro')).toContain('Did you mean "summary Truro"?');
  });
});

describe('card verbs, dispatched', () => {
  it('refuses an unknown verb by name, and a forged payload, changing nothing', async () => {
    expect(shown(await answerInvoke(edge, actorOf(coordinator), 'action.explode', {}))).toContain(
      'That button is not one I know',
    );
    const action = (await stores.actions.getByRef('TRU-001'))!;
    const forged = await answerInvoke(edge, actorOf(coordinator), 'action.status', {
      actionId: action.id,
      version: 'one',
      status: 'done',
    });
    expect(shown(forged)).toContain('That card sent data I cannot use');
    expect(await stores.actions.get(action.id)).toEqual(action);
  });

  it('holds personal data in a free-text field before the use case runs', async () => {
    const action = (await stores.actions.getByRef('TRU-001'))!;
    const note = { actionId: action.id, version: action.version, note: 'Ring Pat Smith on 07700 900123' };
    const held = shown(await answerInvoke(edge, actorOf(coordinator), 'action.note', note));
    expect(held).toContain("looks like it contains a person's name and a phone number");
    expect((await stores.actions.get(action.id))!.version).toBe(action.version);
  });

  it('runs a verb with its typed payload, and a stale card gets the current one', async () => {
    const action = (await stores.actions.getByRef('TRU-001'))!;
    const note = { actionId: action.id, version: action.version, note: 'Venue booked for the 12th' };
    expect(shown(await answerInvoke(edge, actorOf(coordinator), 'action.note', note))).toContain(
      'Venue booked for the 12th',
    );
    const stale = shown(
      await answerInvoke(edge, actorOf(beatManager), 'action.note', { ...note, note: 'Again' }),
    );
    expect(stale).toContain('Someone changed this action after your card was shown');
    expect((await stores.actions.get(action.id))!.notes.map((n) => n.text)).toEqual([
      'Venue booked for the 12th',
    ]);
  });
});
