// The programme's towns, as data: the ten Safer Towns of the seed are where a new install starts, and a
// board member adds, renames or retires towns at run time (app/programme.ts). The directory below is the
// programme's towns as last loaded from the store; the lookups read it, so every rule, card and command
// sees a town added after start-up. `TOWNS` and `ALL_TOWNS` are live bindings: importers see each change.
import { z } from 'zod';
import { AppError } from '../errors.js';

export interface Town {
  /** Stable id, from the first name: "st-austell". */
  readonly slug: string;
  readonly name: string;
  /** Prefixes human references such as TRU-014; never changes, never reused. */
  readonly code: string;
  /** Other spellings that find the town (former names among them). */
  readonly aliases: readonly string[];
  /** A retired town keeps its records and history, read-only, and leaves the lists. */
  readonly status: 'active' | 'retired';
}

export type TownSlug = string;

/** The seed's ten designated Safer Towns. */
export const SEED_TOWNS: readonly Town[] = [
  ['penzance', 'Penzance', 'PNZ'],
  ['redruth', 'Redruth', 'RED'],
  ['camborne', 'Camborne', 'CAM'],
  ['falmouth', 'Falmouth', 'FAL'],
  ['truro', 'Truro', 'TRU'],
  ['newquay', 'Newquay', 'NQY'],
  ['st-austell', 'St Austell', 'STA'],
  ['bodmin', 'Bodmin', 'BOD'],
  ['liskeard', 'Liskeard', 'LIS'],
  ['saltash', 'Saltash', 'SAL'],
].map(([slug, name, code]) => ({
  slug: slug!,
  name: name!,
  code: code!,
  aliases: slug === 'st-austell' ? ['saint austell'] : [],
  status: 'active' as const,
}));

/** Every town of the programme, retired ones too (for lookups, references, retention, erasure). */
export let ALL_TOWNS: readonly Town[] = SEED_TOWNS.slice();
/** The active towns, in the programme's order (for lists, the board, reminders and digests). */
export let TOWNS: readonly Town[] = SEED_TOWNS.slice();
let byKey = keysOf(SEED_TOWNS);

/** Makes these the towns every lookup sees (the programme as loaded or just changed). */
export function useTowns(towns: readonly Town[]): void {
  ALL_TOWNS = towns;
  TOWNS = towns.filter((t) => t.status === 'active');
  byKey = keysOf(towns);
}

/** Lower case, no punctuation or spaces, "saint" as "st": `St. Austell`, `st austell`, `staustell` agree. */
function townKey(input: string): string {
  return input
    .normalize('NFKD')
    .toLowerCase()
    .replace(/\bsaint\b/g, 'st')
    .replace(/[^a-z]/g, '');
}

function keysOf(towns: readonly Town[]): Map<string, Town> {
  return new Map(towns.flatMap((t) => [t.slug, t.name, ...t.aliases].map((k) => [townKey(k), t] as const)));
}

/** The key a name would take: a town's names and aliases may not share one. */
export const keyOfName = townKey;

/** Finds a town by slug, name or alias (not by code: "red" is a colour before it is Redruth), forgiving case, dots, spaces and hyphens. */
export function findTown(input: string): Town | undefined {
  return byKey.get(townKey(input));
}

export function townBySlug(slug: TownSlug): Town {
  const town = ALL_TOWNS.find((t) => t.slug === slug);
  if (!town) throw AppError.internal(`unknown town slug ${slug}`);
  return town;
}

const names = () => TOWNS.map((t) => t.name).join(', ');
const WORDS =
  'no one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'.split(
    ' ',
  );
/** "the ten Safer Towns", as many as there are now. */
const theTowns = () => `the ${countOfTowns()} Safer Towns`;
/** How many active towns there are, in words up to twenty ("ten"). */
export const countOfTowns = () => WORDS[TOWNS.length] ?? String(TOWNS.length);

/** A town's slug, as cards send it: any town of the programme (a retired one's records are still read). */
export const townSlugSchema = z
  .string()
  .max(60)
  .refine((slug) => ALL_TOWNS.some((t) => t.slug === slug), {
    error: () => `must be one of ${theTowns()}: ${names()}`,
  });

/** The active town nearest in spelling to what was typed, if it is near enough to be a slip. */
function closestTown(input: string): Town | null {
  const want = townKey(input);
  let best: { town: Town; distance: number } | null = null;
  for (const town of TOWNS)
    for (const key of [town.name, ...town.aliases].map(townKey)) {
      const distance = editDistance(want, key);
      if (!best || distance < best.distance) best = { town, distance };
    }
  return best && best.distance <= Math.max(1, Math.ceil(want.length / 3)) ? best.town : null;
}

/**
 * What to say about a name that is not an active town: retired, or unknown (with the nearest). `quoted` is
 * how the reply may name what was typed (quote-back.ts decides: the words only if the guard passes them).
 */
export function notAnActiveTown(input: string, quoted = `"${input}"`): string {
  const found = findTown(input);
  const near = closestTown(input);
  const hint = near ? ` Did you mean ${near.name}?` : '';
  if (found?.status === 'retired')
    return `Safer ${found.name} is retired: its records are kept, read-only.${hint} The Safer Towns are ${names()}.`;
  return `I don't know the town ${quoted}.${hint} The Safer Towns are ${names()}.`;
}

export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
