// The shapes Teams wants back from message-extension and dialog invokes (botbuilder's
// MessagingExtensionResponse, MessagingExtensionActionResponse and TaskModuleResponse), built in one place.
import type { Card } from '../../cards/render.js';

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

export interface Preview {
  title: string;
  text: string;
}

/** Search results or an unfurled link: each card with the line Teams lists it by. */
export function resultList(items: readonly { card: Card; preview: Preview }[]) {
  return {
    composeExtension: {
      type: 'result',
      attachmentLayout: 'list',
      attachments: items.map(({ card, preview }) => ({
        contentType: ADAPTIVE,
        content: card,
        preview: { contentType: 'application/vnd.microsoft.card.thumbnail', content: preview },
      })),
    },
  };
}

/** A card put in the compose box for the person to send (after an action command). */
export function insertCard(card: Card) {
  return {
    composeExtension: {
      type: 'result',
      attachmentLayout: 'list',
      attachments: [{ contentType: ADAPTIVE, content: card }],
    },
  };
}

/** A message in place of search results: what is wrong, or that nothing matched. */
export function extensionMessage(text: string) {
  return { composeExtension: { type: 'message', text } };
}

/** A dialog showing this card (opened, or shown again after a submit). */
export function dialogCard(title: string, card: Card) {
  return {
    task: {
      type: 'continue',
      value: { title, width: 'large', height: 'large', card: { contentType: ADAPTIVE, content: card } },
    },
  };
}

/** The dialog closes with this message. */
export function dialogMessage(text: string) {
  return { task: { type: 'message', value: text } };
}

/**
 * A card's Action.Execute buttons as Action.Submit, for a dialog (where Universal Actions do not run): the
 * verb travels in the data and the submit comes back as a task/submit or submitAction invoke.
 */
export function forDialog(card: Card): Card {
  return convert(card) as Card;
}

function convert(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(convert);
  if (!node || typeof node !== 'object') return node;
  const entries = Object.entries(node as Record<string, unknown>).map(([k, v]) => [k, convert(v)] as const);
  const object = Object.fromEntries(entries) as Record<string, unknown>;
  if (object['type'] === 'Action.Execute') {
    const { verb, data, ...rest } = object;
    return { ...rest, type: 'Action.Submit', data: { ...(data as object | undefined), verb } };
  }
  if (object['type'] === 'AdaptiveCard') delete object['refresh']; // a dialog's card is not refreshed
  return object;
}
