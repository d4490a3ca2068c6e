// The data each card template expects, checked before rendering so that a template never shows "${...}"
// or an empty field by accident.
import { z } from 'zod';

const text = z.string();
const facts = z.array(z.object({ title: text, value: text }));
const commands = z.array(z.object({ usage: text, description: text }));
const lines = z.array(z.object({ line: text }));
const choices = z.array(z.object({ title: text, value: text }));
const color = z.enum(['Default', 'Good', 'Warning', 'Attention', 'Accent']);

export const CARD_DATA = {
  welcome: z.object({ scope: text, commands, nextStep: text }),
  help: z.object({ title: text, suggestion: text, commands }),
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
    updatedText: text,
    moves: z.array(z.object({ status: text, label: text })),
    canBlock: z.boolean(),
    canEdit: z.boolean(),
  }),
  'action-form': z.object({
    town: text,
    townName: text,
    planId: text,
    planTitle: text,
    planEnd: text,
    today: text,
    problems: z.array(z.object({ message: text })),
    owners: choices.min(1),
    priorities: choices.min(1),
    taskGroups: choices,
    values: z.object({
      title: text,
      measure: text,
      target: text,
      ownerIds: text,
      dueDate: text,
      priorityId: text,
      taskGroupId: text,
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
  'town-summary': z.object({
    townName: text,
    subtitle: text,
    ragChart: z.array(z.object({ legend: text, value: z.number(), color: text, text })),
    statusFacts: facts,
    overdue: lines,
    nextDue: lines,
    meetings: lines,
    indicator: z.object({ question: text, facts, caveat: text }),
  }),
  'board-summary': z.object({
    subtitle: text,
    rows: z.array(
      z.object({
        town: text,
        complete: text,
        rag: text,
        overdue: z.number(),
        overdueText: text,
        overdueColor: color,
        indicator: text,
      }),
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
  members: z.object({
    heading: text,
    townName: text,
    vacant: text,
    members: z.array(z.object({ name: text, detail: text })),
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
    message: text,
    findings: z.array(z.object({ describe: text })).min(1),
    editVerb: text,
    editData: z.record(z.string(), z.unknown()),
    confirmVerb: text,
    confirmData: z.record(z.string(), z.unknown()),
  }),
} as const;

export type CardName = keyof typeof CARD_DATA;
export type CardData<N extends CardName> = z.input<(typeof CARD_DATA)[N]>;
export const CARD_NAMES = Object.keys(CARD_DATA) as CardName[];
