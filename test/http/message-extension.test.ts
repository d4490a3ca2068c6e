// The message extension through /api/messages, as Teams sends its invokes: "Find an action" (search), the
// "..." commands on a message (create an action, add a note), link unfurling and dialogs. For each role, and
// for bad input: every answer a 200 Teams can show, nothing changed by what is refused.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CHANNEL_ID,
  USERS,
  accessRoles,
  cardText,
  extraUser,
  lastCard,
  useBot,
  type TeamsUser,
} from '../support/bot-harness.js';
import { storedState, changedBetween } from '../support/stored-state.js';
import { appoint } from '../../src/app/appoint.js';
import { listWholeActions } from '../../src/app/whole-actions.js';
import { isOpen, type Action } from '../../src/domain/action.js';
import { TOWNS } from '../../src/domain/towns.js';

const BASE = 'https://safertowns.example.gov.uk';
const bot = useBot({ PUBLIC_BASE_URL: BASE, REMINDER_SWEEP_SECONDS: '0' });

const person = extraUser;
const OUTSIDER = person(1, 'Pat Outsider');
const PENZANCE_CSO = person(2, 'Lowen Penzance');

type Body = {
  composeExtension?: { type: string; text?: string; attachments?: Attachment[] };
  task?: { type: string; value: string | { title: string; card: { content: Record<string, unknown> } } };
};
type Attachment = {
  content: Record<string, unknown>;
  preview?: { content: { title: string; text: string } };
};

async function invoke(
  user: TeamsUser,
  name: string,
  value: unknown,
  where: 'personal' | 'channel' = 'personal',
) {
  const res = await bot.invokeNamed(user, name, value, where);
  expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
  return res.body as Body;
}

const search = async (user: TeamsUser, text: unknown, skip = 0, count = 25) =>
  (
    await invoke(user, 'composeExtension/query', {
      commandId: 'findAction',
      parameters: [{ name: 'query', value: text }],
      queryOptions: { skip, count },
    })
  ).composeExtension!;
const refsOf = (result: { attachments?: Attachment[] }) =>
  (result.attachments ?? []).map((a) => a.preview!.content.title.split(' · ')[0]!);

const dialog = (body: Body) => {
  const value = body.task?.value;
  if (!value || typeof value === 'string')
    throw new Error(`no dialog card: ${JSON.stringify(body).slice(0, 300)}`);
  return value.card.content;
};
/** The inputs of a dialog's card with their pre-filled values, and its buttons' data by title. */
function formOf(card: Record<string, unknown>) {
  const inputs: Record<string, string> = {};
  const buttons: Record<string, Record<string, unknown>> = {};
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (typeof n['type'] === 'string' && n['type'].startsWith('Input.') && typeof n['id'] === 'string')
      inputs[n['id']] = typeof n['value'] === 'string' ? n['value'] : '';
    if (n['type'] === 'Action.Execute') throw new Error('a dialog card has an Action.Execute');
    if (n['type'] === 'Action.Submit') buttons[String(n['title'])] = n['data'] as Record<string, unknown>;
    Object.values(n).forEach(walk);
  };
  walk(card);
  return { inputs, buttons };
}

const message = (html: string) => ({
  commandId: 'createAction',
  commandContext: 'message',
  messagePayload: { id: '1700000000000', body: { contentType: 'html', content: html } },
});

let truro: Action[];
beforeAll(async () => {
  for (const u of [OUTSIDER, PENZANCE_CSO])
    bot.connector.roster.set(u.id, { ...u, userPrincipalName: u.email });
  const { name, email, aadObjectId } = PENZANCE_CSO;
  expect((await appoint(bot.ctx, { town: 'Penzance', name, email, aadObjectId })).ok).toBe(true);
  await bot.sayInChannel(USERS.coordinator, 'link truro');
  truro = await listWholeActions(bot.ctx, 'truro');
});

