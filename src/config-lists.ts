// Settings with a shape of their own: comma-separated lists (each item trimmed, empty items dropped, every
// item checked), hour ranges, the SMART coach's lead times, Graph's address.
import { z } from 'zod';
import { DEFAULT_COACH_POLICY, type WorkKind } from './domain/smart-coach.js';

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

/** Sending hours like 8-18 (from 0 to 24, start before end). */
export function hourRange(fallback: string) {
  return z
    .string()
    .default(fallback)
    .transform((v, ctx) => {
      const m = /^(\d{1,2})-(\d{1,2})$/.exec(v.trim());
      const [from, until] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
      if (!(from >= 0 && until <= 24 && from < until)) {
        ctx.addIssue({
          code: 'custom',
          message: 'must be sending hours like 8-18 (from 0 to 24, start before end)',
        });
        return z.NEVER;
      }
      return { from, until };
    });
}

/** "order=90,works=42": days per kind of work over the coach's defaults. */
export function leadDays() {
  const kinds = Object.keys(DEFAULT_COACH_POLICY.leadDays);
  return z
    .string()
    .default('')
    .transform((v, ctx) => {
      const days: Record<WorkKind, number> = { ...DEFAULT_COACH_POLICY.leadDays };
      for (const item of v
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean)) {
        const m = /^([a-z]+)\s*=\s*(\d{1,3})$/.exec(item.toLowerCase());
        if (!m || !kinds.includes(m[1]!)) {
          ctx.addIssue({
            code: 'custom',
            message: `must be kind=days pairs such as order=90,works=42 (kinds: ${kinds.join(', ')})`,
          });
          return z.NEVER;
        }
        days[m[1] as WorkKind] = Number(m[2]);
      }
      return days;
    });
}

/** Microsoft Graph's base URL: https, or plain http to a stand-in on this machine (`npm run dev`'s). */
export const graphBaseUrl = z
  .url({ protocol: /^https?$/, error: 'must be an https:// URL' })
  .refine(
    (v) => v.startsWith('https://') || ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(v).hostname),
    {
      message: 'must be an https:// URL (plain http:// only to 127.0.0.1 or localhost, a local stand-in)',
    },
  )
  .default('https://graph.microsoft.com/');
export const GRAPH_NEEDS_HTTPS =
  "must be an https:// URL when MICROSOFT_APP_ID is set: the app's Graph tokens never go over plain http";

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
