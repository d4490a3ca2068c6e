// The programme a partnership runs: its name, its towns, the core membership seats every town's partnership
// starts with (the seed's section 4.0) and the residents' survey question. One record, seeded with the ten
// Safer Towns; a board member adds, renames or retires towns (each change versioned and audited).
import { z } from 'zod';
import { HEADLINE_QUESTION } from './indicator.js';
import { CORE_ROLES, type PartnershipRole } from './roles.js';
import { fail, issue, ok, type Validated } from './result.js';
import { keyOfName, SEED_TOWNS, type Town, type TownSlug } from './towns.js';
import type { Versioned } from './entity.js';

const PROGRAMME_ID = 'programme';

export interface Programme extends Versioned {
  name: string;
  towns: Town[];
  coreRoles: PartnershipRole[];
  indicatorQuestion: string;
}

export function seedProgramme(): Programme {
  return {
    id: PROGRAMME_ID,
    version: 1,
    name: 'Safer Cornwall',
    towns: SEED_TOWNS.map((t) => ({ ...t, aliases: [...t.aliases] })),
    coreRoles: [...CORE_ROLES],
    indicatorQuestion: HEADLINE_QUESTION,
  };
}

const townName = z
  .string()
  .trim()
  .min(2, 'A town needs a name of two letters or more')
  .max(40, 'Keep the town name under 40 characters')
  .regex(/^[\p{L}][\p{L} .'-]*$/u, 'A town name has letters, spaces, dots, hyphens and apostrophes only');

const newTownSchema = z.object({
  name: townName,
  code: z
    .string()
    .trim()
    .transform((c) => c.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{3}$/, 'The code is three letters, e.g. HEL: it starts every reference')),
  aliases: z.array(townName).max(5).default([]),
});

/** A slug from a name: "St Just in Penwith" -> "st-just-in-penwith". */
const slugOf = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '-')
    .replace(/^-|-$/g, '');

/** Adds a town; its slug, code, name and aliases may not match any town's, retired ones included. */
export function addTown(programme: Programme, input: unknown): Validated<Programme> {
  const parsed = newTownSchema.safeParse(input);
  if (!parsed.success)
    return fail(parsed.error.issues.map((i) => issue(String(i.path[0] ?? 'town'), i.message)));
  const { name, code, aliases } = parsed.data;
  const town: Town = { slug: slugOf(name), name, code, aliases, status: 'active' };
  const clash = clashes(programme.towns, town);
  if (clash.length) return fail(clash);
  return ok({ ...programme, towns: [...programme.towns, town] });
}

/** Renames a town; its slug and code stay (ids and references never change), the old name finds it still. */
export function renameTown(programme: Programme, slug: TownSlug, input: unknown): Validated<Programme> {
  const current = programme.towns.find((t) => t.slug === slug);
  if (!current) return fail([issue('town', `There is no town ${slug}`)]);
  const name = townName.safeParse(input);
  if (!name.success) return fail([issue('name', name.error.issues[0]!.message)]);
  if (keyOfName(name.data) === keyOfName(current.name))
    return fail([issue('name', `${current.name} is already called that`)]);
  const renamed: Town = { ...current, name: name.data, aliases: [...current.aliases, current.name] };
  const clash = clashes(
    programme.towns.filter((t) => t.slug !== slug),
    renamed,
  );
  if (clash.length) return fail(clash);
  return ok({ ...programme, towns: programme.towns.map((t) => (t.slug === slug ? renamed : t)) });
}

/** Retires a town: its records stay, read-only; it leaves the lists, the board and the reminders. */
export function retireTown(programme: Programme, slug: TownSlug): Validated<Programme> {
  const current = programme.towns.find((t) => t.slug === slug);
  if (!current) return fail([issue('town', `There is no town ${slug}`)]);
  if (current.status === 'retired') return fail([issue('town', `${current.name} is retired already`)]);
  if (programme.towns.filter((t) => t.status === 'active').length <= 1)
    return fail([issue('town', 'The programme needs at least one active town')]);
  const retired: Town = { ...current, status: 'retired' };
  return ok({ ...programme, towns: programme.towns.map((t) => (t.slug === slug ? retired : t)) });
}

function clashes(others: readonly Town[], town: Town) {
  const problems = [];
  if (!town.slug) problems.push(issue('name', 'A town name needs letters'));
  const taken = others.find((t) => t.slug === town.slug);
  if (taken)
    problems.push(issue('name', `${taken.name} already has the id "${town.slug}": choose another name`));
  const coded = others.find((t) => t.code === town.code);
  if (coded)
    problems.push(
      issue('code', `${town.code} is ${coded.name}'s code (references stay unique): choose another`),
    );
  const keys = new Set([town.name, ...town.aliases].map(keyOfName));
  const named = others.find((t) => [t.slug, t.name, ...t.aliases].some((n) => keys.has(keyOfName(n))));
  if (named)
    problems.push(issue('name', `"${town.name}" would also find ${named.name}: choose another name`));
  return problems;
}
