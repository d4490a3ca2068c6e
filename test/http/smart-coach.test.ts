// The SMART coach through Teams: a vague action's warnings on the form, saved only once a reason is given;
// an edit coached on what it changes; a spreadsheet's dry run with warnings per row; milestones kept and
// shown; "actions to review" listing what was kept.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USERS, cardText, invokeCard, lastCard, useBot } from '../support/bot-harness.js';
import type { Action } from '../../src/domain/action.js';

const bot = useBot(); // today is 2026-11-26
let planId = '';
let priorityId = '';

beforeAll(async () => {
  planId = (await bot.ctx.stores.plans.listByTown('truro'))[0]!.id;
  priorityId = (await bot.ctx.stores.priorities.listByPlan(planId))[0]!.id;
});

const form = (over: Record<string, unknown> = {}) => ({
  town: 'truro',
  planId,
  priorityId,
  title: 'Look into street drinking',
  measure: 'Reports',
  target: 'fewer',
  ownerIds: USERS.beatManager.aadObjectId,
  dueDate: '2028-10-31',
  revisionReason: 'Agreed at the November partnership meeting',
  ...over,
});
const submit = async (verb: string, data: Record<string, unknown>) =>
  invokeCard(await bot.invoke(USERS.coordinator, verb, data));
/** The data the form's own button sends back (what the bot put there: the warnings it showed). */
const buttonData = (card: Record<string, unknown>) =>
  (card.actions as { data: Record<string, unknown> }[])[0]!.data;
const titled = async (title: string) =>
  (await bot.ctx.stores.actions.listByTown('truro')).find((a) => a.title === title);
const whole = async (id: string) => (await bot.ctx.stores.actions.get(id)) as Action;

