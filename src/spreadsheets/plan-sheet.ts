// Reads a delivery plan kept in a spreadsheet (.xlsx): the first sheet whose header row names the columns
// below (in any order, any case). Cells come back as text or dates with their row and column, so every
// problem can be reported where the coordinator will find it. Formulas are never evaluated or imported.
import type ExcelJS from 'exceljs';
import { excel } from './excel.js';

import type { ImportRow, PlanField } from '../domain/plan-import-rows.js';
import type { PlanSheetReader } from '../app/outward-ports.js';

const PLAN_COLUMNS: Record<PlanField, readonly string[]> = {
  ref: ['ref', 'reference'],
  priority: ['priority'],
  source: ['source', 'priority source', 'evidence'],
  title: ['action', 'title'],
  measure: ['measure'],
  target: ['target'],
  ownerEmails: ['owner e-mails', 'owner emails', 'owners by e-mail', 'owners (e-mail)', 'owner email'],
  dueDate: ['due', 'due date'],
  status: ['status'],
};
const REQUIRED_COLUMNS: readonly PlanField[] = [
  'priority',
  'title',
  'measure',
  'target',
  'ownerEmails',
  'dueDate',
  'status',
];

export const SHEET_LIMITS = { bytes: 5 * 1024 * 1024, rows: 2_000 } as const;

export type SheetResult = { ok: true; sheet: string; rows: ImportRow[] } | { ok: false; problems: string[] };

/** `preferSheet`: a sheet of that name is read first (the board report's workbook has one per town). */
export async function readPlanSheet(bytes: Buffer, preferSheet?: string): Promise<SheetResult> {
  if (bytes.length > SHEET_LIMITS.bytes)
    return refuse(`The file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; the limit is 5 MB`);
  // Every .xlsx is a zip archive; anything else (a CSV, an old .xls, a renamed file) stops here.
  if (bytes.subarray(0, 4).toString('binary') !== 'PK\x03\x04')
    return refuse('The file is not an .xlsx workbook (save it from Excel as "Excel Workbook (.xlsx)")');
  const Excel = await excel();
  const book = new Excel.Workbook();
  try {
    await book.xlsx.load(bytes as never);
  } catch {
    return refuse('The file could not be read as an .xlsx workbook: it may be damaged');
  }
  const seen: string[] = [];
  const named = book.worksheets.filter((w) => w.name.toLowerCase() === preferSheet?.toLowerCase());
  for (const ws of [...named, ...book.worksheets.filter((w) => !named.includes(w))]) {
    const header = findHeader(ws);
    if (!header) {
      seen.push(ws.name);
      continue;
    }
    return readRows(Excel, ws, header.row, header.columns);
  }
  const required = REQUIRED_COLUMNS.map((f) => `"${PLAN_COLUMNS[f][0]}"`).join(', ');
  return refuse(
    `No sheet has a header row with the columns ${required} (sheets read: ${seen.join(', ') || 'none'})`,
  );
}

function refuse(problem: string): SheetResult {
  return { ok: false, problems: [problem] };
}

/** The first of the top 10 rows naming "priority" and "action": the header; returns where each column is. */
function findHeader(ws: ExcelJS.Worksheet): { row: number; columns: Map<PlanField, number> } | null {
  for (let r = 1; r <= Math.min(10, ws.rowCount); r++) {
    const columns = new Map<PlanField, number>();
    ws.getRow(r).eachCell((cell, col) => {
      const name = cellText(cell).trim().toLowerCase();
      for (const [field, aliases] of Object.entries(PLAN_COLUMNS) as [PlanField, readonly string[]][])
        if (aliases.includes(name) && !columns.has(field)) columns.set(field, col);
    });
    if (columns.has('priority') && columns.has('title')) return { row: r, columns };
  }
  return null;
}

function readRows(
  Excel: typeof ExcelJS,
  ws: ExcelJS.Worksheet,
  headerRow: number,
  columns: Map<PlanField, number>,
): SheetResult {
  const missing = REQUIRED_COLUMNS.filter((f) => !columns.has(f));
  if (missing.length)
    return refuse(
      `Sheet "${ws.name}", row ${headerRow}: missing column${missing.length > 1 ? 's' : ''} ${missing
        .map((f) => `"${PLAN_COLUMNS[f][0]}"`)
        .join(', ')}`,
    );
  if (ws.rowCount - headerRow > SHEET_LIMITS.rows)
    return refuse(
      `Sheet "${ws.name}" has ${ws.rowCount - headerRow} rows; the limit is ${SHEET_LIMITS.rows}`,
    );
  const problems: string[] = [];
  const rows: ImportRow[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: ImportRow['cells'] = {};
    for (const [field, col] of columns) {
      const cell = row.getCell(col);
      if (cell.type === Excel.ValueType.Formula) {
        problems.push(
          `Row ${r}, column ${cell.address.replace(/\d+$/, '')} (${PLAN_COLUMNS[field][0]}): a formula; type the value itself`,
        );
        continue;
      }
      const isDate = cell.type === Excel.ValueType.Date;
      const text = isDate ? (cell.value as Date).toISOString().slice(0, 10) : cellText(cell).trim();
      cells[field] = { text, isDate, at: cell.address }; // empty too: a missing value is reported where it is
    }
    if (Object.values(cells).some((c) => c.text)) rows.push({ row: r, cells });
  }
  return problems.length ? { ok: false, problems } : { ok: true, sheet: ws.name, rows };
}

/** A cell's text: plain, rich text runs joined, hyperlinks by their text, numbers as typed. */
function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return '';
}

export const excelPlanSheets: PlanSheetReader = { read: readPlanSheet };
