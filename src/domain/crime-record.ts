// One row of a police.uk street-level file (`YYYY-MM-<force>-street.csv`), checked. The files are published
// under the Open Government Licence with locations already anonymised to snap points ("On or near <street>"):
// they hold no personal data, and nothing here adds any. Anti-social behaviour rows have no Crime ID and no
// outcome; rows that could not be mapped have no coordinates and the location "No location".
import { fail, ok, type Result } from './result.js';

/** The columns of a street-level file, in police.uk's order and spelling. */
export const STREET_COLUMNS = [
  'Crime ID',
  'Month',
  'Reported by',
  'Falls within',
  'Longitude',
  'Latitude',
  'Location',
  'LSOA code',
  'LSOA name',
  'Crime type',
  'Last outcome category',
  'Context',
] as const;

/** The categories police.uk uses in street-level files. */
export const CRIME_TYPES = [
  'Anti-social behaviour',
  'Bicycle theft',
  'Burglary',
  'Criminal damage and arson',
  'Drugs',
  'Other crime',
  'Other theft',
  'Possession of weapons',
  'Public order',
  'Robbery',
  'Shoplifting',
  'Theft from the person',
  'Vehicle crime',
  'Violence and sexual offences',
] as const;
export type CrimeType = (typeof CRIME_TYPES)[number];

/** A month as police.uk writes it: "2026-09". */
export type CrimeMonth = string;
const CRIME_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export interface CrimeRecord {
  month: CrimeMonth;
  /** The force the record falls within ("Devon & Cornwall Police"). */
  force: string;
  crimeType: CrimeType;
  /** Null for "No location" rows: they count for the force only. */
  point: { lat: number; lng: number } | null;
  /** "On or near Lemon Street", or "No location". */
  location: string;
  lsoa: string | null;
  crimeId: string | null;
}

// Great Britain and Northern Ireland with a margin: a point outside is a broken row, not a place.
const BOUNDS = { latMin: 49.8, latMax: 61, lngMin: -8.7, lngMax: 2 };
const MAX_TEXT = 200;

/** A row as the CSV parser gives it (column name to text), checked; the problem in words when it is wrong. */
export function crimeRecordOf(
  row: Readonly<Record<string, string | undefined>>,
): Result<CrimeRecord, string> {
  const get = (column: (typeof STREET_COLUMNS)[number]) => (row[column] ?? '').trim();
  const month = get('Month');
  if (!CRIME_MONTH.test(month)) return fail(`Month "${month.slice(0, 20)}" is not a month like 2026-09`);
  const crimeType = CRIME_TYPES.find((t) => t === get('Crime type'));
  if (!crimeType) return fail(`Crime type "${get('Crime type').slice(0, 40)}" is not one police.uk uses`);
  const force = get('Falls within') || get('Reported by');
  if (!force || force.length > MAX_TEXT) return fail('"Falls within" is empty or too long');
  const location = get('Location');
  if (location.length > MAX_TEXT) return fail('Location is too long');
  const point = pointOf(get('Latitude'), get('Longitude'));
  if (point === 'bad') return fail('Latitude and Longitude are not a place in the UK');
  if (!point && location && location !== 'No location')
    return fail('A location without coordinates (only "No location" rows may have none)');
  const crimeId = get('Crime ID') || null;
  if (crimeId && crimeId.length > 100) return fail('Crime ID is too long');
  if (crimeType === 'Anti-social behaviour' && crimeId)
    return fail('An anti-social behaviour row has a Crime ID');
  const lsoa = get('LSOA code') || null;
  if (lsoa && !/^[EWN]\d{8}$/.test(lsoa)) return fail(`LSOA code "${lsoa.slice(0, 20)}" is not one`);
  return ok({ month, force, crimeType, point, location: location || 'No location', lsoa, crimeId });
}

function pointOf(lat: string, lng: string): { lat: number; lng: number } | null | 'bad' {
  if (!lat && !lng) return null;
  const la = Number(lat);
  const ln = Number(lng);
  if (!lat || !lng || !Number.isFinite(la) || !Number.isFinite(ln)) return 'bad';
  const inside = la >= BOUNDS.latMin && la <= BOUNDS.latMax && ln >= BOUNDS.lngMin && ln <= BOUNDS.lngMax;
  return inside ? { lat: la, lng: ln } : 'bad';
}

/** The month a file's name says it holds ("2026-09-devon-and-cornwall-street.csv"), or null. */
export function monthOfFileName(name: string): CrimeMonth | null {
  const m = /(?:^|[/\\])(\d{4}-\d{2})-[a-z0-9-]+-street\.csv$/i.exec(name);
  return m && CRIME_MONTH.test(m[1]!) ? m[1]! : null;
}

/** The months before a month, newest first: `monthsBack("2026-09", 3)` is 2026-09, 2026-08, 2026-07. */
export function monthsBack(month: CrimeMonth, count: number): CrimeMonth[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const index = y * 12 + (m - 1) - i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

/** How many months from one month to another: `monthsBetween("2026-01", "2026-03")` is 2. */
export function monthsBetween(from: CrimeMonth, to: CrimeMonth): number {
  const index = (m: CrimeMonth) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
  return index(to) - index(from);
}
