// exceljs is loaded on first use: about 7 MB of heap that an instance only needs when someone imports a
// plan or asks for a workbook (docs/PERFORMANCE.md, Memory).
import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | undefined;

export function excel(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((m) => m.default);
  return loading;
}
