// Importing a plan from a spreadsheet, on MongoDB: a round trip through the board report's workbook into an
// empty database; a coordinator's own sheet; and every kind of bad sheet refused with row- and column-
// specific messages and nothing written.
import { typed } from '../support/screened.js';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Db } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { appoint, OPERATOR } from '../../src/app/appoint.js';
import { buildBoardReport } from '../../src/app/board-report.js';
import { importPlan } from '../../src/app/import-plan.js';
import { seedDemo } from '../../src/app/seed-demo.js';
import { seedReferenceData } from '../../src/app/seed-reference-data.js';
import { createPlan } from '../../src/app/plans.js';
import { listWholeActions } from '../../src/app/whole-actions.js';
import { DEMO_PEOPLE } from '../../src/app/demo-data.js';
import { prepareDatabase } from '../../src/store/mongo.js';
import { ExcelReportFiles } from '../../src/spreadsheets/report-files.js';
import { readPlanSheet } from '../../src/spreadsheets/plan-sheet.js';
import { testContext } from '../support/app-context.js';
import { useTestDatabases } from '../support/test-database.js';
import { runScript } from '../support/processes.js';
import { useScriptDatabase } from '../support/script-database.js';
import type { AppContext } from '../../src/app/context.js';
import type { Action } from '../../src/domain/action.js';

const databases = useTestDatabases();
const HEADER = ['Priority', 'Action', 'Measure', 'Target', 'Owner e-mails', 'Due date', 'Status'];
const SAM = 'sam.penrose@demo.invalid';
const ALEX = 'alex.nance@demo.invalid';

async function snapshot(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const { name } of await db.listCollections().toArray())
    if (name !== 'read_models')
      // copies of records, written when a read finds them behind
      out[name] = await db.collection(name).find({}).sort({ _id: 1 }).toArray();
  return out;
}

/** A database with the partnerships, the demo people's seats and an empty Truro plan: nothing else. */
async function emptyTruro(): Promise<{ db: Db; ctx: AppContext }> {
  const db = await databases.fresh();
  const { ctx } = testContext(await prepareDatabase(db));
  await seedReferenceData(ctx);
  for (const p of DEMO_PEOPLE.filter((x) => x.accessRole !== 'board')) {
    const seat = await appoint(ctx, {
      town: 'truro',
      aadObjectId: p.aadObjectId,
      name: p.displayName,
      email: p.email,
      role: p.partnershipRole,
    });
    if (!seat.ok) throw seat.error;
  }
  // appoint makes coordinators; the owners' seats only need to be able to own actions, which coordinators can.
  const plan = await createPlan(ctx, OPERATOR, {
    town: 'truro',
    title: typed('Safer Truro Delivery plan 2026-2029'),
    periodStart: '2026-04-01',
    periodEnd: '2029-03-31',
  });
  if (!plan.ok) throw plan.error;
  return { db, ctx };
}

