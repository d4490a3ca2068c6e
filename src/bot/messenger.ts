// Proactive sends through the Bot Connector: action cards to the town's channel (posted once, then updated
// in place for everyone), and 1:1 notes to coordinators. Failures are logged and reported, never thrown
// into the user's turn: the change itself is already saved.
import { CardFactory, MessageFactory, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { Logger } from 'pino';
import type { ConversationRef } from '../domain/conversation.js';
import { townBySlug } from '../domain/towns.js';
import { firstNoticeToday } from '../app/daily-notice.js';
import { renderActionCard } from './render-action.js';
import { SendDispatcher } from './dispatcher.js';
import type { CardRenderer, Card } from '../cards/render.js';
import type { Action } from '../domain/action.js';
import type { Meeting } from '../domain/meeting.js';
import type { DeliveryPlan } from '../domain/plan.js';
import type { AppContext } from '../app/context.js';
import {
  boardChannel,
  cardPostIn,
  coordinatorsOf,
  hasCardPost,
  personalChat,
  rememberCardPost,
  townChannel,
} from '../app/reach.js';
import { LatestOnly } from './latest-only.js';
import { Proactive } from './proactive.js';
import { InFlight } from './in-flight.js';
import { NewestVersions } from './newest-versions.js';

/** 'pending': still going when the click had to be answered; it carries on after (see `publish`). */
export type PublishOutcome = 'posted' | 'updated' | 'no_channel' | 'failed' | 'pending';

/**
 * How long a card click waits for the channel's copy before answering: Teams gives an invoke a few seconds
 * before it tells the person "Unable to reach app", and the change is already saved by then.
 */
const CHANNEL_COPY_WAIT_MS = 3_000;

export class Messenger {
  private readonly proactive: Proactive;

  constructor(
    adapter: CloudAdapter,
    appId: string,
    private readonly ctx: AppContext,
    private readonly cards: CardRenderer,
    private readonly log: Logger,
    dispatcher: SendDispatcher = new SendDispatcher(),
  ) {
    this.proactive = new Proactive(adapter, appId, dispatcher);
  }

  /** Channel posts still going after the turn that started them answered (see `publish`). */
  private readonly unfinished = new InFlight();
  private readonly versions = new NewestVersions();

  /** Waits, up to `graceMs`, for channel posts still going (at shutdown); how many were left unfinished. */
  settle(graceMs: number): Promise<number> {
    return this.unfinished.settle(graceMs);
  }

  /** Posts the action's card to its town's channel, or updates the copy already there. */
  async publishAction(action: Action, what: string, by?: string): Promise<PublishOutcome> {
    const refreshUserIds = await this.teamsIdsOf(action);
    const card = await renderActionCard(this.cards, this.ctx, action, { canEdit: true, refreshUserIds });
    return this.publish(action, card, `${action.ref} (${what})`, by);
  }

  /**
   * One card per record in the town's channel: posted once, then updated in place (message id kept). Waited
   * for up to CHANNEL_COPY_WAIT_MS, then 'pending': the post carries on (with the dispatcher's retries and
   * time limit) after the click is answered, so a slow connector delays no one. Not waited for at all when
   * Teams' limits hold the channel back; while a copy waits, only its newest version is kept (LatestOnly).
   */
  private async publish(
    { id: recordId, version, town }: { id: string; version: number; town: Action['town'] },
    card: Card,
    what: string,
    by?: string, // who made the change: their own reply says there is no channel (see publishNow)
  ): Promise<PublishOutcome> {
    if (!this.versions.admit(recordId, version)) return 'pending'; // a newer copy is on its way
    const conversationId = conversationIdOf(await this.channelOf(town));
    const held =
      this.copies.busy(recordId) || (conversationId ? this.proactive.wouldWait(conversationId) : false);
    const work = this.copies.submit(recordId, { town, card, what, by });
    this.unfinished.add(work, (error) => this.log.warn({ err: error, what }, 'channel copy not updated'));
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
    { town: Action['town']; card: Card; what: string; by?: string | undefined },
    PublishOutcome
  >((recordId, copy) => this.publishNow(recordId, copy));

  private async publishNow(
    recordId: string,
    { town, card, what, by }: { town: Action['town']; card: Card; what: string; by?: string | undefined },
  ): Promise<PublishOutcome> {
    const channelRef = await this.channelOf(town);
    if (!channelRef) {
      // Said once a day per town, not after every change: until the channel is linked, each would repeat it.
      const name = townBySlug(town).name;
      if (await firstNoticeToday(this.ctx, `no-channel:${town}`))
        await this.tellCoordinators(
          town,
          `${name} has no linked channel, so changes to its actions are not posted there (${what} is the latest). A coordinator can run "link ${name}" in the town's channel. I will say this once a day until then.`,
          undefined,
          by,
        );
      return 'no_channel';
    }
    const reference = channelRef.reference as Partial<ConversationReference>;
    const conversationId = reference.conversation?.id ?? '';
    const existing = await cardPostIn(this.ctx, recordId, conversationId);
    try {
      if (existing) {
        await this.proactive.run(reference, (context) =>
          context.updateActivity({
            id: existing.activityId,
            type: 'message',
            attachments: [CardFactory.adaptiveCard(card)],
          }),
        );
        return 'updated';
      }
      const activityId = await this.proactive.sendCard(reference, card);
      if (activityId) await rememberCardPost(this.ctx, { actionId: recordId, conversationId, activityId });
      return 'posted';
    } catch (error) {
      this.log.warn({ err: error, what }, 'could not post the card to the channel');
      return 'failed';
    }
  }

  /** Posts the meeting's or the delivery plan's card to its town's channel, or updates the copy there. */
  publishMeeting = (meeting: Meeting, card: Card, by?: string) =>
    this.publish(meeting, card, `meeting ${meeting.title}`, by);
  publishPlan = (plan: DeliveryPlan, card: Card) => this.publish(plan, card, `the plan "${plan.title}"`);

  /** Whether this team channel is the town's own channel (where its records' cards are posted). */
  async isTownChannel(town: Action['town'], channelId: string | null | undefined): Promise<boolean> {
    return Boolean(channelId) && conversationIdOf(await this.channelOf(town)) === channelId;
  }

  /** Whether the record's card has been posted to a channel (and so should be kept up to date). */
  async hasChannelCopy(recordId: string): Promise<boolean> {
    return hasCardPost(this.ctx, recordId);
  }

  /** Sends a card to the town's channel (join requests); false when the town has no channel. */
  async postToTownChannel(town: Action['town'], card: Card): Promise<boolean> {
    return this.postCard(await this.channelOf(town), card, `the ${town} channel`);
  }

  /** Sends a card to the channel the board linked; false when there is none (or it cannot be reached). */
  async postToBoardChannel(card: Card): Promise<boolean> {
    return this.postCard(await boardChannel(this.ctx), card, 'the board channel');
  }

  private async postCard(ref: ConversationRef | null, card: Card, where: string): Promise<boolean> {
    if (!ref) return false;
    try {
      await this.proactive.sendCard(ref.reference, card);
      return true;
    } catch (error) {
      this.log.warn({ err: error, where }, 'could not post a card to a channel');
      return false;
    }
  }

  /** A 1:1 message to each coordinator of the town the bot can reach; returns how many it reached. */
  async tellCoordinators(town: Action['town'], text: string, card?: Card, except?: string): Promise<number> {
    let reached = 0;
    for (const coordinator of await coordinatorsOf(this.ctx, town)) {
      if (coordinator.aadObjectId === except) continue;
      const ref = await personalChat(this.ctx, coordinator.aadObjectId);
      if (!ref) continue;
      try {
        await this.proactive.run(ref.reference, async (context) => {
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
    const ref = await personalChat(this.ctx, aadObjectId);
    if (!ref) return 'no_conversation';
    try {
      await this.proactive.sendCard(ref.reference, card, summary);
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
    await this.proactive.mention(ref.reference, person, text);
    return true;
  }

  /** The stored reference of the town's linked channel; null when the town has none. */
  private readonly channelOf = (town: Action['town']) => townChannel(this.ctx, town);

  /** Teams user ids (29:...) of the owners, for the card's automatic refresh (Teams allows 60). */
  async teamsIdsOf(action: Action): Promise<string[]> {
    const refs = await Promise.all(action.owners.map((o) => personalChat(this.ctx, o.aadObjectId)));
    return refs
      .flatMap((r) => {
        const id = (r?.reference as Partial<ConversationReference> | undefined)?.user?.id;
        return id ? [id] : [];
      })
      .slice(0, 60);
  }
}

function conversationIdOf(ref: ConversationRef | null): string | undefined {
  return (ref?.reference as Partial<ConversationReference> | undefined)?.conversation?.id;
}