describe('Find an action (composeExtension/query)', () => {
  it('finds by reference and lists the live card: its buttons, refreshed for every viewer', async () => {
    const first = truro[0]!;
    const result = await search(USERS.beatManager, first.ref.toLowerCase());
    expect(result.type).toBe('result');
    expect(refsOf(result)).toEqual([first.ref]);
    const { content, preview } = result.attachments![0]!;
    expect(preview!.content.title).toBe(`${first.ref} · ${first.title}`);
    expect(preview!.content.text).toMatch(/ · due \d{1,2} \w{3} \d{4} · Truro$/);
    expect(content['refresh']).toMatchObject({ action: { verb: 'action.refresh' } });
    expect(content['refresh']).not.toHaveProperty('userIds');
    expect(JSON.stringify(content)).toContain('"type":"Action.Execute"');
  });

  it("lists the person's own open actions first when nothing (or too little) is typed, a page at a time", async () => {
    const sam = USERS.beatManager.aadObjectId;
    const towns = TOWNS.map((t) => t.slug);
    const samsOpen = (await bot.ctx.stores.actions.listByOwner(sam, towns)).filter(isOpen).map((a) => a.ref);
    const refs = refsOf(await search(USERS.beatManager, ''));
    expect(refs.length).toBe(25);
    const shown = Math.min(25, samsOpen.length);
    expect(refs.slice(0, shown)).toEqual(samsOpen.slice(0, shown));
    expect(refsOf(await search(USERS.beatManager, 'a'))).toEqual(refs);
    const next = refsOf(await search(USERS.beatManager, '', 25, 25));
    expect(next.length).toBeGreaterThan(0);
    expect(next.some((r) => refs.includes(r))).toBe(false);
  });

  it("finds a town's actions by its code typed in capitals", async () => {
    const refs = refsOf(await search(USERS.board, 'PNZ'));
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.every((r) => r.startsWith('PNZ-'))).toBe(true);
  });

  it('matches words of the title, an owner, a town and a status; and words of the notes', async () => {
    const target = truro.find((a) => a.status !== 'done' && a.status !== 'cancelled')!;
    const word = target.title.split(' ').find((w) => w.length > 5)!;
    expect(refsOf(await search(USERS.coordinator, `${word} truro`))).toContain(target.ref);
    const penzance = refsOf(await search(USERS.coordinator, 'penzance blocked'));
    expect(penzance.every((r) => r.startsWith('PNZ-'))).toBe(true);
    const mine = refsOf(await search(USERS.coordinator, 'Sam Penrose truro'));
    expect(mine.length).toBeGreaterThan(0);
    for (const ref of mine)
      expect(
        truro
          .find((a) => a.ref === ref)!
          .owners.map((o) => o.displayName)
          .join(),
      ).toContain('Sam Penrose');

    const note = 'Spoke to the harbourmaster about the pontoon gate';
    await bot.invoke(USERS.coordinator, 'action.note', {
      actionId: target.id,
      version: target.version,
      note,
    });
    expect(refsOf(await search(USERS.clerk, 'harbourmaster pontoon'))).toEqual([target.ref]);
  });

  it('searches only the towns where the person has a seat (all of them for the board)', async () => {
    const own = refsOf(await search(PENZANCE_CSO, ''));
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((r) => r.startsWith('PNZ-'))).toBe(true);
    const elsewhere = await search(PENZANCE_CSO, truro[0]!.ref);
    expect(elsewhere.type).toBe('message');
    expect(elsewhere.text).toContain('No action in your towns matches that');
    expect(refsOf(await search(USERS.board, truro[0]!.ref))).toEqual([truro[0]!.ref]);
    const none = await search(OUTSIDER, '');
    expect(none.text).toContain('You have no seat in a Safer Towns partnership yet');
  });

  it('answers a query of 5,000 characters, operators and junk with a message or results, never a 5xx', async () => {
    const long = await search(USERS.coordinator, 'x'.repeat(5_000));
    expect(long).toEqual({
      type: 'message',
      text: expect.stringContaining('5000 characters long') as string,
    });
    for (const text of [
      '.*',
      '$where: sleep(1000)',
      '{"$gt": ""}',
      '"; drop',
      'ßüñ 🚓',
      { $regex: '.*' },
      null,
    ]) {
      const res = await search(USERS.coordinator, text);
      expect(['result', 'message']).toContain(res.type);
    }
    const junk = await invoke(USERS.coordinator, 'composeExtension/query', 'not an object');
    expect(junk.composeExtension).toEqual({
      type: 'message',
      text: expect.stringContaining('cannot read') as string,
    });
    const unknown = await invoke(USERS.coordinator, 'composeExtension/query', { commandId: 'dropTables' });
    expect(unknown.composeExtension!.text).toContain('is not one of this app');
  });
});

