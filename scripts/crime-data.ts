// `npm run crime-data -- import FILE... [--dry-run]`: police.uk street-level files (a month's CSV, a folder of
// them, or the archive ZIP) into the town profiles. Download them from https://data.police.uk/data/ (the bot
// makes no network call). `npm run crime-data -- months` lists what is imported; `rebuild` counts the towns'
// months again from what is stored (after a town's area is redrawn with `npm run towns -- area ...`).
import { parseArgs } from 'node:util';
import { importCrimeData } from '../src/app/crime-import.js';
import { rebuildTownMonths } from '../src/app/crime-towns.js';
import { OPERATOR } from '../src/app/appoint.js';
import { loadConfig } from '../src/config.js';
import { AppError } from '../src/errors.js';
import { streetFilesAt } from '../src/crime-data/street-files.js';
import { openDatabase } from './open-database.js';
import { UsageError } from './cli.js';
import { usageOf } from './cli-usage.js';

const USAGE = usageOf('crime-data');

export async function main(argv: readonly string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { 'dry-run': { type: 'boolean', default: false } },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\nUsage: ${USAGE}`);
  }
  const [what, ...paths] = parsed.positionals;
  if (what === 'import' && !paths.length)
    throw new UsageError(`Name the files, folders or ZIPs to import\nUsage: ${USAGE}`);
  if (!['import', 'months', 'rebuild'].includes(what ?? '')) throw new UsageError(`Usage: ${USAGE}`);
  const db = await openDatabase(loadConfig(process.env));
  try {
    if (what === 'import') {
      const started = performance.now();
      const result = await importCrimeData(db.ctx, OPERATOR, streetFilesAt(paths), {
        dryRun: parsed.values['dry-run'],
      });
      if (!result.ok) throw new AppError(result.error.code, result.error.message);
      const r = result.value;
      const verb = r.dryRun ? 'would be imported' : 'imported';
      for (const m of r.months)
        console.log(
          `${m.month}  ${m.force}: ${m.rows} rows ${verb} (${m.noLocation} with no location, ${m.nearTowns} near the towns)`,
        );
      if (r.skipped) console.log(`${r.skipped} rows skipped:`);
      for (const p of r.problems) console.log(`  - ${p}`);
      if (r.skipped > r.problems.length) console.log(`  ... and ${r.skipped - r.problems.length} more`);
      if (r.passedOver.length) console.log(`Passed over (not street-level files): ${r.passedOver.length}`);
      console.log(
        `${r.dryRun ? 'Dry run: nothing was written.' : 'Done'} (${Math.round(performance.now() - started)} ms)`,
      );
    } else if (what === 'months') {
      const months = (await db.ctx.stores.crime.months()).sort((a, b) => a.month.localeCompare(b.month));
      if (!months.length) console.log('No police.uk data imported yet.');
      for (const m of months) console.log(`${m.month}  ${m.force}: ${m.rows} rows, imported ${m.importedAt}`);
    } else {
      const months = [...new Set((await db.ctx.stores.crime.months()).map((m) => m.month))];
      await rebuildTownMonths(db.ctx, months);
      console.log(`The towns' figures were counted again for ${months.length} months.`);
    }
  } finally {
    await db.close();
  }
}
