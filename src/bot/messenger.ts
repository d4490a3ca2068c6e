// Proactive sends through the Bot Connector: action cards to the town's channel (posted once, then updated
// in place for everyone), and 1:1 notes to coordinators. Failures are logged and reported, never thrown
// into the user's turn: the change itself is already saved.
import {
  CardFactory,
  MessageFactory,
  type CloudAdapter,
  type ConversationReference,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from 'pino';
import { BOARD_CHANNEL_KEY, conversationKey, type ConversationRef } from '../domain/conversation.js';
import { townBySlug } from '../domain/towns.js';
import { actionCard } from '../cards/views.js';
import { SendDispatcher } from './dispatcher.js';
import type { CardRenderer, Card } from '../cards/render.js';
import type { Action } from '../domain/action.js';
import type { Meeting } from '../domain/meeting.js';
import type { DeliveryPlan } from '../domain/plan.js';
import type { AppContext } from '../app/context.js';
import { viewSettings } from '../app/read-models.js';
import { LatestOnly } from './latest-only.js';

/** 'pending': still going when the click had to be answered; it carries on after (see `publish`). */
export type PublishOutcome = 'posted' | 'updated' | 'no_channel' | 'failed' | 'pending';

/**
 * How long a card click waits for the channel's copy before answering: Teams gives an invoke a few seconds
 * before it tells the person "Unable to reach app", and the change is already saved by then.
 */
export const CHANNEL_COPY_WAIT_MS = 3_000;

export class Messenger {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly ctx: AppContext,
    private readonly cards: CardRenderer,
    private readonly log: Logger,
    private readonly dispatcher: SendDispatcher = new SendDispatcher(),
  ) {}

  /** Channel posts still going after the turn that started them answered (see `publish`). */
  private readonly unfinished = new Set<Promise<unknown>>();

  /** Waits, up to `graceMs`, for channel posts still going (at shutdown); how many were left unfinished. */
  async settle(graceMs: number): Promise<number> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.unfinished]),
      new Promise((resolve) => {
        timer = setTimeout(resolve, graceMs);
      }),
    ]);
    clearTimeout(timer);
    return this.unfinished.size;
  }

  /** Posts the action's card to its town's channel, or updates the copy already there. */
  async publishAction(action: Action, what: string): Promise<PublishOutcome> {
    const card = this.cards.render(
      'action',
      actionCard(action, {
        ...viewSettings(this.ctx),
        canEdit: true,
        refreshUserIds: await this.teamsIdsOf(action),
      }),
    );
    return this.publish(action.id, action.town, card, `${action.ref} (${what})`);
  }

  /**
   * One card per record in the town's channel: posted once, then updated in place (message id kept). Waited
   * for up to CHANNEL_COPY_WAIT_MS, then 'pending': the post carries on (with the dispatcher's retries and
   * time limit) after the click has been answered, so a slow connector delays no one. When Teams' limits
   * already hold the channel back, not waited for at all; and while a card's copy waits, only its newest
   * version is kept to send (LatestOnly).
   */
  private async publish(
    recordId: string,
    town: Action['town'],
    card: Card,
    what: string,
  ): Promise<PublishOutcome> {
    const channel = await this.channelOf(town);
    const conversationId = (channel?.reference as Partial<ConversationReference> | undefined)?.conversation
      ?.id;
    const held =
      this.copies.busy(recordId) || (conversationId ? this.dispatcher.wouldWait(conversationId) : false);
    const work = this.copies.submit(recordId, { town, card, what });
    this.unfinished.add(work);
    void work
      .catch((error: unknown) => this.log.warn({ err: error, what }, 'channel copy not updated'))
      .finally(() => this.unfinished.delete(work));
    if (held) return 'pending';
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'pending'>((resolve) => {
      timer = setTimeout(() => resolve('pending'), CHANNEL_COPY_WAIT_MS);
    });
    try {
      return await Promise.race([work, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  private readonly copies = new LatestOnly<
    { town: Action['town']; card: Card; what: string },
    PublishOutcome
  >((recordId, { town, card, what }) => this.publishNow(recordId, town, card, what));

  private async publishNow(
    recordId: string,
    town: Action['town'],
    card: Card,
    what: string,
  ): Promise<PublishOutcome> {
    const { stores } = this.ctx;
    const channelRef = await this.channelOf(town);
    if (!channelRef) {
      const name = townBySlug(town).name;
      await this.tellCoordinators(
        town,
        `${what} could not be posted: ${name} has no linked channel. A coordinator can run "link ${name}" in the town's channel.`,
      );
      return 'no_channel';
    }
    const reference = channelRef.reference as Partial<ConversationReference>;
    const conversationId = reference.conversation?.id ?? '';
    const existing = await stores.cardPosts.find(recordId, conversationId);
    try {
      if (existing) {
        await this.inConversation(reference, (context) =>
          context.updateActivity({
            id: existing.activityId,
            type: 'message',
            attachments: [CardFactory.adaptiveCard(card)],
          }),
        );
        return 'updated';
      }
      let activityId = '';
      await this.inConversation(reference, async (context) => {
        activityId =
          (await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card))))?.id ?? '';
      });
      if (activityId) await stores.cardPosts.save({ actionId: recordId, conversationId, activityId });
      return 'posted';
    } catch (error) {
      this.log.warn({ err: error, what }, 'could not post the card to the channel');
      return 'failed';
    }
  }

  /** Posts the meeting card to the town's channel, or updates the copy already there. */
  async publishMeeting(meeting: Meeting, card: Card): Promise<PublishOutcome> {
    return this.publish(meeting.id, meeting.town, card, `meeting ${meeting.title}`);
  }

  /** Posts the delivery plan's card to its town's channel, or updates the copy already there. */
  async publishPlan(plan: DeliveryPlan, card: Card): Promise<PublishOutcome> {
    return this.publish(plan.id, plan.town, card, `the delivery plan "${plan.title}"`);
  }

  /** Whether the record's card has been posted to a channel (and so should be kept up to date). */
  async hasChannelCopy(recordId: string): Promise<boolean> {
    return (await this.ctx.stores.cardPosts.listFor(recordId)).length > 0;
  }

  /** Sends a card to the town's channel (join requests); false when the town has no channel. */
  async postToTownChannel(town: Action['town'], card: Card): Promise<boolean> {
    return this.postCard(await this.channelOf(town), card, `the ${town} channel`);
  }

  /** Sends a card to the channel the board linked; false when there is none (or it cannot be reached). */
  async postToBoardChannel(card: Card): Promise<boolean> {
    return this.postCard(
      await this.ctx.stores.conversations.get(BOARD_CHANNEL_KEY),
      card,
      'the board channel',
    );
  }

  private async postCard(ref: ConversationRef | null, card: Card, where: string): Promise<boolean> {
    if (!ref) return false;
    try {
      await this.inConversation(ref.reference, async (context) => {
        await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
      });
      return true;
    } catch (error) {
      this.log.warn({ err: error, where }, 'could not post a card to a channel');
      return false;
    }
  }

  /** A 1:1 message to each coordinator of the town the bot can reach; returns how many it reached. */
  async tellCoordinators(town: Action['town'], text: string, card?: Card): Promise<number> {
    const coordinators = (await this.ctx.stores.members.listByTown(town)).filter(
      (m) => m.accessRole === 'coordinator',
    );
    let reached = 0;
    for (const coordinator of coordinators) {
      const ref = await this.ctx.stores.conversations.findPersonal(coordinator.aadObjectId);
      if (!ref) continue;
      try {
        await this.inConversation(ref.reference, async (context) => {
          await context.sendActivity(
            card
              ? MessageFactory.attachment(CardFactory.adaptiveCard(card), text)
              : MessageFactory.text(text),
          );
        });
        reached++;
      } catch (error) {
        this.log.warn({ err: error, town }, 'could not reach a coordinator');
      }
    }
    if (!reached) this.log.warn({ town, text }, 'no coordinator could be told');
    return reached;
  }

  /** A 1:1 card to a person; 'blocked' when Teams refuses (403: they blocked or removed the bot). */
  async sendPersonal(
    aadObjectId: string,
    card: Card,
    summary: string,
  ): Promise<'sent' | 'no_conversation' | 'blocked'> {
    const ref = await this.ctx.stores.conversations.findPersonal(aadObjectId);
    if (!ref) return 'no_conversation';
    try {
      await this.inConversation(ref.reference, async (context) => {
        await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card), summary));
      });
      return 'sent';
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 403) return 'blocked';
      throw error;
    }
  }

  /** Mentions a person in the town's channel (for someone the bot cannot reach 1:1); false without a channel. */
  async mentionInChannel(
    town: Action['town'],
    person: { aadObjectId: string; displayName: string },
    text: string,
  ): Promise<boolean> {
    const ref = await this.channelOf(town);
    if (!ref) return false;
    const mention = `<at>${person.displayName}</at>`;
    await this.inConversation(ref.reference, async (context) => {
      const message = MessageFactory.text(`${mention} ${text}`);
      message.entities = [
        { type: 'mention', text: mention, mentioned: { id: person.aadObjectId, name: person.displayName } },
      ];
      await context.sendActivity(message);
    });
    return true;
  }

  /** The stored reference of the town's linked channel; null when the town has none. */
  private async channelOf(town: Action['town']): Promise<ConversationRef | null> {
    // From the partnerships held in memory (one lookup a town would cost every card click).
    const partnership = (await this.ctx.stores.partnerships.list()).find((p) => p.id === town);
    if (!partnership?.channel) return null;
    return this.ctx.stores.conversations.get(conversationKey('channel', partnership.channel.channelId));
  }

  /** Teams user ids (29:...) of the owners, for the card's automatic refresh (Teams allows 60). */
  async teamsIdsOf(action: Action): Promise<string[]> {
    const refs = await Promise.all(
      action.owners.map((o) => this.ctx.stores.conversations.findPersonal(o.aadObjectId)),
    );
    return refs
      .flatMap((r) => {
        const id = (r?.reference as Partial<ConversationReference> | undefined)?.user?.id;
        return id ? [id] : [];
      })
      .slice(0, 60);
  }

  /**
   * Runs `logic` in a proactive turn, through the dispatcher (Teams rate limits, retries). Messages sent
   * from it start new posts: the SDK would otherwise make them replies to its continuation event's random id.
   */
  private inConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<unknown>,
  ): Promise<void> {
    const conversationId = reference.conversation?.id ?? '';
    return this.dispatcher.dispatch(conversationId, async () => {
      // The adapter hands errors inside a turn to onTurnError, which would hide a failed send from us
      // (and from the dispatcher's retries): catch it here and throw it after the turn.
      let failure: unknown;
      await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
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
      if (failure)
        throw failure instanceof Error ? failure : new Error('proactive send failed', { cause: failure });
    });
  }
}
