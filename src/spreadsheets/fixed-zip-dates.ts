// An .xlsx is a zip, and exceljs stamps every entry with the time of writing (to the 2 s a zip keeps), so
// the same report would make different bytes a second later. Restamping the entries with the figures' own
// date makes a workbook a function of its report: the same file each time it is asked for.
import type JSZip from 'jszip';

let loading: Promise<typeof JSZip> | undefined;

export async function withFixedZipDates(zipBytes: Buffer, date: Date): Promise<Buffer> {
  loading ??= import('jszip').then((m) => m.default);
  const zip = await (await loading).loadAsync(zipBytes);
  zip.forEach((_path, entry) => {
    entry.date = date;
  });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
