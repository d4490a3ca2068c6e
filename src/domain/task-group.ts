import { z } from 'zod';
import { daysBetween, localDateSchema, type LocalDate } from './dates.js';
import { fail, issue, ok, type Validated } from './result.js';
import { TEXT_LIMITS, textField } from './text.js';
import { townSlugSchema, type TownSlug } from './towns.js';
import type { Versioned } from './entity.js';

/** A task-and-finish group: a few partners on an emerging theme until an end date. */
export interface TaskGroup extends Versioned {
  town: TownSlug;
  theme: string;
  memberIds: string[];
  endDate: LocalDate;
  status: 'open' | 'closed';
  demo: boolean;
}

const taskGroupInputSchema = z.object({
  town: townSlugSchema,
  theme: textField('Theme', TEXT_LIMITS.theme),
  memberIds: z.array(z.string().min(1)).min(1, 'A task-and-finish group needs at least one member'),
  endDate: localDateSchema,
  demo: z.boolean().default(false),
});

export function newTaskGroup(input: unknown, id: string, today: LocalDate): Validated<TaskGroup> {
  const parsed = taskGroupInputSchema.safeParse(input);
  if (!parsed.success) return fail(parsed.error.issues.map((i) => issue(i.path.join('.'), i.message)));
  if (daysBetween(today, parsed.data.endDate) <= 0) {
    return fail([issue('endDate', 'A task-and-finish group must end in the future')]);
  }
  return ok({
    ...parsed.data,
    memberIds: [...new Set(parsed.data.memberIds)],
    id,
    version: 1,
    status: 'open',
  });
}

/** Past its end date and still open: the coordinator should close or extend it. */
export function isOverrun(group: TaskGroup, today: LocalDate): boolean {
  return group.status === 'open' && daysBetween(today, group.endDate) < 0;
}

export function closeGroup(group: TaskGroup): Validated<TaskGroup> {
  if (group.status === 'closed')
    return fail([issue('status', `The "${group.theme}" group is already closed`)]);
  return ok({ ...group, status: 'closed' });
}

/** A new end date for an open group: later than the current one, and in the future. */
export function extendGroup(group: TaskGroup, endDate: LocalDate, today: LocalDate): Validated<TaskGroup> {
  if (group.status === 'closed') return fail([issue('status', `The "${group.theme}" group is closed`)]);
  if (endDate <= group.endDate || daysBetween(today, endDate) <= 0)
    return fail([issue('endDate', `Choose an end date after ${group.endDate} and after today`)]);
  return ok({ ...group, endDate });
}
