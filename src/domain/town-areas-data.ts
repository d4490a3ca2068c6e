// The areas the ten Safer Towns ship with: a circle of polygon points round each town's centre, its radius
// set to take in the built-up area and little beyond. Approximate, and said to be wherever a profile is shown;
// the board replaces one with the town's real boundary (a GeoJSON polygon or its LSOA codes) when it has one.
import { circleArea, type TownArea } from './town-area.js';
import type { TownSlug } from './towns.js';

const SHIPPED: Record<string, { lat: number; lng: number; radiusKm: number }> = {
  penzance: { lat: 50.1186, lng: -5.5371, radiusKm: 1.8 },
  redruth: { lat: 50.233, lng: -5.2264, radiusKm: 1.5 },
  camborne: { lat: 50.213, lng: -5.298, radiusKm: 1.6 },
  falmouth: { lat: 50.1526, lng: -5.0663, radiusKm: 2 },
  truro: { lat: 50.2632, lng: -5.051, radiusKm: 2 },
  newquay: { lat: 50.4155, lng: -5.0737, radiusKm: 2.2 },
  'st-austell': { lat: 50.339, lng: -4.79, radiusKm: 2.2 },
  bodmin: { lat: 50.47, lng: -4.72, radiusKm: 1.6 },
  liskeard: { lat: 50.4548, lng: -4.465, radiusKm: 1.3 },
  saltash: { lat: 50.408, lng: -4.216, radiusKm: 1.6 },
};

/** The area a town ships with, or null for a town added later (the board gives it one). */
export function shippedArea(town: TownSlug): TownArea | null {
  const at = Object.hasOwn(SHIPPED, town) ? SHIPPED[town]! : null;
  if (!at) return null;
  return circleArea(at, at.radiusKm, `${at.radiusKm} km round the town centre`);
}

/** How far beyond a town's area points are kept, so that a redrawn area can be counted without re-importing. */
export const AREA_MARGIN_DEGREES = 0.03;
