// `npm run towns -- list | add --name Helston --code HEL | rename --town Helston --name "…" | retire --town …`:
// the programme's towns, changed by an operator (audited as the system) as a board member would in Teams.
// `area --town Truro --geojson truro.geojson` (or `--lsoa "E01018899 E01018900 ..."`) redraws the area a
// town's police.uk profile counts.
import { changeTowns, ensureProgramme, type TownChange } from '../src/app/programme.js';
import { loadConfig } from '../src/config.js';
import { AppError } from '../src/errors.js';
import { SYSTEM_ACTOR } from '../src/domain/entity.js';
import { ALL_TOWNS, findTown } from '../src/domain/towns.js';
import { openDatabase } from './open-database.js';
import { UsageError } from './cli.js';
import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { setTownArea } from '../src/app/town-areas.js';
import type { AppContext } from '../src/app/context.js';
import { usageOf } from './cli-usage.js';

const USAGE = usageOf('towns');

const OPTIONS = {
  name: { type: 'string' },
  code: { type: 'string' },
  town: { type: 'string' },
  geojson: { type: 'string' },
  lsoa: { type: 'string' },
} as const;

function readArgs(args: string[]) {
  try {
    const read = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: true });
    if (!['list', 'add', 'rename', 'retire', 'area'].includes(read.positionals[0] ?? ''))
      throw new Error('Say what to do with the towns.');
    return read;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\nUsage: ${USAGE}`);
  }
}

/** The change the arguments ask for (towns are looked up in the stored programme, so after it is loaded). */
function changeFrom({ positionals, values }: ReturnType<typeof readArgs>): TownChange | 'list' {
  const [what] = positionals;
  const town = () => {
    const found = values.town ? findTown(values.town) : undefined;
    if (!found) throw new UsageError(`--town: "${values.town ?? ''}" is not a town\nUsage: ${USAGE}`);
    return found.slug;
  };
  const need = (key: 'name' | 'code') => {
    if (!values[key]) throw new UsageError(`Missing --${key}\nUsage: ${USAGE}`);
    return values[key];
  };
  switch (what) {
    case 'list':
      return 'list';
    case 'add':
      return { kind: 'add', name: need('name'), code: need('code') };
    case 'rename':
      return { kind: 'rename', town: town(), name: need('name') };
    case 'retire':
      return { kind: 'retire', town: town() };
    default:
      throw new UsageError(`Say what to do with the towns.\nUsage: ${USAGE}`);
  }
}

export async function main(argv: readonly string[]): Promise<void> {
  const args = readArgs([...argv]);
  const db = await openDatabase(loadConfig(process.env));
  try {
    await ensureProgramme(db.ctx);
    if (args.positionals[0] === 'area') return await redrawArea(db.ctx, args.values);
    const change = changeFrom(args);
    if (change !== 'list') {
      const result = await changeTowns(db.ctx, SYSTEM_ACTOR, change);
      if (!result.ok) {
        const { message, issues } = result.error;
        throw new AppError(result.error.code, [message, ...issues.map((i) => `  - ${i.message}`)].join('\n'));
      }
    }
    for (const t of ALL_TOWNS)
      console.log(`${t.code}  ${t.name}${t.status === 'retired' ? '  (retired)' : ''}`);
  } finally {
    await db.close();
  }
}

/** `area`: a town's area from a GeoJSON file or a list of LSOA codes. */
async function redrawArea(ctx: AppContext, values: ReturnType<typeof readArgs>['values']): Promise<void> {
  const town = values.town ? findTown(values.town) : undefined;
  if (!town) throw new UsageError(`--town: "${values.town ?? ''}" is not a town\nUsage: ${USAGE}`);
  if (!values.geojson === !values.lsoa)
    throw new UsageError(`Give --geojson <file> or --lsoa "<codes>"\nUsage: ${USAGE}`);
  let input: unknown = values.lsoa;
  if (values.geojson) {
    const text = await readFile(values.geojson, 'utf8').catch(() => null);
    if (text === null) throw new UsageError(`No file at ${values.geojson}`);
    try {
      input = JSON.parse(text);
    } catch {
      throw new AppError('validation', `${values.geojson} is not JSON: nothing was changed`);
    }
  }
  const source = values.geojson ? `GeoJSON ${basename(values.geojson)}` : 'LSOA codes';
  const result = await setTownArea(ctx, SYSTEM_ACTOR, town.slug, input, source);
  if (!result.ok) throw new AppError(result.error.code, result.error.message);
  console.log(`${town.name}'s area is now ${source}; its profile was counted again.`);
}
