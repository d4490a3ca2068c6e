// The message extension's and dialogs' invokes: each value checked with its schema, then its handler.
// Whatever comes in, the answer is a 200 with something Teams can show (a message, a dialog, a card):
// a malformed value, a forged id, an unknown command or a database outage never becomes a 5xx.
import { AppError, ErrorCode } from '../../errors.js';
import { firstDelivery } from '../../app/conversations.js';
import { actorOf, channelIdOf } from '../turn.js';
import { databaseAway, errorCard } from '../replies.js';
import { openDialog, submitDialog } from './dialogs.js';
import { fetchFromMessage, fetchTaskValue, submitActionValue, submitFromMessage } from './from-message.js';
import { extensionCommand, type ExtensionCommand } from './registry.js';
import { searchQuery } from './search.js';
import { queryLinkValue, unfurlLink } from './unfurl.js';
import { dialogCard, dialogMessage, extensionMessage } from './responses.js';
import type { TurnContext } from 'botbuilder';
import type { z } from 'zod';
import type { Actor } from '../../domain/entity.js';
import type { BotEdge } from '../edge.js';

type Handler = (edge: BotEdge, context: TurnContext) => Promise<unknown>;

const NO_IDENTITY = 'Teams did not say who you are, so I cannot show or change anything.';
const MALFORMED = 'Teams sent a request I cannot read. Nothing was changed: try again.';

/**
 * An invoke that names one of the registry's commands: who is asking, the value checked with its schema and
 * the command of the right type found, or the reason why not, in the shape Teams shows for that invoke.
 */
function commandInvoke<V extends { commandId: string }, T extends ExtensionCommand['type']>(
  schema: z.ZodType<V>,
  type: T,
  refuse: (text: string) => unknown,
  run: (
    edge: BotEdge,
    context: TurnContext,
    asked: { actor: Actor; value: V; command: Extract<ExtensionCommand, { type: T }> },
  ) => Promise<unknown>,
): Handler {
  return async (edge, context) => {
    const actor = actorOf(context.activity);
    const value = schema.safeParse(context.activity.value);
    if (!actor) return refuse(NO_IDENTITY);
    if (!value.success) return refuse(MALFORMED);
    const command = extensionCommand(value.data.commandId);
    if (command?.type !== type) return refuse(unknownCommand(value.data.commandId));
    return run(edge, context, {
      actor,
      value: value.data,
      command: command as Extract<ExtensionCommand, { type: T }>,
    });
  };
}

const HANDLERS: Record<string, Handler> = {
  'composeExtension/query': commandInvoke(searchQuery, 'query', extensionMessage, (edge, _context, asked) =>
    asked.command.run(edge, asked.actor, asked.value),
  ),
  'composeExtension/fetchTask': commandInvoke(
    fetchTaskValue,
    'action',
    dialogMessage,
    (edge, context, asked) =>
      fetchFromMessage(
        edge,
        asked.actor,
        asked.command.fromMessage,
        asked.value,
        channelIdOf(context.activity),
      ),
  ),
  'composeExtension/submitAction': commandInvoke(
    submitActionValue,
    'action',
    dialogMessage,
    async (edge, context, asked) =>
      (await once(edge, context))
        ? submitFromMessage(edge, asked.actor, asked.command.fromMessage, asked.value)
        : dialogMessage(TWICE),
  ),
  'composeExtension/queryLink': async (edge, context) => {
    const value = queryLinkValue.safeParse(context.activity.value);
    if (!value.success) return extensionMessage(MALFORMED);
    return unfurlLink(edge, actorOf(context.activity), value.data.url);
  },
  // Someone Teams has not named (a guest, an anonymous meeting user): the "no access" preview only.
  'composeExtension/anonymousQueryLink': async (edge, context) => {
    const value = queryLinkValue.safeParse(context.activity.value);
    if (!value.success) return extensionMessage(MALFORMED);
    return unfurlLink(edge, null, value.data.url);
  },
  'task/fetch': async (edge, context) => {
    const actor = actorOf(context.activity);
    return actor ? openDialog(edge, actor, context.activity.value) : dialogMessage(NO_IDENTITY);
  },
  'task/submit': async (edge, context) => {
    const actor = actorOf(context.activity);
    if (!actor) return dialogMessage(NO_IDENTITY);
    if (!(await once(edge, context))) return dialogMessage(TWICE);
    return submitDialog(edge, actor, context.activity.value);
  },
};

// Own properties only: "constructor" or "toString" is a name like any other a sender may put there.
export const isExtensionInvoke = (name: string | undefined): boolean =>
  !!name && Object.hasOwn(HANDLERS, name);

export async function answerExtension(edge: BotEdge, context: TurnContext): Promise<unknown> {
  const name = context.activity.name ?? '';
  try {
    if (!edge.database.available()) throw databaseAway();
    return await HANDLERS[name]!(edge, context);
  } catch (error) {
    const safe = error instanceof AppError && error.code !== ErrorCode.Internal;
    if (!safe) edge.log.error({ err: error, invoke: name, activityId: context.activity.id }, 'invoke failed');
    const card = errorCard(edge.cards, error);
    return name.startsWith('composeExtension/query')
      ? extensionMessage(safe ? error.message : 'Something went wrong on our side: try again.')
      : dialogCard('Safer Towns', card);
  }
}

const TWICE = 'Teams sent this twice; I took it the first time only.';

/** Teams resends a submit it thinks timed out, with the same id: a create must not happen twice. */
function once(edge: BotEdge, context: TurnContext): Promise<boolean> {
  const { id, conversation } = context.activity;
  return id ? firstDelivery(edge.ctx, `${conversation?.id ?? ''}|${id}`) : Promise.resolve(true);
}

const unknownCommand = (id: string) =>
  `"${id.slice(0, 50)}" is not one of this app's commands. The app may have been updated: reopen Teams.`;
