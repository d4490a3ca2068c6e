// Street-level files in police.uk's exact format, made up for tests and benchmarks: a force's month of rows
// round the programme's towns and across the county (ASB rows with no Crime ID or outcome, "No location" rows
// with no coordinates), deterministic for a seed.
import { createHash } from 'node:crypto';
import { CRIME_TYPES, STREET_COLUMNS, type CrimeType } from '../../src/domain/crime-record.js';

const FORCE = 'Devon & Cornwall Police';
/** Snap points: each town centre's streets, and some of the county's lanes. */
export const STREETS: readonly { location: string; lat: number; lng: number; town: string | null }[] = [
  { location: 'On or near Lemon Street', lat: 50.2619, lng: -5.0527, town: 'truro' },
  { location: 'On or near Boscawen Street', lat: 50.2635, lng: -5.0509, town: 'truro' },
  { location: 'On or near Victoria Square', lat: 50.2627, lng: -5.0545, town: 'truro' },
  { location: 'On or near Pydar Street', lat: 50.2648, lng: -5.0522, town: 'truro' },
  { location: 'On or near Market Jew Street', lat: 50.1192, lng: -5.5383, town: 'penzance' },
  { location: 'On or near Causewayhead', lat: 50.1205, lng: -5.5395, town: 'penzance' },
  { location: 'On or near Fore Street', lat: 50.2331, lng: -5.2262, town: 'redruth' },
  { location: 'On or near Trelowarren Street', lat: 50.2135, lng: -5.2985, town: 'camborne' },
  { location: 'On or near Killigrew Street', lat: 50.1527, lng: -5.0701, town: 'falmouth' },
  { location: 'On or near Bank Street', lat: 50.4157, lng: -5.0812, town: 'newquay' },
  { location: 'On or near Fore Street', lat: 50.3389, lng: -4.7903, town: 'st-austell' },
  { location: 'On or near Fore Street', lat: 50.4705, lng: -4.7203, town: 'bodmin' },
  { location: 'On or near Fore Street', lat: 50.4549, lng: -4.4652, town: 'liskeard' },
  { location: 'On or near Fore Street', lat: 50.4082, lng: -4.2163, town: 'saltash' },
  { location: 'On or near Sports/Recreation Area', lat: 50.55, lng: -4.9, town: null },
  { location: 'On or near Parking Area', lat: 50.7, lng: -4.3, town: null },
];

function random(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export interface FileOptions {
  month: string;
  rows: number;
  seed?: number;
  force?: string;
  /** Shares of each street (index into STREETS), default even. */
  weights?: readonly number[];
  /** Crime types to draw from, default all. */
  types?: readonly CrimeType[];
}

/** One month's street-level rows as CSV lines (header first), generated lazily. */
export function* streetRows({
  month,
  rows,
  seed = 1,
  force = FORCE,
  weights,
  types = CRIME_TYPES,
}: FileOptions): Generator<string> {
  const next = random(seed);
  yield STREET_COLUMNS.join(',');
  const w = weights ?? STREETS.map(() => 1);
  const sum = w.reduce((a, b) => a + b, 0);
  for (let i = 0; i < rows; i++) {
    const type = types[Math.floor(next() * types.length)]!;
    const noLocation = next() < 0.02;
    let pick = next() * sum;
    let s = 0;
    while (pick > w[s]! && s < w.length - 1) pick -= w[s++]!;
    const street = STREETS[s]!;
    const asb = type === 'Anti-social behaviour';
    const id = asb ? '' : createHash('sha256').update(`${force}${month}${seed}${i}`).digest('hex');
    yield [
      id,
      month,
      force,
      force,
      noLocation ? '' : street.lng.toFixed(6),
      noLocation ? '' : street.lat.toFixed(6),
      noLocation ? 'No location' : street.location,
      noLocation ? '' : 'E01018' + String(100 + s).padStart(3, '0'),
      noLocation ? '' : 'Cornwall 0' + String(10 + s) + 'A',
      type,
      asb ? '' : 'Investigation complete; no suspect identified',
      '',
    ]
      .map(quote)
      .join(',');
  }
}

/** The whole file as one string (small fixtures). */
export const streetCsv = (options: FileOptions) => [...streetRows(options)].join('\r\n') + '\r\n';

/**
 * A year of Truro in which Lemon Street was busy for six months and quieter for the next six (a response
 * between them), with Victoria Square's rows moved 1.5 km east to "Tregolls Road": a Truro street beyond the
 * 400 m a place assessment checks, so the rest of the town has something to compare with.
 */
export function lemonStreetYear(before: readonly string[], after: readonly string[]) {
  const lemon = STREETS.findIndex((s) => s.location === 'On or near Lemon Street');
  const moveFar = (csv: string) =>
    csv.replaceAll(
      '-5.054500,50.262700,On or near Victoria Square',
      '-5.031000,50.266500,On or near Tregolls Road',
    );
  return [...before, ...after].map((month, i) => {
    const weights = STREETS.map((_, s) => (s === lemon ? (before.includes(month) ? 6 : 2) : 1));
    return { month, csv: moveFar(streetCsv({ month, rows: 300, seed: 40 + i, weights })) };
  });
}

/** Rows of these files in these months on these streets, counted from the files themselves. */
export const rowsOn = (
  files: readonly { month: string; csv: string }[],
  months: readonly string[],
  streets: readonly string[],
) =>
  files
    .filter((f) => months.includes(f.month))
    .flatMap((f) => f.csv.split('\r\n'))
    .filter((line) => streets.some((s) => line.includes(`,${s},`))).length;