async function workbook(rows: unknown[][], edit?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Plan');
  ws.addRow(HEADER);
  for (const row of rows) ws.addRow(row);
  edit?.(ws);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function rowsOf(bytes: Buffer, sheet?: string) {
  const read = await readPlanSheet(bytes, sheet);
  if (!read.ok) throw new Error(read.problems.join('\n'));
  return read.rows;
}

const essence = (actions: readonly Action[], priorityTitle: (id: string) => string) =>
  actions
    .map((a) => ({
      priority: priorityTitle(a.priorityId),
      title: a.title,
      measure: a.measure,
      target: a.target,
      owners: a.owners.map((o) => o.aadObjectId).sort(),
      dueDate: a.dueDate,
      status: a.status,
    }))
    .sort((x, y) => x.title.localeCompare(y.title));

describe('importing a plan from a spreadsheet', () => {
  it('round-trips: the board workbook of one database re-imported into an empty one gives the same actions', async () => {
    const source = testContext(await prepareDatabase(await databases.fresh())).ctx;
    await seedReferenceData(source);
    await seedDemo(source);
    const report = await buildBoardReport(source, OPERATOR);
    if (!report.ok) throw report.error;
    const bytes = await new ExcelReportFiles().workbook(report.value);

    const { db, ctx } = await emptyTruro();
    const result = await importPlan(ctx, OPERATOR, {
      town: 'truro',
      rows: await rowsOf(bytes, 'Truro'),
      dryRun: false,
    });
    if (!result.ok) throw new Error(result.error.issues.map((i) => i.message).join('\n'));
    expect(result.value.created).toHaveLength(7);
    expect(result.value.newPriorities).toHaveLength(3);

    const titleIn = (ctxOf: AppContext) => {
      const cache = new Map<string, string>();
      return async (actions: readonly Action[]) => {
        for (const a of actions) {
          if (!cache.has(a.priorityId)) {
            const plan = (await ctxOf.stores.plans.listByTown('truro'))[0]!;
            for (const p of await ctxOf.stores.priorities.listByPlan(plan.id)) cache.set(p.id, p.title);
          }
        }
        return (id: string) => cache.get(id) ?? '?';
      };
    };
    const before = await listWholeActions(source, 'truro');
    const after = await listWholeActions(ctx, 'truro');
    expect(essence(after, await titleIn(ctx)(after))).toEqual(essence(before, await titleIn(source)(before)));

    // The same sheet again changes nothing at all.
    const once = await snapshot(db);
    const again = await importPlan(ctx, OPERATOR, {
      town: 'truro',
      rows: await rowsOf(bytes, 'Truro'),
      dryRun: false,
    });
    expect(again).toMatchObject({
      ok: true,
      value: { created: [], updated: [], newPriorities: [], unchanged: 7 },
    });
    expect(await snapshot(db)).toEqual(once);
  });

  it("takes a coordinator's own sheet: any column order, date cells or UK dates, status names; dry run first", async () => {
    const { db, ctx } = await emptyTruro();
    const bytes = await workbook([
      [
        'Tackle shop theft',
        'Set up a Shopwatch radio scheme in Lemon Street',
        'Shops on the radio net',
        '20 shops',
        SAM,
        new Date('2027-03-31T00:00:00Z'),
        'Not started',
      ],
      [
        'Tackle shop theft',
        'Hold a retailer crime prevention workshop',
        'Workshops held',
        '2 workshops',
        `${SAM}; ${ALEX}`,
        '15/01/2027',
        'in progress',
      ],
      [
        'Night-time economy',
        'Run joint licensing visits to late bars',
        'Visits completed',
        '12 visits',
        ALEX,
        '2027-06-30',
        'Blocked',
      ],
    ]);
    const untouched = await snapshot(db);
    const dry = await importPlan(ctx, OPERATOR, { town: 'truro', rows: await rowsOf(bytes), dryRun: true });
    expect(dry).toMatchObject({
      ok: true,
      value: { dryRun: true, newPriorities: ['Tackle shop theft', 'Night-time economy'], unchanged: 0 },
    });
    expect(dry.ok && dry.value.created).toHaveLength(3);
    expect(await snapshot(db)).toEqual(untouched);

    const real = await importPlan(ctx, OPERATOR, { town: 'truro', rows: await rowsOf(bytes), dryRun: false });
    expect(real.ok && real.value.created).toEqual([
      'TRU-001 Set up a Shopwatch radio scheme in Lemon Street',
      'TRU-002 Hold a retailer crime prevention workshop',
      'TRU-003 Run joint licensing visits to late bars',
    ]);
    const actions = [...(await listWholeActions(ctx, 'truro'))].sort((a, b) => a.ref.localeCompare(b.ref));
    expect(actions.map((a) => [a.ref, a.dueDate, a.status, a.owners.length])).toEqual([
      ['TRU-001', '2027-03-31', 'not_started', 1],
      ['TRU-002', '2027-01-15', 'in_progress', 2],
      ['TRU-003', '2027-06-30', 'blocked', 1],
    ]);
    expect(actions[2]!.blockedReason).toContain('imported');
    // A later version of the sheet: one row changed; only that action is updated, with an audit event.
    const edited = await workbook([
      [
        'Tackle shop theft',
        'Set up a Shopwatch radio scheme in Lemon Street',
        'Shops on the radio net',
        '25 shops',
        SAM,
        '2027-03-31',
        'In progress',
      ],
      [
        'Tackle shop theft',
        'Hold a retailer crime prevention workshop',
        'Workshops held',
        '2 workshops',
        `${ALEX}, ${SAM}`,
        '2027-01-15',
        'In progress',
      ],
      [
        'Night-time economy',
        'Run joint licensing visits to late bars',
        'Visits completed',
        '12 visits',
        ALEX,
        '2027-06-30',
        'Blocked',
      ],
    ]);
    const update = await importPlan(ctx, OPERATOR, {
      town: 'truro',
      rows: await rowsOf(edited),
      dryRun: false,
    });
    expect(update).toMatchObject({ ok: true, value: { created: [], updated: ['TRU-001'], unchanged: 2 } });
    const trail = await ctx.stores.audit.listForEntity(actions[0]!.id);
    expect(trail.map((e) => e.change)).toEqual(['action.imported', 'action.imported']);
  });

  it('refuses a bad sheet, naming each problem with its row (and column), and writes nothing', async () => {
    const { db, ctx } = await emptyTruro();
    const shopwatch = [
      'Tackle shop theft',
      'Set up a Shopwatch radio scheme in Lemon Street',
      'Shops on the radio net',
      '20 shops',
    ];
    const bytes = await workbook([
      [...shopwatch, SAM, '2027-03-31', 'Not started'],
      [
        'Tackle shop theft',
        'Hold a retailer crime prevention workshop',
        'Workshops',
        '2',
        SAM,
        '2027-01-15',
        'Sort of',
      ],
      [...shopwatch, SAM, '2027-03-31', ''],
      ['Night-time economy', 'Visit bars', 'Visits completed', '12 visits', ALEX, '2030-06-30', 'Done'],
      [
        'Night-time economy',
        'Call J. Smith on 07700 900123 about the bar',
        'Calls made',
        '1 call',
        ALEX,
        '2027-06-30',
        '',
      ],
      ['', 'Orphan action with no priority at all', 'x', 'y', 'not-an-email', '2027-01-01', ''],
      [
        'Night-time economy',
        'Review the taxi marshal scheme at the rank',
        'Reviews',
        '1',
        ALEX,
        '31/02/2027',
        '',
      ],
    ]);
    const before = await snapshot(db);
    const result = await importPlan(ctx, OPERATOR, {
      town: 'truro',
      rows: await rowsOf(bytes),
      dryRun: false,
    });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.error.issues.map((i) => i.message);
    expect(problems).toEqual(
      expect.arrayContaining([
        'Row 8, column F: Due "31/02/2027" is not a date: use a date cell, 2027-03-31 or 31/03/2027',
        'Row 3, column G: Status "Sort of": use Not started, In progress, Blocked, Done or Cancelled',
        'Row 4: repeats row 2 (same priority and action)',
        expect.stringMatching(/^Row 5: Make the title specific/),
        'Row 5: The due date is after the plan period ends (2029-03-31)',
        expect.stringMatching(/^Row 6: looks like personal details/),
        'Row 7, column A: Priority is empty',
        'Row 7, column E: Owner e-mails: "not-an-email" is not an e-mail address',
      ]),
    );
    expect(result.ok ? '' : result.error.message).toMatch(/^Nothing was imported: \d+ problems$/);
    expect(await snapshot(db)).toEqual(before);

    const unknownOwner = await workbook([
      [
        'Tackle shop theft',
        'Hold a retailer crime prevention workshop',
        'Workshops held',
        '2',
        'nobody@nowhere.example',
        '2027-01-15',
        '',
      ],
    ]);
    const owner = await importPlan(ctx, OPERATOR, {
      town: 'truro',
      rows: await rowsOf(unknownOwner),
      dryRun: false,
    });
    expect(owner.ok ? [] : owner.error.issues.map((i) => i.message)).toEqual([
      'Row 2: owner nobody@nowhere.example is not a member of the Truro partnership',
    ]);
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses files that are not plan sheets: wrong columns, formulas, not xlsx, too big', async () => {
    const wrong = new ExcelJS.Workbook();
    wrong.addWorksheet('Plan').addRow(['Priority', 'Action', 'Owner', 'When']);
    const read = await readPlanSheet(Buffer.from(await wrong.xlsx.writeBuffer()));
    expect(read).toEqual({
      ok: false,
      problems: [
        'Sheet "Plan", row 1: missing columns "measure", "target", "owner e-mails", "due", "status"',
      ],
    });
    const formula = await workbook(
      [
        [
          'Tackle shop theft',
          'Set up a Shopwatch radio scheme',
          'Shops',
          '20',
          SAM,
          '2027-03-31',
          'Not started',
        ],
      ],
      (ws) => {
        ws.getCell('D2').value = { formula: 'SUM(1,19)', result: 20 };
      },
    );
    expect(await readPlanSheet(formula)).toEqual({
      ok: false,
      problems: ['Row 2, column D (target): a formula; type the value itself'],
    });
    expect(await readPlanSheet(Buffer.from('Priority,Action\nA,B\n'))).toEqual({
      ok: false,
      problems: ['The file is not an .xlsx workbook (save it from Excel as "Excel Workbook (.xlsx)")'],
    });
    expect(await readPlanSheet(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(16)]))).toEqual({
      ok: false,
      problems: ['The file could not be read as an .xlsx workbook: it may be damaged'],
    });
    expect(await readPlanSheet(Buffer.alloc(6 * 1024 * 1024))).toEqual({
      ok: false,
      problems: ['The file is 6.0 MB; the limit is 5 MB'],
    });
  });
});

