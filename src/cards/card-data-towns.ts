// The data of the town and board summary cards and the meeting cards.
import { z } from 'zod';
import { text, facts, lines, choices, color, buttons } from './card-data-parts.js';

/** Lines that each open an action's card. */
const refLines = z.array(z.object({ line: text, ref: text }));

export const TOWN_CARD_DATA = {
  'town-summary': z.object({
    townName: text,
    subtitle: text,
    ragChart: z.array(z.object({ legend: text, value: z.number(), color: text, text })),
    statusFacts: facts,
    overdue: refLines,
    nextDue: refLines,
    meetings: lines,
    problems: text,
    planLine: text,
    buttons,
    indicator: z.object({
      question: text,
      facts,
      caveat: text,
      progressLine: text,
      progressColor: color,
      chart: z.array(z.object({ legend: text, values: z.array(z.object({ x: text, y: z.number() })) })),
      chartFallback: lines,
    }),
  }),
  'board-summary': z.object({
    subtitle: text,
    rows: z.array(
      z.object({
        town: text,
        detail: text,
        complete: text,
        rag: text,
        overdue: z.number(),
        overdueText: text,
        overdueColor: color,
        indicator: text,
        command: text,
      }),
    ),
  }),
  'meeting-form': z.object({
    requestId: text,
    town: text,
    townName: text,
    today: text,
    problems: z.array(z.object({ message: text })),
    kinds: choices.min(1),
    attendees: choices,
    values: z.object({
      kind: text,
      title: text,
      date: text,
      time: text,
      duration: text,
      agenda: text,
      attendeeIds: text,
    }),
  }),
  meeting: z.object({
    meetingId: text,
    version: z.number().int().positive(),
    kindLabel: text,
    townName: text,
    title: text,
    notice: text,
    when: text,
    organiser: text,
    invited: text,
    statusText: text,
    agenda: text,
    dueBefore: lines,
    joinUrl: text,
    canManage: z.boolean(),
    date: text,
    time: text,
    duration: z.number().int().positive(),
    today: text,
  }),
} as const;
