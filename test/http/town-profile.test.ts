// The evidence base through the bot: police.uk street-level files imported (checked row by row, a month
// replaced whole, never doubled), and a town's profile card whose figures are the file's own counts.
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { USERS, cardText, extraUser, invokeCard, lastCard, useBot } from '../support/bot-harness.js';
import { STREETS, streetCsv } from '../support/police-uk.js';
import { importCrimeData } from '../../src/app/crime-import.js';
import { streetFilesIn } from '../../src/crime-data/street-files.js';
import { SYSTEM_ACTOR } from '../../src/domain/entity.js';

const bot = useBot();
const FILE = (month: string) => `${month}-devon-and-cornwall-street.csv`;
const importFile = (name: string, text: string | Buffer, dryRun = false) =>
  importCrimeData(
    bot.ctx,
    SYSTEM_ACTOR,
    streetFilesIn(name, Buffer.isBuffer(text) ? text : Buffer.from(text)),
    { dryRun },
  );
/** How many rows of a generated file fall on Truro's streets (what the profile must count). */
function truroRows(csv: string): number {
  const truro = new Set(STREETS.filter((s) => s.town === 'truro').map((s) => s.location));
  return csv.split('\r\n').filter((line) => [...truro].some((l) => line.includes(`,${l},`))).length;
}

describe('before any data', () => {
  it('says how to import it', async () => {
    await bot.say(USERS.coordinator, 'profile truro');
    expect(cardText(lastCard(bot.connector))).toContain('No police.uk data has been imported yet');
  });
});

