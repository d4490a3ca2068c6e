// police.uk's open data as imported. A force's month is replaced whole without transactions: its points are
// written first, in chunks under a new import id; then the month's one summary document switches to that id
// (the only write readers see); then the old chunks go. A crash before the switch leaves the old month in
// force and orphan chunks that the next import of the month removes. Town months are derived (rebuilt from
// the points after an import or an area change) and replaced one document per town and month.
import { randomUUID } from 'node:crypto';
import type { Collection, Db } from 'mongodb';
import { guard, retryBusy } from './driver-errors.js';
import { upsertById } from './upsert.js';
import type { CrimeDataStore, CrimeMonthSummary, StoredTownArea } from '../app/ports.js';
import type { CrimeMonthData, CrimePoint, TownCrimeMonth } from '../domain/crime-aggregate.js';
import type { CrimeMonth } from '../domain/crime-record.js';
import type { TownSlug } from '../domain/towns.js';

type MonthDoc = CrimeMonthSummary & { _id: string; importId: string };
type ChunkDoc = {
  _id: string;
  importId: string;
  force: string;
  month: CrimeMonth;
  seq: number;
  points: CrimePoint[];
};
/** One document per town holding all its months: a profile is one read by _id. */
type TownDoc = { _id: string; months: TownCrimeMonth[] };
/** A polygon area's rings are kept as JSON text: arrays of arrays, which FerretDB 1.x cannot store, and never queried. */
type StateDoc = { _id: string; version: string };
type AreaDoc = Omit<StoredTownArea, 'polygons' | 'codes'> & {
  _id: string;
  polygons?: string;
  codes?: string[];
};

/** Points per stored chunk: a few large documents write far faster than thousands of small ones. */
const CHUNK = 4_000;

export class MongoCrimeData implements CrimeDataStore {
  private readonly monthsCol: Collection<MonthDoc>;
  private readonly chunks: Collection<ChunkDoc>;
  private readonly towns: Collection<TownDoc>;
  private readonly areas: Collection<AreaDoc>;
  private readonly state: Collection<StateDoc>;

  constructor(db: Db) {
    this.monthsCol = db.collection<MonthDoc>('crime_months');
    this.chunks = db.collection<ChunkDoc>('crime_points');
    this.towns = db.collection<TownDoc>('town_crime_months');
    this.areas = db.collection<AreaDoc>('town_areas');
    this.state = db.collection<StateDoc>('crime_state');
  }

  replaceMonth(data: CrimeMonthData, meta: { importedAt: string; files: string[] }): Promise<void> {
    return guard('save the crime data', async () => {
      const importId = randomUUID();
      const { force, month, points } = data;
      for (let seq = 0; seq * CHUNK < points.length || seq === 0; seq++) {
        const part = points.slice(seq * CHUNK, (seq + 1) * CHUNK);
        const doc = { _id: `${importId}:${seq}`, importId, force, month, seq, points: part };
        await retryBusy(() => this.chunks.insertOne(doc));
      }
      const summary: Omit<MonthDoc, '_id'> = {
        force,
        month,
        rows: data.rows,
        byType: data.byType,
        noLocation: data.noLocation,
        points: points.length,
        importedAt: meta.importedAt,
        files: meta.files.slice(0, 50),
        importId,
      };
      await upsertById(this.monthsCol, keyOf(force, month), summary);
      await retryBusy(() => this.chunks.deleteMany({ force, month, importId: { $ne: importId } }));
    });
  }

  months(): Promise<CrimeMonthSummary[]> {
    return guard('read the crime data', async () =>
      (await this.monthsCol.find({}).toArray()).map(({ _id: _ignored, importId: _id2, ...m }) => m),
    );
  }

  points(force: string, month: CrimeMonth): Promise<CrimePoint[]> {
    return guard('read the crime data', async () => {
      const summary = await this.monthsCol.findOne({ _id: keyOf(force, month) });
      if (!summary) return [];
      const chunks = await this.chunks.find({ importId: summary.importId }).sort({ seq: 1 }).toArray();
      return chunks.flatMap((c) => c.points);
    });
  }

  saveTownMonths(town: TownSlug, months: readonly TownCrimeMonth[]): Promise<void> {
    return guard('save a town profile', async () => {
      const replaced = new Set(months.map((m) => m.month));
      const kept = ((await this.towns.findOne({ _id: town }))?.months ?? []).filter(
        (m) => !replaced.has(m.month),
      );
      const all = [...kept, ...months].sort((a, b) => a.month.localeCompare(b.month));
      await retryBusy(() => this.towns.replaceOne({ _id: town }, { months: all }, { upsert: true }));
      await this.bump();
    });
  }

  townMonths(town: TownSlug): Promise<TownCrimeMonth[]> {
    return guard('read a town profile', async () => (await this.towns.findOne({ _id: town }))?.months ?? []);
  }

  area(town: TownSlug): Promise<StoredTownArea | null> {
    return guard('read a town area', async () => {
      const doc = await this.areas.findOne({ _id: town });
      if (!doc) return null;
      const { _id: _ignored, polygons, codes, kind, ...rest } = doc;
      if (kind === 'polygon') return { ...rest, kind, polygons: JSON.parse(polygons ?? '[]') as never };
      return { ...rest, kind, codes: codes ?? [] };
    });
  }

  setArea(town: TownSlug, area: StoredTownArea): Promise<void> {
    return guard('save a town area', async () => {
      const doc: Omit<AreaDoc, '_id'> =
        area.kind === 'polygon' ? { ...area, polygons: JSON.stringify(area.polygons) } : { ...area };
      await retryBusy(() => this.areas.replaceOne({ _id: town }, doc, { upsert: true }));
      await this.bump();
    });
  }
  version(): Promise<string> {
    return guard(
      'read the crime data',
      async () => (await this.state.findOne({ _id: 'state' }))?.version ?? '',
    );
  }

  private bump(): Promise<void> {
    return upsertById(this.state, 'state', { version: randomUUID() });
  }
}

const keyOf = (a: string, b: string) => `${a}|${b}`;
