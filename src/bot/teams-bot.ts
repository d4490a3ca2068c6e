// The Teams edge: routes messages, install events, card actions and file consent to their handlers.
import { traceConnectorCalls } from './connector-spans.js';
import {
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type Attachment,
  type FileConsentCardResponse,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { answerExtension, isExtensionInvoke } from './extension/answer.js';
import { meetingEventCard } from './meeting-events.js';
import { AppError, ErrorCode } from '../errors.js';
import { firstDelivery, rememberConversation, townOfChannel } from '../app/conversations.js';
import { refreshTowns } from '../app/programme.js';
import { databaseAway, errorCard, type Reply } from './replies.js';
import { actorOf, channelIdOf, conversationRefOf, kindOf } from './turn.js';
import { answerMessage } from './commands/router.js';
import { answerInvoke } from './verbs/router.js';
import { welcomeCard } from './commands/help-cards.js';
import { COMMANDS } from './commands/registry.js';
import { verbNamed } from './verbs/registry.js';
import type { Card } from '../cards/render.js';
import type { BotEdge } from './edge.js';

/** The invokes botbuilder's handler routes to this class's overrides (card actions, file consent). */
const SDK_ROUTED_INVOKES = new Set(['adaptiveCard/action', 'fileConsent/invoke']);

export class SaferTownsBot extends TeamsActivityHandler {
  constructor(private readonly edge: BotEdge) {
    super();
    this.onMessage(async (context, next) => {
      await this.remember(context);
      // A card someone shared from the message extension is for the people in the chat, not a command.
      if (!sharedCard(context))
        await this.reply(context, await this.safely(context, () => answerMessage(context, this.edge)));
      await next();
    });
    // Teams sends both an installationUpdate and a conversationUpdate (bot added) on install: remember the
    // conversation on either, welcome once, on the conversationUpdate.
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.remember(context);
      await next();
    });
    this.onConversationUpdate(async (context, next) => {
      await this.remember(context);
      const botAdded = context.activity.membersAdded?.some((m) => m.id === context.activity.recipient?.id);
      if (botAdded) await this.reply(context, this.welcome(context));
      await next();
    });
  }

  /** Every turn sees the programme's towns as stored (reloaded at most once a second). */
  override async run(context: TurnContext): Promise<void> {
    traceConnectorCalls(context);
    try {
      if (this.edge.database.available()) await refreshTowns(this.edge.ctx);
    } catch (error) {
      // The towns stay as last loaded; the turn itself says what is wrong if the database is down.
      this.edge.log.warn({ err: error }, 'could not reload the towns');
    }
    await super.run(context);
  }

  /** A meeting booked through the bot starts or ends: its agenda, then its outcomes, in the meeting's chat. */
  protected override async onTeamsMeetingStart(context: TurnContext): Promise<void> {
    await this.meetingEvent(context, 'start');
  }

  protected override async onTeamsMeetingEnd(context: TurnContext): Promise<void> {
    await this.meetingEvent(context, 'end');
  }

  private async meetingEvent(context: TurnContext, event: 'start' | 'end'): Promise<void> {
    if (!this.edge.database.available()) {
      this.edge.log.warn({ activityId: context.activity.id }, `meeting ${event} passed over: database away`);
      return;
    }
    try {
      const card = await meetingEventCard(this.edge, context, event);
      if (card) await this.reply(context, card);
    } catch (error) {
      this.edge.log.error({ err: error, activityId: context.activity.id }, `meeting ${event} not handled`);
    }
  }

  /** The message extension's and dialogs' invokes (src/bot/extension); every other invoke as botbuilder routes it. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const { name } = context.activity;
    if (isExtensionInvoke(name)) return { status: 200, body: await answerExtension(this.edge, context) };
    if (name && SDK_ROUTED_INVOKES.has(name)) return super.onInvokeActivity(context);
    // Not one this app answers: Teams' own invokes arrive only for what the manifest declares.
    return { status: 400, body: { error: 'This app does not handle that invoke' } };
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    value: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    let opened: string | null = null;
    const card = await this.safely(context, async () => {
      const actor = actorOf(context.activity);
      if (!actor)
        return errorCard(
          this.edge.cards,
          new AppError(ErrorCode.Forbidden, 'Teams did not say who you are, so I cannot change anything.'),
        );
      const verb = typeof value.action?.verb === 'string' ? value.action.verb : '';
      if (!(await this.firstDelivery(context)))
        return this.edge.cards.render('error', {
          title: 'Already received',
          titleColor: 'Default',
          message:
            'Teams sent this twice; I took it the first time only. Refresh the card to see where it stands.',
          issues: [],
          hint: '',
        });
      const data = value.action?.data ?? {};
      const shown = await answerInvoke(
        this.edge,
        actor,
        verb,
        data,
        undefined,
        channelIdOf(context.activity),
      );
      // A shared card stays as it is for everyone: what it opens goes to the person's own chat.
      if (verbNamed(verb)?.opens && kindOf(context.activity) !== 'personal')
        opened = await this.openPrivately(actor.id, shown);
      return shown;
    });
    if (opened !== null)
      return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: opened };
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value:
        typeof card === 'string'
          ? this.edge.cards.render('error', {
              title: card,
              titleColor: 'Default',
              message: '',
              issues: [],
              hint: '',
            })
          : card,
    };
  }

  /** The card a click on a shared card opened, sent to the person 1:1; what to tell them where they clicked. */
  private async openPrivately(aadObjectId: string, card: Card): Promise<string> {
    const sent = await this.edge.messenger.sendPersonal(aadObjectId, card, 'Opened from a shared card');
    return sent === 'sent'
      ? 'Opened in your chat with Safer Towns (this card stays as it is for everyone).'
      : 'To open it without changing this card for everyone, start a chat with Safer Towns and click again.';
  }

  /** Teams retries a card action it thinks timed out with the same id; activities without one pass. */
  private firstDelivery(context: TurnContext): Promise<boolean> {
    const { id, conversation } = context.activity;
    if (!id) return Promise.resolve(true);
    return firstDelivery(this.edge.ctx, `${conversation?.id ?? ''}|${id}`);
  }

  private welcome(context: TurnContext): Reply {
    const kind = kindOf(context.activity);
    const inChannel = kind === 'channel';
    return welcomeCard(
      this.edge.cards,
      COMMANDS,
      inChannel ? "your partnership's" : "your partnerships'",
      inChannel,
      kind !== 'personal',
    );
  }

  private async remember(context: TurnContext): Promise<void> {
    if (!context.activity.conversation?.id || !context.activity.serviceUrl) return;
    if (!this.edge.database.available()) return; // seen again on the next message
    const channelId = channelIdOf(context.activity);
    const town = await townOfChannel(this.edge.ctx, channelId);
    try {
      await rememberConversation(this.edge.ctx, { ...conversationRefOf(context.activity), town });
    } catch (error) {
      this.edge.log.warn({ err: error }, 'could not store the conversation reference'); // the answer matters more
    }
  }

  /** Runs a handler; an error becomes a card that says what to do, never a failed turn. */
  private async safely(context: TurnContext, handler: () => Promise<Reply>): Promise<Reply> {
    // Known to be away: say so now (the health monitor has logged it once), rather than wait on a timeout.
    if (!this.edge.database.available()) return errorCard(this.edge.cards, databaseAway());
    try {
      return await handler();
    } catch (error) {
      if (
        !(error instanceof AppError) ||
        error.code === ErrorCode.Internal ||
        error.code === ErrorCode.Unavailable
      ) {
        this.edge.log.error({ err: error, activityId: context.activity.id }, 'turn failed');
      }
      return errorCard(this.edge.cards, error);
    }
  }

  private async reply(context: TurnContext, reply: Reply): Promise<void> {
    await context.sendActivity(
      typeof reply === 'string'
        ? MessageFactory.text(reply)
        : 'attachment' in reply
          ? MessageFactory.attachment(reply.attachment as Attachment)
          : MessageFactory.attachment(CardFactory.adaptiveCard(reply)),
    );
  }

  /** The person accepted a file (the board report): upload it, then show its file card. */
  protected override async handleTeamsFileConsentAccept(
    context: TurnContext,
    response: FileConsentCardResponse,
  ): Promise<void> {
    await this.reply(
      context,
      await this.safely(context, async () => {
        const actor = actorOf(context.activity);
        if (!actor || !this.edge.reports)
          throw new AppError(
            ErrorCode.Forbidden,
            'Teams did not say who you are, so I cannot send the report.',
          );
        return { attachment: await this.edge.reports.accept(actor, response) };
      }),
    );
  }

  protected override async handleTeamsFileConsentDecline(context: TurnContext): Promise<void> {
    await this.reply(context, 'No report sent. Ask for "report" again whenever you want it.');
  }
}

/** A message that is only a card (from the message extension), with no words of its own. */
function sharedCard(context: TurnContext): boolean {
  const { text, attachments } = context.activity;
  const words = (text ?? '').replace(/<[^>]*>/g, '').trim();
  return !words && !!attachments?.some((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
}
