import { z } from 'zod';
import { addDays, daysBetween, localDateSchema, type LocalDate } from './dates.js';
import { fail, issue, ok, type Validated } from './result.js';
import { TEXT_LIMITS, textField } from './text.js';
import { townSlugSchema, type TownSlug } from './towns.js';
import type { PersonRef, Versioned } from './entity.js';

export type PlanStatus = 'draft' | 'consultation' | 'approved';

export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  draft: 'Draft',
  consultation: 'In consultation',
  approved: 'Approved',
};

/** What a partner says about a plan in consultation: a comment, or a concern the coordinator must weigh. */
interface PlanComment {
  kind: 'comment' | 'concern';
  by: PersonRef;
  text: string;
  at: string;
}

/** A change to an approved (locked) plan, and why it was made. */
interface PlanRevision {
  at: string;
  by: PersonRef;
  change: string;
  reason: string;
}

/** A town's evidence-based delivery plan for a period; actions belong to it. */
export interface DeliveryPlan extends Versioned {
  town: TownSlug;
  title: string;
  periodStart: LocalDate;
  periodEnd: LocalDate;
  status: PlanStatus;
  demo: boolean;
  /** The last day partners may comment while the plan is in consultation. */
  consultationCloses?: LocalDate | null;
  comments?: PlanComment[];
  approvedAt?: string | null;
  revisions?: PlanRevision[];
}

/** A consultation runs at least this long, and at most this long. */
export const CONSULTATION_DAYS = { min: 7, max: 90 } as const;
const MAX_COMMENTS = 200;

/** Forward through consultation to approval; consultation may send a plan back to draft. */
const PLAN_TRANSITIONS: Record<PlanStatus, readonly PlanStatus[]> = {
  draft: ['consultation'],
  consultation: ['draft', 'approved'],
  approved: [],
};

const MAX_PLAN_DAYS = 3 * 366;

const planInputSchema = z.object({
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

/** Draft -> consultation: partners may comment until `closes`, which gives them at least a week. */
export function startConsultation(
  plan: DeliveryPlan,
  closes: LocalDate,
  today: LocalDate,
  priorityCount: number,
): Validated<DeliveryPlan> {
  const moved = movePlan(plan, 'consultation');
  if (!moved.ok) return moved;
  if (priorityCount === 0)
    return fail([issue('priorities', 'Add at least one priority before consulting on the plan')]);
  const days = daysBetween(today, closes);
  if (days < CONSULTATION_DAYS.min || days > CONSULTATION_DAYS.max)
    return fail([
      issue(
        'closes',
        `The consultation must close between ${addDays(today, CONSULTATION_DAYS.min)} and ${addDays(today, CONSULTATION_DAYS.max)} (one week to three months from today)`,
      ),
    ]);
  return ok({ ...moved.value, consultationCloses: closes });
}

const planCommentSchema = z.object({
  kind: z.enum(['comment', 'concern']),
  text: textField('Comment', TEXT_LIMITS.note),
});

/** A partner's comment or concern, while the consultation is open. */
export function addComment(
  plan: DeliveryPlan,
  input: unknown,
  by: PersonRef,
  at: Date,
  today: LocalDate,
): Validated<DeliveryPlan> {
  if (plan.status !== 'consultation')
    return fail([
      issue('status', `The plan is ${PLAN_STATUS_LABELS[plan.status].toLowerCase()}, not in consultation`),
    ]);
  if (plan.consultationCloses && today > plan.consultationCloses)
    return fail([issue('closes', `The consultation closed on ${plan.consultationCloses}`)]);
  const comments = plan.comments ?? [];
  if (comments.length >= MAX_COMMENTS)
    return fail([
      issue(
        'comments',
        `The plan has ${MAX_COMMENTS} comments already: discuss the rest at the partnership meeting`,
      ),
    ]);
  const parsed = planCommentSchema.safeParse(input);
  if (!parsed.success) return fail(parsed.error.issues.map((i) => issue(i.path.join('.'), i.message)));
  return ok({ ...plan, comments: [...comments, { ...parsed.data, by, at: at.toISOString() }] });
}

/** Consultation -> approved: the plan is locked; later changes are revisions with reasons. */
export function approvePlan(plan: DeliveryPlan, at: Date): Validated<DeliveryPlan> {
  const moved = movePlan(plan, 'approved');
  return moved.ok ? ok({ ...moved.value, approvedAt: at.toISOString() }) : moved;
}

const revisionReasonSchema = textField('Reason for the change', TEXT_LIMITS.reason).pipe(
  z
    .string()
    .min(10, 'Say why the approved plan changes (at least 10 characters): it is kept as its revision record'),
);

/**
 * A change to a plan: free while draft or in consultation; once approved, only with a reason, which is
 * recorded as a revision. Returns the plan to save (unchanged when no revision is needed).
 */
export function reviseIfApproved(
  plan: DeliveryPlan,
  change: string,
  reason: string | null | undefined,
  by: PersonRef,
  at: Date,
): Validated<DeliveryPlan> {
  if (plan.status !== 'approved') return ok(plan);
  const parsed = revisionReasonSchema.safeParse(reason ?? '');
  if (!parsed.success)
    return fail([
      issue(
        'reason',
        reason?.trim()
          ? (parsed.error.issues[0]?.message ?? 'Reason is not valid')
          : 'The plan is approved and locked: say why it changes (the reason is kept as a revision)',
      ),
    ]);
  const revision: PlanRevision = { at: at.toISOString(), by, change, reason: parsed.data };
  return ok({ ...plan, revisions: [...(plan.revisions ?? []), revision] });
}

/** Whether two plan periods share a day. */
export function periodsOverlap(a: Pick<DeliveryPlan, 'periodStart' | 'periodEnd'>, b: typeof a): boolean {
  return a.periodStart <= b.periodEnd && b.periodStart <= a.periodEnd;
}
