// Shared cards stay shared: a click on a line of a card in a channel or group chat that opens another record
// never replaces that card; the record goes to the person's 1:1 chat. The guard's card always has a way back
// to the card the person was on, unchanged.
import { beforeAll, describe, expect, it } from 'vitest';
import { USERS, cardText, invokeCard, lastCard, useBot } from '../support/bot-harness.js';
import { listWholeActions } from '../../src/app/whole-actions.js';
import { isOpen } from '../../src/domain/action.js';

const bot = useBot();
const personalChat = `a:personal-${USERS.coordinator.id}`;

beforeAll(async () => {
  await bot.sayInChannel(USERS.coordinator, 'link truro');
  await bot.install(USERS.coordinator); // the coordinator's 1:1 chat with the bot
});

describe("a line of the channel's town summary", () => {
  it('opens the action in the person’s own chat and leaves the summary as it is', async () => {
    await bot.sayInChannel(USERS.coordinator, 'summary');
    const summary = lastCard(bot.connector);
    const ref = JSON.stringify(summary).match(/"verb":"action\.show","data":\{"ref":"(TRU-\d+)"/)?.[1];
    expect(ref).toBeDefined();
    const res = await bot.invoke(USERS.coordinator, 'action.show', { ref }, 'channel');
    // Not a card: Teams keeps the summary for everyone, and shows the clicker this message.
    expect(res.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect((res.body as { value: string }).value).toContain('Opened in your chat with Safer Towns');
    expect(cardText(lastCard(bot.connector, personalChat))).toContain(`Truro · ${ref}`);
    expect(bot.connector.updated()).toEqual([]); // nothing in the channel was replaced
  });

  it('still shows the action in place in a 1:1 chat, where the card is the person’s own', async () => {
    const [action] = (await listWholeActions(bot.ctx, 'truro')).filter(isOpen);
    const card = invokeCard(await bot.invoke(USERS.coordinator, 'action.show', { ref: action!.ref }));
    expect(cardText(card)).toContain(`Truro · ${action!.ref}`);
  });

  it('tells someone the bot cannot reach 1:1 how to open it, still leaving the card alone', async () => {
    const [action] = await listWholeActions(bot.ctx, 'truro');
    const res = await bot.invoke(USERS.clerk, 'action.show', { ref: action!.ref }, 'channel');
    expect(res.body).toMatchObject({ type: 'application/vnd.microsoft.activity.message' });
    expect((res.body as { value: string }).value).toContain('start a chat with Safer Towns');
  });
});

describe('a line of a list of task-and-finish groups', () => {
  it('opens the group in the person’s own chat from a channel, leaving the list alone', async () => {
    await bot.invoke(USERS.coordinator, 'group.create', {
      town: 'truro',
      theme: 'Night-time economy in Lemon Street',
      memberIds: USERS.beatManager.aadObjectId,
      endDate: '2027-03-31',
    });
    const [group] = await bot.ctx.stores.taskGroups.listByTown('truro');
    const res = await bot.invoke(USERS.coordinator, 'group.show', { groupId: group!.id }, 'channel');
    expect(res.body).toMatchObject({ type: 'application/vnd.microsoft.activity.message' });
    expect(cardText(lastCard(bot.connector, personalChat))).toContain('Night-time economy in Lemon Street');
  });
});

describe("the guard's card", () => {
  const backButton = (card: Record<string, unknown>) =>
    (card['actions'] as { title: string; verb?: string; data?: Record<string, unknown> }[]).find((a) =>
      a.title.startsWith('Back to the'),
    );

  it('goes back to the action card, unchanged, after a refused note', async () => {
    const action = (await listWholeActions(bot.ctx, 'truro')).find(isOpen)!;
    const held = invokeCard(
      await bot.invoke(USERS.coordinator, 'action.note', {
        actionId: action.id,
        version: action.version,
        note: 'Mr Pascoe is on bail for shoplifting',
      }),
    );
    expect(cardText(held)).toContain('Personal details: not saved');
    const back = backButton(held)!;
    expect(back).toMatchObject({ title: 'Back to the card (nothing saved)', verb: 'action.refresh' });
    const card = invokeCard(await bot.invoke(USERS.coordinator, back.verb!, back.data));
    expect(cardText(card)).toContain(`Truro · ${action.ref}`);
    expect((await bot.ctx.stores.actions.get(action.id))!.version).toBe(action.version);
  });

  it('goes back to the new-action form with the other entries kept and the held text left out', async () => {
    const [plan] = await bot.ctx.stores.plans.listByTown('truro');
    const [priority] = await bot.ctx.stores.priorities.listByPlan(plan!.id);
    const held = invokeCard(
      await bot.invoke(USERS.coordinator, 'action.create', {
        town: 'truro',
        planId: plan!.id,
        priorityId: priority!.id,
        title: 'Support Jade Smith (15) after her arrest for shoplifting',
        measure: 'Visits made',
        target: '6 visits',
        ownerIds: USERS.beatManager.aadObjectId,
        dueDate: '2027-03-31',
      }),
    );
    const back = backButton(held)!;
    expect(back).toMatchObject({ title: 'Back to the form (nothing saved)', verb: 'action.form' });
    expect(JSON.stringify(back.data)).not.toContain('Jade');
    const form = invokeCard(await bot.invoke(USERS.coordinator, back.verb!, back.data));
    expect(JSON.stringify(form)).toContain('"value":"2027-03-31"');
    expect(JSON.stringify(form)).not.toContain('Jade');
  });
});
