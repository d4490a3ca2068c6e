// Towns are data: a board member adds Helston (HEL) at run time, and it works like the seed's ten towns
// through Teams: its channel is linked, it gets a plan and actions, reminders, a summary, and a row in the
// board view and the board report. Renamed, its references stay; retired, its records are read-only.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USERS, cardText, invokeCard, keepingWarnings, lastCard, useBot } from '../support/bot-harness.js';
import { FakeUploadSession } from '../servers/fake-upload-session.js';
import { appoint } from '../../src/app/appoint.js';

const bot = useBot({ REMINDER_SWEEP_SECONDS: '0' });
const onedrive = new FakeUploadSession();
const HELSTON_CHANNEL = '19:helston-channel@thread.tacv2';
/** What the bot said last: its card's text, or its message's. */
const lastWords = (): string => {
  const body = bot.connector.sent().at(-1)?.body;
  return body?.attachments
    ? cardText(lastCard(bot.connector))
    : typeof body?.text === 'string'
      ? body.text
      : '';
};

beforeAll(() => onedrive.start());
afterAll(() => onedrive.stop());

describe('a town added at run time', () => {
  it('is added by a board member only, with a unique code', async () => {
    await bot.say(USERS.coordinator, 'add town Helston HEL');
    expect(lastWords()).toContain('Only members of the county board add, rename or retire towns');
    await bot.say(USERS.board, 'add town Helston TRU');
    expect(lastWords()).toContain("TRU is Truro's code (references stay unique)");
    await bot.say(USERS.board, 'add town Helston HEL');
    expect(lastWords()).toContain('Safer Helston is in the programme: its references start HEL-');
    await bot.say(USERS.caseWorker, 'towns');
    expect(lastWords()).toContain('Helston (HEL)');
    const audit = await bot.db.collection('audit_events').find({ change: 'programme.town_added' }).toArray();
    expect(audit).toHaveLength(1);
    // Its partnership has the core seats, and its indicator is set up, as the seed makes them.
    expect(await bot.ctx.stores.partnerships.get('helston')).toMatchObject({ status: 'forming' });
    expect(await bot.ctx.stores.indicators.get('helston')).toMatchObject({ town: 'helston' });
  });

  it('gets its channel linked, a plan, and actions posted there', async () => {
    const { coordinator } = USERS;
    const seat = { town: 'Helston', name: coordinator.name, email: coordinator.email };
    expect(await appoint(bot.ctx, { ...seat, aadObjectId: coordinator.aadObjectId })).toMatchObject({
      ok: true,
    });
    await bot.sayInChannel(coordinator, 'link helston', HELSTON_CHANNEL);
    expect(lastWords()).toContain("This channel is now Safer Helston's channel");
    const plan = {
      town: 'helston',
      title: 'Safer Helston 2026-2029',
      periodStart: '2026-04-01',
      periodEnd: '2029-03-31',
    };
    expect(cardText(invokeCard(await bot.invoke(coordinator, 'plan.create', plan)))).toContain(
      'Plan created',
    );
    const [created] = await bot.ctx.stores.plans.listByTown('helston');
    const priority = {
      planId: created!.id,
      version: 1,
      title: 'Harbour ASB',
      theme: 'ASB',
      source: 'partnership',
    };
    expect(cardText(invokeCard(await bot.invoke(coordinator, 'plan.priority', priority)))).toContain(
      'Priority added',
    );
    const [harbour] = await bot.ctx.stores.priorities.listByPlan(created!.id);
    // Due in two days and joint work owned by one agency: the coach warns, the coordinator keeps it.
    const action = await keepingWarnings(
      (data) => bot.invoke(coordinator, 'action.create', data),
      {
        town: 'helston',
        planId: created!.id,
        priorityId: harbour!.id,
        title: 'Run joint patrols on the harbour front on Friday nights',
        measure: 'Patrols completed',
        target: '8 patrols',
        ownerIds: coordinator.aadObjectId,
        dueDate: '2026-11-28',
      },
      'Police join on the night; this weekend only',
    );
    expect(cardText(action)).toContain('Created HEL-001');
    const posted = bot.connector.sent(HELSTON_CHANNEL).map((r) => JSON.stringify(r.body));
    expect(posted.some((body) => body.includes('HEL-001'))).toBe(true);
  });

  it('sends its reminders, and shows in the summary and the board view', async () => {
    await bot.install(USERS.coordinator);
    bot.connector.clear();
    await bot.sweep();
    const toOwner = bot.connector
      .sent(`a:personal-${USERS.coordinator.id}`)
      .map((r) => JSON.stringify(r.body));
    expect(toOwner.some((body) => body.includes('HEL-001'))).toBe(true);
    await bot.say(USERS.coordinator, 'summary helston');
    expect(lastWords()).toContain('Helston');
    await bot.say(USERS.coordinator, 'public summary helston');
    expect(lastWords()).toContain('Helston');
    await bot.say(USERS.board, 'board');
    const board = lastWords();
    expect(board).toContain('All eleven towns');
    expect(board).toContain('Helston');
  });

  it('has a sheet in the board report', async () => {
    await bot.say(USERS.board, 'report');
    const res = await bot.post({
      ...bot.personalActivity(USERS.board),
      type: 'invoke',
      name: 'fileConsent/invoke',
      value: {
        type: 'fileUpload',
        action: 'accept',
        context: { report: 'board', name: 'safer-towns-board-report-2026-11-26.xlsx' },
        uploadInfo: {
          name: 'safer-towns-board-report-2026-11-26.xlsx',
          uploadUrl: `${onedrive.url}/upload-session/helston`,
          contentUrl: 'https://cornwall-my.sharepoint.com/personal/k_rowe/Documents/report.xlsx',
          uniqueId: 'file-2',
          fileType: 'xlsx',
        },
      },
    });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(onedrive.uploads.at(-1)!.bytes as never);
    expect(book.worksheets.map((w) => w.name)).toContain('Helston');
  });

  it('suggests the nearest town for a slip, and keeps references when renamed', async () => {
    await bot.say(USERS.coordinator, 'summary helstn');
    expect(lastWords()).toContain('Did you mean Helston?');
    await bot.say(USERS.board, 'rename town helston to helston and porthleven');
    expect(lastWords()).toContain('Helston is now called Helston and Porthleven');
    await bot.say(USERS.coordinator, 'show HEL-001');
    expect(lastWords()).toContain('HEL-001');
    await bot.say(USERS.coordinator, 'summary helston'); // the old name still finds it
    expect(lastWords()).toContain('Helston and Porthleven');
  });

  it('retired, keeps its records read-only and leaves the board', async () => {
    await bot.say(USERS.board, 'retire town helston and porthleven');
    expect(lastWords()).toContain('is retired: its records and history are kept, read-only');
    await bot.say(USERS.coordinator, 'new action helston');
    expect(lastWords()).toContain(
      'Safer Helston and Porthleven is retired: its records are kept, read-only.',
    );
    const [action] = await bot.ctx.stores.actions.listByTown('helston');
    const refused = invokeCard(
      await bot.invoke(USERS.coordinator, 'action.note', {
        actionId: action!.id,
        version: 1,
        note: 'Still here',
      }),
    );
    expect(cardText(refused), cardText(refused)).toContain('is retired');
    expect((await bot.ctx.stores.actions.get(action!.id))!.notes).toHaveLength(0);
    await bot.say(USERS.coordinator, 'show HEL-001'); // still there to read
    expect(lastWords()).toContain('HEL-001');
    await bot.say(USERS.board, 'board');
    expect(lastWords()).toContain('All ten towns');
    expect(lastWords()).not.toContain('Helston');
  });
});
