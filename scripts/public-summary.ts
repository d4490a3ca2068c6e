// `npm run public-summary -- --town Truro [--out public]`: the town's public page as Markdown and HTML,
// from records marked public only (see docs in the README).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OPERATOR } from '../src/app/appoint.js';
import { buildPublicSummary } from '../src/app/public-summary.js';
import { loadConfig } from '../src/config.js';
import { publicHtml, publicMarkdown } from '../src/domain/public-summary.js';
import { findTown } from '../src/domain/towns.js';
import { openDatabase } from './open-database.js';
import { parseCli, UsageError } from './cli.js';
import { usageOf } from './cli-usage.js';

const USAGE = usageOf('public-summary');

export async function main(args: readonly string[]): Promise<void> {
  const { values } = parseCli(
    args,
    { town: { type: 'string' }, out: { type: 'string', default: 'public' } },
    USAGE,
  );
  const town = findTown(values.town ?? '');
  if (!town)
    throw new UsageError(`--town must be one of the ten towns, not "${values.town ?? ''}"\nUsage: ${USAGE}`);
  const db = await openDatabase(loadConfig(process.env));
  try {
    const summary = await buildPublicSummary(db.ctx, OPERATOR, town.slug);
    if (!summary.ok) throw summary.error;
    await mkdir(values.out, { recursive: true });
    const md = join(values.out, `${town.slug}.md`);
    const html = join(values.out, `${town.slug}.html`);
    await writeFile(md, publicMarkdown(summary.value));
    await writeFile(html, publicHtml(summary.value));
    console.log(
      `${md} and ${html}: ${summary.value.priorities.length} priorities, ${summary.value.events.length} events.`,
    );
    if (summary.value.withheld)
      console.log(`${summary.value.withheld} lines were left out because they looked like personal details.`);
  } finally {
    await db.close();
  }
}
