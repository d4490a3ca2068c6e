import { AppError } from '../errors.js';
import { z } from 'zod';

/** The ten designated Safer Towns. `code` prefixes human references such as TRU-014. */
export const TOWNS = [
  { slug: 'penzance', name: 'Penzance', code: 'PNZ', aliases: [] },
  { slug: 'redruth', name: 'Redruth', code: 'RED', aliases: [] },
  { slug: 'camborne', name: 'Camborne', code: 'CAM', aliases: [] },
  { slug: 'falmouth', name: 'Falmouth', code: 'FAL', aliases: [] },
  { slug: 'truro', name: 'Truro', code: 'TRU', aliases: [] },
  { slug: 'newquay', name: 'Newquay', code: 'NQY', aliases: [] },
  { slug: 'st-austell', name: 'St Austell', code: 'STA', aliases: ['saint austell'] },
  { slug: 'bodmin', name: 'Bodmin', code: 'BOD', aliases: [] },
  { slug: 'liskeard', name: 'Liskeard', code: 'LIS', aliases: [] },
  { slug: 'saltash', name: 'Saltash', code: 'SAL', aliases: [] },
] as const;

export type Town = (typeof TOWNS)[number];
export type TownSlug = Town['slug'];

const TOWN_SLUGS = TOWNS.map((t) => t.slug) as [TownSlug, ...TownSlug[]];

export const townSlugSchema = z.enum(TOWN_SLUGS, {
  error: () => `must be one of the ten Safer Towns: ${TOWNS.map((t) => t.name).join(', ')}`,
});

/** Lower case, no punctuation or spaces, "saint" as "st": `St. Austell`, `st austell`, `staustell` agree. */
function townKey(input: string): string {
  return input
    .normalize('NFKD')
    .toLowerCase()
    .replace(/\bsaint\b/g, 'st')
    .replace(/[^a-z]/g, '');
}

const BY_KEY = new Map<string, Town>(
  TOWNS.flatMap((t) => [t.slug, t.name, ...t.aliases].map((k) => [townKey(k), t] as const)),
);

/** Finds a town by slug, name or alias (not by code: "red" is a colour before it is Redruth), forgiving case, dots, spaces and hyphens. */
export function findTown(input: string): Town | undefined {
  return BY_KEY.get(townKey(input));
}

export function townBySlug(slug: TownSlug): Town {
  const town = TOWNS.find((t) => t.slug === slug);
  if (!town) throw AppError.internal(`unknown town slug ${slug}`);
  return town;
}
