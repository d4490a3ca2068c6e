// Verbs on an action's card: refresh, open by reference, status, note, due date, snooze.
import { z } from 'zod';
import { ErrorCode } from '../../errors.js';
import { ACTION_STATUSES } from '../../domain/action.js';
import { localDateSchema } from '../../domain/dates.js';
import { TEXT_LIMITS } from '../../domain/text.js';
import { MAX_LINK_LENGTH } from '../../domain/evidence-link.js';
import type { ActionChange } from '../../app/update-action.js';
import { changeAction as changeActionCase } from '../../app/change-action.js';
import { actionById, currentAction } from '../../app/card-context.js';
import { findAction, type ActionFound } from '../../app/read-models.js';
import { formatDate } from '../../cards/format.js';
import { cardText, cardVersion, recordId } from '../card-inputs.js';
import { errorCard } from '../replies.js';
import { alreadyApplied, showAction } from './action-card.js';
import { shownOrError } from './outcome.js';
import { defineVerb, type VerbTurn } from './verb.js';
import type { Card } from '../../cards/render.js';

const change = { actionId: recordId, version: cardVersion };

/** An evidence link as readable text (%20 as a space...), so the guard reads a document's name as typed. */
const evidenceInput = z
  .string()
  .max(MAX_LINK_LENGTH * 3)
  .transform((link) => {
    try {
      return decodeURI(link.trim());
    } catch {
      return link.trim(); // not valid percent-encoding: the link check says what is wrong
    }
  })
  .optional();

const shown = ({ edge, actor }: VerbTurn) => ({
  cards: edge.cards,
  show: ({ action, mayEdit }: ActionFound, notice: string) =>
    showAction(edge, actor, action, notice, mayEdit),
});

export const ACTION_VERBS = [
  defineVerb({
    name: 'action.refresh',
    input: z.object({ actionId: recordId }),
    run: async (turn, { actionId }) =>
      shownOrError(await actionById(turn.edge.ctx, turn.actor, actionId), shown(turn)),
  }),
  defineVerb({
    name: 'action.show',
    input: z.object({ ref: z.string().max(20) }),
    opens: true,
    run: async (turn, { ref }) => shownOrError(await findAction(turn.edge.ctx, turn.actor, ref), shown(turn)),
  }),
  defineVerb({
    name: 'action.status',
    input: z.object({
      ...change,
      status: z.enum(ACTION_STATUSES),
      reason: cardText(TEXT_LIMITS.reason).optional(),
    }),
    freeText: ['reason'],
    run: (turn, { actionId, version, status, reason }) =>
      changeAction(turn, actionId, version, { kind: 'status', status, reason: reason ?? null }),
  }),
  defineVerb({
    // Its own form: confirmation that it leaves the figures, and why (action-status.ts checks the reason).
    name: 'action.cancel',
    input: z.object({ ...change, cancelReason: cardText(TEXT_LIMITS.reason).optional() }),
    freeText: ['cancelReason'],
    run: (turn, { actionId, version, cancelReason }) =>
      changeAction(turn, actionId, version, {
        kind: 'status',
        status: 'cancelled',
        reason: cancelReason ?? null,
      }),
  }),
  defineVerb({
    // Its own form: done, with an optional closing note and evidence link, kept as the last progress note.
    name: 'action.done',
    input: z.object({
      ...change,
      closingNote: cardText(TEXT_LIMITS.note).optional(),
      closingLink: evidenceInput,
    }),
    freeText: ['closingNote', 'closingLink'],
    run: async (turn, { actionId, version, closingNote, closingLink }) => {
      const done = { kind: 'status', status: 'done', reason: null } as const;
      if (!closingNote) return changeAction(turn, actionId, version, done);
      // The note first, so it is on the action when it is marked done; both are in its history.
      const noted = await changeActionCase(turn.edge.ctx, turn.actor, {
        actionId,
        expectedVersion: version,
        change: { kind: 'note', text: closingNote, link: closingLink || null },
      });
      if (!noted.ok)
        return changeAction(turn, actionId, version, {
          kind: 'note',
          text: closingNote,
          link: closingLink || null,
        });
      await turn.edge.effects.run(noted.value.effects);
      return changeAction(turn, actionId, noted.value.action.version, done);
    },
  }),
  defineVerb({
    name: 'action.note',
    input: z.object({ ...change, note: cardText(TEXT_LIMITS.note), link: evidenceInput }),
    // The link too: a document's name can be a person's ("Referral for ...docx").
    freeText: ['note', 'link'],
    confirmable: true,
    // The note was screened by the guard before this ran.
    run: (turn, { actionId, version, note, link }) =>
      changeAction(turn, actionId, version, { kind: 'note', text: note, link: link || null }),
  }),
  defineVerb({
    name: 'action.due',
    input: z.object({
      ...change,
      dueDate: localDateSchema,
      dueReason: cardText(TEXT_LIMITS.reason).optional(),
    }),
    // Why the date moves (needed when overdue or moved before): screened like any reason.
    freeText: ['dueReason'],
    run: (turn, { actionId, version, dueDate, dueReason }) =>
      changeAction(turn, actionId, version, { kind: 'due_date', dueDate, reason: dueReason ?? null }),
  }),
  defineVerb({
    name: 'action.snooze',
    input: z.object({ ...change, days: z.union([z.literal(1), z.literal(3), z.literal(7)]) }),
    run: (turn, { actionId, version, days }) =>
      changeAction(turn, actionId, version, { kind: 'snooze', days }),
  }),
];

export async function changeAction(
  { edge, actor, saved }: VerbTurn,
  actionId: string,
  expectedVersion: number,
  change: ActionChange,
): Promise<Card> {
  const result = await changeActionCase(edge.ctx, actor, { actionId, expectedVersion, change });
  if (!result.ok) {
    const { code } = result.error;
    const refused = code === ErrorCode.Validation || code === ErrorCode.StaleVersion;
    const current = refused ? await currentAction(edge.ctx, actionId) : null;
    if (!current) return errorCard(edge.cards, result.error);
    // A repeated delivery of a change that already happened is not a conflict: show it done.
    if (code === ErrorCode.StaleVersion)
      return showAction(
        edge,
        actor,
        current,
        alreadyApplied(current, change, actor) ? '' : result.error.message,
      );
    const why = result.error.issues.map((i) => i.message).join('; ');
    return showAction(edge, actor, current, `Not changed: ${why}`);
  }
  const { action, effects, mayEdit } = result.value;
  saved?.(action);
  const published = await edge.effects.run(effects);
  // Snoozing is the owner's own business: no channel copy changes.
  if (change.kind === 'snooze')
    return showAction(
      edge,
      actor,
      action,
      `Reminders snoozed until ${formatDate(action.snoozedUntil ?? action.dueDate)}.`,
      mayEdit,
    );
  const following = effects.find((e) => e.kind === 'publish' && e.action.id !== action.id);
  const notice = [
    published === 'no_channel'
      ? 'Saved. The town has no linked channel yet, so the card was not posted there.'
      : published === 'pending'
        ? "Saved. The channel's copy of this card will catch up shortly."
        : '',
    following?.kind === 'publish'
      ? `It repeats: ${following.action.ref} is next, due ${formatDate(following.action.dueDate)}.`
      : '',
  ];
  return showAction(edge, actor, action, notice.filter(Boolean).join(' '), mayEdit);
}
