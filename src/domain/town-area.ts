// The area a town's profile counts: a GeoJSON polygon (or several) around it, or a list of LSOA codes. The
// ten towns ship with approximate polygons around their built-up areas (town-areas-data.ts); the board can
// replace one. A police.uk point belongs to every town whose area holds it.
import { z } from 'zod';

type Position = [lng: number, lat: number];
type Ring = Position[];

export type TownArea =
  | { kind: 'polygon'; polygons: Ring[][]; approximate: boolean; source: string }
  | { kind: 'lsoa'; codes: string[]; approximate: boolean; source: string };

const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).rest(z.number());
const ring = z
  .array(position)
  .min(4, 'A ring needs at least four positions (the first repeated last)')
  .max(5000);
const polygon = z.array(ring).min(1).max(50);

/** A GeoJSON Polygon or MultiPolygon, bare or as a Feature or a one-feature FeatureCollection. */
const geoJson = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: polygon }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(polygon).min(1).max(50) }),
]);
const feature = z.object({ type: z.literal('Feature'), geometry: geoJson });
const collection = z.object({ type: z.literal('FeatureCollection'), features: z.array(feature).length(1) });

/** An area as given (GeoJSON, or LSOA codes one per line or comma-separated), checked. */
export function townAreaOf(
  input: unknown,
  source: string,
): { ok: true; area: TownArea } | { ok: false; problem: string } {
  if (typeof input === 'string') {
    const codes = [...new Set(input.split(/[\s,;]+/).filter(Boolean))];
    const bad = codes.find((c) => !/^[EWN]\d{8}$/.test(c));
    if (!codes.length) return { ok: false, problem: 'No LSOA codes given' };
    if (bad) return { ok: false, problem: `"${bad.slice(0, 20)}" is not an LSOA code (like E01018899)` };
    if (codes.length > 2000) return { ok: false, problem: 'At most 2,000 LSOA codes' };
    return { ok: true, area: { kind: 'lsoa', codes, approximate: false, source } };
  }
  const parsed = z.union([geoJson, feature, collection]).safeParse(input);
  if (!parsed.success) return { ok: false, problem: 'Not a GeoJSON Polygon or MultiPolygon' };
  const value = parsed.data;
  const geometry =
    value.type === 'Feature'
      ? value.geometry
      : value.type === 'FeatureCollection'
        ? value.features[0]!.geometry
        : value;
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates).map((p) =>
    p.map((r) => r.map(([lng, lat]) => [lng, lat] as Position)),
  );
  return { ok: true, area: { kind: 'polygon', polygons, approximate: false, source } };
}

/** Whether a point lies in the area (even-odd rule: a hole's inside is outside). */
export function areaHolds(area: TownArea, point: { lat: number; lng: number }, lsoa: string | null): boolean {
  if (area.kind === 'lsoa') return lsoa !== null && area.codes.includes(lsoa);
  return area.polygons.some((rings) => rings.filter((r) => ringHolds(r, point)).length % 2 === 1);
}

function ringHolds(ring: Ring, { lat, lng }: { lat: number; lng: number }): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The box around a polygon area, widened by `marginDegrees` (null for an LSOA area: no geometry). */
export function boundsOf(area: TownArea, marginDegrees = 0) {
  if (area.kind === 'lsoa') return null;
  const all = area.polygons.flat(2);
  const lats = all.map((p) => p[1]);
  const lngs = all.map((p) => p[0]);
  return {
    latMin: Math.min(...lats) - marginDegrees,
    latMax: Math.max(...lats) + marginDegrees,
    lngMin: Math.min(...lngs) - marginDegrees,
    lngMax: Math.max(...lngs) + marginDegrees,
  };
}

/** An approximate area: a polygon around a centre, `radiusKm` out (for the shipped towns). */
export function circleArea(centre: { lat: number; lng: number }, radiusKm: number, source: string): TownArea {
  const steps = 24;
  const latKm = 111.32;
  const lngKm = 111.32 * Math.cos((centre.lat * Math.PI) / 180);
  const ring: Ring = Array.from({ length: steps + 1 }, (_, i) => {
    const angle = ((i % steps) / steps) * 2 * Math.PI;
    const lng = centre.lng + (radiusKm * Math.cos(angle)) / lngKm;
    const lat = centre.lat + (radiusKm * Math.sin(angle)) / latKm;
    return [Math.round(lng * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5];
  });
  return { kind: 'polygon', polygons: [[ring]], approximate: true, source };
}
