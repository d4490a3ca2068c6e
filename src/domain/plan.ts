import { z } from 'zod';
import { daysBetween, localDateSchema, type LocalDate } from './dates.js';
import { fail, issue, ok, type Validated } from './result.js';
import { townSlugSchema, type TownSlug } from './towns.js';
import type { Versioned } from './entity.js';

export const PLAN_STATUSES = ['draft', 'consultation', 'approved'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** A town's evidence-based delivery plan for a period; actions belong to it. */
export interface DeliveryPlan extends Versioned {
  town: TownSlug;
  title: string;
  periodStart: LocalDate;
  periodEnd: LocalDate;
  status: PlanStatus;
  demo: boolean;
}

/** Forward through consultation to approval; consultation may send a plan back to draft. */
const PLAN_TRANSITIONS: Record<PlanStatus, readonly PlanStatus[]> = {
  draft: ['consultation'],
  consultation: ['draft', 'approved'],
  approved: [],
};

const MAX_PLAN_DAYS = 3 * 366;

export const planInputSchema = z.object({
  town: townSlugSchema,
  title: z
    .string()
    .trim()
    .min(1, 'Plan title is required')
    .max(120, 'Plan title is too long: keep it under 120 characters'),
  periodStart: localDateSchema,
  periodEnd: localDateSchema,
  demo: z.boolean().default(false),
});

export function newPlan(input: unknown, id: string): Validated<DeliveryPlan> {
  const parsed = planInputSchema.safeParse(input);
  if (!parsed.success) return fail(parsed.error.issues.map((i) => issue(i.path.join('.'), i.message)));
  const p = parsed.data;
  const days = daysBetween(p.periodStart, p.periodEnd);
  if (days <= 0) return fail([issue('periodEnd', 'The plan period must end after it starts')]);
  if (days > MAX_PLAN_DAYS) return fail([issue('periodEnd', 'A delivery plan covers at most three years')]);
  return ok({ ...p, id, version: 1, status: 'draft' });
}

export function movePlan(plan: DeliveryPlan, to: PlanStatus): Validated<DeliveryPlan> {
  if (!PLAN_TRANSITIONS[plan.status].includes(to)) {
    const next = PLAN_TRANSITIONS[plan.status];
    const hint = next.length ? `it can move to ${next.join(' or ')}` : 'an approved plan is locked';
    return fail([issue('status', `A plan in ${plan.status} cannot move to ${to}: ${hint}`)]);
  }
  return ok({ ...plan, status: to });
}
