// Verbs for task-and-finish groups: set one up from the form, open it, extend or close it.
import { NOTHING_TYPED as blank } from '../../domain/personal-data.js';
import { z } from 'zod';
import { localDateSchema } from '../../domain/dates.js';
import { TEXT_LIMITS } from '../../domain/text.js';
import { townSlugSchema, type TownSlug } from '../../domain/towns.js';
import { changeTaskGroup, createTaskGroup, groupById, type GroupShown } from '../../app/task-groups.js';
import { townMembers } from '../../app/card-context.js';
import { today } from '../../app/read-models.js';
import { groupCard, groupFormCard } from '../../cards/group-views.js';
import { cardVersion, recordId } from '../card-inputs.js';
import { errorCard } from '../replies.js';
import { cardFor, formProblems, shownOrError, type Shown } from './outcome.js';
import { defineVerb, idList, type VerbTurn } from './verb.js';
import type { Card } from '../../cards/render.js';
import type { BotEdge } from '../edge.js';

async function showGroup(edge: BotEdge, view: GroupShown, notice = ''): Promise<Card> {
  const members = await townMembers(edge.ctx, view.group.town);
  const options = { canManage: view.may.coordinate, notice };
  return edge.cards.render('group', groupCard(view, members, today(edge.ctx), options));
}

export async function groupForm(
  edge: BotEdge,
  town: TownSlug,
  problems: string[] = [],
  values: Record<string, string | undefined> = {},
): Promise<Card> {
  const members = await townMembers(edge.ctx, town);
  return edge.cards.render('group-form', groupFormCard(town, members, today(edge.ctx), problems, values));
}

const shown = ({ edge, actor }: VerbTurn, groupId: string): Shown<GroupShown> => ({
  cards: edge.cards,
  show: (view, notice) => showGroup(edge, view, notice),
  reload: () => groupById(edge.ctx, actor, groupId),
});

const change = { groupId: recordId, version: cardVersion };

export const GROUP_VERBS = [
  defineVerb({
    name: 'group.refresh',
    input: z.object({ groupId: recordId }),
    run: async (turn, { groupId }) =>
      shownOrError(await groupById(turn.edge.ctx, turn.actor, groupId), shown(turn, groupId)),
  }),
  defineVerb({
    // "Open" on a line of the town's list of groups: another record than the list, so `opens`.
    name: 'group.show',
    input: z.object({ groupId: recordId }),
    opens: true,
    run: async (turn, { groupId }) =>
      shownOrError(await groupById(turn.edge.ctx, turn.actor, groupId), shown(turn, groupId)),
  }),
  defineVerb({
    name: 'group.create',
    input: z.object({
      town: townSlugSchema,
      theme: z
        .string()
        .max(TEXT_LIMITS.theme * 2)
        .optional(),
      memberIds: z.string().max(5000).optional(),
      endDate: z.string().max(20).optional(),
    }),
    freeText: ['theme'],
    run: async ({ edge, actor }, data) => {
      const created = await createTaskGroup(edge.ctx, actor, {
        town: data.town,
        theme: data.theme ?? blank,
        memberIds: idList(data.memberIds),
        endDate: data.endDate ?? '',
      });
      if (created.ok)
        return showGroup(edge, created.value, 'Group set up. Add its actions with "new action".');
      const problems = formProblems(created.error);
      return problems ? groupForm(edge, data.town, problems, data) : errorCard(edge.cards, created.error);
    },
  }),
  defineVerb({
    name: 'group.extend',
    input: z.object({ ...change, endDate: localDateSchema }),
    run: async (turn, { groupId, version, endDate }) => {
      const request = { groupId, expectedVersion: version, change: { kind: 'extend' as const, endDate } };
      return cardFor(
        await changeTaskGroup(turn.edge.ctx, turn.actor, request),
        shown(turn, groupId),
        'Extended.',
      );
    },
  }),
  defineVerb({
    name: 'group.close',
    input: z.object(change),
    run: async (turn, { groupId, version }) => {
      const request = { groupId, expectedVersion: version, change: { kind: 'close' as const } };
      return cardFor(
        await changeTaskGroup(turn.edge.ctx, turn.actor, request),
        shown(turn, groupId),
        'Closed.',
      );
    },
  }),
];
