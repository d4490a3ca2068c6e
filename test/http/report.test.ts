// The board report in Teams: asked for in a 1:1 chat, offered with a file consent card, uploaded to the
// person's OneDrive upload session when they accept, then shown as a file card. Refused elsewhere and to
// people who may not see the board view.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USERS, cardText, lastCard, useBot } from '../support/bot-harness.js';
import { FakeUploadSession } from '../servers/fake-upload-session.js';

const bot = useBot();
const onedrive = new FakeUploadSession();
beforeAll(() => onedrive.start());
afterAll(() => onedrive.stop());

interface SentAttachment {
  contentType: string;
  name?: string;
  contentUrl?: string;
  content: { sizeInBytes?: number; acceptContext?: unknown; uniqueId?: string; fileType?: string };
}
const lastAttachment = () => (bot.connector.sent().at(-1)?.body?.attachments as SentAttachment[])[0]!;

/** What Teams posts when the person clicks Allow (or Decline) on the consent card. */
const consent = (action: 'accept' | 'decline', uploadUrl: string) =>
  bot.post({
    ...bot.personalActivity(USERS.board),
    type: 'invoke',
    name: 'fileConsent/invoke',
    value: {
      type: 'fileUpload',
      action,
      context: { report: 'board', name: 'safer-towns-board-report-2026-11-26.xlsx' },
      uploadInfo: {
        name: 'safer-towns-board-report-2026-11-26.xlsx',
        uploadUrl,
        contentUrl: 'https://cornwall-my.sharepoint.com/personal/k_rowe/Documents/Applications/report.xlsx',
        uniqueId: 'file-1',
        fileType: 'xlsx',
      },
    },
  });

describe('the board report as a file in Teams', () => {
  it('offers the workbook with a file consent card in a 1:1 chat', async () => {
    await bot.say(USERS.board, 'report');
    const card = lastAttachment();
    expect(card.contentType).toBe('application/vnd.microsoft.teams.card.file.consent');
    expect(card.name).toBe('safer-towns-board-report-2026-11-26.xlsx');
    expect(card.content.sizeInBytes).toBeGreaterThan(5_000);
    expect(card.content.acceptContext).toEqual({ report: 'board', name: card.name });
  });

  it('uploads the workbook when accepted and answers with the file card', async () => {
    const res = await consent('accept', `${onedrive.url}/upload-session/abc`);
    expect(res.status).toBe(200);
    const [upload] = onedrive.uploads;
    expect(upload!.path).toBe('/upload-session/abc');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(upload!.bytes as never);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Summary',
      'Penzance',
      'Redruth',
      'Camborne',
      'Falmouth',
      'Truro',
      'Newquay',
      'St Austell',
      'Bodmin',
      'Liskeard',
      'Saltash',
    ]);
    const info = lastAttachment();
    expect(info).toMatchObject({
      contentType: 'application/vnd.microsoft.teams.card.file.info',
      name: 'safer-towns-board-report-2026-11-26.xlsx',
      contentUrl: expect.stringContaining('sharepoint.com') as string,
      content: { uniqueId: 'file-1', fileType: 'xlsx' },
    });
    // The report names owners and holds every action's text: taking it out is in the audit trail.
    const exports = await bot.db.collection('audit_events').find({ change: 'report.exported' }).toArray();
    expect(exports).toHaveLength(1);
    expect(exports[0]).toMatchObject({
      town: 'county',
      actor: { id: USERS.board.aadObjectId },
      after: { format: 'xlsx', to: 'OneDrive: safer-towns-board-report-2026-11-26.xlsx', towns: 10 },
    });
  });

  it('writes report data nowhere but the OneDrive upload session (or this machine in local mode)', async () => {
    const before = onedrive.uploads.length;
    await consent('accept', 'https://evil.example/collect');
    expect(cardText(lastCard(bot.connector))).toContain('The report can only be saved to your own OneDrive');
    await consent('accept', 'not a url');
    expect(cardText(lastCard(bot.connector))).toContain('not a valid address');
    expect(onedrive.uploads.length).toBe(before);
  });

  it('says so when the upload fails, and when the person declines', async () => {
    await consent('accept', `${onedrive.url.replace(/:\d+$/, ':9')}/upload-session/x`);
    expect(cardText(lastCard(bot.connector))).toContain('could not be saved to your OneDrive');
    await consent('decline', `${onedrive.url}/upload-session/y`);
    expect(bot.connector.sent().at(-1)?.body?.text).toContain('No report sent');
  });

  it('refuses the report to members without the board view, and outside a 1:1 chat', async () => {
    await bot.say(USERS.beatManager, 'report');
    expect(cardText(lastCard(bot.connector))).toContain(
      'The board view is for board members and coordinators',
    );
    await bot.sayInChannel(USERS.coordinator, 'report');
    expect(cardText(lastCard(bot.connector))).toContain('only in a 1:1 chat');
  });
});
