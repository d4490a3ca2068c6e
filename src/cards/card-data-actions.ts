// The data of the cards that change who owns an action and what it says: the edit form and the hand-over.
import { z } from 'zod';
import { text, choices, coachData, coachValues } from './card-data-parts.js';

const problems = z.array(z.object({ message: text }));

export const ACTION_CARD_DATA = {
  /** A chat message as a progress note: find one of the person's actions, check the note, add it. */
  'note-picker': z.object({
    note: text,
    query: text,
    leftOut: text,
    heading: text,
    choices,
    empty: text,
  }),
  'action-edit': z.object({
    actionId: text,
    version: z.number().int().positive(),
    heading: text,
    townName: text,
    ref: text,
    title: text,
    guidance: text,
    problems,
    canEditAll: z.boolean(),
    planApproved: z.boolean(),
    owners: choices.min(1),
    priorities: choices,
    taskGroups: choices,
    recurrences: choices,
    values: z.object({
      ownerIds: text,
      title: text,
      measure: text,
      target: text,
      priorityId: text,
      taskGroupId: text,
      recurrence: text,
      public: z.enum(['true', 'false']),
      revisionReason: text,
      ...coachValues,
    }),
    coach: coachData,
  }),
  'hand-over': z.object({
    town: text,
    townName: text,
    problems,
    notice: text,
    previewed: z.boolean(),
    holders: choices,
    members: choices,
    fromId: text,
    toId: text,
    listHeading: text,
    lines: z.array(z.object({ line: text })),
    actionIds: text,
    confirmLabel: text,
  }),
} as const;
