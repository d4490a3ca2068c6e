// The pieces commands read text with: the normalised text, town and role names, action references.
import { z } from 'zod';
import { normaliseActionRef } from '../../domain/action.js';
import { PARTNERSHIP_ROLES, type PartnershipRole } from '../../domain/roles.js';
import { findTown, notAnActiveTown } from '../../domain/towns.js';
import { quoteBack } from '../../domain/quote-back.js';

/** Removes Teams mention markup (<at>Bot</at>) and formatting, lower-cases, folds spaces. */
export function normaliseText(text: string): string {
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .toLowerCase()
    .replace(/[!?.,;:]+(\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What follows the phrase that starts a command ("" when nothing does), or undefined for "not said". */
export const after = (text: string, start: RegExp): string | undefined =>
  text.replace(start, '').trim() || undefined;

/** An active town by name (a retired one, or a slip, gets the nearest active town as a suggestion). */
export const town = z.string().transform((s, ctx) => {
  const found = findTown(s);
  if (found?.status !== 'active') {
    ctx.addIssue({ code: 'custom', message: notAnActiveTown(s, quoteBack(s, 'you named')) });
    return z.NEVER;
  }
  return found.slug;
});
export const optionalTown = town.optional().transform((t) => t ?? null);

export const townOnly = z.object({ town: optionalTown });

export const actionRef = z.string().transform(
  (s, ctx) =>
    normaliseActionRef(s) ??
    (ctx.addIssue({
      code: 'custom',
      message: `${quoteBack(s, 'That')} is not an action reference: they look like TRU-014`,
    }),
    z.NEVER),
);

export const role = z.string().transform((s, ctx) => {
  const found = findRole(s);
  if (!found) {
    const roles = Object.values(PARTNERSHIP_ROLES)
      .map((r) => r.label.toLowerCase())
      .join(', ');
    ctx.addIssue({
      code: 'custom',
      message: `I don't know the role ${quoteBack(s, 'you named')}. Roles: ${roles}.`,
    });
    return z.NEVER;
  }
  return found;
});

/** A role by its key, its label, or words of its label ("beat manager", "asb case worker", "cso"). */
export function findRole(input: string): PartnershipRole | null {
  const want = input
    .toLowerCase()
    .replace(/[^a-z ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!want) return null;
  const entries = Object.entries(PARTNERSHIP_ROLES) as [PartnershipRole, { label: string }][];
  const acronym = (label: string) =>
    label
      .split(/\s+/)
      .map((w) => w[0])
      .join('')
      .toLowerCase();
  const exact = entries.find(
    ([key, r]) =>
      key.replace(/_/g, ' ') === want ||
      r.label.toLowerCase() === want ||
      acronym(r.label) === want.replace(/ /g, ''),
  );
  if (exact) return exact[0];
  const partial = entries.filter(
    ([key, r]) => r.label.toLowerCase().includes(want) || key.replace(/_/g, ' ').includes(want),
  );
  return partial.length === 1 ? partial[0]![0] : null;
}

/** Town names in a list whose commas are gone ("truro st austell penzance"); the first unknown word if any. */
export function townsIn(text: string): string[] | string {
  const words = text.split(' ').filter((w) => w && w !== 'then' && w !== 'and');
  const towns: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const two = `${words[i]} ${words[i + 1] ?? ''}`;
    if (words[i + 1] && findTown(two)) {
      towns.push(two);
      i++;
    } else if (findTown(words[i]!)) towns.push(words[i]!);
    else return words[i]!;
  }
  return towns;
}
