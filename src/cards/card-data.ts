// The data each card template expects, checked before rendering so that a template never shows "${...}"
// or an empty field by accident.
import { z } from 'zod';
import { text, commands, choices, color, buttons, dialogButtons, facts, lines } from './card-data-parts.js';

import { TOWN_CARD_DATA } from './card-data-towns.js';
import { WORK_CARD_DATA } from './card-data-work.js';
import { ACTION_CARD_DATA } from './card-data-actions.js';
import { coachData, coachValues } from './coach-views.js';

const proposalButton = z.object({
  line: text,
  town: text,
  title: text,
  measure: text,
  target: text,
  ownerIds: text,
  dueDate: text,
  priorityId: text,
  proposal: text,
});

export const CARD_DATA = {
  welcome: z.object({ scope: text, commands, nextStep: text, buttons }),
  help: z.object({
    title: text,
    suggestion: text,
    groups: z.array(z.object({ heading: text, commands })),
    smartHeading: text,
    smart: facts,
    buttons,
  }),
  error: z.object({ title: text, message: text, issues: z.array(z.object({ message: text })), hint: text }),
  action: z.object({
    actionId: text,
    version: z.number().int().positive(),
    refreshUserIds: z.array(text).max(60),
    townName: text,
    ref: text,
    title: text,
    statusLabel: text,
    ragColor: color,
    ragLabel: text,
    notice: text,
    measure: text,
    target: text,
    owners: text,
    dueDate: text,
    dueText: text,
    today: text,
    blockedReason: text,
    lastNote: text,
    lastNoteLink: text,
    repeats: text,
    milestones: lines,
    warningsText: text,
    follows: text,
    followedBy: text,
    updatedText: text,
    /** The action's stable link (pasted in Teams, it unfurls to this card); '' when none is configured. */
    shareLink: text,
    moves: z.array(z.object({ status: text, label: text })),
    canBlock: z.boolean(),
    canEdit: z.boolean(),
    history: z.object({
      shown: z.boolean(),
      lines: z.array(z.object({ line: text, link: text })),
      page: z.number().int().min(0),
      older: z.boolean(),
      empty: text,
    }),
  }),
  'action-form': z.object({
    proposal: text,
    town: text,
    townName: text,
    planId: text,
    planTitle: text,
    planEnd: text,
    planApproved: z.boolean(),
    today: text,
    problems: z.array(z.object({ message: text })),
    /** Made from a chat message: the first note and "post it here" are on the form. */
    fromMessage: z.boolean(),
    fromMessageFlag: z.enum(['true', '']),
    /** What the guard left out of the message's pre-fill, said on the form ('' when nothing was). */
    leftOut: text,
    owners: choices.min(1),
    priorities: choices.min(1),
    taskGroups: choices,
    coach: coachData,
    values: z.object({
      title: text,
      measure: text,
      target: text,
      ownerIds: text,
      dueDate: text,
      priorityId: text,
      taskGroupId: text,
      revisionReason: text,
      firstNote: text,
      postHere: text,
      ...coachValues,
    }),
  }),
  'actions-list': z.object({
    heading: text,
    empty: text,
    more: text,
    rows: z.array(
      z.object({ ref: text, title: text, statusLabel: text, ragColor: color, dueText: text, owners: text }),
    ),
  }),
  reminder: z.object({
    actionId: text,
    version: z.number().int().positive(),
    headline: text,
    color: color,
    townName: text,
    ref: text,
    title: text,
    dueText: text,
    statusLabel: text,
    owners: text,
    footer: text,
    moves: z.array(z.object({ status: text, label: text })),
    canAct: z.boolean(),
  }),
  digest: z.object({
    heading: text,
    subtitle: text,
    sections: z.array(
      z.object({ title: text, color: color, lines: z.array(z.object({ line: text, ref: text })) }),
    ),
    footer: text,
    /** A meeting's outcomes: the actions proposed in it, each opening the new-action form to confirm. */
    proposals: z.array(proposalButton).default([]),
  }),
  members: z.object({
    heading: text,
    townName: text,
    vacant: text,
    members: z.array(z.object({ name: text, detail: text })),
    dialogs: dialogButtons,
  }),
  'join-request': z.object({
    requestId: text,
    townName: text,
    name: text,
    role: text,
    statusText: text,
    pending: z.boolean(),
  }),
  'personal-data': z.object({
    title: text,
    color: z.enum(['Warning', 'Attention']),
    message: text,
    findings: z.array(z.object({ describe: text })).min(1),
    fields: z.array(z.object({ id: text, label: text, value: z.string() })),
    saveVerb: text,
    saveData: z.record(z.string(), z.unknown()),
    canConfirm: z.boolean(),
    reasonLabel: text,
    reasonRequired: z.boolean(),
    reasonProblem: z.string(),
    confirmVerb: text,
    confirmData: z.record(z.string(), z.unknown()),
  }),
  ...ACTION_CARD_DATA,
  ...TOWN_CARD_DATA,
  ...WORK_CARD_DATA,
} as const;

export type CardName = keyof typeof CARD_DATA;
export type CardData<N extends CardName> = z.input<(typeof CARD_DATA)[N]>;
export const CARD_NAMES = Object.keys(CARD_DATA) as CardName[];
