// A plan spreadsheet sent to the bot in a 1:1 chat: checked in full and shown as a dry run, imported on
// "Import", refused with row-specific problems when the sheet is wrong, and read only from OneDrive (or
// this machine in local mode).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  CHANNEL_ID,
  USERS,
  cardText,
  invokeCard,
  lastCard,
  useBot,
  type TeamsUser,
} from '../support/bot-harness.js';

const bot = useBot();
const files = new Map<string, Buffer>();
let server: Server;
let base = '';

beforeAll(async () => {
  // A stand-in for the file's OneDrive download link.
  server = createServer((req, res) => {
    const file = files.get(req.url ?? '');
    res.statusCode = file ? 200 : 404;
    if (file) res.setHeader('content-type', 'application/octet-stream');
    res.end(file);
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

async function sheet(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Plan');
  ws.addRow(['Priority', 'Action', 'Measure', 'Target', 'Owner e-mails', 'Due date', 'Status']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const send = (
  who: (typeof USERS)[keyof typeof USERS],
  text: string,
  downloadUrl: string,
  where: 'personal' | 'channel' = 'personal',
) =>
  bot.post({
    ...(where === 'personal' ? bot.personalActivity(who) : bot.channelActivity(who)),
    type: 'message',
    text,
    attachments: [
      {
        contentType: 'application/vnd.microsoft.teams.file.download.info',
        name: 'truro-plan.xlsx',
        contentUrl: 'https://cornwall-my.sharepoint.com/personal/jo/Documents/truro-plan.xlsx',
        content: { downloadUrl, uniqueId: 'f1', fileType: 'xlsx' },
      },
    ],
  });

const good = [
  'Tackle shop theft',
  'Set up a Shopwatch radio scheme in Lemon Street',
  'Shops on the radio net',
  '20 shops',
  'sam.penrose@demo.invalid',
  '2027-03-31',
  'Not started',
];

describe('importing a plan sent in Teams', () => {
  it('shows what would change, writes nothing, then imports on "Import"', async () => {
    files.set('/good.xlsx', await sheet([good]));
    const before = (await bot.ctx.stores.actions.listByTown('truro')).length;
    await send(USERS.coordinator, 'import Truro', `${base}/good.xlsx`);
    const preview = lastCard(bot.connector);
    expect(cardText(preview)).toContain('Import truro-plan.xlsx into Safer Truro?');
    expect(cardText(preview)).toContain(
      '1 actions would be created: Set up a Shopwatch radio scheme in Lemon Street',
    );
    expect((await bot.ctx.stores.actions.listByTown('truro')).length).toBe(before);
    const button = (preview.actions as { verb: string; data: Record<string, unknown> }[])[0]!;
    const done = invokeCard(await bot.invoke(USERS.coordinator, button.verb, button.data));
    expect(cardText(done)).toMatch(/1 actions were created: TRU-\d+ Set up a Shopwatch/);
    expect((await bot.ctx.stores.actions.listByTown('truro')).length).toBe(before + 1);
    // Sending the same sheet again: nothing to do.
    await send(USERS.coordinator, 'import truro', `${base}/good.xlsx`);
    expect(cardText(lastCard(bot.connector))).toContain(
      'Nothing to import: the plan already matches the sheet.',
    );
  });

  it('lists the problems of a wrong sheet by row, and writes nothing', async () => {
    files.set('/bad.xlsx', await sheet([[...good.slice(0, 5), '30/02/2027', 'Soon']]));
    await send(USERS.coordinator, 'import truro', `${base}/bad.xlsx`);
    const text = cardText(lastCard(bot.connector));
    expect(text).toContain('truro-plan.xlsx was not imported');
    expect(text).toContain('Row 2, column F: Due "30/02/2027" is not a date');
    expect(text).toContain('Row 2, column G: Status "Soon"');
  });

  it('names the row whose text describes a person, in the dry run, and writes nothing', async () => {
    const person = [good[0], 'Move Kyle Pascoe, 16, on from the skate park: he is dealing', ...good.slice(2)];
    files.set('/person.xlsx', await sheet([good, person]));
    const before = await bot.ctx.stores.actions.listByTown('truro');
    await send(USERS.coordinator, 'import truro', `${base}/person.xlsx`);
    const text = cardText(lastCard(bot.connector));
    expect(text).toContain('truro-plan.xlsx was not imported');
    expect(text).toMatch(
      /Row 3: looks like personal details \(title: a person's name, a person's age, drug use; details about a person cannot be kept/,
    );
    expect(text).not.toContain('Row 2:');
    expect(await bot.ctx.stores.actions.listByTown('truro')).toEqual(before);
  });

  it('reads files only from OneDrive, only for coordinators, only in a 1:1 chat', async () => {
    await send(USERS.coordinator, 'import truro', 'https://evil.example/plan.xlsx');
    expect(cardText(lastCard(bot.connector))).toContain('I only read files from your OneDrive');
    await send(USERS.beatManager, 'import truro', `${base}/good.xlsx`);
    expect(cardText(lastCard(bot.connector))).toContain('Only coordinators can do that');
    await send(USERS.coordinator, 'import truro', `${base}/good.xlsx`, 'channel');
    expect(cardText(lastCard(bot.connector))).toContain('In a 1:1 chat with me, attach the plan .xlsx');
    await bot.say(USERS.coordinator, 'import truro');
    expect(cardText(lastCard(bot.connector))).toContain('attach the plan .xlsx');
  });
});

describe('what an import causes, as any change does', () => {
  const cardsTo = (user: TeamsUser) =>
    bot.connector
      .sent(`a:personal-${user.id}`)
      .flatMap((r) => (r.body!.attachments ?? []) as { content: Record<string, unknown> }[])
      .map((a) => cardText(a.content));
  /** Sends the sheet, checks the dry run, then imports from its button; the outcome card's text. */
  const importSheet = async (url: string, wouldBe: string) => {
    await send(USERS.coordinator, 'import truro', url);
    const preview = lastCard(bot.connector);
    expect(cardText(preview)).toContain(wouldBe);
    const button = (preview.actions as { verb: string; data: Record<string, unknown> }[])[0]!;
    bot.connector.clear();
    return cardText(invokeCard(await bot.invoke(USERS.coordinator, button.verb, button.data)));
  };

  it('tells each owner of new actions once, with the list of theirs, and not the person importing', async () => {
    await bot.install(USERS.beatManager);
    await bot.sayInChannel(USERS.coordinator, 'link truro');
    const mine = [...good.slice(0, 4), USERS.coordinator.email, ...good.slice(5)];
    const rows = [
      [good[0], 'Run a weekly licensing patrol of the late-night venues', ...good.slice(2)],
      [good[0], 'Publish the shop theft figures to the BID each month', ...good.slice(2)],
      [good[0], 'Brief the town council on the radio scheme', ...mine.slice(2)],
    ];
    files.set('/owners.xlsx', await sheet(rows));
    const outcome = await importSheet(`${base}/owners.xlsx`, '3 actions would be created');
    expect(outcome).toContain('3 actions were created');
    expect(outcome).toContain('1 owner is being told of their actions, one message each');
    await vi.waitFor(() => expect(cardsTo(USERS.beatManager)).toHaveLength(1));
    const told = cardsTo(USERS.beatManager)[0]!;
    expect(told).toContain("Jo Trelawny (demo) imported Safer Truro's plan: you own 2 actions");
    expect(told).toContain('Run a weekly licensing patrol');
    expect(told).toContain('Publish the shop theft figures');
    expect(told).not.toContain('Brief the town council');
    // The person importing has the outcome card, nothing more; the channel gets no card per new action.
    expect(cardsTo(USERS.coordinator).join()).not.toContain('you own');
    expect(bot.connector.sent(CHANNEL_ID)).toHaveLength(0);
  });

  it("updates the channel's card of an updated action, and tells an owner added to it", async () => {
    let action = (await bot.ctx.stores.actions.listByTown('truro')).find((a) =>
      a.title.startsWith('Publish the shop theft figures'),
    )!;
    // Started from its card: the change posts the action's card to the channel.
    await bot.invoke(USERS.beatManager, 'action.status', {
      actionId: action.id,
      version: action.version,
      status: 'in_progress',
    });
    await vi.waitFor(() => expect(JSON.stringify(bot.connector.sent(CHANNEL_ID))).toContain(action.ref));
    action = (await bot.ctx.stores.actions.get(action.id))!;
    await bot.install(USERS.caseWorker);
    const owners = `${USERS.beatManager.email}; ${USERS.caseWorker.email}`;
    files.set(
      '/owner-added.xlsx',
      await sheet([[good[0], action.title, good[2], good[3], owners, good[5], 'In progress']]),
    );
    const outcome = await importSheet(
      `${base}/owner-added.xlsx`,
      `1 actions would be updated: ${action.ref}`,
    );
    expect(outcome).toContain(`1 actions were updated: ${action.ref}`);
    await vi.waitFor(() =>
      expect(cardsTo(USERS.caseWorker).join()).toContain(`made you an owner of ${action.ref}`),
    );
    expect(cardsTo(USERS.beatManager)).toHaveLength(0);
    // The channel's copy shows the new owner, updated in place: no second card.
    await vi.waitFor(() => expect(JSON.stringify(bot.connector.updated())).toContain(USERS.caseWorker.name));
    expect(bot.connector.sent(CHANNEL_ID)).toHaveLength(0);
  });
});