describe('importing police.uk files', () => {
  const months = [
    '2025-10',
    '2025-11',
    '2025-12',
    '2026-01',
    '2026-02',
    '2026-03',
    '2026-04',
    '2026-05',
    '2026-06',
    '2026-07',
    '2026-08',
    '2026-09',
  ];
  const files = months.map((m, i) => ({
    m,
    csv: '\ufeff' + streetCsv({ month: m, rows: 400, seed: i + 1 }),
  }));

  beforeAll(async () => {
    for (const f of files) {
      const r = await importFile(FILE(f.m), f.csv);
      if (!r.ok) throw r.error;
    }
  });

  it('counts the town from its own area: the card and the file agree', async () => {
    const expected = files.reduce((n, f) => n + truroRows(f.csv), 0);
    await bot.say(USERS.coordinator, 'profile truro');
    const text = cardText(lastCard(bot.connector));
    expect(text).toContain('Safer Truro: town profile');
    expect(text).toContain('police.uk data to September 2026');
    expect(text).toContain(`${expected} recorded`);
    expect(text).toContain('On or near Lemon Street');
    expect(text).toContain('Open Government Licence');
    expect(text).toContain('approximate');
  });

  it('puts the same figures on the town board tab, with their source', async () => {
    const expected = files.reduce((n, f) => n + truroRows(f.csv), 0);
    const res = await fetch(`${bot.base}/tab/api/towns/truro/board`);
    const body = (await res.json()) as {
      evidence: { latest: string; profile: { total: { now: number } }; source: string };
    };
    expect(body.evidence.latest).toBe('2026-09');
    expect(body.evidence.profile.total.now).toBe(expected);
    expect(body.evidence.source).toContain('Open Government Licence');
  });

  it('replaces a month imported again, never doubling it', async () => {
    const before = (await bot.ctx.stores.crime.townMonths('truro')).find((m) => m.month === '2026-09')!;
    const again = await importFile(FILE('2026-09'), files.at(-1)!.csv);
    expect(again.ok).toBe(true);
    const after = (await bot.ctx.stores.crime.townMonths('truro')).find((m) => m.month === '2026-09')!;
    expect(after.byType).toEqual(before.byType);
    expect((await bot.ctx.stores.crime.months()).filter((m) => m.month === '2026-09')).toHaveLength(1);
  });

  it('writes nothing on a dry run', async () => {
    const csv = streetCsv({ month: '2026-10', rows: 50, seed: 99 });
    const dry = await importFile(FILE('2026-10'), csv, true);
    expect(dry).toMatchObject({
      ok: true,
      value: { dryRun: true, months: [{ month: '2026-10', rows: 50 }] },
    });
    expect((await bot.ctx.stores.crime.months()).some((m) => m.month === '2026-10')).toBe(false);
  });

  it('names bad rows by file and line, counts them skipped, and keeps the good ones', async () => {
    const lines = streetCsv({ month: '2026-10', rows: 5, seed: 7 }).split('\r\n');
    lines[2] = lines[2]!.replace('2026-10', '2026-08'); // a row of another month
    lines[3] = lines[3]!.replace(/,-?\d+\.\d+,\d+\.\d+,/, ',0.000000,10.000000,'); // in the sea off Africa
    lines.push(lines[4]!); // the same crime twice
    const result = await importFile(FILE('2026-10'), lines.join('\r\n'));
    if (!result.ok) throw result.error;
    const skipped = result.value.problems;
    expect(
      skipped.some((p) => p.startsWith(`${FILE('2026-10')}, line 3: month 2026-08 in a file of 2026-10`)),
    ).toBe(true);
    expect(skipped.some((p) => p.includes('line 4: Latitude and Longitude are not a place in the UK'))).toBe(
      true,
    );
    expect(result.value.months[0]!.rows).toBe(5 - 2 - (lines[4]!.startsWith(',') ? 0 : 0));
  });

  it('refuses a file without police.uk columns before writing anything, naming what is missing', async () => {
    const before = await bot.ctx.stores.crime.months();
    const result = await importFile(
      '2026-11-devon-and-cornwall-street.csv',
      'Crime ID,Month\r\nx,2026-11\r\n',
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('it has no "Reported by"');
    expect(await bot.ctx.stores.crime.months()).toEqual(before);
  });

  it('reads the archive ZIP, passing over its other files', async () => {
    const zip = new JSZip();
    zip.file(`2026-11/${FILE('2026-11')}`, streetCsv({ month: '2026-11', rows: 30, seed: 11 }));
    zip.file('2026-11/2026-11-devon-and-cornwall-outcomes.csv', 'Crime ID,Month\r\n');
    zip.file('2026-11/2026-11-devon-and-cornwall-stop-and-search.csv', 'Type,Date\r\n');
    const bytes = await zip.generateAsync({ type: 'nodebuffer' });
    const result = await importFile('archive.zip', bytes, true);
    expect(result).toMatchObject({ ok: true, value: { months: [{ month: '2026-11', rows: 30 }] } });
    if (result.ok) expect(result.value.passedOver).toHaveLength(2);
  });

  it('counts a month once when two files of one import both hold it', async () => {
    const zip = new JSZip();
    const csv = streetCsv({ month: '2026-11', rows: 30, seed: 11 });
    zip.file(`a/${FILE('2026-11')}`, csv);
    zip.file(`b/${FILE('2026-11')}`, csv);
    const result = await importFile('twice.zip', await zip.generateAsync({ type: 'nodebuffer' }), true);
    expect(result).toMatchObject({
      ok: true,
      value: { skipped: 30, months: [{ month: '2026-11', rows: 30 }] },
    });
    if (result.ok) expect(result.value.problems[0]).toContain(`was already read from a/${FILE('2026-11')}`);
  });

  it('a priority from the town profile cites its figure on the plan card, with the trend since the plan began', async () => {
    // The twelve months to the newest imported (October 2026: the bad-rows test's file), from the files.
    const rows = [...files.slice(1), { m: '2026-10', csv: '' }].flatMap((f) => f.csv.split('\r\n'));
    const bad = await bot.ctx.stores.crime.townMonths('truro');
    const october = bad.find((m) => m.month === '2026-10')?.streets ?? [];
    const expected =
      rows.filter((l) => l.includes(',On or near Lemon Street,') && l.includes(',Shoplifting,')).length +
      october
        .filter((st) => st.location === 'On or near Lemon Street')
        .reduce((n, st) => n + (st.byType.Shoplifting ?? 0), 0);
    const plan = (await bot.ctx.stores.plans.listByTown('truro'))[0]!;
    const card = invokeCard(
      await bot.invoke(USERS.coordinator, 'plan.priority', {
        planId: plan.id,
        version: plan.version,
        title: 'Shop theft on Lemon Street',
        theme: 'Retail crime',
        source: 'town_profile',
        evidenceType: 'Shoplifting',
        evidenceStreet: 'On or near Lemon Street',
        reason: 'Added from the town profile at the partnership meeting',
      }),
    );
    const text = cardText(card);
    expect(text).toContain(
      `Evidence (police.uk): Shoplifting, on or near Lemon Street: ${expected} in the 12 months to October 2026`,
    );
    expect(text).toMatch(/a month since the plan began \(April 2026\)/);
    const stored = (await bot.ctx.stores.priorities.listByPlan(plan.id)).find(
      (p) => p.title === 'Shop theft on Lemon Street',
    );
    expect(stored?.evidence).toEqual({ crimeType: 'Shoplifting', location: 'On or near Lemon Street' });

    // The board card cites the same figure, in the same words, with the town and the priority.
    const onPlan = text.split('\n').find((l) => l.startsWith('Evidence (police.uk): '))!;
    await bot.say(USERS.coordinator, 'board');
    const board = cardText(lastCard(bot.connector));
    expect(board).toContain('What the plans cite (police.uk)');
    expect(board).toContain(
      `Truro · Shop theft on Lemon Street: ${onPlan.slice('Evidence (police.uk): '.length)}`,
    );
  });

  it('shows a town only to its partnership and the board', async () => {
    await bot.say(extraUser(7, 'Pat Outsider'), 'profile penzance');
    expect(cardText(lastCard(bot.connector))).toMatch(/not a member of the Penzance partnership/);
  });
});
