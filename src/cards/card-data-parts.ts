// Pieces the card data schemas share.
import { z } from 'zod';
import { COACH_FIELDS, type CoachField } from '../domain/smart-checks.js';

export const text = z.string();
export const facts = z.array(z.object({ title: text, value: text }));
export const commands = z.array(z.object({ usage: text, description: text }));
export const lines = z.array(z.object({ line: text }));
/** Lines that each open an action's card (its reference). */
export const refLines = z.array(z.object({ line: text, ref: text }));
export const choices = z.array(z.object({ title: text, value: text }));
/** Buttons that send a command as if typed (Teams' messageBack: reaches the bot in every scope). */
export const buttons = z.array(z.object({ title: text, command: text }));
/** Buttons that open a form in a dialog (task/fetch), drawn by the verb `dialog` for the town. */
export const dialogButtons = z.array(z.object({ title: text, dialog: text, town: text }));
/** A meeting's proposed action, with the new-action form's values to review and save it with. */
export const proposalButton = z.object({
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
export const color = z.enum(['Default', 'Good', 'Warning', 'Attention', 'Accent']);

/** The SMART coach's block on the new-action and edit forms (cards/coach-views.ts builds it). */
const coachFieldLines = z.array(z.object({ line: text, suggestion: text }));
export const coachData = z.object({
  shown: z.boolean(),
  heading: text,
  problem: text,
  /** Goes back with the form, so the warnings shown can be accepted. */
  seen: text,
  fields: z.object(
    Object.fromEntries(COACH_FIELDS.map((f) => [f, coachFieldLines])) as Record<
      CoachField,
      typeof coachFieldLines
    >,
  ),
});

/** The form values the coach adds: the milestone pairs, and the reason for keeping the action as written. */
export const coachValues = {
  milestone1: text,
  milestone1Date: text,
  milestone2: text,
  milestone2Date: text,
  milestone3: text,
  milestone3Date: text,
  warningsReason: text,
};

/** Chart.Line series, a point per year (indicator-views.ts says why the year is text). */
export const yearSeries = z.array(
  z.object({ legend: text, values: z.array(z.object({ x: z.string().regex(/^\d{4}$/), y: z.number() })) }),
);
