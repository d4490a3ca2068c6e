// Task-and-finish groups -> card data: one group with its actions, a town's list of groups, the form.
import { STATUS_LABELS, type ActionHeadline } from '../domain/action.js';
import { tallyActions, tallySentence } from '../domain/action-tally.js';
import { addDays, type LocalDate } from '../domain/dates.js';
import { isOverrun, type TaskGroup } from '../domain/task-group.js';
import { townBySlug, type TownSlug } from '../domain/towns.js';
import { formatDate } from './format.js';
import type { Member } from '../domain/member.js';
import type { CardData } from './card-data.js';

const progress = (actions: readonly ActionHeadline[], today: LocalDate) => {
  const tally = tallyActions(actions, today);
  return { open: tally.open, text: `${tallySentence(tally)}, ${tally.open} open` };
};

function state(
  group: TaskGroup,
  actions: readonly ActionHeadline[],
  today: LocalDate,
): { text: string; late: boolean } {
  if (group.status === 'closed') return { text: 'Closed', late: false };
  const late = isOverrun(group, today) && progress(actions, today).open > 0;
  return {
    text: late ? `Past its end date (${formatDate(group.endDate)}): close or extend it` : 'Open',
    late,
  };
}

export function groupCard(
  view: { group: TaskGroup; actions: ActionHeadline[] },
  members: readonly Member[],
  today: LocalDate,
  options: { canManage: boolean; notice?: string },
): CardData<'group'> {
  const { group, actions } = view;
  const names = group.memberIds.map(
    (id) => members.find((m) => m.aadObjectId === id)?.displayName ?? 'a former member',
  );
  return {
    groupId: group.id,
    version: group.version,
    townName: townBySlug(group.town).name,
    theme: group.theme,
    notice: options.notice ?? '',
    facts: [
      { title: 'Status', value: state(group, actions, today).text },
      { title: 'Ends', value: formatDate(group.endDate) },
      { title: 'Members', value: names.join(', ') },
      { title: 'Progress', value: progress(actions, today).text },
    ],
    actions: actions.map((a) => ({
      ref: a.ref,
      line: `${a.ref} ${a.title}: ${STATUS_LABELS[a.status]}, due ${formatDate(a.dueDate)}`,
    })),
    canManage: options.canManage && group.status === 'open',
    tomorrow: addDays(today, 1),
  };
}

export function groupsCard(
  town: TownSlug,
  views: readonly { group: TaskGroup; actions: ActionHeadline[] }[],
  today: LocalDate,
): CardData<'groups'> {
  return {
    townName: townBySlug(town).name,
    empty: views.length ? '' : 'No task-and-finish groups yet. Coordinators: "new group" sets one up.',
    groups: views.map(({ group, actions }) => {
      const s = state(group, actions, today);
      return {
        groupId: group.id,
        theme: group.theme,
        detail: `${s.text} · ends ${formatDate(group.endDate)} · ${progress(actions, today).text}`,
        color: s.late ? 'Attention' : 'Default',
      };
    }),
  };
}

export function groupFormCard(
  town: TownSlug,
  members: readonly Member[],
  today: LocalDate,
  problems: string[],
  values: Partial<Record<'theme' | 'memberIds' | 'endDate', string>> = {},
): CardData<'group-form'> {
  return {
    town,
    townName: townBySlug(town).name,
    tomorrow: addDays(today, 1),
    problems: problems.map((message) => ({ message })),
    members: members
      .filter((m) => m.accessRole !== 'board')
      .map((m) => ({ title: `${m.displayName} (${m.organisation})`, value: m.aadObjectId })),
    values: {
      theme: values.theme ?? '',
      memberIds: values.memberIds ?? '',
      endDate: values.endDate ?? addDays(today, 90),
    },
  };
}
