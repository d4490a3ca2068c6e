// Verbs for the seed fund: allocate to an action or an event, record spending, refresh.
import { NOTHING_TYPED as blank } from '../../domain/personal-data.js';
import { z } from 'zod';
import { TEXT_LIMITS } from '../../domain/text.js';
import { allocateFromFund, fundView, recordFundSpend } from '../../app/seed-fund.js';
import { mayManageFund } from '../../app/card-context.js';
import { findAction } from '../../app/read-models.js';
import { fundCard } from '../../cards/fund-views.js';
import { recordId } from '../card-inputs.js';
import { errorCard } from '../replies.js';
import { defineVerb } from './verb.js';
import type { Actor } from '../../domain/entity.js';
import type { Card } from '../../cards/render.js';
import type { BotEdge } from '../edge.js';

/** The fund as the board sees it; a coordinator who allocated sees it too (they have the board view). */
export async function showFund(edge: BotEdge, actor: Actor, notice = ''): Promise<Card> {
  const view = await fundView(edge.ctx, actor);
  if (!view.ok) return errorCard(edge.cards, view.error);
  const canManage = await mayManageFund(edge.ctx, actor);
  return edge.cards.render('fund', fundCard(view.value, { canManage, notice }));
}

export const FUND_VERBS = [
  defineVerb({
    name: 'fund.refresh',
    input: z.object({}),
    run: ({ edge, actor }) => showFund(edge, actor),
  }),
  defineVerb({
    name: 'fund.allocate',
    input: z.object({
      recordKind: z.enum(['action', 'event']),
      recordId: recordId.optional(),
      ref: z.string().max(20).optional(),
      fundAmount: z.string().max(40).optional(),
      fundPurpose: z
        .string()
        .max(TEXT_LIMITS.reason * 2)
        .optional(),
    }),
    freeText: ['fundPurpose'],
    run: async ({ edge, actor }, data) => {
      let id = data.recordId ?? '';
      if (!id) {
        // From the fund card: the action by its reference, which the person must be able to see.
        const found = await findAction(edge.ctx, actor, data.ref ?? '');
        if (!found.ok) return errorCard(edge.cards, found.error);
        id = found.value.action.id;
      }
      const result = await allocateFromFund(edge.ctx, actor, {
        recordKind: data.recordKind,
        recordId: id,
        amount: data.fundAmount ?? '',
        purpose: data.fundPurpose ?? blank,
      });
      if (!result.ok) return errorCard(edge.cards, result.error);
      return showFund(edge, actor, 'Allocated from the seed fund.');
    },
  }),
  defineVerb({
    name: 'fund.spend',
    input: z
      .object({ allocationId: recordId, inputId: z.string().regex(/^spent_\d{1,3}$/) })
      .catchall(z.string().max(40)),
    run: async ({ edge, actor }, data) => {
      const spent = data[data.inputId] ?? '';
      const result = await recordFundSpend(edge.ctx, actor, { allocationId: data.allocationId, spent });
      if (!result.ok) return errorCard(edge.cards, result.error);
      return showFund(edge, actor, 'Spending recorded.');
    },
  }),
];
