// What card payloads carry, checked the same way by every verb: ids, the version the card showed, free text
// (limited to twice the domain's limit, which then says exactly what is too long), and numbers typed into
// cards, which Teams may send as text.
import { z } from 'zod';

export const recordId = z.string().trim().min(1).max(100);
export const cardVersion = z.number().int().min(1).max(1_000_000_000);
export const cardText = (max: number) =>
  z.string().max(max * 2, `is too long: keep it under ${max} characters`);

/** A number typed into a card; empty means not given (the domain then says it is required). */
export const cardNumber = (label: string) =>
  z
    .union([z.number(), z.string().max(20)])
    .transform((v, ctx) => {
      if (typeof v === 'number') return v;
      if (v.trim() === '') return undefined;
      const n = Number(v.trim());
      if (Number.isFinite(n)) return n;
      ctx.addIssue({ code: 'custom', message: `${label} must be a number` });
      return z.NEVER;
    })
    .optional();
