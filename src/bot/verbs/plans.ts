// Verbs for delivery plans: create from the form, add priorities, consult, comment, approve, redraft. The
// plan's card goes to the town's channel when consultation starts, and is updated there in place.
import { NOTHING_TYPED as blank } from '../../domain/personal-data.js';
import { CRIME_TYPES } from '../../domain/crime-record.js';
import { z } from 'zod';
import { localDateSchema } from '../../domain/dates.js';
import { TEXT_LIMITS } from '../../domain/text.js';
import { townSlugSchema } from '../../domain/towns.js';
import { addPriority, commentOnPlan, createPlan, movePlanTo } from '../../app/plans.js';
import { planById } from '../../app/plan-queries.js';
import type { PlanView } from '../../app/plan-queries.js';
import { today, viewSettings } from '../../app/read-models.js';
import { planCard, planFormCard } from '../../cards/plan-views.js';
import { cardText, cardVersion, recordId } from '../card-inputs.js';
import { errorCard } from '../replies.js';
import { cardFor, formProblems, shownOrError, type Shown } from './outcome.js';
import { defineVerb, type VerbTurn } from './verb.js';
import type { AppError } from '../../errors.js';
import type { Result } from '../../domain/result.js';
import type { Card } from '../../cards/render.js';
import type { BotEdge } from '../edge.js';

const change = { planId: recordId, version: cardVersion };

/** The plan card as this person may use it (the view says what they may do). */
export function showPlan(edge: BotEdge, view: PlanView, notice = ''): Promise<Card> {
  const options = { canComment: view.may.update, canCoordinate: view.may.coordinate, notice };
  return Promise.resolve(edge.cards.render('plan', planCard(view, viewSettings(edge.ctx), options)));
}

const shown = ({ edge, actor }: VerbTurn, planId: string): Shown<PlanView> => ({
  cards: edge.cards,
  show: (view, notice) => showPlan(edge, view, notice),
  reload: () => planById(edge.ctx, actor, planId),
});

/** Saved: the channel's copy follows (in consultation or approved the plan is the partnership's). */
async function changed(turn: VerbTurn, planId: string, result: Result<PlanView, AppError>, saved: string) {
  if (result.ok) await publish(turn.edge, result.value);
  return cardFor(result, shown(turn, planId), saved);
}

async function publish(edge: BotEdge, view: PlanView): Promise<void> {
  if (view.plan.status === 'draft' && !(await edge.messenger.hasChannelCopy(view.plan.id))) return;
  const options = { canComment: true, canCoordinate: true };
  const card = edge.cards.render('plan', planCard(view, viewSettings(edge.ctx), options));
  await edge.messenger.publishPlan(view.plan, card);
}

export const PLAN_VERBS = [
  defineVerb({
    name: 'plan.refresh',
    input: z.object({ planId: recordId }),
    run: async (turn, { planId }) =>
      shownOrError(await planById(turn.edge.ctx, turn.actor, planId), shown(turn, planId)),
  }),
  defineVerb({
    name: 'plan.create',
    input: z.object({
      town: townSlugSchema,
      title: cardText(120).optional(),
      periodStart: z.string().max(20).optional(),
      periodEnd: z.string().max(20).optional(),
    }),
    freeText: ['title'],
    run: async ({ edge, actor }, data) => {
      const { town, title, periodStart, periodEnd } = data;
      const created = await createPlan(edge.ctx, actor, {
        town,
        title: title ?? blank,
        periodStart,
        periodEnd,
      });
      if (created.ok) return showPlan(edge, created.value, 'Plan created. Add its priorities next.');
      const problems = formProblems(created.error);
      if (!problems) return errorCard(edge.cards, created.error);
      return edge.cards.render('plan-form', planFormCard(data.town, today(edge.ctx), problems, data));
    },
  }),
  defineVerb({
    name: 'plan.priority',
    input: z.object({
      ...change,
      title: cardText(TEXT_LIMITS.title).optional(),
      theme: cardText(TEXT_LIMITS.theme).optional(),
      source: z.string().max(40).optional(),
      reason: cardText(TEXT_LIMITS.reason).optional(),
      // From the town profile: the figure it rests on (a crime type, or all; a street, or the whole town).
      evidenceType: z.enum(['', ...CRIME_TYPES]).optional(),
      evidenceStreet: cardText(200).optional(),
    }),
    freeText: ['title', 'theme', 'source', 'reason', 'evidenceStreet'],
    run: async (turn, { planId, version, title, theme, source, reason, evidenceType, evidenceStreet }) => {
      const evidence = { crimeType: evidenceType || null, location: evidenceStreet || null };
      const request = {
        planId,
        expectedVersion: version,
        input: { title: title ?? blank, theme: theme ?? blank, source: source ?? blank, evidence },
        reason: reason ?? null,
      };
      return changed(turn, planId, await addPriority(turn.edge.ctx, turn.actor, request), 'Priority added.');
    },
  }),
  defineVerb({
    name: 'plan.consult',
    input: z.object({ ...change, closes: localDateSchema }),
    run: async (turn, { planId, version, closes }) => {
      const move = { to: 'consultation' as const, closes };
      const result = await movePlanTo(turn.edge.ctx, turn.actor, { planId, expectedVersion: version, move });
      return changed(turn, planId, result, 'The plan is out for consultation: its card is in the channel.');
    },
  }),
  defineVerb({
    name: 'plan.approve',
    input: z.object(change),
    run: async (turn, { planId, version }) => {
      const move = { to: 'approved' as const };
      const result = await movePlanTo(turn.edge.ctx, turn.actor, { planId, expectedVersion: version, move });
      return changed(turn, planId, result, 'Approved: the plan is now locked.');
    },
  }),
  defineVerb({
    name: 'plan.redraft',
    input: z.object(change),
    run: async (turn, { planId, version }) => {
      const move = { to: 'draft' as const };
      const result = await movePlanTo(turn.edge.ctx, turn.actor, { planId, expectedVersion: version, move });
      return changed(turn, planId, result, 'Back to draft.');
    },
  }),
  defineVerb({
    name: 'plan.comment',
    input: z.object({
      planId: recordId,
      kind: z.enum(['comment', 'concern']).default('comment'),
      text: cardText(TEXT_LIMITS.note),
    }),
    freeText: ['text'],
    run: async (turn, { planId, kind, text }) => {
      const request = { planId, kind, text };
      const result = await commentOnPlan(turn.edge.ctx, turn.actor, request);
      return changed(turn, planId, result, 'Thank you: your comment is on the plan.');
    },
  }),
];