describe('"..." > Create a Safer Towns action (fetchTask, submitAction)', () => {
  it("pre-fills the form from the message in the town's channel, leaving out personal data and saying so", async () => {
    const body = await invoke(
      USERS.beatManager,
      'composeExtension/fetchTask',
      message(
        '<p>Set up a Shopwatch radio net in Lemon Street.</p><p>Agreed at the BID meeting &amp; minuted.</p>',
      ),
      'channel',
    );
    const { inputs, buttons } = formOf(dialog(body));
    expect(inputs['title']).toBe('Set up a Shopwatch radio net in Lemon Street');
    expect(inputs['firstNote']).toBe('Agreed at the BID meeting & minuted.');
    expect(buttons['Create action']).toMatchObject({
      verb: 'action.create',
      town: 'truro',
      fromMessage: 'true',
    });

    const before = await bot.ctx.stores.audit.listForEntity('x');
    expect(before).toEqual([]);
    const held = await invoke(
      USERS.beatManager,
      'composeExtension/fetchTask',
      message('Sarah Trewin was seen drinking in Lemon Street. Ring her on 07700 900123.'),
      'channel',
    );
    const text = JSON.stringify(held);
    expect(text).not.toContain('Trewin');
    expect(text).not.toContain('07700');
    expect(cardText(dialog(held))).toContain('I left out what looked like personal data');
    expect(formOf(dialog(held)).inputs['title']).toContain('[person]');
  });

  it('runs the SMART checks on submit, then saves, posts to the channel and puts the card in the chat', async () => {
    const { buttons } = formOf(
      dialog(
        await invoke(
          USERS.beatManager,
          'composeExtension/fetchTask',
          message('Lighting audit of the bus station.'),
          'channel',
        ),
      ),
    );
    const planId = String(buttons['Create action']!['planId']);
    const priorityId = (await bot.ctx.stores.priorities.listByPlan(planId))[0]!.id;
    const submit = (data: Record<string, unknown>) =>
      invoke(
        USERS.beatManager,
        'composeExtension/submitAction',
        { commandId: 'createAction', data },
        'channel',
      );
    const base = {
      ...buttons['Create action'],
      title: 'Lighting audit of the bus station',
      firstNote: 'Raised in the partnership chat',
      priorityId,
      ownerIds: USERS.beatManager.aadObjectId,
    };
    const before = await bot.ctx.stores.actions.listByTown('truro');
    const again = await submit({ ...base, measure: '', target: '', dueDate: '2027-02-26', postHere: 'true' });
    expect(cardText(dialog(again))).toContain('- Measure is required');
    expect((await bot.ctx.stores.actions.listByTown('truro')).length).toBe(before.length);

    bot.connector.clear();
    const done = await submit({
      ...base,
      measure: 'Lights checked',
      target: '40 lights',
      dueDate: '2027-02-26',
      postHere: 'true',
    });
    const inserted = done.composeExtension!.attachments![0]!.content;
    expect(cardText(inserted)).toContain('Lighting audit of the bus station');
    expect(inserted['refresh']).not.toHaveProperty('userIds');
    const created = (await listWholeActions(bot.ctx, 'truro')).find(
      (a) => a.title === 'Lighting audit of the bus station',
    )!;
    expect(created.notes.map((n) => n.text)).toEqual(['Raised in the partnership chat']);
    expect(bot.connector.sent(CHANNEL_ID).length).toBeGreaterThan(0);
  });

  it('holds personal data typed into the dialog, refuses other verbs and a repeated submit, changing nothing', async () => {
    const before = await storedState(bot.db);
    const submit = (data: Record<string, unknown>) =>
      invoke(USERS.beatManager, 'composeExtension/submitAction', { commandId: 'createAction', data });
    const plans = await bot.ctx.stores.plans.listByTown('truro');
    const held = await submit({
      verb: 'action.create',
      town: 'truro',
      planId: plans[0]!.id,
      priorityId: (await bot.ctx.stores.priorities.listByPlan(plans[0]!.id))[0]!.id,
      title: 'Mr Pascoe is on bail for shoplifting in Boscawen Street',
      measure: 'Visits',
      target: '4 visits',
      ownerIds: USERS.beatManager.aadObjectId,
      dueDate: '2027-02-26',
    });
    expect(cardText(dialog(held))).toContain('Personal details: not saved');
    const other = await submit({ verb: 'action.status', actionId: truro[0]!.id, version: 1, status: 'done' });
    expect(other.task).toEqual({ type: 'message', value: expect.stringContaining('cannot use') as string });
    expect(changedBetween(before, await storedState(bot.db))).toEqual([]);

    const activity = { commandId: 'createAction', data: { verb: 'action.form', town: 'truro' } };
    const send = () =>
      bot.post({
        ...bot.personalActivity(USERS.beatManager),
        id: 'resent-1', // Teams resends with the same id
        type: 'invoke',
        name: 'composeExtension/submitAction',
        value: activity,
      });
    const first = await send();
    const second = await send();
    expect((first.body as Body).task!.type).toBe('continue');
    expect((second.body as Body).task).toEqual({
      type: 'message',
      value: expect.stringContaining('twice') as string,
    });
  });

  it('tells a viewer and someone with no seat that they cannot add actions', async () => {
    for (const user of [USERS.clerk, OUTSIDER]) {
      const body = await invoke(user, 'composeExtension/fetchTask', message('Extra patrols on Friday.'));
      expect(body.task).toEqual({
        type: 'message',
        value: expect.stringContaining('only in a town where you are') as string,
      });
    }
  });
});

