// The SMART rules an action is held to, shared by a new action and an edit: one wording of each rule.
import { canUpdateActions } from './roles.js';
import { issue, type Issue } from './result.js';
import { townBySlug, type TownSlug } from './towns.js';
import type { PersonRef } from './entity.js';
import type { Member } from './member.js';
import type { DeliveryPlan } from './plan.js';
import type { Priority } from './priority.js';
import type { TaskGroup } from './task-group.js';

const MIN_TITLE_WORDS = 3;
/** At most 10 owners: an action everyone owns is owned by nobody. */
const MAX_OWNERS = 10;

/** Specific: the title says what will be done and where. */
export function titleProblems(title: string): Issue[] {
  return title.split(/\s+/).length < MIN_TITLE_WORDS
    ? [
        issue(
          'title',
          'Make the title specific: say what will be done and where, e.g. "Install lighting in Lemon Street car park"',
        ),
      ]
    : [];
}

/** Relevant: tied to a priority of the town's plan (and, when it has one, to one of its task groups). */
export function relevanceProblems(
  a: { town: TownSlug; planId: string; priorityId: string; taskGroupId: string | null },
  ctx: { plan: DeliveryPlan | null; priorities: readonly Priority[]; taskGroup: TaskGroup | null },
): Issue[] {
  const town = townBySlug(a.town).name;
  const problems: Issue[] = [];
  if (!ctx.plan || ctx.plan.id !== a.planId || ctx.plan.town !== a.town)
    problems.push(issue('planId', `That delivery plan does not belong to ${town}`));
  if (!ctx.priorities.some((p) => p.id === a.priorityId && p.town === a.town && p.planId === a.planId))
    problems.push(issue('priorityId', `That priority is not one of ${town}'s plan priorities`));
  if (
    a.taskGroupId &&
    (!ctx.taskGroup || ctx.taskGroup.id !== a.taskGroupId || ctx.taskGroup.town !== a.town)
  )
    problems.push(issue('taskGroupId', `That task-and-finish group does not belong to ${town}`));
  return problems;
}

/** Achievable: owned by partners of the town who can update actions; the owners, or the problems found. */
export function ownersFrom(
  ids: readonly string[],
  town: TownSlug,
  members: readonly Member[],
  problems: Issue[],
): PersonRef[] {
  const name = townBySlug(town).name;
  const owners: PersonRef[] = [];
  const unique = [...new Set(ids)];
  if (!unique.length) problems.push(issue('ownerIds', 'Name at least one owner'));
  if (unique.length > MAX_OWNERS)
    problems.push(
      issue('ownerIds', `At most ${MAX_OWNERS} owners: an action everyone owns is owned by nobody`),
    );
  for (const id of unique) {
    const seat = members.find((m) => m.aadObjectId === id && m.town === town);
    if (!seat) problems.push(issue('ownerIds', `Owner ${id} is not a member of the ${name} partnership`));
    else if (!canUpdateActions(seat.accessRole)) {
      problems.push(issue('ownerIds', `${seat.displayName} is a viewer in ${name} and cannot own actions`));
    } else owners.push({ aadObjectId: seat.aadObjectId, displayName: seat.displayName });
  }
  return owners;
}
