import { z } from 'zod';

/** Length limits for free text; Teams cards and readers both suffer from walls of text. */
export const TEXT_LIMITS = {
  title: 200,
  measure: 200,
  target: 100,
  note: 1000,
  reason: 500,
  name: 120,
  theme: 120,
  longText: 2000,
} as const;

/** Normalises user text: Unicode NFC, no control characters but newlines, no padding, single spaces. */
export function cleanText(raw: string): string {
  return (
    raw
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0009\u000B-\u001F\u007F\u200B-\u200F\u2028\u2029\uFEFF]/g, ' ')
      .replace(/[ \t]+/g, ' ')
      .replace(/ *\n */g, '\n')
      .trim()
  );
}

/** A required free-text field: cleaned, non-empty, within its limit, with messages naming the field. */
export function textField(label: string, max: number) {
  return z
    .string({ error: `${label} must be text` })
    .transform(cleanText)
    .pipe(
      z
        .string()
        .min(1, `${label} is required`)
        .max(max, `${label} is too long: keep it under ${max} characters`),
    );
}
