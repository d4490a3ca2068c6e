// Verbs of the new-action form: redraw it (a town or plan chosen) and create the action.
import { z } from 'zod';
import { ErrorCode } from '../../errors.js';
import { TEXT_LIMITS } from '../../domain/text.js';
import { townSlugSchema } from '../../domain/towns.js';
import { createAction } from '../../app/create-action.js';
import { actionFormContext } from '../../app/action-form.js';
import { today } from '../../app/read-models.js';
import { cardText, recordId } from '../card-inputs.js';
import { actionFormCard, errorCard } from '../replies.js';
import { NOTHING_TYPED as blank } from '../../domain/personal-data.js';
import { showAction } from './action-card.js';
import { messageCard, postedInThisChannel } from './outcome.js';
import { defineVerb, idList } from './verb.js';
import { coachInputs, MILESTONE_STEPS, milestonesOf } from '../milestone-inputs.js';
import { coachBlock } from '../../cards/coach-views.js';

const FREE_TEXT = [
  'title',
  'measure',
  'target',
  'firstNote',
  'revisionReason',
  'warningsReason',
  ...MILESTONE_STEPS,
] as const;

export const NEW_ACTION_VERBS = [
  defineVerb({
    name: 'action.form',
    input: z.object({ town: townSlugSchema }).catchall(z.string().max(2000).optional()),
    run: async ({ edge, actor }, data) => {
      const context = await actionFormContext(edge.ctx, actor, data.town);
      if (!context.ok) return errorCard(edge.cards, context.error);
      return actionFormCard(edge.cards, context.value, today(edge.ctx), [], data);
    },
  }),
  defineVerb({
    name: 'action.create',
    input: z.object({
      town: townSlugSchema,
      planId: recordId,
      priorityId: z.string().max(100).optional(),
      taskGroupId: z.string().max(100).optional(),
      title: cardText(TEXT_LIMITS.title).optional(),
      measure: cardText(TEXT_LIMITS.measure).optional(),
      target: cardText(TEXT_LIMITS.target).optional(),
      ownerIds: z.string().max(2000).optional(),
      dueDate: z.string().max(20).optional(),
      revisionReason: cardText(TEXT_LIMITS.reason).optional(),
      // Made from a chat message (the message extension): its first note, and whether to post it there too.
      firstNote: cardText(TEXT_LIMITS.note).optional(),
      fromMessage: z.enum(['true', '']).optional(),
      postHere: z.enum(['true', 'false']).optional(),
      // Proposed during a meeting (its side panel), confirmed here by the organiser: "meetingId:proposalId".
      proposal: z.string().max(200).optional(),
      ...coachInputs,
    }),
    freeText: FREE_TEXT,
    confirmable: true,
    run: async (turn, data) => {
      const { edge, actor, saved } = turn;
      const result = await createAction(edge.ctx, actor, {
        town: data.town,
        planId: data.planId,
        priorityId: data.priorityId,
        taskGroupId: data.taskGroupId || null,
        title: data.title ?? blank,
        measure: data.measure ?? blank,
        target: data.target ?? blank,
        ownerIds: idList(data.ownerIds),
        dueDate: data.dueDate ?? '',
        revisionReason: data.revisionReason ?? null,
        firstNote: data.firstNote,
        proposal: data.proposal,
        milestones: milestonesOf(data),
        warningsSeen: data.warningsSeen,
        warningsReason: data.warningsReason,
      });
      if (!result.ok) {
        if (result.error.code !== ErrorCode.Validation) return errorCard(edge.cards, result.error);
        const context = await actionFormContext(edge.ctx, actor, data.town, data.planId);
        if (!context.ok) return errorCard(edge.cards, context.error);
        const messages = result.error.issues.map((i) => ({ message: i.message }));
        return actionFormCard(edge.cards, context.value, today(edge.ctx), messages, data);
      }
      if (result.value.kind === 'coach') {
        const context = await actionFormContext(edge.ctx, actor, data.town, data.planId);
        if (!context.ok) return errorCard(edge.cards, context.error);
        const { findings, problem } = result.value;
        return actionFormCard(
          edge.cards,
          context.value,
          today(edge.ctx),
          [],
          data,
          coachBlock(findings, problem),
        );
      }
      const { action, effects } = result.value;
      saved?.(action);
      const published = await edge.effects.run(effects);
      if (await postedInThisChannel(turn, action.town, published))
        return messageCard(edge.cards, `Created ${action.ref}`, 'Its card is posted in this channel.');
      const notice =
        published === 'no_channel'
          ? `Created. ${action.ref} is not in a channel yet: the town has no linked channel.`
          : `Created ${action.ref}.`;
      return showAction(edge, actor, action, notice);
    },
  }),
];
