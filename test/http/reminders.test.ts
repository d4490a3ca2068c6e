// Reminders delivered through the real bot to the Bot Connector stand-in and the HTTPS Graph stand-in.
import { typed } from '../support/screened.js';
import { inject, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_ID, USERS, useBot } from '../support/bot-harness.js';
import { FakeGraph } from '../servers/fake-graph.js';
import { createAction } from '../../src/app/create-action.js';
import { addDays, localDateOf } from '../../src/domain/dates.js';
import type { Actor } from '../../src/domain/entity.js';

const SYSTEM: Actor = { kind: 'system', id: 'system:test', name: 'Test' };

const graph = new FakeGraph(inject('graphTls'));
await graph.start();
const bot = useBot({
  GRAPH_BASE_URL: graph.baseUrl,
  TEAMS_APP_CATALOG_ID: 'catalog-app-id',
  REMINDER_SWEEP_SECONDS: '0',
});

const personal = (user: { id: string }) => `a:personal-${user.id}`;
const texts = (conversationId: string) =>
  bot.connector.sent(conversationId).map((r) => (typeof r.body!.text === 'string' ? r.body!.text : ''));

beforeAll(async () => {
  for (const user of Object.values(USERS)) graph.users.add(user.aadObjectId);
  await bot.sayInChannel(USERS.coordinator, 'link truro');
  await bot.install(USERS.coordinator);
  await bot.install(USERS.caseWorker);
  bot.connector.blocked.add(personal(USERS.caseWorker)); // the case worker has since blocked the bot
  bot.connector.clear();
  graph.requests.length = 0;
});

describe('reminders in Teams', () => {
  it('reminds owners 1:1, escalates to the coordinator, and copes with owners it cannot reach', async () => {
    const report = await bot.sweep();
    expect(report).toMatchObject({ quiet: false, due: 37 });

    const toCoordinator = texts(personal(USERS.coordinator));
    expect(toCoordinator).toContain('Due in 2 days: TRU-004');
    expect(toCoordinator).toContain('Overdue by 3 days: TRU-002');
    expect(toCoordinator).toContain('Escalation: overdue by 20 days: TRU-001');
    expect(toCoordinator.some((t) => t.startsWith('Alex Nance (demo) has blocked the Safer Towns bot'))).toBe(
      true,
    );

    // The beat manager never talked to the bot: the app is installed for them, and Truro's channel mentions them.
    const mention = bot.connector.sent(CHANNEL_ID).find((r) => String(r.body!.text).includes('TRU-001'))!;
    expect(mention.body!.text).toContain('<at>Sam Penrose (demo)</at>');
    expect(mention.body!.entities).toEqual([
      {
        type: 'mention',
        text: '<at>Sam Penrose (demo)</at>',
        mentioned: { id: USERS.beatManager.aadObjectId, name: 'Sam Penrose (demo)' },
      },
    ]);
    expect(
      graph.requests.some(
        (r) => r.path === `/v1.0/users/${USERS.beatManager.aadObjectId}/teamwork/installedApps`,
      ),
    ).toBe(true);

    // The coordinator's reminders also went to their activity feed.
    const feed = graph.requests.filter(
      (r) => r.path === `/v1.0/users/${USERS.coordinator.aadObjectId}/teamwork/sendActivityNotification`,
    );
    expect(feed.map((r) => (r.body as { activityType: string }).activityType)).toContain('actionDueSoon');

    const card = bot.connector
      .sent(personal(USERS.coordinator))
      .find((r) => r.body!.text === 'Due in 2 days: TRU-004')!;
    const content = (
      card.body!.attachments as { content: { actions: { title: string; verb?: string }[] } }[]
    )[0]!.content;
    expect(content.actions.map((a) => a.title)).toEqual([
      'Start',
      'Done',
      'Add note',
      'Snooze',
      'Open the action',
    ]);
  });

  it('sends nothing twice when it runs again', async () => {
    const before = bot.connector.requests.length;
    const again = await bot.sweep();
    expect(again.claimed).toBe(0);
    expect(bot.connector.requests.length).toBe(before);
  });

  it('snoozes from the reminder card', async () => {
    const action = (await bot.ctx.stores.actions.getByRef('TRU-004'))!;
    const res = await bot.invoke(USERS.coordinator, 'action.snooze', {
      actionId: action.id,
      version: action.version,
      days: 3,
    });
    expect(JSON.stringify(res.body)).toContain('Reminders snoozed until 29 Nov 2026');
    expect((await bot.ctx.stores.actions.getByRef('TRU-004'))!.snoozedUntil).toBe('2026-11-29');
  });
});

describe('reminders while Graph is down', () => {
  it('still sends the 1:1 cards, and leaves for a later sweep the owners only Graph could reach', async () => {
    // Two new actions in Penzance (which has no channel), due tomorrow: one owned by the coordinator, whom
    // the bot talks to 1:1, one by the beat manager, whom only installing the app through Graph can reach.
    const tomorrow = addDays(localDateOf(bot.clock.now(), 'Europe/London'), 1);
    const refs: string[] = [];
    for (const owner of [USERS.coordinator, USERS.beatManager]) {
      const created = await createAction(bot.ctx, SYSTEM, {
        town: 'penzance',
        planId: 'demo-penzance-plan',
        priorityId: 'demo-penzance-priority-1',
        title: typed(`Graph outage check for ${owner.name}`),
        measure: typed('Reminder received'),
        target: typed('One reminder'),
        ownerIds: [owner.aadObjectId],
        dueDate: tomorrow,
        // Due tomorrow: the SMART coach warns, and the test keeps it as written.
        warningsSeen: 'too_soon',
        warningsReason: typed('A check of the reminder path'),
        // Penzance's plan is approved: an action added to it says why.
        revisionReason: typed('Added to check the reminder path'),
      });
      if (!created.ok || created.value.kind !== 'created') throw new Error('not created');
      refs.push(created.value.action.ref);
    }
    bot.connector.clear();
    graph.requests.length = 0;
    graph.faults = [{ status: 503, headers: { 'Retry-After': '0' }, times: 10_000 }];
    const down = await bot.sweep();
    graph.faults = [];
    // The coordinator's card went; the activity feed (a second way to tell them) failed quietly.
    expect(texts(personal(USERS.coordinator))).toContain(`Due in 1 day: ${refs[0]}`);
    expect(graph.requests.some((r) => r.path.endsWith('/sendActivityNotification'))).toBe(true);
    // The beat manager's reminder is not given up: it waits for a later sweep.
    expect(down.retryLater).toBe(1);
    const installs = () =>
      graph.requests.filter(
        (r) => r.path === `/v1.0/users/${USERS.beatManager.aadObjectId}/teamwork/installedApps`,
      ).length;
    const triedWhileDown = installs();
    expect(triedWhileDown).toBeGreaterThan(0);

    bot.clock.advance(10 * 60_000); // past the claim's lease
    const up = await bot.sweep();
    expect(up.claimed).toBe(1); // tried again, and only it
    expect(installs()).toBeGreaterThan(triedWhileDown);
    expect(up.retryLater).toBe(0);
  });
});