describe('"..." > Add as a progress note', () => {
  const open = (user: TeamsUser, html: string) =>
    invoke(user, 'composeExtension/fetchTask', { ...message(html), commandId: 'addNote' });
  const add = (user: TeamsUser, data: Record<string, unknown>) =>
    invoke(user, 'composeExtension/submitAction', {
      commandId: 'addNote',
      data: { verb: 'note.add', ...data },
    });

  it("lists the person's actions, adds the guarded note to the one chosen, version-checked", async () => {
    const { inputs } = formOf(dialog(await open(USERS.beatManager, 'Six shops now on the radio net.')));
    expect(inputs['note']).toBe('Six shops now on the radio net.');
    const card = dialog(await open(USERS.beatManager, 'x'));
    const choices = JSON.stringify(card).match(/"value":"([^"]+:\d+)"/g) ?? [];
    expect(choices.length).toBeGreaterThan(0);
    const target = truro.find(
      (a) => a.owners.some((o) => o.aadObjectId === USERS.beatManager.aadObjectId) && a.status !== 'done',
    )!;
    const now = (await bot.ctx.stores.actions.get(target.id))!;

    const stale = await add(USERS.beatManager, {
      choice: `${now.id}:${now.version - 1 || 999}`,
      note: 'Stale note',
    });
    expect(cardText(dialog(stale))).toContain('Someone changed this action after your card was shown');
    const done = await add(USERS.beatManager, {
      choice: `${now.id}:${now.version}`,
      note: 'Six shops now on the net',
      postHere: 'false',
    });
    expect(cardText(dialog(done))).toContain('Six shops now on the net');
    const after = (await bot.ctx.stores.actions.get(target.id))!;
    expect(after.notes.at(-1)!.text).toBe('Six shops now on the net');
    expect(after.notes.some((n) => n.text === 'Stale note')).toBe(false);
  });

  it("refuses a forged id, another town's action and personal data, changing nothing", async () => {
    const before = await storedState(bot.db);
    const target = truro[1]!;
    const forged = await add(USERS.beatManager, { choice: 'no-such-action:1', note: 'Hello' });
    expect(cardText(dialog(forged))).toMatch(/no longer exists|not found|no action/i);
    const other = await add(PENZANCE_CSO, { choice: `${target.id}:${target.version}`, note: 'Hello' });
    expect(cardText(dialog(other))).toContain('Not allowed');
    const personal = await add(USERS.coordinator, {
      choice: `${target.id}:${target.version}`,
      note: 'Mr Pascoe is on bail for shoplifting',
    });
    expect(cardText(dialog(personal))).toContain('Personal details: not saved');
    expect(changedBetween(before, await storedState(bot.db))).toEqual([]);
  });
});