describe('the coach on the new-action form', () => {
  it('shows a vague action its warnings under each field, and saves it only once a reason is given', async () => {
    const before = (await bot.ctx.stores.actions.listByTown('truro')).length;
    const first = await submit('action.create', form());
    const text = cardText(first);
    expect(text).toContain('The SMART coach has 4 suggestions');
    expect(text).toContain(
      '⚠ Specific: "look into" says what the partnership hopes for, not what it will do.',
    );
    expect(text).toContain(
      '⚠ Specific: This is work that happens somewhere, but the title does not say where.',
    );
    expect(text).toContain('⚠ Measurable: "fewer" has no quantity');
    expect(text).toContain('Try: Say by how much and against what');
    expect(text).toContain('⚠ Time-bound: Due in 23 months with no milestone');
    expect(JSON.stringify(first)).toContain('"id":"warningsReason"');
    expect(JSON.stringify(first)).toContain('"value":"Look into street drinking"'); // typed text kept
    expect((await bot.ctx.stores.actions.listByTown('truro')).length).toBe(before);

    // "Create" again with no reason: asked again, still nothing saved.
    const seen = buttonData(first).warningsSeen as string;
    expect(seen.split(',').sort()).toEqual([
      'bare_comparison',
      'needs_milestone',
      'no_place',
      'vague_opening',
    ]);
    const again = await submit('action.create', form({ warningsSeen: seen }));
    expect(cardText(again)).toContain('or say in a few words why the action stays as written');
    expect((await bot.ctx.stores.actions.listByTown('truro')).length).toBe(before);
    // "ok" says nothing: asked again, with what a reason needs.
    const ok = await submit('action.create', form({ warningsSeen: seen, warningsReason: 'ok' }));
    expect(cardText(ok)).toContain('"ok", "n/a" or a single word is not a reason');
    expect((await bot.ctx.stores.actions.listByTown('truro')).length).toBe(before);

    const reason = 'Scoping action agreed at the November meeting; targets follow the needs assessment';
    const saved = await submit('action.create', form({ warningsSeen: seen, warningsReason: reason }));
    expect(cardText(saved)).toMatch(/Created\. TRU-\d+/);
    expect(cardText(saved)).toContain(
      `Kept with 4 SMART warnings (Specific, Measurable, Time-bound). Why: ${reason}`,
    );
    const action = await whole((await titled('Look into street drinking'))!.id);
    expect(action.warnings).toMatchObject({
      reason,
      by: { aadObjectId: USERS.coordinator.aadObjectId },
      warnings: expect.arrayContaining([
        expect.objectContaining({ code: 'vague_opening', field: 'title' }),
      ]) as unknown,
    });
    const [created] = await bot.ctx.stores.audit.listForEntity(action.id);
    expect(JSON.stringify(created)).toContain(reason);
  });

  it('asks again when a change brings a warning the author has not seen', async () => {
    const first = await submit(
      'action.create',
      form({ title: 'Tackle begging in Truro', dueDate: '2027-03-31' }),
    );
    const seen = buttonData(first).warningsSeen as string;
    expect(seen.split(',').sort()).toEqual(['bare_comparison', 'vague_opening']);
    const changed = await submit(
      'action.create',
      form({
        title: 'Tackle begging locally',
        dueDate: '2027-03-31',
        warningsSeen: seen,
        warningsReason: 'Agreed',
      }),
    );
    expect(cardText(changed)).toContain('the title does not say where');
    expect(await titled('Tackle begging locally')).toBeUndefined();
  });

  it('saves a good action at once, with its milestones, and shows them on its card', async () => {
    const title = 'Consult on a PSPO for street drinking in the town centre';
    const saved = await submit(
      'action.create',
      form({
        title,
        measure: 'Consultation responses received',
        target: '300 responses',
        ownerIds: `${USERS.beatManager.aadObjectId},${USERS.caseWorker.aadObjectId}`,
        dueDate: '2027-09-30',
        milestone1: 'Consultation closed',
        milestone1Date: '2027-04-30',
        milestone2: 'Draft order to Cabinet',
        milestone2Date: '2027-07-31',
        milestone3: '',
        milestone3Date: '',
      }),
    );
    expect(cardText(saved)).toMatch(/Created\. TRU-\d+/);
    expect(cardText(saved)).toContain('By 30 Apr 2027: Consultation closed');
    const action = await whole((await titled(title))!.id);
    expect(action.milestones).toEqual([
      { title: 'Consultation closed', dueDate: '2027-04-30' },
      { title: 'Draft order to Cabinet', dueDate: '2027-07-31' },
    ]);
    expect(action.warnings ?? null).toBeNull();
  });

  it('saves at once a good action whose measure is countable by its shape, not its words', async () => {
    const title = 'Brief 30 Truro taxi drivers on spotting exploitation at the Lemon Quay rank';
    const saved = await submit(
      'action.create',
      form({ title, measure: 'Drivers briefed', target: '30 drivers', dueDate: '2027-01-15' }),
    );
    expect(cardText(saved)).toMatch(/Created\. TRU-\d+|Created TRU-\d+/);
    expect(cardText(saved)).not.toContain('SMART');
    expect((await whole((await titled(title))!.id)).warnings).toBeNull();
  });

  it('warns an aim dressed as a deed, and a comparison with last summer, before anything is saved', async () => {
    const title = 'Monitor ASB in Truro town centre';
    const asked = await submit(
      'action.create',
      form({ title, measure: 'ASB reports', target: 'fewer than last summer', dueDate: '2027-02-26' }),
    );
    const text = cardText(asked);
    expect(text).toContain('⚠ Specific: "monitor" says what the partnership hopes for, not what it will do.');
    expect(text).toContain('⚠ Measurable: "fewer than last summer" has no quantity');
    expect(await titled(title)).toBeUndefined();
  });

  it('refuses a milestone after the due date as an error, whatever the reason', async () => {
    const card = await submit(
      'action.create',
      form({
        title: 'Install 6 CCTV cameras in Lemon Street car park',
        measure: 'Cameras installed',
        target: '6 cameras',
        dueDate: '2027-03-31',
        milestone1: 'Cameras ordered',
        milestone1Date: '2027-05-01',
      }),
    );
    expect(cardText(card)).toContain("Milestone 1 must come before the action's due date (2027-03-31)");
  });
});

describe('the coach on an edit', () => {
  it('coaches what the edit changes, and saves it once the warning is accepted', async () => {
    const title = 'Carry out test purchasing at 10 off-licences in the town centre';
    await submit(
      'action.create',
      form({ title, measure: 'Test purchases made', target: '10 premises', dueDate: '2027-03-31' }),
    );
    const action = await whole((await titled(title))!.id);
    const edit = { actionId: action.id, version: action.version, revisionReason: 'Corrected at the meeting' };
    const asked = await submit('action.edit', { ...edit, target: 'as many as possible' });
    expect(cardText(asked)).toContain('⚠ Measurable: "as many as possible" has no quantity');
    expect(cardText(asked)).not.toContain('Specific'); // the title was not changed
    expect((await whole(action.id)).target).toBe('10 premises');
    const seen = buttonData(asked).warningsSeen as string;
    const saved = await submit('action.edit', {
      ...edit,
      target: 'as many as possible',
      warningsSeen: seen,
      warningsReason: 'Trading standards set the number each month',
    });
    expect(cardText(saved)).toContain('Saved: target changed');
    const after = await whole(action.id);
    expect(after.target).toBe('as many as possible');
    expect(after.warnings?.reason).toBe('Trading standards set the number each month');
    // In the audit trail, and so in the card's history.
    const history = cardText(await submit('action.history', { actionId: action.id }));
    expect(history).toContain(
      'edited it: target "10 premises" → "as many as possible" (kept with 1 SMART warning: Trading standards set the number each month)',
    );
    // A later edit of another field keeps the accepted warning without asking again.
    const later = await submit('action.edit', {
      actionId: action.id,
      version: after.version,
      revisionReason: 'Corrected',
      measure: 'Test purchases made and recorded',
      target: 'as many as possible',
    });
    expect(cardText(later)).toContain('Saved: measure changed');
    expect((await whole(action.id)).warnings?.warnings.map((w) => w.code)).toEqual(['bare_comparison']);
  });
});

