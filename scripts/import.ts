// `npm run import -- plan.xlsx --town truro [--dry-run] [--reason "..."]`: a delivery plan kept in a
// spreadsheet, into the town's current plan. Every row is checked first; any problem and nothing is
// written. --dry-run shows what would change. The column layout is in docs/IMPORT.md.
import { screenForActor } from '../src/app/personal-data.js';
import { personalDataSummary } from '../src/domain/personal-data-findings.js';
import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { importPlan } from '../src/app/import-plan.js';
import { importReach } from '../src/app/import-effects.js';
import { rowWarningLines } from '../src/cards/coach-views.js';
import { OPERATOR } from '../src/app/appoint.js';
import { loadConfig } from '../src/config.js';
import { AppError } from '../src/errors.js';
import { findTown } from '../src/domain/towns.js';
import { readPlanSheet, SHEET_LIMITS } from '../src/spreadsheets/plan-sheet.js';
import { openDatabase } from './open-database.js';
import { UsageError } from './cli.js';
import { usageOf } from './cli-usage.js';

const USAGE = usageOf('import');

export async function main(args: readonly string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: {
        town: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        reason: { type: 'string' },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\nUsage: ${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError(`Name one .xlsx file\nUsage: ${USAGE}`);
  const town = findTown(values.town ?? '');
  if (!town)
    throw new UsageError(`--town must be one of the ten towns, not "${values.town ?? ''}"\nUsage: ${USAGE}`);
  const file = positionals[0]!;
  const size = (await stat(file).catch(() => null))?.size;
  if (size === undefined) throw new UsageError(`No file at ${file}`);
  if (size > SHEET_LIMITS.bytes)
    throw new AppError('validation', `${file} is over 5 MB: nothing was imported`);

  const sheet = await readPlanSheet(await readFile(file), town.name);
  if (!sheet.ok)
    throw new AppError(
      'validation',
      [`${file}: nothing was imported`, ...sheet.problems.map((p) => `  - ${p}`)].join('\n'),
    );
  const db = await openDatabase(loadConfig(process.env));
  try {
    // The reason is kept in the plan's history: screened like anything typed in Teams.
    const reason = await screenForActor(db.ctx, OPERATOR, { reason: values.reason }, { town: town.slug });
    if (!reason.text)
      throw new AppError(
        'validation',
        `--reason looks like personal details (${personalDataSummary(reason)}): nothing was imported`,
      );
    const result = await importPlan(db.ctx, OPERATOR, {
      town: town.slug,
      rows: sheet.rows,
      dryRun: values['dry-run'],
      reason: reason.text.reason ?? null,
    });
    if (!result.ok) {
      const { message, issues } = result.error;
      throw new AppError(
        result.error.code,
        [`${file}: ${message}`, ...issues.map((i) => `  - ${i.message}`)].join('\n'),
      );
    }
    const o = result.value;
    const verb = o.dryRun ? 'would be' : 'were';
    console.log(`${file} (sheet "${sheet.sheet}") into "${o.plan.title}" (${town.name}):`);
    console.log(
      `  ${o.newPriorities.length} new priorities ${verb} added${o.newPriorities.length ? `: ${o.newPriorities.join('; ')}` : ''}`,
    );
    console.log(
      `  ${o.created.length} actions ${verb} created${o.created.length ? `: ${o.created.join('; ')}` : ''}`,
    );
    console.log(
      `  ${o.updated.length} actions ${verb} updated${o.updated.length ? `: ${o.updated.join(', ')}` : ''}`,
    );
    console.log(`  ${o.unchanged} actions unchanged`);
    if (o.warnings.length) {
      console.log(
        `  SMART coach warnings on ${o.warnings.length} new actions (imported as written, to review):`,
      );
      for (const line of rowWarningLines(o.warnings)) console.log(`    - ${line}`);
    }
    if (o.dryRun) console.log('Dry run: nothing was written.');
    const reach = importReach(o.effects);
    // The command line has no Teams connection: say what an import sent in Teams would have done.
    if (reach.people)
      console.log(
        `Not told from the command line: ${reach.people} owner(s) of new or changed actions. Send the file to the bot in Teams ("import ${town.name}") to have them told, or tell them; they see theirs in "my actions".`,
      );
    if (reach.cards)
      console.log(
        `Not updated from the command line: the channel's cards of ${reach.cards} updated action(s); each refreshes by itself for its owners, and for anyone else with its Refresh button.`,
      );
  } finally {
    await db.close();
  }
}
