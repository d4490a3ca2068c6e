// What an import keeps of police.uk's rows: per force and month, the totals by crime type, and the points
// near the programme's towns (a snap point, its street and LSOA, the type and how many); per town and
// month, the counts inside the town's area, by type and by street. Rows are counted as they stream past,
// so memory grows with the number of distinct points near the towns, never with the file.
import { CRIME_TYPES, type CrimeMonth, type CrimeRecord, type CrimeType } from './crime-record.js';
import { areaHolds, type TownArea } from './town-area.js';
import type { TownSlug } from './towns.js';

export type TypeCounts = Partial<Record<CrimeType, number>>;

export interface CrimePoint {
  lat: number;
  lng: number;
  location: string;
  lsoa: string | null;
  crimeType: CrimeType;
  count: number;
}

/** One force's month as imported. */
export interface CrimeMonthData {
  force: string;
  month: CrimeMonth;
  rows: number;
  byType: TypeCounts;
  /** Rows with no coordinates: they count for the force only. */
  noLocation: number;
  points: CrimePoint[];
}

/** One town's month: counts inside its area, by type and by street. */
export interface TownCrimeMonth {
  town: TownSlug;
  month: CrimeMonth;
  byType: TypeCounts;
  streets: { location: string; lat: number; lng: number; byType: TypeCounts }[];
}

/** Adds one force's rows of one month as they come. */
export class MonthAccumulator {
  private readonly byType: TypeCounts = {};
  private readonly points = new Map<string, CrimePoint>();
  private rows = 0;
  private noLocation = 0;

  constructor(
    readonly force: string,
    readonly month: CrimeMonth,
    /** Whether a point is near enough to a town to keep (the towns' areas, widened). */
    private readonly near: (point: { lat: number; lng: number }, lsoa: string | null) => boolean,
  ) {}

  add(record: CrimeRecord): void {
    this.rows++;
    this.byType[record.crimeType] = (this.byType[record.crimeType] ?? 0) + 1;
    if (!record.point) {
      this.noLocation++;
      return;
    }
    if (!this.near(record.point, record.lsoa)) return;
    const key = `${record.point.lat},${record.point.lng},${record.crimeType}`;
    const known = this.points.get(key);
    if (known) known.count++;
    else
      this.points.set(key, {
        ...record.point,
        location: record.location,
        lsoa: record.lsoa,
        crimeType: record.crimeType,
        count: 1,
      });
  }

  result(): CrimeMonthData {
    return {
      force: this.force,
      month: this.month,
      rows: this.rows,
      byType: { ...this.byType },
      noLocation: this.noLocation,
      points: [...this.points.values()],
    };
  }
}

/** A town's month from the points of every force that month. */
export function townMonth(
  town: TownSlug,
  month: CrimeMonth,
  area: TownArea,
  points: readonly CrimePoint[],
): TownCrimeMonth {
  const byType: TypeCounts = {};
  const streets = new Map<string, TownCrimeMonth['streets'][number]>();
  for (const p of points) {
    if (!areaHolds(area, p, p.lsoa)) continue;
    byType[p.crimeType] = (byType[p.crimeType] ?? 0) + p.count;
    const key = `${p.location}|${p.lat},${p.lng}`;
    const street = streets.get(key) ?? { location: p.location, lat: p.lat, lng: p.lng, byType: {} };
    street.byType[p.crimeType] = (street.byType[p.crimeType] ?? 0) + p.count;
    streets.set(key, street);
  }
  return { town, month, byType, streets: [...streets.values()] };
}

/** All the counts of a set of type counts, or of one type. */
export function total(counts: TypeCounts, type?: CrimeType): number {
  if (type) return counts[type] ?? 0;
  return CRIME_TYPES.reduce((sum, t) => sum + (counts[t] ?? 0), 0);
}
