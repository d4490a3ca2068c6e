// Settings that are comma-separated lists: each item trimmed, empty items dropped, every item checked.
import { z } from 'zod';

export function commaSeparated(check: (item: string) => boolean, message: string, lowerCase = true) {
  return z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((t) => (lowerCase ? t.trim().toLowerCase() : t.trim()))
        .filter(Boolean),
    )
    .refine((items) => items.every(check), { message });
}

/** An origin as a browser writes it: scheme, host and port only (https, or http on this machine). */
export const isOrigin = (item: string): boolean =>
  /^https:\/\/[a-z0-9.-]+(:\d{1,5})?$/.test(item) ||
  /^http:\/\/(127\.0\.0\.1|localhost)(:\d{1,5})?$/.test(item);
