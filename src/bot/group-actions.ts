// Action.Execute verbs for task-and-finish groups: set one up from the form, open it, extend or close it.
import { z } from 'zod';
import { recordId, cardVersion } from './card-inputs.js';
import { ErrorCode } from '../errors.js';
import { localDateSchema } from '../domain/dates.js';
import { canCoordinate } from '../domain/roles.js';
import { TEXT_LIMITS } from '../domain/text.js';
import { townSlugSchema, type TownSlug } from '../domain/towns.js';
import { roleIn } from '../app/authorise.js';
import { changeTaskGroup, createTaskGroup, groupById, type GroupView } from '../app/task-groups.js';
import { today } from '../app/read-models.js';
import { groupCard, groupFormCard } from '../cards/group-views.js';
import { errorCard } from './replies.js';
import type { Result } from '../domain/result.js';
import type { AppError } from '../errors.js';
import type { Actor } from '../domain/entity.js';
import type { AppContext } from '../app/context.js';
import type { Card, CardRenderer } from '../cards/render.js';

const id = recordId;
const version = cardVersion;

export const GROUP_VERB_SCHEMAS = {
  'group.refresh': z.object({ groupId: id }),
  'group.create': z.object({
    town: townSlugSchema,
    theme: z
      .string()
      .max(TEXT_LIMITS.theme * 2)
      .optional(),
    memberIds: z.string().max(5000).optional(),
    endDate: z.string().max(20).optional(),
  }),
  'group.extend': z.object({ groupId: id, version, endDate: localDateSchema }),
  'group.close': z.object({ groupId: id, version }),
} as const;

export type GroupVerb = keyof typeof GROUP_VERB_SCHEMAS;

export class GroupActions {
  constructor(
    private readonly ctx: AppContext,
    private readonly cards: CardRenderer,
  ) {}

  async handle(actor: Actor, verb: GroupVerb, data: Record<string, unknown>): Promise<Card> {
    const groupId = typeof data.groupId === 'string' ? data.groupId : '';
    const expectedVersion = Number(data.version);
    switch (verb) {
      case 'group.refresh':
        return this.show(actor, await groupById(this.ctx, actor, groupId));
      case 'group.create':
        return this.create(actor, data);
      case 'group.extend':
      case 'group.close': {
        const change =
          verb === 'group.close'
            ? { kind: 'close' as const }
            : { kind: 'extend' as const, endDate: String(data.endDate) };
        const result = await changeTaskGroup(this.ctx, actor, { groupId, expectedVersion, change });
        if (result.ok)
          return this.card(actor, result.value, verb === 'group.close' ? 'Closed.' : 'Extended.');
        if (result.error.code !== ErrorCode.StaleVersion) return errorCard(this.cards, result.error);
        return this.show(actor, await groupById(this.ctx, actor, groupId), result.error.message);
      }
    }
  }

  async card(actor: Actor, view: GroupView, notice = ''): Promise<Card> {
    const role = await roleIn(this.ctx, actor, view.group.town);
    const members = await this.ctx.stores.members.listByTown(view.group.town);
    const options = { canManage: !!role && canCoordinate(role), notice };
    return this.cards.render('group', groupCard(view, members, today(this.ctx), options));
  }

  async form(
    town: TownSlug,
    problems: string[] = [],
    values: Record<string, string | undefined> = {},
  ): Promise<Card> {
    const members = await this.ctx.stores.members.listByTown(town);
    return this.cards.render('group-form', groupFormCard(town, members, today(this.ctx), problems, values));
  }

  private async show(actor: Actor, result: Result<GroupView, AppError>, notice = ''): Promise<Card> {
    return result.ok ? this.card(actor, result.value, notice) : errorCard(this.cards, result.error);
  }

  private async create(actor: Actor, data: Record<string, unknown>): Promise<Card> {
    const town = townSlugSchema.parse(data.town);
    const memberIds = (typeof data.memberIds === 'string' ? data.memberIds : '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const created = await createTaskGroup(this.ctx, actor, {
      town,
      theme: data.theme ?? '',
      memberIds,
      endDate: data.endDate ?? '',
    });
    if (created.ok)
      return this.card(actor, created.value, 'Group set up. Add its actions with "new action".');
    if (created.error.code !== ErrorCode.Validation) return errorCard(this.cards, created.error);
    const problems = created.error.issues.length
      ? created.error.issues.map((i) => i.message)
      : [created.error.message];
    return this.form(town, problems, data as Record<string, string | undefined>);
  }
}
