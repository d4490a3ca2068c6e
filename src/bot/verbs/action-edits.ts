// Verbs for the rest of an action's life on its card: its history, and the edit form (owners by owners and
// coordinators; title, measure, target, priority, group, visibility and repetition by coordinators).
import { z } from 'zod';
import { ErrorCode } from '../../errors.js';
import { TEXT_LIMITS } from '../../domain/text.js';
import { recurrenceSchema } from '../../domain/recurrence.js';
import { actionHistory } from '../../app/action-history.js';
import { actionEditContext } from '../../app/action-edit-form.js';
import { reviseAction } from '../../app/revise-action.js';
import { currentAction } from '../../app/card-context.js';
import { actionEditCard, NONE } from '../../cards/action-edit-views.js';
import { historyLines } from '../../cards/history-views.js';
import { cardText, cardVersion, recordId } from '../card-inputs.js';
import { errorCard } from '../replies.js';
import { renderActionCard } from '../render-action.js';
import { showAction } from './action-card.js';
import { defineVerb, idList, type VerbTurn } from './verb.js';
import type { ActionEdit } from '../../domain/action-edit.js';
import type { WithScreened } from '../../domain/screened-text.js';
import type { Card } from '../../cards/render.js';
import { coachBlock, type CoachData } from '../../cards/coach-views.js';
import { coachInputs, MILESTONE_STEPS, milestonesOf } from '../milestone-inputs.js';

const editInput = z.object({
  actionId: recordId,
  version: cardVersion,
  ownerIds: z.string().max(2000).optional(),
  title: cardText(TEXT_LIMITS.title).optional(),
  measure: cardText(TEXT_LIMITS.measure).optional(),
  target: cardText(TEXT_LIMITS.target).optional(),
  priorityId: z.string().max(100).optional(),
  taskGroupId: z.string().max(100).optional(),
  recurrence: z.union([z.literal(NONE), z.literal(''), recurrenceSchema]).optional(),
  public: z.enum(['true', 'false']).optional(),
  revisionReason: cardText(TEXT_LIMITS.reason).optional(),
  ...coachInputs,
});
const EDIT_FREE_TEXT = [
  'title',
  'measure',
  'target',
  'revisionReason',
  'warningsReason',
  ...MILESTONE_STEPS,
] as const;
type EditInput = WithScreened<z.output<typeof editInput>, (typeof EDIT_FREE_TEXT)[number]>;

export const ACTION_EDIT_VERBS = [
  defineVerb({
    name: 'action.history',
    input: z.object({ actionId: recordId, page: z.coerce.number().int().min(0).max(1_000).default(0) }),
    run: async ({ edge, actor }, { actionId, page }) => {
      const found = await actionHistory(edge.ctx, actor, { actionId, page });
      if (!found.ok) return errorCard(edge.cards, found.error);
      const { action, events, hasOlder, mayEdit } = found.value;
      const lines = historyLines(events, edge.ctx.settings.timeZone);
      return renderActionCard(edge.cards, edge.ctx, action, {
        canEdit: mayEdit,
        refreshUserIds: await edge.messenger.teamsIdsOf(action),
        history: { lines, page: found.value.page, older: hasOlder },
      });
    },
  }),
  defineVerb({
    name: 'action.edit_form',
    input: z.object({ actionId: recordId }),
    run: async ({ edge, actor }, { actionId }) => {
      const form = await actionEditContext(edge.ctx, actor, actionId);
      if (!form.ok) return errorCard(edge.cards, form.error);
      return edge.cards.render('action-edit', actionEditCard(form.value));
    },
  }),
  defineVerb({
    name: 'action.edit',
    input: editInput,
    freeText: EDIT_FREE_TEXT,
    run: (turn, input) => saveEdit(turn, input),
  }),
];

/** The edit as the form sent it: only the fields it had (an owner's form has the owners only). */
function editOf(input: EditInput): ActionEdit {
  const edit: ActionEdit = {};
  if (input.ownerIds !== undefined) edit.ownerIds = idList(input.ownerIds);
  if (input.title !== undefined) edit.title = input.title;
  if (input.measure !== undefined) edit.measure = input.measure;
  if (input.target !== undefined) edit.target = input.target;
  if (input.priorityId !== undefined) edit.priorityId = input.priorityId;
  if (input.taskGroupId !== undefined)
    edit.taskGroupId = input.taskGroupId === NONE ? null : input.taskGroupId || null;
  if (input.recurrence !== undefined)
    edit.recurrence = input.recurrence === NONE || input.recurrence === '' ? null : input.recurrence;
  if (input.public !== undefined) edit.public = input.public === 'true';
  // The coordinator's form has the milestone pairs; an owner's hand-over form has none.
  if (MILESTONE_STEPS.some((k) => input[k] !== undefined)) edit.milestones = milestonesOf(input);
  return edit;
}

/** The form shown again with what they typed, every problem and the coach's warnings; nothing saved. */
async function editFormAgain(
  { edge, actor }: VerbTurn,
  input: EditInput,
  problems: { message: string }[],
  coach: CoachData,
): Promise<Card> {
  const form = await actionEditContext(edge.ctx, actor, input.actionId);
  if (!form.ok) return errorCard(edge.cards, form.error);
  const typed = Object.fromEntries(
    Object.entries(input).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
  return edge.cards.render('action-edit', actionEditCard(form.value, problems, typed, coach));
}

async function saveEdit(turn: VerbTurn, input: EditInput): Promise<Card> {
  const { edge, actor } = turn;
  const { actionId, version } = input;
  const result = await reviseAction(edge.ctx, actor, {
    actionId,
    expectedVersion: version,
    edit: editOf(input),
    reason: input.revisionReason ?? null,
    warningsSeen: input.warningsSeen,
    warningsReason: input.warningsReason,
  });
  if (!result.ok) {
    const { code } = result.error;
    if (code === ErrorCode.StaleVersion) {
      const current = await currentAction(edge.ctx, actionId);
      return current
        ? showAction(edge, actor, current, result.error.message)
        : errorCard(edge.cards, result.error);
    }
    if (code !== ErrorCode.Validation) return errorCard(edge.cards, result.error);
    const problems = result.error.issues.map((i) => ({ message: i.message }));
    return editFormAgain(turn, input, problems, coachBlock());
  }
  if (result.value.kind === 'ask')
    return editFormAgain(turn, input, [], coachBlock(result.value.findings, result.value.problem));
  const { action, changed, effects, mayEdit } = result.value;
  const published = await edge.effects.run(effects);
  const saved = `Saved: ${changed.map((f) => FIELD_NAMES[f] ?? f).join(', ')} changed.`;
  const notice = published === 'no_channel' ? `${saved} The town has no linked channel yet.` : saved;
  return showAction(edge, actor, action, notice, mayEdit);
}

const FIELD_NAMES: Record<string, string> = {
  priorityId: 'priority',
  taskGroupId: 'task group',
  public: 'public summary',
  recurrence: 'repetition',
};
