// police.uk street-level files as the import reads them: CSV files, folders of them, or the archive ZIP,
// streamed a row at a time (csv-parse; yauzl for ZIPs, without unpacking to disk or memory), so a national
// month of half a million rows never sits in memory. A ZIP's other files (outcomes, stop and search) are passed
// over and said. A file that is not CSV refuses the import, naming the file and line.
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import yauzl from 'yauzl';
import { AppError, ErrorCode } from '../errors.js';
import type { StreetFile, StreetFileSource } from '../app/outward-ports.js';

const STREET = /-street\.csv$/i;
const asError = (e: unknown) => (e instanceof Error ? e : new Error('the ZIP could not be read'));

type Opened = { name: string; open: () => Promise<Readable> };

/** Street-level rows from a readable stream of CSV. */
function streetFile(name: string, input: Readable): Promise<StreetFile> {
  let header: string[] = [];
  const parser = input.pipe(
    parse({
      bom: true,
      columns: (names: string[]) => (header = names.map((n) => n.trim())),
      skip_empty_lines: true,
      relax_column_count: true,
      relax_quotes: true,
      trim: true,
      info: true,
    }),
  );
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<{
    record: Record<string, string | undefined>;
    info: { lines: number };
  }>;
  const fault = (error: unknown) =>
    new AppError(
      ErrorCode.Validation,
      `${name} could not be read as CSV: ${(error as Error).message.slice(0, 200)}. Nothing was imported.`,
    );
  // The first record is read now, so the header is known before the caller checks it.
  return iterator.next().then(
    (first) => ({
      name,
      header,
      rows: (async function* () {
        let next = first;
        try {
          while (!next.done) {
            yield { line: next.value.info.lines, row: next.value.record };
            next = await iterator.next();
          }
        } catch (error) {
          throw fault(error);
        }
      })(),
    }),
    (error: unknown) => {
      throw fault(error);
    },
  );
}

/** The street-level files under these paths: CSV files, folders (searched for *-street.csv) and ZIPs. */
export function streetFilesAt(paths: readonly string[]): StreetFileSource {
  const passed: string[] = [];
  return {
    passedOver: () => passed,
    async *files() {
      for (const path of paths) {
        const info = await stat(path).catch(() => null);
        if (!info) throw new AppError(ErrorCode.Validation, `No file or folder at ${path}`);
        const { entries, close } = info.isDirectory()
          ? { entries: await csvFilesIn(path), close: () => undefined }
          : /\.zip$/i.test(path)
            ? await zipEntries(() => openZip(path), passed)
            : {
                entries: [{ name: basename(path), open: () => Promise.resolve(createReadStream(path)) }],
                close: () => undefined,
              };
        try {
          for (const entry of entries) yield await streetFile(entry.name, await entry.open());
        } finally {
          close();
        }
      }
    },
  };
}

/** The street-level files in an upload (a CSV or a ZIP, as bytes). */
export function streetFilesIn(name: string, bytes: Buffer): StreetFileSource {
  const passed: string[] = [];
  return {
    passedOver: () => passed,
    async *files() {
      const { entries, close } = /\.zip$/i.test(name)
        ? await zipEntries(() => fromBuffer(bytes), passed)
        : { entries: [{ name, open: () => Promise.resolve(Readable.from(bytes)) }], close: () => undefined };
      try {
        for (const entry of entries) yield await streetFile(entry.name, await entry.open());
      } finally {
        close();
      }
    },
  };
}

async function csvFilesIn(folder: string): Promise<Opened[]> {
  const found: Opened[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile() && STREET.test(entry.name))
      found.push({ name: entry.name, open: () => Promise.resolve(createReadStream(path)) });
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

const openZip = (path: string) =>
  new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (e, zip) =>
      e || !zip ? reject(asError(e)) : resolve(zip),
    ),
  );
const fromBuffer = (bytes: Buffer) =>
  new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true, autoClose: false }, (e, zip) =>
      e || !zip ? reject(asError(e)) : resolve(zip),
    ),
  );

/** A ZIP's street-level entries, each opened as a stream when its turn comes; the rest passed over. */
async function zipEntries(
  openIt: () => Promise<yauzl.ZipFile>,
  passed: string[],
): Promise<{ entries: Opened[]; close: () => void }> {
  const zip = await openIt().catch((error: unknown) => {
    throw new AppError(
      ErrorCode.Validation,
      `Not a ZIP that can be read: ${(error as Error).message.slice(0, 200)}`,
    );
  });
  const entries = await new Promise<yauzl.Entry[]>((resolve, reject) => {
    const all: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      all.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(all));
    zip.on('error', reject);
    zip.readEntry();
  });
  const street = entries.filter((e) => STREET.test(e.fileName));
  passed.push(
    ...entries.filter((e) => !STREET.test(e.fileName) && !e.fileName.endsWith('/')).map((e) => e.fileName),
  );
  const opened = street.map((entry) => ({
    name: entry.fileName,
    open: () =>
      new Promise<Readable>((resolve, reject) =>
        zip.openReadStream(entry, (e, stream) => (e || !stream ? reject(asError(e)) : resolve(stream))),
      ),
  }));
  return { entries: opened, close: () => zip.close() };
}
