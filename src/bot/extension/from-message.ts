// The "..." commands on a chat message: "Create a Safer Towns action" and "Add as a progress note". Each opens
// a dialog pre-filled from the message after the personal-data guard has read it (what it found is left out,
// and said); the dialog's buttons are the ordinary verbs, so the SMART checks, the guard on what is
// submitted, roles, version checks and the audit trail are the card's own. When asked, the saved action's
// live card is put in the compose box of the conversation the command came from.
import { z } from 'zod';
import { prefillFromMessage, type MessagePrefill } from '../../app/message-to-action.js';
import { describeKind } from '../../domain/personal-data-findings.js';
import { townBySlug } from '../../domain/towns.js';
import { answerInvoke } from '../verbs/router.js';
import { notePicker } from '../verbs/note-from-message.js';
import { liveActionCard } from './live-card.js';
import { messageText } from './message-text.js';
import { dialogCard, dialogMessage, forDialog, insertCard } from './responses.js';
import type { Action } from '../../domain/action.js';
import type { Actor } from '../../domain/entity.js';
import type { Card } from '../../cards/render.js';
import type { BotEdge } from '../edge.js';

/** composeExtension/fetchTask's value for a message command. */
export const fetchTaskValue = z
  .object({
    commandId: z.string().max(100),
    commandContext: z.string().max(50).optional(),
    messagePayload: z
      .object({
        body: z
          .object({ contentType: z.string().max(20).optional(), content: z.string().max(200_000).optional() })
          .loose()
          .optional(),
      })
      .loose()
      .optional(),
  })
  .loose();

/** composeExtension/submitAction's value: the dialog's inputs and the verb its button carries. */
export const submitActionValue = z
  .object({ commandId: z.string().max(100), data: z.record(z.string(), z.unknown()).default({}) })
  .loose();

interface FromMessage {
  /** What the message becomes: an action (first sentence, the rest a note) or one note. */
  readonly as: 'action' | 'note';
  readonly title: string;
  readonly blankTitle: string;
  /** The verbs this command's dialog may send: its own forms' buttons, nothing else. */
  readonly verbs: readonly string[];
  open(edge: BotEdge, actor: Actor, prefill: MessagePrefill): Promise<Card | string>;
}

const LEFT_OUT_HINT = 'Refer to people by case-system references (ECINS, Niche) instead.';

export const MESSAGE_COMMANDS: Record<'createAction' | 'addNote', FromMessage> = {
  createAction: {
    as: 'action',
    title: 'New action from a message',
    blankTitle: 'New Safer Towns action',
    verbs: ['action.form', 'action.create'],
    async open(edge, actor, prefill) {
      if (!prefill.towns.length)
        return 'You can add actions only in a town where you are a partnership member (not a viewer). Ask a coordinator.';
      const values = {
        title: prefill.title,
        firstNote: prefill.note,
        fromMessage: 'true',
        leftOut: leftOutText(prefill),
      };
      if (prefill.town) return answerInvoke(edge, actor, 'action.form', { town: prefill.town, ...values });
      return townChoice(prefill, values);
    },
  },
  addNote: {
    as: 'note',
    title: 'Add a message as a progress note',
    blankTitle: 'Add a progress note',
    verbs: ['note.pick', 'note.add'],
    open: (edge, actor, prefill) =>
      notePicker(edge, actor, { note: prefill.note, leftOut: leftOutText(prefill) }),
  },
};

export async function fetchFromMessage(
  edge: BotEdge,
  actor: Actor,
  command: FromMessage,
  value: z.output<typeof fetchTaskValue>,
  channelId: string | null,
) {
  const text = messageText(value.messagePayload?.body ?? {});
  const prefill = await prefillFromMessage(edge.ctx, actor, { text, channelId }, command.as);
  const opened = await command.open(edge, actor, prefill);
  // From the compose box there is no message: the same form, blank.
  const title = text ? command.title : command.blankTitle;
  return typeof opened === 'string' ? dialogMessage(opened) : dialogCard(title, forDialog(opened));
}

export async function submitFromMessage(
  edge: BotEdge,
  actor: Actor,
  command: FromMessage,
  value: z.output<typeof submitActionValue>,
) {
  const { verb, postHere, msteams: _teams, ...inputs } = value.data;
  if (typeof verb !== 'string' || !command.verbs.includes(verb))
    return dialogMessage('That dialog sent something I cannot use. Nothing was changed: open it again.');
  let saved: Action | null = null;
  const card = await answerInvoke(edge, actor, verb, { ...inputs, postHere }, (action) => (saved = action));
  const done = saved as Action | null;
  if (done && postHere === 'true') return insertCard(await liveActionCard(edge, actor, done));
  return dialogCard(command.title, forDialog(card));
}

/** What the guard left out of the pre-fill, in words for the form; '' when it left nothing out. */
function leftOutText({ leftOut }: MessagePrefill): string {
  if (!leftOut.length) return '';
  const kinds = [...new Set(leftOut.map(describeKind))].join(', ');
  return `I left out what looked like personal data (${kinds}): it shows as [person], [age]... ${LEFT_OUT_HINT}`;
}

/** The person has seats in several towns and the channel is not one of them: which town is it for? */
function townChoice(prefill: MessagePrefill, values: Record<string, string>): Card {
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [
      {
        type: 'TextBlock',
        text: 'Which town is the action for?',
        weight: 'Bolder',
        size: 'Medium',
        wrap: true,
      },
      ...(values['leftOut']
        ? [
            {
              type: 'Container',
              style: 'warning',
              items: [{ type: 'TextBlock', text: values['leftOut'], wrap: true }],
            },
          ]
        : []),
      {
        type: 'Input.ChoiceSet',
        id: 'town',
        label: 'Town',
        isRequired: true,
        errorMessage: 'Choose a town',
        value: prefill.towns[0],
        choices: prefill.towns.map((t) => ({ title: townBySlug(t).name, value: t })),
      },
    ],
    actions: [{ type: 'Action.Execute', title: 'Next', verb: 'action.form', data: values }],
  };
}