describe('Action links (composeExtension/queryLink)', () => {
  const unfurl = async (user: TeamsUser, url: string, name = 'composeExtension/queryLink') =>
    (await invoke(user, name, { url })).composeExtension!;

  it('unfurls to the live card for members of the town, and to "no access" for anyone else', async () => {
    const action = truro[2]!;
    const link = `${BASE}/actions/${action.ref}`;
    const member = await unfurl(USERS.clerk, link);
    expect(refsOf(member)).toEqual([action.ref]);
    expect(cardText(member.attachments![0]!.content)).toContain(action.title);
    for (const result of [
      await unfurl(PENZANCE_CSO, link),
      await unfurl(OUTSIDER, link),
      await unfurl(OUTSIDER, `${BASE}/actions/TRU-999`),
      await unfurl(USERS.clerk, link, 'composeExtension/anonymousQueryLink'),
    ]) {
      const text = JSON.stringify(result);
      expect(text).toContain('You do not have access to this action');
      expect(text).not.toContain(action.title);
    }
    expect(
      cardText((await unfurl(USERS.clerk, `${BASE}/actions/TRU-999`)).attachments![0]!.content),
    ).toContain('There is no action TRU-999');
    expect((await unfurl(USERS.clerk, `https://elsewhere.example/actions/${action.ref}`)).type).toBe(
      'message',
    );
    expect(
      (await invoke(USERS.clerk, 'composeExtension/queryLink', { url: 42 })).composeExtension!.type,
    ).toBe('message');
  });

  it('takes a card shared into the chat from the extension as no command (no help card in reply)', async () => {
    bot.connector.clear();
    const card = (await search(USERS.clerk, truro[2]!.ref)).attachments![0]!.content;
    await bot.post({
      ...bot.personalActivity(USERS.clerk),
      type: 'message',
      text: '<span class="inline-compose-card" itemid="0"></span>',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
    });
    expect(bot.connector.sent()).toEqual([]);
  });

  it('shows the action when its link is pasted to the bot', async () => {
    bot.connector.clear();
    await bot.say(USERS.clerk, `${BASE}/actions/${truro[2]!.ref}`);
    expect(cardText(lastCard(bot.connector))).toContain(truro[2]!.title);
    bot.connector.clear();
    await bot.say(OUTSIDER, `${BASE}/actions/${truro[2]!.ref}`);
    expect(cardText(lastCard(bot.connector))).not.toContain(truro[2]!.title);
  });

  it('puts the link on the card, and the link opened in a browser leads to Teams without reading the action', async () => {
    const action = truro[2]!;
    const card = (await search(USERS.clerk, action.ref)).attachments![0]!.content;
    expect(cardText(card)).toContain(`[Link to share](${BASE}/actions/${action.ref})`);
    const page = await fetch(`${bot.base}/actions/${action.ref.toLowerCase()}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain(`say <strong>show ${action.ref}</strong> to the Safer Towns bot`);
    expect(html).toContain('href="/tab/my-actions"');
    expect(html).not.toContain(action.title); // nothing about the action itself
    expect((await fetch(`${bot.base}/actions/%7B%24gt%7D`)).status).toBe(404);
  });
});

describe('Dialogs (task/fetch, task/submit)', () => {
  it("opens the summary's and the members card's long forms in dialogs, as the chat's own forms", async () => {
    const dialogButtons = (card: Record<string, unknown>) => {
      const found: { title: string; data: Record<string, unknown> }[] = [];
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) return node.forEach(walk);
        if (!node || typeof node !== 'object') return;
        const n = node as { title?: string; data?: { msteams?: { type?: string } } };
        if (n.data?.msteams?.type === 'task/fetch') found.push(n as never);
        Object.values(node).forEach(walk);
      };
      walk(card);
      return found;
    };
    bot.connector.clear();
    await bot.say(USERS.coordinator, 'summary truro');
    const summary = dialogButtons(lastCard(bot.connector));
    expect(summary.map((b) => b.title).sort()).toEqual(['New action', 'Schedule a meeting']);
    const titles = [];
    for (const button of summary) {
      const opened = await invoke(USERS.coordinator, 'task/fetch', { data: button.data });
      titles.push((opened.task!.value as { title: string }).title);
      expect(cardText(dialog(opened))).not.toContain('Not allowed');
    }
    expect(titles.sort()).toEqual(['New action', 'Schedule a meeting']);
    // This bot has no Graph: the meeting dialog says so rather than show a form that could not succeed
    // (test/http/meetings.test.ts books one with the Graph stand-in).
    const meeting = summary.find((b) => b.title === 'Schedule a meeting')!;
    const meetingDialog = cardText(
      dialog(await invoke(USERS.coordinator, 'task/fetch', { data: meeting.data })),
    );
    expect(meetingDialog).toContain('Meetings are not set up');
    expect(meetingDialog).not.toContain('Schedule a meeting for Safer Truro');

    await bot.say(USERS.coordinator, 'members truro');
    const [handOver] = dialogButtons(lastCard(bot.connector));
    const form = dialog(await invoke(USERS.coordinator, 'task/fetch', { data: handOver!.data }));
    expect(cardText(form)).toContain('Hand over');
    await bot.say(USERS.beatManager, 'members truro');
    expect(dialogButtons(lastCard(bot.connector))).toEqual([]); // only coordinators hand over
  });

  it('opens the new-action form in a dialog and saves from it through the same checks', async () => {
    const opened = await invoke(USERS.beatManager, 'task/fetch', {
      data: { dialog: 'action.form', town: 'truro', msteams: { type: 'task/fetch' } },
    });
    expect(opened.task!.type).toBe('continue');
    const { buttons } = formOf(dialog(opened));
    const planId = String(buttons['Create action']!['planId']);
    const priorityId = (await bot.ctx.stores.priorities.listByPlan(planId))[0]!.id;
    const saved = await invoke(USERS.beatManager, 'task/submit', {
      data: {
        ...buttons['Create action'],
        priorityId,
        title: 'Test purchase operation with trading standards in Truro',
        measure: 'Test purchases made',
        target: '10 premises',
        ownerIds: USERS.beatManager.aadObjectId,
        dueDate: '2027-03-12',
      },
    });
    expect(cardText(dialog(saved))).toContain('Created TRU-');
  });

  it("refuses an unknown dialog, and a coordinator's form to a member", async () => {
    const unknown = await invoke(USERS.beatManager, 'task/fetch', { data: { dialog: 'admin.wipe' } });
    expect(cardText(dialog(unknown))).toContain('does not open a form I know');
    const refused = await invoke(USERS.beatManager, 'task/fetch', {
      data: { dialog: 'handover.form', town: 'truro' },
    });
    expect(cardText(dialog(refused))).toContain('Not allowed');
    const junk = await invoke(USERS.beatManager, 'task/submit', 'junk');
    expect(cardText(dialog(junk))).toContain('cannot use');
  });
});

describe('for each access role', () => {
  const ROLES = accessRoles(OUTSIDER, PENZANCE_CSO);
  type Role = keyof typeof ROLES;
  const READ: Role[] = ['coordinator', 'member', 'viewer', 'board'];
  const UPDATE: Role[] = ['coordinator', 'member'];
  const samsAction = () =>
    truro.find(
      (a) => a.owners.some((o) => o.aadObjectId === USERS.beatManager.aadObjectId) && a.status !== 'done',
    )!;

  /** Each invoke, and whether what came back shows the person got through. */
  const ROWS: { name: string; allowed: Role[]; through: (user: TeamsUser) => Promise<boolean> }[] = [
    {
      name: 'search for a Truro reference',
      allowed: READ,
      through: async (user) => refsOf(await search(user, truro[3]!.ref)).includes(truro[3]!.ref),
    },
    {
      name: 'unfurl a Truro action link',
      allowed: READ,
      through: async (user) =>
        cardText(
          (await invoke(user, 'composeExtension/queryLink', { url: `${BASE}/actions/${truro[3]!.ref}` }))
            .composeExtension!.attachments![0]!.content,
        ).includes(truro[3]!.title),
    },
    {
      name: 'create an action from a message in the Truro channel',
      allowed: UPDATE,
      through: async (user) => {
        const body = await invoke(
          user,
          'composeExtension/fetchTask',
          message('Extra patrols on Friday.'),
          'channel',
        );
        return (
          typeof body.task?.value !== 'string' &&
          formOf(dialog(body)).buttons['Create action']?.['town'] === 'truro'
        );
      },
    },
    {
      name: 'open the new-action dialog for Truro',
      allowed: UPDATE,
      through: async (user) =>
        !cardText(
          dialog(await invoke(user, 'task/fetch', { data: { dialog: 'action.form', town: 'truro' } })),
        ).includes('Not allowed'),
    },
    {
      name: 'save a new Truro action from the dialog (task/submit)',
      allowed: UPDATE,
      through: async (user) => {
        const plan = (await bot.ctx.stores.plans.listByTown('truro'))[0]!;
        const priority = (await bot.ctx.stores.priorities.listByPlan(plan.id))[0]!;
        const title = `Walkabout with licensing on Lemon Street (${user.name})`;
        const body = await invoke(user, 'task/submit', {
          data: {
            verb: 'action.create',
            town: 'truro',
            planId: plan.id,
            priorityId: priority.id,
            title,
            measure: 'Walkabouts held',
            target: '4 walkabouts',
            ownerIds: USERS.beatManager.aadObjectId,
            dueDate: '2027-03-26',
          },
        });
        const saved = (await listWholeActions(bot.ctx, 'truro')).some((a) => a.title === title);
        expect(saved).toBe(cardText(dialog(body)).includes('Created TRU-'));
        return saved;
      },
    },
    {
      name: 'add a note to a Truro action from a message',
      allowed: UPDATE,
      through: async (user) => {
        const now = (await bot.ctx.stores.actions.get(samsAction().id))!;
        const data = {
          verb: 'note.add',
          choice: `${now.id}:${now.version}`,
          note: `Checked the radios (${user.name})`,
        };
        const body = await invoke(user, 'composeExtension/submitAction', { commandId: 'addNote', data });
        return !cardText(dialog(body)).includes('Not allowed');
      },
    },
  ];

  it.each(ROWS.map((r) => [r.name, r] as const))('%s', async (_name, row) => {
    for (const [role, user] of Object.entries(ROLES) as [Role, TeamsUser][]) {
      expect(await row.through(user), `${row.name} as ${role}`).toBe(row.allowed.includes(role));
    }
  });
});