describe('npm run import', () => {
  const { env, tempDir } = useScriptDatabase('import');

  it('shows what would change with --dry-run, imports, then finds nothing to do', async () => {
    runScript('seed.ts', env(), ['--demo']);
    const dir = await tempDir('import');
    const file = join(dir, 'truro.xlsx');
    await writeFile(
      file,
      await workbook([
        [
          'Tackle shop theft',
          'Set up a Shopwatch radio scheme in Lemon Street',
          'Shops on the radio net',
          '20 shops',
          SAM,
          '2027-03-31',
          'Not started',
        ],
      ]),
    );
    const dry = runScript('import.ts', env(), [file, '--town', 'Truro', '--dry-run']);
    expect(dry.stderr).toBe('');
    expect(dry.stdout).toContain('1 new priorities would be added: Tackle shop theft');
    expect(dry.stdout).toContain('Dry run: nothing was written.');
    const real = runScript('import.ts', env(), [file, '--town', 'truro']);
    expect(real.stdout).toMatch(/1 actions were created: TRU-\d+ Set up a Shopwatch/);
    // The command line cannot reach Teams: it says who an import from Teams would have told.
    expect(real.stdout).toContain('Not told from the command line: 1 owner(s) of new or changed actions');
    expect(dry.stdout).not.toContain('Not told');
    const again = runScript('import.ts', env(), [file, '--town', 'truro']);
    expect(again.stdout).toContain('0 actions were created');
    expect(again.stdout).toContain('1 actions unchanged');
    expect(again.stdout).not.toContain('Not told');
    const usage = runScript('import.ts', env(), ['--town', 'Atlantis', file]);
    expect(usage.status).toBe(2); // a wrong command line
    expect(usage.stderr).toContain('--town must be one of the ten towns, not "Atlantis"');
    const notXlsx = join(dir, 'plan.csv');
    await writeFile(notXlsx, 'Priority,Action\n');
    const csv = runScript('import.ts', env(), [notXlsx, '--town', 'truro']);
    expect(csv.stderr).toContain('is not an .xlsx workbook');
  });
});
