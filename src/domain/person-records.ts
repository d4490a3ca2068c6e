// One person in the stored records, for the data-protection rights: finding everything that mentions them
// (subject access) and replacing them with a pseudonym (erasure) while every count stays as it was. Pure: the
// store walks the documents, these rules decide what in a document is the person.
import { z } from 'zod';

/** What identifies the person in stored records: Entra object ids, e-mail addresses, display names. */
export interface PersonKeys {
  aadObjectIds: string[];
  emails: string[];
  names: string[];
}

/** Who stands in for an erased person. Random, with no key kept: it cannot be traced back. */
export interface Pseudonym {
  aadObjectId: string;
  email: string;
  displayName: string;
}

export const personQuerySchema = z
  .object({
    email: z.string().trim().toLowerCase().email('must be an e-mail address').optional(),
    aadObjectId: z
      .string()
      .trim()
      .regex(/^[0-9a-f-]{8,64}$/i, 'must be an Entra (Azure AD) object id')
      .optional(),
  })
  .refine((q) => q.email || q.aadObjectId, { message: 'Say who: an e-mail address or an Entra object id' });
export type PersonQuery = z.infer<typeof personQuerySchema>;

export function keysOf(query: PersonQuery): PersonKeys {
  return {
    aadObjectIds: query.aadObjectId ? [query.aadObjectId.toLowerCase()] : [],
    emails: query.email ? [query.email] : [],
    names: [],
  };
}

export function newPseudonym(randomHex: string): Pseudonym {
  return {
    aadObjectId: `erased-${randomHex}`,
    email: `erased-${randomHex}@erased.invalid`,
    displayName: `Former partner ${randomHex.slice(0, 6).toUpperCase()}`,
  };
}

/**
 * A display name is matched in free text only when it has two words or more: "Sam Penrose" in a note is
 * the person, while "Sam" alone would match every Samantha and the word "same".
 */
const matchableName = (name: string) => name.trim().split(/\s+/).length >= 2;

function patternOf(keys: PersonKeys): RegExp | null {
  const words = [...keys.aadObjectIds, ...keys.emails, ...keys.names.filter(matchableName)]
    .filter((w) => w.length >= 3)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return words.length ? new RegExp(words.join('|'), 'gi') : null;
}

/** Does the value (a stored document, at any depth) mention the person? */
export function mentions(value: unknown, keys: PersonKeys): boolean {
  return personMatcher(keys)(value);
}

/** `mentions` for one person, its pattern built once: for walking a whole database. */
export function personMatcher(keys: PersonKeys): (value: unknown) => boolean {
  const pattern = patternOf(keys);
  return (value) => {
    if (!pattern) return false;
    let found = false;
    walk(value, (text) => {
      pattern.lastIndex = 0;
      if (!found && pattern.test(text)) found = true;
      return text;
    });
    return found;
  };
}

/**
 * More of the person's identity, from the records: the display names person references and actors give
 * them ({aadObjectId, displayName}, {id, name}), and the object id and e-mail their seats carry.
 */
export function identitiesIn(value: unknown, keys: PersonKeys): PersonKeys {
  const ids = new Set(keys.aadObjectIds.map((id) => id.toLowerCase()));
  const emails = new Set(keys.emails.map((e) => e.toLowerCase()));
  const found = { aadObjectIds: new Set<string>(), emails: new Set<string>(), names: new Set<string>() };
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      const id = text(o.aadObjectId) ?? text(o.id);
      const name = text(o.displayName) ?? text(o.name);
      const email = text(o.email);
      const theirs = (id && ids.has(id.toLowerCase())) || (email && emails.has(email.toLowerCase()));
      if (theirs && name) found.names.add(name);
      if (theirs && text(o.aadObjectId)) found.aadObjectIds.add(text(o.aadObjectId)!.toLowerCase());
      if (theirs && email) found.emails.add(email.toLowerCase());
      Object.values(o).forEach(visit);
    }
  };
  visit(value);
  return { aadObjectIds: [...found.aadObjectIds], emails: [...found.emails], names: [...found.names] };
}

/** The value with every mention of the person replaced: ids, e-mails, and names in any text. */
export function pseudonymise<T>(value: T, keys: PersonKeys, pseudonym: Pseudonym): T {
  const replacements = new Map<string, string>();
  for (const id of keys.aadObjectIds) replacements.set(id.toLowerCase(), pseudonym.aadObjectId);
  for (const email of keys.emails) replacements.set(email.toLowerCase(), pseudonym.email);
  for (const name of keys.names) replacements.set(name.toLowerCase(), pseudonym.displayName);
  const pattern = patternOf(keys);
  return walk(value, (text) => {
    // A field that is exactly a short name (a display name of one word) is the person too.
    const whole = replacements.get(text.toLowerCase());
    if (whole) return whole;
    return pattern ? text.replace(pattern, (m) => replacements.get(m.toLowerCase()) ?? m) : text;
  }) as T;
}

/** Copies a JSON-like value, passing every string through `change`; other leaves are kept as they are. */
function walk(value: unknown, change: (text: string) => string): unknown {
  if (typeof value === 'string') return change(value);
  if (Array.isArray(value)) return value.map((v) => walk(v, change));
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, change)]));
  }
  return value;
}
