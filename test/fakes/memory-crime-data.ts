// The crime data store in memory, for unit tests: the same contract as store/crime-data.ts.
import type { CrimeDataStore, CrimeMonthSummary, StoredTownArea } from '../../src/app/ports.js';
import type { CrimeMonthData, CrimePoint, TownCrimeMonth } from '../../src/domain/crime-aggregate.js';

export function memoryCrimeData(): CrimeDataStore {
  const months = new Map<string, { summary: CrimeMonthSummary; points: CrimePoint[] }>();
  const towns = new Map<string, TownCrimeMonth>();
  const areas = new Map<string, StoredTownArea>();
  let version = 0;
  const copy = <T>(v: T): T => structuredClone(v);
  return {
    async replaceMonth(data: CrimeMonthData, meta: { importedAt: string; files: string[] }) {
      const { points, ...rest } = copy(data);
      months.set(`${data.force}|${data.month}`, {
        summary: { ...rest, points: points.length, importedAt: meta.importedAt, files: meta.files },
        points,
      });
    },
    async months() {
      return [...months.values()].map((m) => copy(m.summary));
    },
    async points(force, month) {
      return copy(months.get(`${force}|${month}`)?.points ?? []);
    },
    async saveTownMonths(_town, list) {
      for (const month of list) towns.set(`${month.town}|${month.month}`, copy(month));
      version++;
    },
    async townMonths(town) {
      return [...towns.values()].filter((m) => m.town === town).map(copy);
    },
    async area(town) {
      const a = areas.get(town);
      return a ? copy(a) : null;
    },
    async setArea(town, area) {
      areas.set(town, copy(area));
      version++;
    },
    async version() {
      return String(version);
    },
  };
}
