// police.uk street-level rows, town areas and the profile: the rules the import and the profile card rest on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { STREET_COLUMNS } from '../../../src/domain/crime-record.js';
import { crimeRecordOf, monthOfFileName, monthsBack } from '../../../src/domain/crime-record.js';
import { MonthAccumulator, townMonth, total } from '../../../src/domain/crime-aggregate.js';
import { areaHolds, circleArea, townAreaOf } from '../../../src/domain/town-area.js';
import { townProfile } from '../../../src/domain/town-profile.js';
import { evidenceFigure } from '../../../src/domain/priority-evidence.js';
import { shippedArea } from '../../../src/domain/town-areas-data.js';

const row = (over: Partial<Record<(typeof STREET_COLUMNS)[number], string>> = {}) => ({
  'Crime ID': 'a'.repeat(64),
  Month: '2026-09',
  'Reported by': 'Devon & Cornwall Police',
  'Falls within': 'Devon & Cornwall Police',
  Longitude: '-5.052700',
  Latitude: '50.261900',
  Location: 'On or near Lemon Street',
  'LSOA code': 'E01018899',
  'LSOA name': 'Cornwall 045A',
  'Crime type': 'Shoplifting',
  'Last outcome category': 'Under investigation',
  Context: '',
  ...over,
});

describe('a police.uk street-level row', () => {
  it('is read as police.uk writes it, ASB with no Crime ID and "No location" with no coordinates', () => {
    expect(crimeRecordOf(row())).toMatchObject({
      ok: true,
      value: { month: '2026-09', crimeType: 'Shoplifting', point: { lat: 50.2619, lng: -5.0527 } },
    });
    const asb = crimeRecordOf(
      row({ 'Crime ID': '', 'Crime type': 'Anti-social behaviour', 'Last outcome category': '' }),
    );
    expect(asb).toMatchObject({ ok: true, value: { crimeId: null } });
    const nowhere = crimeRecordOf(
      row({ Longitude: '', Latitude: '', Location: 'No location', 'LSOA code': '', 'LSOA name': '' }),
    );
    expect(nowhere).toMatchObject({ ok: true, value: { point: null, lsoa: null } });
  });

  it.each([
    [{ Month: '2026-13' }, 'not a month'],
    [{ 'Crime type': 'Littering' }, 'not one police.uk uses'],
    [{ Latitude: '91' }, 'not a place in the UK'],
    [{ Latitude: '40.7', Longitude: '-74' }, 'not a place in the UK'],
    [{ Latitude: 'north' }, 'not a place in the UK'],
    [{ Longitude: '', Latitude: '' }, 'A location without coordinates'],
    [{ 'Crime type': 'Anti-social behaviour' }, 'has a Crime ID'],
    [{ 'LSOA code': 'Truro' }, 'is not one'],
    [{ 'Falls within': '', 'Reported by': '' }, '"Falls within" is empty'],
  ])('%j is refused: %s', (over, message) => {
    const result = crimeRecordOf(row(over));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });

  it('names its month from the file name, and counts months back across a year', () => {
    expect(monthOfFileName('data/2026-09-devon-and-cornwall-street.csv')).toBe('2026-09');
    expect(monthOfFileName('2026-09-devon-and-cornwall-outcomes.csv')).toBeNull();
    expect(monthsBack('2026-02', 4)).toEqual(['2026-02', '2026-01', '2025-12', '2025-11']);
  });
});

describe('a town area', () => {
  const square = townAreaOf(
    {
      type: 'Polygon',
      coordinates: [
        [
          [-5.06, 50.25],
          [-5.04, 50.25],
          [-5.04, 50.27],
          [-5.06, 50.27],
          [-5.06, 50.25],
        ],
      ],
    },
    'test',
  );
  it('holds the points inside its polygon and none outside (property)', () => {
    if (!square.ok) throw new Error(square.problem);
    fc.assert(
      fc.property(
        fc.double({ min: 50.2, max: 50.32, noNaN: true }),
        fc.double({ min: -5.1, max: -5.0, noNaN: true }),
        (lat, lng) => {
          const inside = lat > 50.25 && lat < 50.27 && lng > -5.06 && lng < -5.04;
          const onEdge = [50.25, 50.27].includes(lat) || [-5.06, -5.04].includes(lng);
          if (!onEdge) expect(areaHolds(square.area, { lat, lng }, null)).toBe(inside);
        },
      ),
    );
  });

  it('treats a hole as outside, and an LSOA area by its codes', () => {
    const holed = townAreaOf(
      {
        type: 'Feature',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [0, 50],
              [1, 50],
              [1, 51],
              [0, 51],
              [0, 50],
            ],
            [
              [0.4, 50.4],
              [0.6, 50.4],
              [0.6, 50.6],
              [0.4, 50.6],
              [0.4, 50.4],
            ],
          ],
        },
      },
      'test',
    );
    if (!holed.ok) throw new Error(holed.problem);
    expect(areaHolds(holed.area, { lat: 50.2, lng: 0.2 }, null)).toBe(true);
    expect(areaHolds(holed.area, { lat: 50.5, lng: 0.5 }, null)).toBe(false);
    const lsoa = townAreaOf('E01018899, E01018900', 'test');
    if (!lsoa.ok) throw new Error(lsoa.problem);
    expect(areaHolds(lsoa.area, { lat: 0, lng: 0 }, 'E01018900')).toBe(true);
    expect(areaHolds(lsoa.area, { lat: 0, lng: 0 }, 'E01000001')).toBe(false);
  });

  it('refuses what is not an area, saying why', () => {
    expect(townAreaOf({ type: 'Point', coordinates: [0, 0] }, 't')).toEqual({
      ok: false,
      problem: 'Not a GeoJSON Polygon or MultiPolygon',
    });
    const bad = townAreaOf('E0101 Truro', 't');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problem).toContain('is not an LSOA code');
  });

  it('ships for the ten towns, approximate, round each centre', () => {
    const truro = shippedArea('truro')!;
    expect(truro.approximate).toBe(true);
    expect(areaHolds(truro, { lat: 50.2619, lng: -5.0527 }, null)).toBe(true);
    expect(areaHolds(truro, { lat: 50.1186, lng: -5.5371 }, null)).toBe(false);
    expect(shippedArea('exeter')).toBeNull();
  });
});

