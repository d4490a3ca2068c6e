// Action.Execute verbs for the seed fund: allocate to an action or an event, record spending, refresh.
import { z } from 'zod';
import { recordId } from './card-inputs.js';
import { TEXT_LIMITS } from '../domain/text.js';
import { allocateFromFund, fundView, recordFundSpend } from '../app/seed-fund.js';
import { isBoardMember } from '../app/indicator.js';
import { findAction } from '../app/read-models.js';
import { fundCard } from '../cards/fund-views.js';
import { errorCard } from './replies.js';
import type { Actor } from '../domain/entity.js';
import type { AppContext } from '../app/context.js';
import type { Card, CardRenderer } from '../cards/render.js';

const id = recordId;

export const FUND_VERB_SCHEMAS = {
  'fund.refresh': z.object({}),
  'fund.allocate': z.object({
    recordKind: z.enum(['action', 'event']),
    recordId: id.optional(),
    ref: z.string().max(20).optional(),
    fundAmount: z.string().max(40).optional(),
    fundPurpose: z
      .string()
      .max(TEXT_LIMITS.reason * 2)
      .optional(),
  }),
  'fund.spend': z
    .object({ allocationId: id, inputId: z.string().regex(/^spent_\d{1,3}$/) })
    .catchall(z.string().max(40)),
} as const;

export type FundVerb = keyof typeof FUND_VERB_SCHEMAS;

export class FundActions {
  constructor(
    private readonly ctx: AppContext,
    private readonly cards: CardRenderer,
  ) {}

  async handle(actor: Actor, verb: FundVerb, data: Record<string, unknown>): Promise<Card> {
    if (verb === 'fund.refresh') return this.card(actor);
    let recordId = typeof data.recordId === 'string' ? data.recordId : '';
    if (verb === 'fund.allocate' && !recordId) {
      // From the fund card: the action by its reference, which the person must be able to see.
      const found = await findAction(this.ctx, actor, typeof data.ref === 'string' ? data.ref : '');
      if (!found.ok) return errorCard(this.cards, found.error);
      recordId = found.value.id;
    }
    const result =
      verb === 'fund.allocate'
        ? await allocateFromFund(this.ctx, actor, {
            recordKind: data.recordKind as 'action' | 'event',
            recordId,
            amount: data.fundAmount ?? '',
            purpose: data.fundPurpose ?? '',
          })
        : await recordFundSpend(this.ctx, actor, {
            allocationId: String(data.allocationId),
            spent: data[String(data.inputId)] ?? '',
          });
    if (!result.ok) return errorCard(this.cards, result.error);
    return this.card(
      actor,
      verb === 'fund.allocate' ? 'Allocated from the seed fund.' : 'Spending recorded.',
    );
  }

  /** The fund as the board sees it; a coordinator who allocated sees it too (they have the board view). */
  async card(actor: Actor, notice = ''): Promise<Card> {
    const view = await fundView(this.ctx, actor);
    if (!view.ok) return errorCard(this.cards, view.error);
    const seats = await this.ctx.stores.members.listByPerson(actor.id);
    const canManage =
      (await isBoardMember(this.ctx, actor)) || seats.some((m) => m.accessRole === 'coordinator');
    return this.cards.render('fund', fundCard(view.value, { canManage, notice }));
  }
}
