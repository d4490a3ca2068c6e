// Verbs on a join request's card: a coordinator approves or declines.
import { z } from 'zod';
import { decideJoin } from '../../app/join.js';
import { errorCard, joinRequestCard } from '../replies.js';
import { defineVerb, type VerbTurn } from './verb.js';

const request = z.object({ requestId: z.string().max(200) });

const decide = async ({ edge, actor }: VerbTurn, requestId: string, approve: boolean) => {
  const result = await decideJoin(edge.ctx, actor, requestId, approve);
  return result.ok ? joinRequestCard(edge.cards, result.value) : errorCard(edge.cards, result.error);
};

export const JOIN_VERBS = [
  defineVerb({
    name: 'join.approve',
    input: request,
    run: (turn, { requestId }) => decide(turn, requestId, true),
  }),
  defineVerb({
    name: 'join.decline',
    input: request,
    run: (turn, { requestId }) => decide(turn, requestId, false),
  }),
];
