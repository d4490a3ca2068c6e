// Task-and-finish groups: coordinators set one up on an emerging theme with a few partners and an end date;
// its actions belong to the town like any other (they count in the town's summary) and carry the group.
// When a group passes its end date with actions still open, its coordinators are asked to close or extend it.
import type { ScreenedText } from '../domain/screened-text.js';
import { AppError, ErrorCode } from '../errors.js';
import { isOpen, type ActionHeadline } from '../domain/action.js';
import { closeGroup, extendGroup, isOverrun, newTaskGroup, type TaskGroup } from '../domain/task-group.js';
import { fail, ok, type Result } from '../domain/result.js';
import { townBySlug, TOWNS, type TownSlug } from '../domain/towns.js';
import { audit } from './audit-trail.js';
import { authorise } from './authorise.js';
import { abilitiesIn, type TownAbilities } from './card-context.js';
import { changeRecord, checked } from './versioned-change.js';
import { today } from './read-models.js';
import type { LocalDate } from '../domain/dates.js';
import type { Actor } from '../domain/entity.js';
import type { ReminderKey } from '../domain/reminder.js';
import type { AppContext } from './context.js';
import type { GroupOverrunDelivery } from './outward-ports.js';

export interface GroupView {
  group: TaskGroup;
  actions: ActionHeadline[];
}

/** One group for its card: with what the person may do there, as the use case found it. */
export interface GroupShown extends GroupView {
  may: TownAbilities;
}

export async function createTaskGroup(
  ctx: AppContext,
  actor: Actor,
  input: { town: TownSlug; theme: ScreenedText; memberIds: string[]; endDate: unknown },
): Promise<Result<GroupShown, AppError>> {
  const access = await authorise(ctx, actor, input.town, 'coordinate');
  if (!access.ok) return access;
  const group = newTaskGroup(input, ctx.ids.newId(), today(ctx));
  if (!group.ok) return fail(AppError.validation(group.error, 'The group is not ready yet'));
  const seats = await ctx.stores.members.listByTown(input.town);
  const strangers = group.value.memberIds.filter((id) => !seats.some((m) => m.aadObjectId === id));
  if (strangers.length)
    return fail(
      new AppError(
        ErrorCode.Validation,
        `Group members must be ${townBySlug(input.town).name} partnership members`,
      ),
    );
  const entity = { kind: 'task_group' as const, id: group.value.id, label: group.value.theme };
  await ctx.stores.taskGroups.insert(
    group.value,
    audit(ctx, {
      actor,
      change: 'task_group.created',
      entity,
      town: input.town,
      before: null,
      after: group.value,
    }),
  );
  return ok({ group: group.value, actions: [], may: await abilitiesIn(ctx, actor, input.town) });
}

export async function listTaskGroups(
  ctx: AppContext,
  actor: Actor,
  town: TownSlug,
): Promise<Result<GroupView[], AppError>> {
  const access = await authorise(ctx, actor, town, 'read');
  if (!access.ok) return access;
  const [groups, actions] = await Promise.all([
    ctx.stores.taskGroups.listByTown(town),
    ctx.stores.actions.listByTown(town),
  ]);
  return ok(groups.map((group) => ({ group, actions: actions.filter((a) => a.taskGroupId === group.id) })));
}

export async function groupById(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<Result<GroupShown, AppError>> {
  const group = await ctx.stores.taskGroups.get(id);
  if (!group) return fail(new AppError(ErrorCode.NotFound, 'That group no longer exists'));
  const access = await authorise(ctx, actor, group.town, 'read');
  if (!access.ok) return access;
  const [all, may] = await Promise.all([
    ctx.stores.actions.listByTown(group.town),
    abilitiesIn(ctx, actor, group.town),
  ]);
  return ok({ group, actions: all.filter((a) => a.taskGroupId === group.id), may });
}

export async function changeTaskGroup(
  ctx: AppContext,
  actor: Actor,
  request: {
    groupId: string;
    expectedVersion: number;
    change: { kind: 'close' } | { kind: 'extend'; endDate: LocalDate };
  },
): Promise<Result<GroupShown, AppError>> {
  const { change } = request;
  const changed = await changeRecord(ctx, actor, {
    load: () => ctx.stores.taskGroups.get(request.groupId),
    missing: 'That group no longer exists',
    authorise: (group) => authorise(ctx, actor, group.town, 'coordinate'),
    expectedVersion: request.expectedVersion,
    stale: (group) => `The "${group.theme}" group changed while you were looking at it. Nothing was changed.`,
    apply: (group) =>
      checked(
        change.kind === 'close' ? closeGroup(group) : extendGroup(group, change.endDate, today(ctx)),
        `The "${group.theme}" group was not changed`,
      ),
    describe: (before, after) => ({
      change: `task_group.${change.kind === 'close' ? 'closed' : 'extended'}`,
      entity: { kind: 'task_group', id: before.id, label: before.theme },
      town: before.town,
      before: { status: before.status, endDate: before.endDate },
      after: { status: after.status, endDate: after.endDate },
    }),
    save: (next, version, event) => ctx.stores.taskGroups.update(next, version, event),
  });
  return changed.ok ? groupById(ctx, actor, changed.value.id) : changed;
}

/**
 * Groups past their end date with actions still open: each is raised with the town's coordinators once per
 * end date (an extension sets a new date, and so a new reminder when that one passes).
 */
export async function remindOverrunGroups(
  ctx: AppContext,
  delivery: GroupOverrunDelivery,
  options: { worker: string; leaseMs: number },
): Promise<number> {
  const now = ctx.clock.now();
  const day = today(ctx);
  let sent = 0;
  for (const { slug } of TOWNS) {
    const groups = (await ctx.stores.taskGroups.listByTown(slug)).filter((g) => isOverrun(g, day));
    if (!groups.length) continue;
    const actions = await ctx.stores.actions.listByTown(slug);
    for (const group of groups) {
      const open = actions.filter((a) => a.taskGroupId === group.id && isOpen(a));
      if (!open.length) continue;
      const key: ReminderKey = {
        actionId: `group:${group.id}`,
        kind: 'group_overrun',
        window: group.endDate,
      };
      if (
        !(await ctx.stores.reminders.claim(
          key,
          options.worker,
          now,
          new Date(now.getTime() + options.leaseMs),
        ))
      )
        continue;
      try {
        const outcome = await delivery.groupOverrun({ group, actions: open });
        if (outcome === 'sent') {
          await ctx.stores.reminders.markSent(key, options.worker, ctx.clock.now());
          sent++;
        } else await ctx.stores.reminders.markFailed(key, options.worker, 'no coordinator could be reached');
      } catch {
        // transient: the claim lapses and a later sweep tries again
      }
    }
  }
  return sent;
}
