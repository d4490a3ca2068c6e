// Dialogs (task modules) for the long forms: a card's "New action", "Hand over" or "Schedule meeting" opens
// the same form the chat shows, drawn by the same verb, in a dialog; its buttons come back as task/submit
// with the verb in the data and run through the same router (schema, guard, use case). One implementation:
// the dialog is only a different frame around the verbs' cards.
import { z } from 'zod';
import { answerInvoke } from '../verbs/router.js';
import { dialogCard, forDialog } from './responses.js';
import type { Actor } from '../../domain/entity.js';
import type { BotEdge } from '../edge.js';

/** The forms that open in a dialog, by the verb that draws each, with the dialog's title. */
const DIALOG_FORMS = {
  'action.form': 'New action',
  'handover.form': 'Hand over actions',
  'meeting.form': 'Schedule a meeting',
} as const;

type DialogForm = keyof typeof DIALOG_FORMS;

/** What a task/fetch or task/submit carries: our fields, the form's inputs, and Teams' own `msteams`. */
const dialogData = z.object({ data: z.record(z.string(), z.unknown()).default({}) }).loose();
const openData = z
  .object({ dialog: z.enum(Object.keys(DIALOG_FORMS) as [DialogForm, ...DialogForm[]]) })
  .loose();
const submitData = z.object({ verb: z.string().max(100) }).loose();

export async function openDialog(edge: BotEdge, actor: Actor, value: unknown) {
  const data = payloadOf(value);
  const open = openData.safeParse(data);
  if (!open.success) return refusal(edge, 'That button does not open a form I know. Ask for the card again.');
  const { dialog, ...rest } = open.data;
  return dialogCard(DIALOG_FORMS[dialog], forDialog(await answerInvoke(edge, actor, dialog, rest)));
}

export async function submitDialog(edge: BotEdge, actor: Actor, value: unknown) {
  const submitted = submitData.safeParse(payloadOf(value));
  if (!submitted.success) return refusal(edge, 'That form sent data I cannot use. Nothing was changed.');
  const { verb, ...inputs } = submitted.data;
  const card = await answerInvoke(edge, actor, verb, inputs);
  return dialogCard(titleOf(verb), forDialog(card));
}

/** The form's inputs and our fields, without Teams' `msteams` block (a button's own instructions). */
function payloadOf(value: unknown): Record<string, unknown> {
  const parsed = dialogData.safeParse(value);
  const data = parsed.success ? { ...parsed.data.data } : {};
  delete data['msteams'];
  return data;
}

function titleOf(verb: string): string {
  const form = Object.entries(DIALOG_FORMS).find(([name]) => name.split('.')[0] === verb.split('.')[0]);
  return form?.[1] ?? 'Safer Towns';
}

function refusal(edge: BotEdge, message: string) {
  return dialogCard(
    'Safer Towns',
    edge.cards.render('error', {
      title: 'Not possible',
      titleColor: 'Attention',
      message,
      issues: [],
      hint: '',
    }),
  );
}