describe('counts and the profile', () => {
  const area = circleArea({ lat: 50.26, lng: -5.05 }, 2, 'test');
  const inTown = { lat: 50.2619, lng: -5.0527 };

  it('counts every row once, in the town only when its point is in the area (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            inside: fc.boolean(),
            type: fc.constantFrom('Shoplifting' as const, 'Drugs' as const, 'Anti-social behaviour' as const),
            located: fc.boolean(),
          }),
          { maxLength: 200 },
        ),
        (rows) => {
          const month = new MonthAccumulator('Devon & Cornwall Police', '2026-09', () => true);
          for (const r of rows)
            month.add({
              month: '2026-09',
              force: 'Devon & Cornwall Police',
              crimeType: r.type,
              point: r.located ? (r.inside ? inTown : { lat: 50.5, lng: -4.5 }) : null,
              location: r.located ? 'On or near Lemon Street' : 'No location',
              lsoa: null,
              crimeId: null,
            });
          const data = month.result();
          expect(data.rows).toBe(rows.length);
          expect(total(data.byType)).toBe(rows.length);
          const town = townMonth('truro', '2026-09', area, data.points);
          expect(total(town.byType)).toBe(rows.filter((r) => r.located && r.inside).length);
        },
      ),
    );
  });

  it('compares the twelve months to the latest with the twelve before, and finds repeat locations', () => {
    const months = monthsBack('2026-09', 24).map((month, i) => ({
      town: 'truro',
      month,
      byType: { Shoplifting: i < 12 ? 12 : 10, Drugs: 1 },
      streets: [
        {
          location: 'On or near Lemon Street',
          lat: 50.26,
          lng: -5.05,
          byType: { Shoplifting: i < 12 ? 12 : 10 },
        },
        ...(i < 4
          ? [{ location: 'On or near Pydar Street', lat: 50.26, lng: -5.05, byType: { Drugs: 1 } }]
          : []),
      ],
    }));
    const p = townProfile('truro', months, '2026-09');
    expect(p.total).toEqual({ now: 156, before: 132, percent: 18 });
    expect(p.byType.find((t) => t.type === 'Drugs')).toMatchObject({
      now: 12,
      before: 12,
      percent: 0, // twelve before: enough to compare
    });
    expect(p.monthly).toHaveLength(24);
    expect(p.monthly.at(-1)).toEqual({ month: '2026-09', count: 13, antiSocial: 0 });
    expect(p.topStreets[0]).toEqual({ location: 'On or near Lemon Street', count: 144 });
    expect(p.repeatLocations.map((r) => [r.location, r.months])).toEqual([
      ['On or near Lemon Street', 6],
      ['On or near Pydar Street', 4],
    ]);
    expect(townProfile('truro', months.slice(1), '2026-09').missing).toEqual(['2026-09']);
  });
});

describe('the figure a priority cites', () => {
  const months = monthsBack('2026-09', 24).map((month, i) => ({
    town: 'truro',
    month,
    byType: { Shoplifting: 30 },
    streets: [
      { location: 'On or near Lemon Street', lat: 0, lng: 0, byType: { Shoplifting: i < 6 ? 2 : 4 } },
    ],
  }));

  it('counts its type at its street, per month since the plan began against as many months before', () => {
    const f = evidenceFigure(
      { crimeType: 'Shoplifting', location: 'On or near Lemon Street' },
      months,
      '2026-04-01',
      '2026-09',
    );
    expect(f.label).toBe('Shoplifting, on or near Lemon Street');
    expect(f.lastYear).toBe(6 * 2 + 6 * 4);
    expect(f.since).toEqual({ from: '2026-04', months: 6, perMonth: 2 });
    expect(f.before).toEqual({ months: 6, perMonth: 4 });
    expect(f.percent).toBe(-50);
  });

  it('says nothing of a trend without data from before the plan, and counts the whole town when no street is named', () => {
    const f = evidenceFigure(
      { crimeType: null, location: null },
      months.slice(0, 6),
      '2026-04-01',
      '2026-09',
    );
    expect(f.label).toBe('All crime and anti-social behaviour in the town');
    expect(f.before).toBeNull();
    expect(f.percent).toBeNull();
  });
});
