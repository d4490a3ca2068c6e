// Domain records -> card data for the edit form and the hand-over. Pure.
import { townBySlug } from '../domain/towns.js';
import { RECURRENCES, RECURRENCE_LABELS } from '../domain/recurrence.js';
import { STATUS_LABELS, type Action, type ActionHeadline } from '../domain/action.js';
import type { PersonRef } from '../domain/entity.js';
import type { Member } from '../domain/member.js';
import type { DeliveryPlan } from '../domain/plan.js';
import type { Priority } from '../domain/priority.js';
import type { TaskGroup } from '../domain/task-group.js';
import type { CardData } from './card-data.js';
import { coachBlock, milestoneValues, type CoachData } from './coach-views.js';

/** The choice for no task group, and for an action that does not repeat (a choice needs a value). */
export const NONE = 'none';

type Problems = readonly { message: string }[];
type Values = Readonly<Record<string, string | undefined>>;

const memberChoices = (members: readonly Member[]) =>
  members.map((m) => ({ title: `${m.displayName} (${m.organisation})`, value: m.aadObjectId }));

export function actionEditCard(
  form: {
    action: Action;
    canEditAll: boolean;
    plan: DeliveryPlan | null;
    priorities: readonly Priority[];
    owners: readonly Member[];
    taskGroups: readonly TaskGroup[];
  },
  problems: Problems = [],
  /** What the person typed, shown again with the problems; else the action as it is. */
  typed: Values = {},
  coach: CoachData = coachBlock(),
): CardData<'action-edit'> {
  const { action } = form;
  const v = (key: string, current: string) => typed[key] ?? current;
  const milestone = (n: number) => action.milestones?.[n - 1];
  return {
    actionId: action.id,
    version: action.version,
    heading: form.canEditAll ? `Edit ${action.ref}` : `Hand over ${action.ref}`,
    townName: townBySlug(action.town).name,
    ref: action.ref,
    title: action.title,
    guidance: form.canEditAll
      ? 'Every change is checked against the SMART rules and for personal details, and kept in the history.'
      : 'As an owner you can change who owns it (members of the town; at least one). Coordinators can edit the rest.',
    problems: [...problems],
    canEditAll: form.canEditAll,
    planApproved: form.plan?.status === 'approved',
    owners: memberChoices(form.owners),
    priorities: form.priorities.map((p) => ({ title: p.title, value: p.id })),
    taskGroups: [
      { title: 'No task group', value: NONE },
      ...form.taskGroups.map((g) => ({ title: g.theme, value: g.id })),
    ],
    recurrences: [
      { title: 'Does not repeat', value: NONE },
      ...RECURRENCES.map((r) => ({ title: RECURRENCE_LABELS[r], value: r })),
    ],
    values: {
      ownerIds: v('ownerIds', action.owners.map((o) => o.aadObjectId).join(',')),
      title: v('title', action.title),
      measure: v('measure', action.measure),
      target: v('target', action.target),
      priorityId: v('priorityId', action.priorityId),
      taskGroupId: v('taskGroupId', action.taskGroupId ?? NONE),
      recurrence: v('recurrence', action.recurrence ?? NONE),
      public: v('public', action.public ? 'true' : 'false') === 'true' ? 'true' : 'false',
      revisionReason: v('revisionReason', ''),
      ...milestoneValues((n, part) =>
        v(
          `milestone${n}${part === 'date' ? 'Date' : ''}`,
          (part === 'date' ? milestone(n)?.dueDate : milestone(n)?.title) ?? '',
        ),
      ),
      warningsReason: v('warningsReason', ''),
    },
    coach,
  };
}

export interface HandOverView {
  town: string;
  holders: readonly PersonRef[];
  members: readonly Member[];
  problems?: Problems;
  /** After "Show their actions": who, to whom, and the actions that would pass. */
  preview?: { from: PersonRef; to: PersonRef; actions: readonly ActionHeadline[] };
  /** After the hand-over: what was done. */
  notice?: string;
  fromId?: string;
  toId?: string;
}

export function handOverCard(view: HandOverView): CardData<'hand-over'> {
  const { preview } = view;
  const n = preview?.actions.length ?? 0;
  return {
    town: view.town,
    townName: townBySlug(view.town).name,
    problems: [...(view.problems ?? [])],
    notice: view.notice ?? '',
    previewed: Boolean(preview) || Boolean(view.notice),
    holders: view.holders.map((p) => ({ title: p.displayName, value: p.aadObjectId })),
    members: memberChoices(view.members),
    fromId: preview?.from.aadObjectId ?? view.fromId ?? '',
    toId: preview?.to.aadObjectId ?? view.toId ?? '',
    listHeading: preview
      ? `${preview.from.displayName}'s ${n} open action${n === 1 ? '' : 's'} would pass to ${preview.to.displayName}:`
      : '',
    lines: (preview?.actions ?? []).map((a) => ({
      line: `${a.ref} ${a.title} (${STATUS_LABELS[a.status].toLowerCase()}, due ${a.dueDate})`,
    })),
    actionIds: view.notice ? '' : (preview?.actions ?? []).map((a) => a.id).join(','),
    confirmLabel: `Hand over ${n} action${n === 1 ? '' : 's'}`,
  };
}
