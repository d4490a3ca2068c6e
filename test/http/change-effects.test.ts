// One path for what a change causes: the same change made from a card, from a dialog, from a tab, or by the
// scheduler has the same effects, carried out by the one runner. Here: a repeating action marked done posts
// its next occurrence to the town's channel and brings the channel's copy of its own card up to date,
// whichever way it came in; the retention run's change updates the channel's copy too.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNEL_ID, USERS, cardText, invokeCard, useBot } from '../support/bot-harness.js';
import { listWholeActions } from '../../src/app/whole-actions.js';
import { isOpen, type Action } from '../../src/domain/action.js';

// Local mode: the tabs' API answers this machine as the demo coordinator.
const bot = useBot({ RETENTION_CLOSED_ACTION_DAYS: '365' });

const stored = async (id: string) => (await bot.ctx.stores.actions.get(id))!;
const channelText = () =>
  [...bot.connector.sent(CHANNEL_ID), ...bot.connector.updated()]
    .map((r) => JSON.stringify(r.body))
    .join('\n');

let repeating: Action[] = [];
beforeAll(async () => {
  await bot.sayInChannel(USERS.coordinator, 'link truro');
  const open = (await listWholeActions(bot.ctx, 'truro'))
    .filter((a) => isOpen(a) && !a.recurrence)
    .slice(0, 3);
  for (const action of open)
    invokeCard(
      await bot.invoke(USERS.coordinator, 'action.edit', {
        actionId: action.id,
        version: action.version,
        recurrence: 'monthly',
      }),
    );
  repeating = await Promise.all(open.map((a) => stored(a.id)));
  expect(repeating.every((a) => a.recurrence === 'monthly')).toBe(true);
});

const WAYS: Record<string, (a: Action) => Promise<unknown>> = {
  'a card': (a) =>
    bot.invoke(USERS.coordinator, 'action.status', { actionId: a.id, version: a.version, status: 'done' }),
  'a dialog': (a) =>
    bot.invokeNamed(USERS.coordinator, 'task/submit', {
      data: { verb: 'action.status', actionId: a.id, version: a.version, status: 'done' },
    }),
  'a tab': (a) =>
    fetch(`${bot.base}/tab/api/actions/${a.id}/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ version: a.version, status: 'done' }),
    }),
};

describe('a repeating action marked done', () => {
  it.each(Object.keys(WAYS).map((way, i) => [way, i] as const))(
    'from %s posts its next occurrence to the channel and updates its own copy',
    async (way, i) => {
      const action = repeating[i]!;
      bot.connector.clear();
      await WAYS[way]!(action);
      const done = await stored(action.id);
      expect(done.status).toBe('done');
      const next = await stored(done.next!.id);
      // A tab's page has its answer first; the channel's copies follow.
      await vi.waitFor(
        async () => {
          const text = channelText();
          expect(text).toContain(next.ref); // the next occurrence, posted
          expect(text).toContain(`${done.ref}`); // its own card, posted or updated
          expect(await bot.ctx.stores.cardPosts.listFor(next.id)).toHaveLength(1);
          expect((await bot.ctx.stores.cardPosts.listFor(done.id)).length).toBeGreaterThan(0);
        },
        { timeout: 5_000 },
      );
    },
  );
});

describe('the scheduler', () => {
  it("updates the channel's copy when the retention run removes an action's text", async () => {
    const done = await stored(repeating[0]!.id);
    const [post] = await bot.ctx.stores.cardPosts.listFor(done.id);
    bot.connector.clear();
    bot.clock.advance(400 * 86_400_000);
    const { retention } = await bot.sweep();
    expect(retention!.actionsRedacted).toBeGreaterThanOrEqual(1);
    await vi.waitFor(
      () => {
        const put = bot.connector.updated().find((r) => r.activityId === post!.activityId);
        expect(put).toBeDefined();
        const card = (put!.body!.attachments as { content: unknown }[])[0]!.content;
        expect(cardText(card)).toContain('Removed under the retention policy');
        expect(cardText(card)).not.toContain(done.title);
      },
      { timeout: 5_000 },
    );
    // Updated where a copy was posted; never posted anew for actions the channel never had (no news).
    expect(retention!.actionsRedacted).toBeGreaterThan(1);
    const posts = bot.connector.sent(CHANNEL_ID).map((r) => JSON.stringify(r.body));
    expect(posts.filter((p) => p.includes('Removed under the retention policy'))).toEqual([]);
  });

  it("posts a new action made in the town's own channel there once: the form becomes one line", async () => {
    await bot.sayInChannel(USERS.coordinator, 'new action');
    const form = invokeCard(await bot.invoke(USERS.coordinator, 'action.form', { town: 'truro' }, 'channel'));
    const create = JSON.stringify(form).match(/"verb":"action\.create","data":(\{[^}]*\})/);
    const data = JSON.parse(create![1]!) as Record<string, unknown>;
    bot.connector.clear();
    const made = await bot.invoke(
      USERS.coordinator,
      'action.create',
      {
        ...data,
        title: 'Install two CCTV cameras on Lemon Quay',
        measure: 'Cameras installed and recording',
        target: '2 cameras',
        ownerIds: USERS.coordinator.aadObjectId,
        dueDate: new Date(bot.clock.now().getTime() + 120 * 86_400_000).toISOString().slice(0, 10),
        priorityId: (await bot.ctx.stores.priorities.listByPlan(String(data.planId)))[0]!.id,
      },
      'channel',
    );
    const answer = cardText(invokeCard(made));
    expect(answer).toMatch(/Created TRU-\d+\nIts card is posted in this channel\./);
    await vi.waitFor(() => {
      const posts = bot.connector.sent(CHANNEL_ID).map((r) => JSON.stringify(r.body));
      expect(posts.filter((p) => p.includes('Install two CCTV cameras on Lemon Quay'))).toHaveLength(1);
    });
  });
});
