// Verbs of the "Add as a progress note" dialog (a chat message's "..." menu): find one of the person's
// actions, then add the note to it through the same change as the card's note (guard, version check, audit).
import { z } from 'zod';
import { searchActions } from '../../app/search-actions.js';
import { TEXT_LIMITS } from '../../domain/text.js';
import { STATUS_LABELS } from '../../domain/action.js';
import { formatDate } from '../../cards/format.js';
import { cardText } from '../card-inputs.js';
import { errorCard } from '../replies.js';
import { changeAction } from './actions.js';
import { messageCard } from './outcome.js';
import { defineVerb } from './verb.js';
import type { Actor } from '../../domain/entity.js';
import type { Card } from '../../cards/render.js';
import type { BotEdge } from '../edge.js';

/** A choice is the action's id and the version the person saw: a note on a changed action is refused. */
const CHOICE = /^([A-Za-z0-9_-]{1,100}):(\d{1,9})$/;

export interface NotePicker {
  note: string;
  q?: string | undefined;
  leftOut?: string | undefined;
}

export const NOTE_FROM_MESSAGE_VERBS = [
  defineVerb({
    name: 'note.pick',
    input: z.object({
      note: z
        .string()
        .max(TEXT_LIMITS.note * 2)
        .optional(),
      q: z.string().max(5_000).optional(),
      leftOut: z.string().max(500).optional(),
    }),
    // Screened now too: it is on its way to being saved, and the picker shows it again.
    freeText: ['note'],
    run: ({ edge, actor }, input) => notePicker(edge, actor, { ...input, note: input.note ?? '' }),
  }),
  defineVerb({
    name: 'note.add',
    input: z.object({
      choice: z.string().max(200).optional(),
      note: cardText(TEXT_LIMITS.note),
      postHere: z.enum(['true', 'false']).optional(),
    }),
    freeText: ['note'],
    confirmable: true,
    run: (turn, { choice, note }) => {
      const chosen = CHOICE.exec(choice ?? '');
      if (!chosen)
        return Promise.resolve(
          messageCard(turn.edge.cards, 'Choose an action', 'Pick the action the note is about, then add it.'),
        );
      return changeAction(turn, chosen[1]!, Number(chosen[2]), { kind: 'note', text: note, link: null });
    },
  }),
];

/** The picker: the note to check, a search box, and the matching actions the person may add a note to. */
export async function notePicker(edge: BotEdge, actor: Actor, input: NotePicker): Promise<Card> {
  const query = input.q ?? '';
  const found = await searchActions(edge.ctx, actor, query, { skip: 0, count: 25 });
  if (!found.ok) return errorCard(edge.cards, found.error);
  const actions = found.value.actions.filter((a) => found.value.mayEdit.has(a.id));
  return edge.cards.render('note-picker', {
    note: input.note,
    query,
    leftOut: input.leftOut ?? '',
    heading: found.value.browsing ? 'Your open actions' : 'Matching actions you can add a note to',
    choices: actions.map((a) => ({
      title: `${a.ref} ${a.title} (${STATUS_LABELS[a.status]}, due ${formatDate(a.dueDate)})`,
      value: `${a.id}:${a.version}`,
    })),
    empty: found.value.browsing
      ? "You have no open actions to add a note to. Search for one of your towns' actions above."
      : 'No action you can add a note to matches that. Try a reference such as TRU-014.',
  });
}
