// The port to police.uk's data as imported and the towns' areas (store/crime-data.ts implements it).
import type { CrimeMonth } from '../domain/crime-record.js';
import type { CrimeMonthData, CrimePoint, TownCrimeMonth, TypeCounts } from '../domain/crime-aggregate.js';
import type { TownArea } from '../domain/town-area.js';
import type { TownSlug } from '../domain/towns.js';

/** A force's month as imported, without its points. */
export interface CrimeMonthSummary {
  force: string;
  month: CrimeMonth;
  rows: number;
  byType: TypeCounts;
  noLocation: number;
  points: number;
  importedAt: string;
  files: string[];
}

/** A town's area as stored: who set it and when (the shipped ones by nobody). */
export type StoredTownArea = TownArea & { setBy: string | null; at: string | null };

/** police.uk's open data as imported (summaries, points near the towns, towns' months) and the towns' areas. */
export interface CrimeDataStore {
  /** A force's month, replaced whole: readers see the old one or the new one, never a mix. */
  replaceMonth(data: CrimeMonthData, meta: { importedAt: string; files: string[] }): Promise<void>;
  months(): Promise<CrimeMonthSummary[]>;
  points(force: string, month: CrimeMonth): Promise<CrimePoint[]>;
  /** Replaces these months of one town (its other months kept): one write per town. */
  saveTownMonths(town: TownSlug, months: readonly TownCrimeMonth[]): Promise<void>;
  townMonths(town: TownSlug): Promise<TownCrimeMonth[]>;
  area(town: TownSlug): Promise<StoredTownArea | null>;
  setArea(town: TownSlug, area: StoredTownArea): Promise<void>;
  /** Changes whenever a town's months or area change (every instance sees it): what a profile may be kept by. */
  version(): Promise<string>;
}
