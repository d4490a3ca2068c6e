// The board report as an .xlsx workbook (exceljs) and as CSV files. Cells are written as values, never as
// formulas; in CSV a text that a spreadsheet would run as a formula (=, +, -, @ first) is quoted with a
// leading apostrophe, so a title typed into Teams cannot become a formula on the board's computers.
import type ExcelJS from 'exceljs';
import { excel } from './excel.js';
import { withFixedZipDates } from './fixed-zip-dates.js';
import type { ActionRow, BoardReport, ProfileRow, TownRow } from '../domain/board-report.js';

const PROFILE_NOTE = 'Open Government Licence v3.0; locations approximate';
import type { ReportFiles } from '../app/outward-ports.js';

type Column<T> = { header: string; key: keyof T & string; width: number };

const SUMMARY_COLUMNS: Column<TownRow>[] = [
  { header: 'Town', key: 'town', width: 14 },
  { header: 'Actions', key: 'actions', width: 9 },
  { header: 'Cancelled (not counted)', key: 'cancelled', width: 12 },
  { header: 'Done', key: 'done', width: 7 },
  { header: 'Open', key: 'open', width: 7 },
  { header: 'Red', key: 'red', width: 6 },
  { header: 'Amber', key: 'amber', width: 7 },
  { header: 'Green', key: 'green', width: 7 },
  { header: '% done of those not cancelled', key: 'percentComplete', width: 14 },
  { header: 'Overdue', key: 'overdue', width: 9 },
  { header: 'Re-planned', key: 'replanned', width: 11 },
  { header: 'Open problems', key: 'openProblems', width: 14 },
  { header: 'Meetings held', key: 'meetingsHeld', width: 14 },
  { header: 'Indicator baseline', key: 'baseline', width: 18 },
  { header: 'Target', key: 'target', width: 16 },
  { header: 'Latest', key: 'latest', width: 34 },
  { header: 'Against trajectory or target', key: 'progress', width: 18 },
  { header: 'SMART warnings', key: 'smartWarnings', width: 15 },
  { header: 'Priorities with no action', key: 'prioritiesWithoutActions', width: 40 },
];

const PROFILE_COLUMNS: Column<ProfileRow>[] = [
  { header: 'police.uk figure', key: 'what', width: 60 },
  { header: '12 months to the latest', key: 'last12', width: 14 },
  { header: 'Year before', key: 'yearBefore', width: 26 },
  { header: 'Change', key: 'change', width: 30 },
];

const ACTION_COLUMNS: Column<ActionRow>[] = [
  { header: 'Ref', key: 'ref', width: 10 },
  { header: 'Priority', key: 'priority', width: 36 },
  { header: 'Action', key: 'title', width: 50 },
  { header: 'Measure', key: 'measure', width: 30 },
  { header: 'Target', key: 'target', width: 20 },
  { header: 'Owners', key: 'owners', width: 36 },
  { header: 'Owner e-mails', key: 'ownerEmails', width: 40 },
  { header: 'Due', key: 'dueDate', width: 12 },
  { header: 'Status', key: 'status', width: 12 },
  { header: 'RAG', key: 'rag', width: 8 },
];

export class ExcelReportFiles implements ReportFiles {
  async workbook(report: BoardReport): Promise<Buffer> {
    const book = new (await excel()).Workbook();
    book.creator = 'Safer Towns bot';
    // Fixed, so the same report makes the same workbook (the date of the figures is in the title row).
    const asOf = new Date(`${report.asOf}T00:00:00Z`);
    book.created = book.modified = asOf;
    sheet(book, 'Summary', `Safer Towns: board report as of ${report.asOf}`, SUMMARY_COLUMNS, report.summary);
    for (const town of report.towns) {
      sheet(
        book,
        town.town,
        `Safer ${town.town}: actions as of ${report.asOf}`,
        ACTION_COLUMNS,
        town.actions,
      );
    }
    for (const p of report.profiles)
      sheet(
        book,
        `${p.town} profile`.slice(0, 31),
        `Safer ${p.town}: police.uk profile to ${p.latest} (${PROFILE_NOTE})`,
        PROFILE_COLUMNS,
        p.rows,
      );
    return withFixedZipDates(Buffer.from(await book.xlsx.writeBuffer()), asOf);
  }

  csv(report: BoardReport): { name: string; text: string }[] {
    return [
      { name: 'summary.csv', text: csvOf(SUMMARY_COLUMNS, report.summary) },
      ...report.towns.map((t) => ({
        name: `${t.town.toLowerCase().replace(/\s+/g, '-')}.csv`,
        text: csvOf(ACTION_COLUMNS, t.actions),
      })),
      ...report.profiles.map((p) => ({
        name: `${p.town.toLowerCase().replace(/\s+/g, '-')}-profile.csv`,
        text: csvOf(PROFILE_COLUMNS, p.rows),
      })),
    ];
  }
}

function sheet<T extends object>(
  book: ExcelJS.Workbook,
  name: string,
  title: string,
  columns: Column<T>[],
  rows: readonly T[],
): void {
  const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = columns.map((c) => ({ key: c.key, width: c.width }));
  ws.addRow([title]).font = { bold: true, size: 13 };
  ws.addRow(columns.map((c) => c.header)).font = { bold: true };
  for (const row of rows) ws.addRow(columns.map((c) => row[c.key] as ExcelJS.CellValue));
}

const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: unknown): string {
  let text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvOf<T extends object>(columns: Column<T>[], rows: readonly T[]): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c.key])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
