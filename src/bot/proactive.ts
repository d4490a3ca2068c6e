// Proactive turns through the Bot Connector, paced by the dispatcher (Teams' rate limits, retries).
import { traceConnectorCalls } from './connector-spans.js';
import {
  CardFactory,
  MessageFactory,
  type CloudAdapter,
  type ConversationReference,
  type TurnContext,
} from 'botbuilder';
import { AppError } from '../errors.js';
import type { Card } from '../cards/render.js';
import type { SendDispatcher } from './dispatcher.js';

export class Proactive {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly dispatcher: SendDispatcher,
  ) {}

  /** Whether Teams' limits would hold a send to this conversation back right now. */
  wouldWait(conversationId: string): boolean {
    return this.dispatcher.wouldWait(conversationId);
  }

  /** Sends a card (with a line of text the notification shows); the new message's id. */
  async sendCard(reference: Partial<ConversationReference>, card: Card, text?: string): Promise<string> {
    let id = '';
    await this.run(reference, async (context) => {
      const sent = await context.sendActivity(
        MessageFactory.attachment(CardFactory.adaptiveCard(card), text),
      );
      id = sent?.id ?? '';
    });
    return id;
  }

  /** A message that @mentions the person (Teams notifies them even in a busy channel). */
  mention(
    reference: Partial<ConversationReference>,
    person: { aadObjectId: string; displayName: string },
    text: string,
  ): Promise<void> {
    const mention = `<at>${person.displayName}</at>`;
    return this.run(reference, async (context) => {
      const message = MessageFactory.text(`${mention} ${text}`);
      message.entities = [
        { type: 'mention', text: mention, mentioned: { id: person.aadObjectId, name: person.displayName } },
      ];
      await context.sendActivity(message);
    });
  }

  /**
   * Runs `logic` in a proactive turn. Messages sent from it start new posts: the SDK would otherwise make
   * them replies to its continuation event's random id.
   */
  run(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<unknown>,
  ): Promise<void> {
    const conversationId = reference.conversation?.id ?? '';
    return this.dispatcher.dispatch(conversationId, async () => {
      // The adapter hands errors inside a turn to onTurnError, which would hide a failed send from us
      // (and from the dispatcher's retries): catch it here and throw it after the turn.
      let failure: unknown;
      await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
        traceConnectorCalls(context);
        context.onSendActivities(async (_context, activities, next) => {
          for (const activity of activities) delete activity.replyToId;
          return next();
        });
        try {
          await logic(context);
        } catch (error) {
          failure = error;
        }
      });
      if (failure) throw failure instanceof Error ? failure : AppError.internal('proactive send failed');
    });
  }
}
