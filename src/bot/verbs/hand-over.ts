// A leaver's open actions handed to another member in one step: choose who and to whom, see the list, confirm.
import { z } from 'zod';
import { ErrorCode, type AppError } from '../../errors.js';
import { townSlugSchema, type TownSlug } from '../../domain/towns.js';
import { handOverFormContext } from '../../app/action-edit-form.js';
import { handOver, previewHandOver } from '../../app/hand-over.js';
import { handOverCard, type HandOverView } from '../../cards/action-edit-views.js';
import { recordId } from '../card-inputs.js';
import { errorCard } from '../replies.js';
import { defineVerb, idList, type VerbTurn } from './verb.js';
import type { Card } from '../../cards/render.js';

const people = { town: townSlugSchema, fromId: recordId, toId: recordId };

export const HAND_OVER_VERBS = [
  defineVerb({
    name: 'handover.form',
    input: z.object({ town: townSlugSchema }),
    run: (turn, { town }) => handOverForm(turn, town),
  }),
  defineVerb({
    name: 'handover.preview',
    input: z.object(people),
    run: async (turn, request) => {
      const preview = await previewHandOver(turn.edge.ctx, turn.actor, request);
      if (preview.ok) return handOverForm(turn, request.town, { preview: preview.value });
      return refused(turn, request, preview.error);
    },
  }),
  defineVerb({
    name: 'handover.confirm',
    input: z.object({ ...people, actionIds: z.string().max(20_000) }),
    run: async (turn, request) => {
      const { edge, actor } = turn;
      const done = await handOver(edge.ctx, actor, { ...request, actionIds: idList(request.actionIds) });
      if (!done.ok) return refused(turn, request, done.error);
      const { from, to, actions, skipped, effects } = done.value;
      await edge.effects.run(effects);
      const left = skipped.length ? ` Left alone (closed or no longer theirs): ${skipped.join(', ')}.` : '';
      const notice = `Handed over ${actions.length} action${actions.length === 1 ? '' : 's'} from ${from.displayName} to ${to.displayName}; both have been told.${left}`;
      return handOverForm(turn, request.town, { notice, preview: { from, to, actions } });
    },
  }),
];

async function handOverForm(
  { edge, actor }: VerbTurn,
  town: TownSlug,
  extra: Partial<HandOverView> = {},
): Promise<Card> {
  const form = await handOverFormContext(edge.ctx, actor, town);
  if (!form.ok) return errorCard(edge.cards, form.error);
  return edge.cards.render('hand-over', handOverCard({ ...form.value, ...extra }));
}

/** A refusal the person can fix (who to whom) is shown on the form; anything else as an error. */
function refused(
  turn: VerbTurn,
  request: { town: TownSlug; fromId: string; toId: string },
  error: AppError,
): Promise<Card> | Card {
  if (error.code !== ErrorCode.Validation) return errorCard(turn.edge.cards, error);
  const problems = error.issues.map((i) => ({ message: i.message }));
  return handOverForm(turn, request.town, { problems, fromId: request.fromId, toId: request.toId });
}
