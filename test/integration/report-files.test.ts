// The board report files as people open them: the .xlsx read back with exceljs, the CSV as text, and
// `npm run report` against a seeded database.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, inject, it, vi } from 'vitest';
import { MongoClient } from 'mongodb';
import { ExcelReportFiles } from '../../src/spreadsheets/report-files.js';
import { runScript } from '../support/processes.js';
import { useScriptDatabase } from '../support/script-database.js';
import type { BoardReport } from '../../src/domain/board-report.js';

const row = {
  town: 'Truro',
  actions: 6,
  cancelled: 1,
  done: 2,
  open: 3,
  red: 1,
  amber: 1,
  green: 1,
  percentComplete: 40,
  overdue: 1,
  replanned: 1,
  openProblems: 1,
  meetingsHeld: 1,
  baseline: '44% (2017)',
  target: '52% by 2021',
  latest: '46% (2021)',
  progress: 'Behind',
  smartWarnings: 2,
  prioritiesWithoutActions: 'Night-time economy',
};
const hostile = '=HYPERLINK("http://evil.example","click")';
const report: BoardReport = {
  asOf: '2026-11-26',
  summary: [row],
  towns: [
    {
      town: 'Truro',
      actions: [
        {
          ref: 'TRU-001',
          priority: 'Reduce ASB, "town centre", evenings',
          title: hostile,
          measure: 'Patrols\ncompleted',
          target: '12',
          owners: 'Sam Penrose; Alex Nance',
          ownerEmails: 'sam@police.example; alex@council.example',
          dueDate: '2026-11-20',
          status: 'In progress',
          rag: 'Red',
        },
      ],
    },
  ],
  profiles: [],
};
const files = new ExcelReportFiles();

describe('the board report files', () => {
  it("adds each town's police.uk profile sheet when data has been imported, values typed", async () => {
    const withProfile: BoardReport = {
      ...report,
      profiles: [
        {
          town: 'Truro',
          latest: '2026-09',
          rows: [
            { what: 'All crime and anti-social behaviour', last12: 120, yearBefore: 100, change: '20%' },
            {
              what: 'Cited by "Shop theft": Shoplifting, on or near Lemon Street',
              last12: 34,
              yearBefore: '3 a month before the plan',
              change: '2.5 a month since 2026-04 (-17%)',
            },
          ],
        },
      ],
    };
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await files.workbook(withProfile)) as never);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Summary', 'Truro', 'Truro profile']);
    const sheet = book.getWorksheet('Truro profile')!;
    expect(sheet.getCell('A1').value as string).toContain('Open Government Licence');
    expect(sheet.getCell('B3').value).toBe(120);
    expect(files.csv(withProfile).map((f) => f.name)).toContain('truro-profile.csv');
  });

  it('writes a workbook with a summary sheet and one per town, values typed, no formulas', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await files.workbook(report)) as never);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Summary', 'Truro']);
    const summary = book.getWorksheet('Summary')!;
    expect(summary.getCell('A1').value).toBe('Safer Towns: board report as of 2026-11-26');
    expect(summary.getRow(2).values).toEqual([
      undefined,
      'Town',
      'Actions',
      'Cancelled (not counted)',
      'Done',
      'Open',
      'Red',
      'Amber',
      'Green',
      '% done of those not cancelled',
      'Overdue',
      'Re-planned',
      'Open problems',
      'Meetings held',
      'Indicator baseline',
      'Target',
      'Latest',
      'Against trajectory or target',
      'SMART warnings',
      'Priorities with no action',
    ]);
    expect(summary.getRow(3).values).toEqual([undefined, ...Object.values(row)]);
    const truro = book.getWorksheet('Truro')!;
    const title = truro.getCell('C3');
    expect(title.type).toBe(ExcelJS.ValueType.String);
    expect(title.value).toBe(hostile);
  });

  it('makes the same workbook from the same report, whenever it is asked for', async () => {
    // Only Date is faked: a zip entry's time comes from the clock, and an hour apart is past its 2 s grain.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-30T09:00:00Z') });
    try {
      const first = await files.workbook(report);
      vi.setSystemTime(new Date('2026-11-30T10:00:00Z'));
      expect(await files.workbook(report)).toEqual(first);
    } finally {
      vi.useRealTimers();
    }
  });

  it('writes CSV with quoting, and defuses text a spreadsheet would run as a formula', () => {
    const [summary, truro] = files.csv(report);
    expect(summary!.name).toBe('summary.csv');
    expect(summary!.text.split('\r\n')[1]).toBe(
      'Truro,6,1,2,3,1,1,1,40,1,1,1,1,44% (2017),52% by 2021,46% (2021),Behind,2,Night-time economy',
    );
    expect(truro!.name).toBe('truro.csv');
    expect(truro!.text.split('\r\n')[1]).toBe(
      'TRU-001,"Reduce ASB, ""town centre"", evenings","\'=HYPERLINK(""http://evil.example"",""click"")","Patrols\ncompleted",12,Sam Penrose; Alex Nance,sam@police.example; alex@council.example,2026-11-20,In progress,Red',
    );
  });
});

describe('npm run report', () => {
  const { env, tempDir, dbName } = useScriptDatabase('report');

  it('writes the workbook, the CSV files and a public page, and refuses an unknown format', async () => {
    runScript('seed.ts', env(), ['--demo']);
    const out = await tempDir('report');
    const xlsx = runScript('report.ts', env(), ['--out', out]);
    expect(xlsx.stderr).toBe('');
    const [file] = (await readdir(out)).filter((f) => f.endsWith('.xlsx'));
    expect(xlsx.stdout).toContain(`${file}: summary and 10 town sheets.`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile(join(out, file!))) as never);
    expect(book.worksheets).toHaveLength(11);
    expect(book.getWorksheet('Summary')!.getCell('A3').value).toBe('Penzance');
    expect(book.getWorksheet('St Austell')!.getCell('A3').value).toBe('STA-001');

    const csv = runScript('report.ts', env(), ['--out', out, '--format', 'csv']);
    expect(csv.stdout).toContain('summary.csv, penzance.csv');
    const client = new MongoClient(inject('mongoUri'));
    const exports = await client
      .db(dbName)
      .collection('audit_events')
      .find({ change: 'report.exported' })
      .sort({ at: 1 })
      .toArray();
    await client.close();
    expect(exports.map((e) => (e.after as { format: string }).format)).toEqual(['xlsx', 'csv']);
    expect(exports[0]).toMatchObject({ actor: { name: 'IT operator (npm run report)' } });
    const pub = runScript('public-summary.ts', env(), ['--town', 'St Austell', '--out', out]);
    expect(pub.stderr).toBe('');
    expect(pub.stdout).toContain('st-austell.md and');
    expect(await readFile(join(out, 'st-austell.html'), 'utf8')).toContain('<h1>Safer St Austell</h1>');
    expect(await readFile(join(out, 'st-austell.md'), 'utf8')).toContain('# Safer St Austell');
    const bad = runScript('report.ts', env(), ['--format', 'pdf']);
    expect(bad.status).toBe(2); // a wrong command line
    expect(bad.stderr).toContain('--format must be xlsx or csv, not "pdf"');
  });
});
