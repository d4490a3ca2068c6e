// Corrections to an action after it was written: its owners (a hand-over), and, for coordinators, its title,
// measure and target, priority, task group and whether it is public. Every edit is held to the SMART rules a
// new action is (action-checks.ts), and an edit that changes nothing is refused rather than recorded.
import type { ScreenedText } from './screened-text.js';
import { isOpen, type Action } from './action.js';
import { ownersFrom, relevanceProblems, titleProblems } from './action-checks.js';
import { fail, issue, ok, type Issue, type Validated } from './result.js';
import { TEXT_LIMITS, textField } from './text.js';
import type { Member } from './member.js';
import type { DeliveryPlan } from './plan.js';
import type { Priority } from './priority.js';
import type { TaskGroup } from './task-group.js';
import type { Recurrence } from './recurrence.js';
import { milestonesFrom, type MilestoneInput } from './milestone.js';
import type { LocalDate } from './dates.js';

/** What an edit may set; absent fields stay as they are. */
/** An edit's typed text is as the personal-data guard let it through (ScreenedText). */
export interface ActionEdit {
  title?: ScreenedText;
  measure?: ScreenedText;
  target?: ScreenedText;
  priorityId?: string;
  taskGroupId?: string | null;
  public?: boolean;
  ownerIds?: readonly string[];
  /** Comes round again when done; null: does not repeat. */
  recurrence?: Recurrence | null;
  /** The milestones as the form now has them (all of them: blank pairs are dropped). */
  milestones?: readonly (MilestoneInput & { title?: ScreenedText | undefined })[];
}

/** The fields only a coordinator may change (owners may also hand an action over). */
export const COORDINATOR_FIELDS = [
  'title',
  'measure',
  'target',
  'priorityId',
  'taskGroupId',
  'public',
  'recurrence',
  'milestones',
] as const satisfies readonly (keyof ActionEdit)[];

export interface EditContext {
  /** Today in the partnership's time zone (milestones may not be set in the past); else the UTC date of `at`. */
  today?: LocalDate;
  plan: DeliveryPlan | null;
  priorities: readonly Priority[];
  members: readonly Member[];
  /** The task group the edit names (null when it names none). */
  taskGroup: TaskGroup | null;
}

const TEXT = {
  title: textField('Title', TEXT_LIMITS.title),
  measure: textField('Measure', TEXT_LIMITS.measure),
  target: textField('Target', TEXT_LIMITS.target),
};

/** The action as edited, or every problem with the edit at once. */
export function editAction(action: Action, edit: ActionEdit, ctx: EditContext, at: Date): Validated<Action> {
  const problems: Issue[] = [];
  const next: Action = { ...action };
  for (const field of ['title', 'measure', 'target'] as const) {
    if (edit[field] === undefined) continue;
    const parsed = TEXT[field].safeParse(edit[field]);
    if (parsed.success) next[field] = parsed.data;
    else problems.push(issue(field, parsed.error.issues[0]!.message));
  }
  if (edit.title !== undefined && next.title !== action.title) problems.push(...titleProblems(next.title));
  if (edit.priorityId !== undefined) next.priorityId = edit.priorityId;
  if (edit.taskGroupId !== undefined) next.taskGroupId = edit.taskGroupId;
  if (next.priorityId !== action.priorityId || next.taskGroupId !== action.taskGroupId)
    problems.push(...relevanceProblems(next, ctx).filter((p) => p.field !== 'planId'));
  if (edit.public !== undefined) next.public = edit.public;
  if (edit.recurrence !== undefined && edit.recurrence !== (action.recurrence ?? null)) {
    if (action.status === 'cancelled')
      problems.push(issue('recurrence', `${action.ref} is cancelled: reinstate it before making it repeat`));
    else if (action.status === 'done' && edit.recurrence)
      problems.push(
        issue('recurrence', `${action.ref} is done: make its next occurrence repeat, or reopen this one`),
      );
    else next.recurrence = edit.recurrence;
  }
  if (edit.milestones !== undefined) {
    const span = { today: ctx.today ?? at.toISOString().slice(0, 10), dueDate: action.dueDate };
    const milestones = milestonesFrom(edit.milestones, span, action.milestones ?? []);
    if (milestones.ok) next.milestones = milestones.value;
    else problems.push(...milestones.error);
  }
  if (edit.ownerIds !== undefined) {
    const owners = ownersFrom(edit.ownerIds, action.town, ctx.members, problems);
    if (sameOwners(owners, action.owners)) next.owners = action.owners;
    else if (!isOpen(action))
      problems.push(issue('ownerIds', `${action.ref} is closed: reopen it before handing it over`));
    else next.owners = owners;
  }
  if (problems.length) return fail(problems);
  if (changedFields(action, next).length === 0)
    return fail([issue('action', `Nothing to change: ${action.ref} already reads like that`)]);
  return ok({ ...next, updatedAt: at.toISOString() });
}

/** The fields an edit changed, in the order the card shows them. */
export function changedFields(before: Action, after: Action): (keyof ActionEdit | 'owners')[] {
  const fields = [...COORDINATOR_FIELDS, 'owners'] as const;
  const value = (a: Action, f: (typeof fields)[number]) =>
    JSON.stringify(
      f === 'public'
        ? a.public === true
        : f === 'owners'
          ? a.owners.map((o) => o.aadObjectId)
          : f === 'milestones'
            ? (a.milestones ?? [])
            : (a[f] ?? null),
    );
  return fields.filter((f) => value(before, f) !== value(after, f));
}

const sameOwners = (a: readonly { aadObjectId: string }[], b: readonly { aadObjectId: string }[]) =>
  a.length === b.length && a.every((o) => b.some((p) => p.aadObjectId === o.aadObjectId));

/** Who was given the action by an edit, and who was taken off it. */
export function ownerChanges(before: Action, after: Action) {
  const had = (a: Action, id: string) => a.owners.some((o) => o.aadObjectId === id);
  return {
    added: after.owners.filter((o) => !had(before, o.aadObjectId)),
    removed: before.owners.filter((o) => !had(after, o.aadObjectId)),
  };
}
