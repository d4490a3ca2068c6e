// Action.Execute verbs for delivery plans: create from the form, add priorities, consult, comment, approve.
// The plan's card goes to the town's channel when consultation starts, and is updated there in place.
import { z } from 'zod';
import { recordId, cardVersion, cardText } from './card-inputs.js';
import { ErrorCode } from '../errors.js';
import { localDateSchema } from '../domain/dates.js';
import { TEXT_LIMITS } from '../domain/text.js';
import { townSlugSchema } from '../domain/towns.js';
import { roleIn } from '../app/authorise.js';
import {
  addPriority,
  commentOnPlan,
  createPlan,
  movePlanTo,
  planById,
  viewOf,
  type PlanView,
} from '../app/plans.js';
import { today, viewSettings } from '../app/read-models.js';
import { canCoordinate, canUpdateActions } from '../domain/roles.js';
import { planCard, planFormCard } from '../cards/plan-views.js';
import { errorCard } from './replies.js';
import type { Result } from '../domain/result.js';
import type { AppError } from '../errors.js';
import type { Actor } from '../domain/entity.js';
import type { AppContext } from '../app/context.js';
import type { Card, CardRenderer } from '../cards/render.js';
import type { Messenger } from './messenger.js';

const id = recordId;
const version = cardVersion;
const text = cardText;

export const PLAN_VERB_SCHEMAS = {
  'plan.refresh': z.object({ planId: id }),
  'plan.create': z.object({
    town: townSlugSchema,
    title: text(120).optional(),
    periodStart: z.string().max(20).optional(),
    periodEnd: z.string().max(20).optional(),
  }),
  'plan.priority': z.object({
    planId: id,
    version,
    title: text(TEXT_LIMITS.title).optional(),
    theme: text(TEXT_LIMITS.theme).optional(),
    source: z.string().max(40).optional(),
    reason: text(TEXT_LIMITS.reason).optional(),
  }),
  'plan.consult': z.object({ planId: id, version, closes: localDateSchema }),
  'plan.approve': z.object({ planId: id, version }),
  'plan.redraft': z.object({ planId: id, version }),
  'plan.comment': z.object({
    planId: id,
    kind: z.enum(['comment', 'concern']).default('comment'),
    text: text(TEXT_LIMITS.note),
  }),
} as const;

export type PlanVerb = keyof typeof PLAN_VERB_SCHEMAS;

export class PlanActions {
  constructor(
    private readonly ctx: AppContext,
    private readonly cards: CardRenderer,
    private readonly messenger: Messenger,
  ) {}

  /** `data` has been checked against PLAN_VERB_SCHEMAS[verb]. */
  async handle(actor: Actor, verb: PlanVerb, data: Record<string, unknown>): Promise<Card> {
    const planId = typeof data.planId === 'string' ? data.planId : '';
    const expectedVersion = Number(data.version);
    switch (verb) {
      case 'plan.refresh':
        return this.show(actor, await planById(this.ctx, actor, planId));
      case 'plan.create':
        return this.create(actor, data);
      case 'plan.priority': {
        const input = { title: data.title, theme: data.theme, source: data.source };
        const reason = (data.reason as string | undefined) ?? null;
        const result = await addPriority(this.ctx, actor, { planId, expectedVersion, input, reason });
        return this.changed(actor, result, planId, 'Priority added.');
      }
      case 'plan.consult': {
        const move = { to: 'consultation' as const, closes: String(data.closes) };
        const result = await movePlanTo(this.ctx, actor, { planId, expectedVersion, move });
        return this.changed(
          actor,
          result,
          planId,
          'The plan is out for consultation: its card is in the channel.',
        );
      }
      case 'plan.approve':
      case 'plan.redraft': {
        const move = verb === 'plan.approve' ? { to: 'approved' as const } : { to: 'draft' as const };
        const result = await movePlanTo(this.ctx, actor, { planId, expectedVersion, move });
        const said = verb === 'plan.approve' ? 'Approved: the plan is now locked.' : 'Back to draft.';
        return this.changed(actor, result, planId, said);
      }
      case 'plan.comment': {
        const request = {
          planId,
          kind: data.kind as 'comment' | 'concern',
          text: String(data.text),
          personalDataConfirmed: data.personalDataConfirmed === true,
        };
        const result = await commentOnPlan(this.ctx, actor, request);
        return this.changed(actor, result, planId, 'Thank you: your comment is on the plan.');
      }
    }
  }

  /** The plan card as this person may use it. */
  async card(actor: Actor, view: PlanView, notice = ''): Promise<Card> {
    const role = await roleIn(this.ctx, actor, view.plan.town);
    const options = {
      canComment: !!role && canUpdateActions(role),
      canCoordinate: !!role && canCoordinate(role),
      notice,
    };
    return this.cards.render('plan', planCard(view, viewSettings(this.ctx), options));
  }

  private async show(actor: Actor, result: Result<PlanView, AppError>, notice = ''): Promise<Card> {
    return result.ok ? this.card(actor, result.value, notice) : errorCard(this.cards, result.error);
  }

  private async changed(
    actor: Actor,
    result: Result<PlanView, AppError>,
    planId: string,
    notice: string,
  ): Promise<Card> {
    if (!result.ok) {
      // A stale card gets the plan as it is now, with the reason; other refusals an error card.
      if (result.error.code !== ErrorCode.StaleVersion) return errorCard(this.cards, result.error);
      return this.show(actor, await planById(this.ctx, actor, planId), result.error.message);
    }
    await this.publish(result.value);
    return this.card(actor, result.value, notice);
  }

  /** In consultation or approved, the plan is the partnership's: its card lives in the town's channel. */
  private async publish(view: PlanView): Promise<void> {
    if (view.plan.status === 'draft' && !(await this.messenger.hasChannelCopy(view.plan.id))) return;
    const card = this.cards.render(
      'plan',
      planCard(view, viewSettings(this.ctx), { canComment: true, canCoordinate: true }),
    );
    await this.messenger.publishPlan(view.plan, card);
  }

  private async create(actor: Actor, data: Record<string, unknown>): Promise<Card> {
    const town = townSlugSchema.parse(data.town);
    const input = { town, title: data.title, periodStart: data.periodStart, periodEnd: data.periodEnd };
    const created = await createPlan(this.ctx, actor, input);
    if (created.ok)
      return this.card(
        actor,
        await viewOf(this.ctx, created.value),
        'Plan created. Add its priorities next.',
      );
    if (created.error.code !== ErrorCode.Validation) return errorCard(this.cards, created.error);
    const problems = created.error.issues.length
      ? created.error.issues.map((i) => i.message)
      : [created.error.message];
    const values = data as Partial<Record<'title' | 'periodStart' | 'periodEnd', string>>;
    return this.cards.render('plan-form', planFormCard(town, today(this.ctx), problems, values));
  }
}
