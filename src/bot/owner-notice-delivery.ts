// Owner notices in Teams: a new owner gets the action's card 1:1 (with its buttons) and a feed notification
// that opens it; someone the bot has never talked to gets the app installed and, meanwhile, a mention in the
// town's channel. A removed owner is told 1:1 (never in the channel: being taken off is nobody else's news).
import { renderActionCard } from './render-action.js';
import { actionsListCard } from '../cards/views.js';
import { viewSettings } from '../app/read-models.js';
import { townBySlug } from '../domain/towns.js';
import type { Logger } from 'pino';
import type { AppContext } from '../app/context.js';
import type { ImportNotice, OwnerNotice, OwnerNoticeDelivery } from '../app/outward-ports.js';
import type { CardRenderer } from '../cards/render.js';
import type { FeedNotifier } from './feed.js';
import type { Messenger } from './messenger.js';

export class TeamsOwnerNotices implements OwnerNoticeDelivery {
  constructor(
    private readonly ctx: AppContext,
    private readonly cards: CardRenderer,
    private readonly messenger: Messenger,
    private readonly feed: FeedNotifier,
    private readonly log: Logger,
  ) {}

  async deliver({ action, person, kind, by }: OwnerNotice): Promise<'sent' | 'unreachable'> {
    const added = kind === 'owner_added';
    // Never to the person who made the change (noticesFor): their own reply says it.
    const headline = added
      ? `${by.name} made you an owner of ${action.ref}`
      : `${by.name} took you off ${action.ref}: you are no longer an owner`;
    const card = added
      ? await renderActionCard(this.cards, this.ctx, action, {
          canEdit: true,
          notice: `${headline}. Update it from here when there is progress.`,
          refreshUserIds: await this.messenger.teamsIdsOf(action),
        })
      : this.cards.render('error', {
          title: headline,
          titleColor: 'Default',
          message: `${action.ref} ${action.title} is now owned by ${action.owners.map((o) => o.displayName).join(', ')}.`,
          issues: [],
          hint: 'Nothing for you to do. Ask a coordinator if this is a mistake.',
        });
    const sent = await this.messenger.sendPersonal(person.aadObjectId, card, headline);
    if (sent === 'sent') {
      await this.feed.notify(person.aadObjectId, action, kind, headline);
      return 'sent';
    }
    if (sent === 'blocked') {
      this.log.warn({ action: action.ref }, 'a person given an action has blocked the bot');
      if (added)
        await this.messenger.tellCoordinators(
          action.town,
          `${person.displayName} has blocked the Safer Towns bot, so could not be told they own ${action.ref}.`,
        );
      return 'unreachable';
    }
    if (!added) return 'unreachable';
    await this.feed.install(person.aadObjectId);
    const mentioned = await this.messenger.mentionInChannel(
      action.town,
      person,
      `you are now an owner of ${action.ref}: ${action.title}`,
    );
    return mentioned ? 'sent' : 'unreachable';
  }

  /** The list of what an import gave them, one card; the first action's feed entry points at the chat. */
  async deliverImported({ town, person, actions, by }: ImportNotice): Promise<'sent' | 'unreachable'> {
    const count = actions.length === 1 ? 'an action' : `${actions.length} actions`;
    const headline = `${by.name} imported Safer ${townBySlug(town).name}'s plan: you own ${count}`;
    const card = this.cards.render(
      'actions-list',
      actionsListCard(headline, actions, viewSettings(this.ctx)),
    );
    const sent = await this.messenger.sendPersonal(person.aadObjectId, card, headline);
    if (sent === 'sent') {
      await this.feed.notify(person.aadObjectId, actions[0]!, 'owner_added', headline);
      return 'sent';
    }
    if (sent === 'blocked') return 'unreachable';
    await this.feed.install(person.aadObjectId);
    const refs = actions.map((a) => a.ref).join(', ');
    const mentioned = await this.messenger.mentionInChannel(
      town,
      person,
      `you own ${refs}, imported into the plan`,
    );
    return mentioned ? 'sent' : 'unreachable';
  }
}
