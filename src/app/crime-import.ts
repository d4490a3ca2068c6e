// Imports police.uk street-level files: every row checked (a bad one skipped and named by file and line),
// counted per force and month as it streams past, then each month replaced whole, then the towns' months
// rebuilt from the points. A file without police.uk's columns refuses the whole import before anything is
// written; importing a month again replaces it, never doubles it. No network call: the files are given.
import { AppError, ErrorCode } from '../errors.js';
import { MonthAccumulator } from '../domain/crime-aggregate.js';
import { crimeRecordOf, monthOfFileName, STREET_COLUMNS, type CrimeMonth } from '../domain/crime-record.js';
import { fail, ok, type Result } from '../domain/result.js';
import { audit } from './audit-trail.js';
import { mayImportCrimeData } from './crime-access.js';
import { nearTowns, rebuildTownMonths } from './crime-towns.js';
import type { Actor } from '../domain/entity.js';
import type { AppContext } from './context.js';
import type { StreetFileSource } from './outward-ports.js';

export interface CrimeImportReport {
  dryRun: boolean;
  files: string[];
  months: { force: string; month: CrimeMonth; rows: number; noLocation: number; nearTowns: number }[];
  skipped: number;
  /** The first problems, each as "file, line n: what is wrong". */
  problems: string[];
  /** Entries passed over (not street-level files). */
  passedOver: string[];
}

const LISTED = 50;
/** A national month is about half a million rows; this many in one import is a mistake, not a month. */
const MAX_ROWS = 20_000_000;

export async function importCrimeData(
  ctx: AppContext,
  actor: Actor,
  source: StreetFileSource,
  options: { dryRun: boolean },
): Promise<Result<CrimeImportReport, AppError>> {
  const access = await mayImportCrimeData(ctx, actor);
  if (!access.ok) return access;
  const near = await nearTowns(ctx);
  const months = new Map<string, MonthAccumulator>();
  const seenIds = new Map<string, Set<number>>();
  const fileOf = new Map<string, string>();
  const problems: string[] = [];
  const files: string[] = [];
  let skipped = 0;
  let rows = 0;
  const skip = (where: string, why: string) => {
    skipped++;
    if (problems.length < LISTED) problems.push(`${where}: ${why}`);
  };
  for await (const file of source.files()) {
    files.push(file.name);
    const missing = STREET_COLUMNS.filter((c) => !file.header.includes(c));
    if (missing.length)
      return fail(
        new AppError(
          ErrorCode.Validation,
          `${file.name} is not a police.uk street-level file: it has no ${missing.map((c) => `"${c}"`).join(', ')} column${missing.length > 1 ? 's' : ''}. Nothing was imported.`,
        ),
      );
    const fileMonth = monthOfFileName(file.name);
    for await (const { line, row } of file.rows) {
      if (++rows > MAX_ROWS)
        return fail(
          new AppError(
            ErrorCode.Validation,
            `More than ${MAX_ROWS} rows: import a month or a year at a time. Nothing was imported.`,
          ),
        );
      const record = crimeRecordOf(row);
      const where = `${file.name}, line ${line}`;
      if (!record.ok) {
        skip(where, record.error);
        continue;
      }
      const r = record.value;
      if (fileMonth && r.month !== fileMonth) {
        skip(where, `month ${r.month} in a file of ${fileMonth}`);
        continue;
      }
      const key = `${r.force}|${r.month}`;
      // A force's month comes from one file: the same month again in another file would count it twice.
      const from = fileOf.get(key) ?? fileOf.set(key, file.name).get(key)!;
      if (from !== file.name) {
        skip(where, `${r.force} ${r.month} was already read from ${from}`);
        continue;
      }
      if (r.crimeId) {
        const ids = seenIds.get(key) ?? new Set<number>();
        const id = idKey(r.crimeId);
        if (ids.has(id)) {
          skip(where, 'the same Crime ID as an earlier row');
          continue;
        }
        ids.add(id);
        seenIds.set(key, ids);
      }
      let month = months.get(key);
      if (!month) months.set(key, (month = new MonthAccumulator(r.force, r.month, near)));
      month.add(r);
    }
    // Its months are complete: their Crime IDs need not be kept (a year's archive would hold millions).
    for (const [key, name] of fileOf) if (name === file.name) seenIds.delete(key);
  }
  const results = [...months.values()].map((m) => m.result());
  const report: CrimeImportReport = {
    dryRun: options.dryRun,
    files,
    months: results
      .map((m) => ({
        force: m.force,
        month: m.month,
        rows: m.rows,
        noLocation: m.noLocation,
        nearTowns: m.points.reduce((n, p) => n + p.count, 0),
      }))
      .sort((a, b) => a.month.localeCompare(b.month) || a.force.localeCompare(b.force)),
    skipped,
    problems,
    passedOver: source.passedOver(),
  };
  if (!results.length && !options.dryRun)
    return fail(
      new AppError(ErrorCode.Validation, `No rows to import${problems.length ? `: ${problems[0]}` : ''}`),
    );
  if (options.dryRun) return ok(report);
  const importedAt = ctx.clock.now().toISOString();
  for (const data of results) await ctx.stores.crime.replaceMonth(data, { importedAt, files });
  await rebuildTownMonths(ctx, [...new Set(results.map((r) => r.month))]);
  await ctx.stores.audit.append(
    audit(ctx, {
      actor,
      change: 'crime_data.imported',
      entity: { kind: 'crime_data', id: ctx.ids.newId(), label: 'police.uk street-level data' },
      town: 'county',
      before: null,
      after: { months: report.months.map((m) => `${m.force} ${m.month}: ${m.rows}`), skipped },
    }),
  );
  return ok(report);
}

/**
 * A Crime ID as a number: police.uk's ids are 64 hexadecimal digits, and their first 13 (52 bits) tell a
 * month's crimes apart with a chance of a false match below one in ten thousand for a national month, in a
 * tenth of the memory the text would take. Any other id is hashed (FNV-1a).
 */
function idKey(crimeId: string): number {
  if (/^[0-9a-f]{13}/i.test(crimeId)) return Number.parseInt(crimeId.slice(0, 13), 16);
  let hash = 0x811c9dc5;
  for (let i = 0; i < crimeId.length; i++) hash = Math.imul(hash ^ crimeId.charCodeAt(i), 0x01000193) >>> 0;
  return hash + 2 ** 52; // apart from every hexadecimal key
}
