// `npm run report [-- --format xlsx|csv] [--out <folder>]`: the board report of all ten towns, as an .xlsx
// workbook (a summary sheet, then one sheet per town) or as CSV files, written to reports/ by default. Each
// export is recorded in the audit trail.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildBoardReport, recordReportExport } from '../src/app/board-report.js';
import { OPERATOR } from '../src/app/appoint.js';
import { loadConfig } from '../src/config.js';
import { ExcelReportFiles } from '../src/spreadsheets/report-files.js';
import { openDatabase } from './open-database.js';
import { parseCli, UsageError } from './cli.js';
import { usageOf } from './cli-usage.js';

const USAGE = usageOf('report');

export async function main(args: readonly string[]): Promise<void> {
  const { values } = parseCli(
    args,
    { format: { type: 'string', default: 'xlsx' }, out: { type: 'string', default: 'reports' } },
    USAGE,
  );
  if (values.format !== 'xlsx' && values.format !== 'csv')
    throw new UsageError(`--format must be xlsx or csv, not "${values.format}"\nUsage: ${USAGE}`);
  const db = await openDatabase(loadConfig(process.env));
  try {
    const operator = { ...OPERATOR, name: 'IT operator (npm run report)' };
    const report = await buildBoardReport(db.ctx, operator);
    if (!report.ok) throw report.error;
    const files = new ExcelReportFiles();
    await mkdir(values.out, { recursive: true });
    const stem = `board-report-${report.value.asOf}`;
    if (values.format === 'xlsx') {
      const path = join(values.out, `${stem}.xlsx`);
      await writeFile(path, await files.workbook(report.value));
      await recordReportExport(db.ctx, operator, report.value, { format: 'xlsx', to: path });
      console.log(`${path}: summary and ${report.value.towns.length} town sheets.`);
    } else {
      const folder = join(values.out, stem);
      await mkdir(folder, { recursive: true });
      const csvs = files.csv(report.value);
      for (const file of csvs) await writeFile(join(folder, file.name), file.text);
      await recordReportExport(db.ctx, operator, report.value, { format: 'csv', to: folder });
      console.log(`${folder}/: ${csvs.map((f) => f.name).join(', ')}`);
    }
  } finally {
    await db.close();
  }
}
