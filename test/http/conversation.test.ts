// The bot over HTTP: real server, real CloudAdapter, real FerretDB; replies recorded by the fake Connector.
import { describe, expect, it } from 'vitest';
import { conversationKey } from '../../src/domain/conversation.js';
import { CHANNEL_ID, TENANT, USERS, cardText, lastCard, lastText, useBot } from '../support/bot-harness.js';

const bot = useBot();

describe('talking to the bot', () => {
  it('answers help in a 1:1 chat with the help card, as a reply to the message', async () => {
    const res = await bot.say(USERS.caseWorker, 'help');
    expect(res.status).toBe(200);
    const reply = bot.connector.sent().at(-1)!;
    expect(reply.path).toMatch(/^\/v3\/conversations\/a%3Apersonal-29%3Auser-3\/activities\/.+/);
    const help = cardText(lastCard(bot.connector));
    expect(help).toContain('summary [town]');
    // Its examples are the reader's own town's records, not ones it may not have.
    const shown = /show ([A-Z]{3}-\d{3})/.exec(help)?.[1] ?? '';
    expect(await bot.ctx.stores.actions.getByRef(shown)).toBeTruthy();
    expect(help).not.toContain('TRU-014');
    expect(help).not.toContain('TRU-P03');
  });

  it('offers the closest commands for a typo, keeping the town, without repeating what was typed', async () => {
    await bot.say(USERS.caseWorker, 'sumary truro');
    const card = lastCard(bot.connector);
    const text = cardText(card);
    expect(text).toContain('Did you mean "summary Truro"?');
    expect(text).not.toContain('sumary');
    // The short answer, not every command: the full list is one button away.
    expect(text).not.toContain('For coordinators');
    expect(JSON.stringify(card)).toContain('"text":"help"');
    await bot.say(USERS.caseWorker, '   ');
    const blank = cardText(lastCard(bot.connector));
    expect(blank).toContain('Hello. What would you like to do?');
    expect(blank).not.toContain('For coordinators');
  });

  it('never quotes back text the guard has not passed, in a channel or anywhere', async () => {
    await bot.sayInChannel(USERS.caseWorker, 'Darren Nance was released on licence last week');
    expect(JSON.stringify(lastCard(bot.connector)).toLowerCase()).not.toMatch(/darren|nance|licence/);
    await bot.say(USERS.caseWorker, 'show darren nance');
    const reply = JSON.stringify(lastCard(bot.connector));
    expect(reply).toContain('That is not an action reference');
    expect(reply.toLowerCase()).not.toContain('darren');
    await bot.say(USERS.caseWorker, 'summary Darren Nance');
    expect(cardText(lastCard(bot.connector))).toContain("I don't know the town you named");
  });

  it('says meetings cannot be booked before showing a form that could not succeed (no Graph here)', async () => {
    await bot.say(USERS.coordinator, 'schedule meeting truro');
    const card = lastCard(bot.connector);
    expect(cardText(card)).toContain('Meetings are not set up');
    expect(JSON.stringify(card)).not.toContain('Input.Date');
  });

  it('greets on install and remembers the 1:1 conversation for later', async () => {
    const before = bot.connector.sent().length;
    const res = await bot.install(USERS.beatManager);
    expect(res.status).toBe(200);
    expect(cardText(lastCard(bot.connector))).toContain('Safer Towns bot');
    expect(bot.connector.sent()).toHaveLength(before + 1); // one welcome, not one per install event
    const ref = await bot.ctx.stores.conversations.get(
      conversationKey('personal', USERS.beatManager.aadObjectId),
    );
    expect(ref).toMatchObject({
      kind: 'personal',
      aadObjectId: USERS.beatManager.aadObjectId,
      tenantId: TENANT,
    });
    expect(ref?.reference).toMatchObject({
      serviceUrl: bot.connector.url,
      user: { id: USERS.beatManager.id },
    });
  });

  it('gives a coordinator the town summary card, with forgiving town names', async () => {
    await bot.say(USERS.coordinator, 'Summary ST. AUSTELL');
    const card = lastCard(bot.connector);
    expect(cardText(card)).toContain('Safer St Austell: summary');
    expect(JSON.stringify(card)).toContain('Chart.Donut');
  });

  it('lists my actions and shows one action card', async () => {
    await bot.say(USERS.beatManager, 'my actions');
    expect(cardText(lastCard(bot.connector))).toMatch(/Your open actions \(\d+\)/);
    await bot.say(USERS.beatManager, 'show tru-1');
    const card = lastCard(bot.connector);
    expect(cardText(card)).toContain('Truro · TRU-001');
    expect(JSON.stringify(card)).toContain('"verb":"action.status"');
  });

  it('refuses a summary to someone outside the partnership, with a card that says why', async () => {
    await bot.say(
      {
        ...USERS.caseWorker,
        id: '29:stranger',
        aadObjectId: '99999999-0000-4000-8000-000000000000',
        name: 'Stranger',
      },
      'summary truro',
    );
    const text = cardText(lastCard(bot.connector));
    expect(text).toContain('Not allowed');
    expect(text).toContain('You are not a member of the Truro partnership');
  });

  it('works in a group chat when mentioned', async () => {
    await bot.sayInGroup(USERS.coordinator, 'actions truro overdue');
    expect(cardText(lastCard(bot.connector))).toMatch(/Truro: overdue actions \(\d+\)/);
  });

  it('links a channel for coordinators only, then uses it as the town by default', async () => {
    await bot.sayInChannel(USERS.beatManager, 'link truro');
    expect(cardText(lastCard(bot.connector))).toContain('Only coordinators can do that');
    await bot.sayInChannel(USERS.coordinator, 'link truro');
    expect(lastText(bot.connector)).toContain("This channel is now Safer Truro's channel");
    expect((await bot.ctx.stores.partnerships.get('truro'))?.channel).toMatchObject({
      channelId: CHANNEL_ID,
    });
    await bot.sayInChannel(USERS.clerk, 'summary');
    expect(cardText(lastCard(bot.connector))).toContain('Safer Truro: summary');
  });

  it('shows the board view to board members and coordinators, not to other members', async () => {
    await bot.say(USERS.board, 'board');
    const text = cardText(lastCard(bot.connector));
    expect(text).toContain('Safer Towns: board view');
    for (const town of ['Penzance', 'St Austell', 'Saltash']) expect(text).toContain(town);
    await bot.say(USERS.coordinator, 'board');
    expect(cardText(lastCard(bot.connector))).toContain('Safer Towns: board view');
    await bot.say(USERS.caseWorker, 'board');
    expect(cardText(lastCard(bot.connector))).toContain(
      'The board view is for board members and coordinators',
    );
  });

  it('lists the members and the empty seats of a town', async () => {
    await bot.say(USERS.clerk, 'members truro');
    const text = cardText(lastCard(bot.connector));
    expect(text).toContain('Safer Truro partnership: 4 members');
    expect(text).toContain('Jo Trelawny (demo)');
    expect(text).toContain('Seats not yet filled:');
    expect(text).toContain('Fire station manager');
  });

  it('unlinks the channel for coordinators only', async () => {
    await bot.sayInChannel(USERS.clerk, 'unlink');
    expect(cardText(lastCard(bot.connector))).toContain('Only coordinators can do that');
    await bot.sayInChannel(USERS.coordinator, 'unlink');
    expect(lastText(bot.connector)).toContain("This channel is no longer Truro's channel");
    expect((await bot.ctx.stores.partnerships.get('truro'))?.channel).toBeNull();
    await bot.sayInChannel(USERS.coordinator, 'unlink');
    expect(cardText(lastCard(bot.connector))).toContain('This channel is not linked to a town');
  });

  it('explains that link belongs in a channel', async () => {
    await bot.say(USERS.coordinator, 'link truro');
    expect(cardText(lastCard(bot.connector))).toContain('Run "link {town}" in a channel');
  });
});
