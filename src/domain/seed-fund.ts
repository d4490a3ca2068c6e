// The programme's seed fund: a sum (GBP 50,000 by default) that actions and events may draw on. Amounts are
// whole pence, so sums are exact. An allocation can never take the fund past what remains, and spending
// can never pass what was allocated; the fund is one record, so its version decides between two people
// allocating at once.
import { z } from 'zod';
import { fail, issue, ok, type Validated } from './result.js';
import { TEXT_LIMITS, textField } from './text.js';
import type { PersonRef, Versioned } from './entity.js';
import type { TownSlug } from './towns.js';

export interface Allocation {
  id: string;
  town: TownSlug;
  /** What it pays for: an action (by reference) or an event (a meeting or launch). */
  recordKind: 'action' | 'event';
  recordId: string;
  label: string;
  purpose: string;
  amountPence: number;
  spentPence: number;
  by: PersonRef;
  at: string;
}

export interface SeedFund extends Versioned {
  totalPence: number;
  allocations: Allocation[];
}

export const SEED_FUND_ID = 'seed-fund';

export function newSeedFund(totalPounds: number): SeedFund {
  return { id: SEED_FUND_ID, version: 1, totalPence: Math.round(totalPounds * 100), allocations: [] };
}

/** "£1,250.50" and the like: pounds with at most two decimals, typed or from a card. */
const poundsSchema = (label: string, minPence = 1) =>
  z
    .union([z.number(), z.string().trim().max(20)])
    .transform((v, c) => {
      const text = typeof v === 'number' ? String(v) : v.replace(/^£/, '').replace(/,/g, '');
      if (!/^\d+(\.\d{1,2})?$/.test(text)) {
        c.addIssue({ code: 'custom', message: `${label} must be an amount in pounds, e.g. 250 or 1,250.50` });
        return z.NEVER;
      }
      return Math.round(Number(text) * 100);
    })
    .pipe(z.number().int().min(minPence, `${label} must be more than £0`));

const allocationInputSchema = z.object({
  amount: poundsSchema('The allocation'),
  purpose: textField('Purpose', TEXT_LIMITS.reason),
});

export const allocatedPence = (fund: SeedFund, town?: TownSlug) =>
  fund.allocations.filter((a) => !town || a.town === town).reduce((n, a) => n + a.amountPence, 0);
export const spentPence = (fund: SeedFund, town?: TownSlug) =>
  fund.allocations.filter((a) => !town || a.town === town).reduce((n, a) => n + a.spentPence, 0);
const remainingPence = (fund: SeedFund) => fund.totalPence - allocatedPence(fund);

/** The fund's figures overall and by town, in pence. */
export interface FundView {
  fund: SeedFund;
  totals: { allocated: number; spent: number; remaining: number };
  towns: { town: TownSlug; allocated: number; spent: number }[];
}

export function fundFigures(fund: SeedFund, towns: readonly TownSlug[]): FundView {
  return {
    fund,
    totals: { allocated: allocatedPence(fund), spent: spentPence(fund), remaining: remainingPence(fund) },
    towns: towns.map((town) => ({
      town,
      allocated: allocatedPence(fund, town),
      spent: spentPence(fund, town),
    })),
  };
}

export function formatPounds(pence: number): string {
  return `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: pence % 100 ? 2 : 0, maximumFractionDigits: 2 })}`;
}

export function allocate(
  fund: SeedFund,
  input: unknown,
  record: Pick<Allocation, 'id' | 'town' | 'recordKind' | 'recordId' | 'label' | 'by' | 'at'>,
): Validated<SeedFund> {
  const parsed = allocationInputSchema.safeParse(input);
  if (!parsed.success) return fail(parsed.error.issues.map((i) => issue(i.path.join('.'), i.message)));
  const left = remainingPence(fund);
  if (parsed.data.amount > left)
    return fail([
      issue(
        'amount',
        `Only ${formatPounds(left)} of the seed fund remains: ${formatPounds(parsed.data.amount)} is more than that`,
      ),
    ]);
  const allocation: Allocation = {
    ...record,
    purpose: parsed.data.purpose,
    amountPence: parsed.data.amount,
    spentPence: 0,
  };
  return ok({ ...fund, allocations: [...fund.allocations, allocation] });
}

/** The total spent so far against an allocation: never more than it was given. */
export function recordSpend(fund: SeedFund, allocationId: string, input: unknown): Validated<SeedFund> {
  const allocation = fund.allocations.find((a) => a.id === allocationId);
  if (!allocation) return fail([issue('allocation', 'That allocation does not exist')]);
  const spent = poundsSchema('The amount spent', 0).safeParse(input);
  if (!spent.success) return fail(spent.error.issues.map((i) => issue('spent', i.message)));
  if (spent.data > allocation.amountPence)
    return fail([
      issue(
        'spent',
        `${formatPounds(spent.data)} is more than the ${formatPounds(allocation.amountPence)} allocated`,
      ),
    ]);
  return ok({
    ...fund,
    allocations: fund.allocations.map((a) => (a.id === allocationId ? { ...a, spentPence: spent.data } : a)),
  });
}