describe('the coach on a spreadsheet import, and what to review', () => {
  let server: Server;
  let base = '';
  const files = new Map<string, Buffer>();
  beforeAll(async () => {
    server = createServer((req, res) => res.end(files.get(req.url ?? '')));
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('lists the warnings row by row in the dry run, imports them as written, and lists them to review', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Plan');
    ws.addRow(['Priority', 'Action', 'Measure', 'Target', 'Owner e-mails', 'Due date', 'Status']);
    const priority = 'Reduce anti-social behaviour in the town centre';
    ws.addRow([
      priority,
      'Set up a Shopwatch radio scheme in Lemon Street',
      'Shops on the radio net',
      '20 shops',
      USERS.beatManager.email,
      '2027-03-31',
      'Not started',
    ]);
    ws.addRow([
      priority,
      'Deal with rough sleeping',
      'Rough sleeping',
      'less',
      USERS.caseWorker.email,
      '2027-03-31',
      'Not started',
    ]);
    files.set('/plan.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    await bot.post({
      ...bot.personalActivity(USERS.coordinator),
      type: 'message',
      text: 'import truro',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.teams.file.download.info',
          name: 'plan.xlsx',
          content: { downloadUrl: `${base}/plan.xlsx`, uniqueId: 'f2', fileType: 'xlsx' },
        },
      ],
    });
    const preview = lastCard(bot.connector);
    const text = cardText(preview);
    expect(text).toContain('The SMART coach has warnings on 1 new action. They would be imported as written');
    expect(text).toContain(
      'Row 3 (Deal with rough sleeping): Specific: "deal with" says what the partnership hopes for',
    );
    expect(text).toContain('Measurable: "less" has no quantity');
    expect(text).not.toContain('Row 2 (');
    expect(await titled('Deal with rough sleeping')).toBeUndefined();

    const button = (preview.actions as { verb: string; data: Record<string, unknown> }[])[0]!;
    await bot.invoke(USERS.coordinator, button.verb, button.data);
    const imported = await whole((await titled('Deal with rough sleeping'))!.id);
    expect(imported.warnings).toMatchObject({ reason: null });
    expect(
      (await whole((await titled('Set up a Shopwatch radio scheme in Lemon Street'))!.id)).warnings,
    ).toBeNull();

    await bot.say(USERS.coordinator, 'actions to review truro');
    const review = cardText(lastCard(bot.connector));
    expect(review).toContain('Truro: actions to review');
    expect(review).toMatch(
      /\d+ actions with SMART warnings \(\d+ kept with a reason, 1 imported, to review\)/,
    );
    expect(review).toContain(`**${imported.ref}** Deal with rough sleeping`);
    expect(review).toContain('Imported from a spreadsheet: not reviewed yet');
    expect(review).toContain('Kept as written by Jo Trelawny (demo): Scoping action agreed');

    await bot.say(USERS.caseWorker, 'actions to review truro');
    expect(cardText(lastCard(bot.connector))).not.toContain('actions to review');

    // Its first edit is its review: every warning is shown, not only the changed field's.
    const edit = {
      actionId: imported.id,
      version: imported.version,
      revisionReason: 'Reviewed',
      measure: 'People sleeping rough on the monthly count',
    };
    const asked = await submit('action.edit', edit);
    expect(cardText(asked)).toContain('"deal with" says what the partnership hopes for');
    expect(cardText(asked)).not.toContain('Nobody could count or see');
    const seen = buttonData(asked).warningsSeen as string;
    await submit('action.edit', {
      ...edit,
      warningsSeen: seen,
      warningsReason: 'Outreach team to set the targets',
    });
    const reviewed = await whole(imported.id);
    expect(reviewed.warnings?.reason).toBe('Outreach team to set the targets');
    expect(reviewed.warnings?.warnings.map((w) => w.code).sort()).toEqual([
      'bare_comparison',
      'no_place',
      'vague_opening',
    ]);

    await bot.say(USERS.coordinator, 'plan truro');
    expect(cardText(lastCard(bot.connector))).toMatch(/To review[\s\S]*actions with SMART warnings/);
  });
});
