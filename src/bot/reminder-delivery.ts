// Delivers reminders in Teams: a 1:1 card to each owner (or, for an escalation, to each coordinator), plus
// an activity feed notification through Graph when Graph is configured. An owner the bot has never talked to
// gets the app installed through Graph (their next reminder then arrives 1:1) and, meanwhile, a mention in the
// town's channel. An owner who blocked the bot is reported to the coordinators.
import { townMembers } from '../app/card-context.js';
import type { Logger } from 'pino';
import { ErrorCode, type AppError } from '../errors.js';
import type { FeedNotifier } from './feed.js';
import { boardCard } from '../cards/town-views.js';
import { digestCard, reminderCard } from '../cards/views.js';
import type { TownSummary } from '../domain/summary.js';
import { townBySlug, type TownSlug } from '../domain/towns.js';
import type { Digest } from '../domain/digest.js';
import { viewSettings } from '../app/read-models.js';
import type { Action } from '../domain/action.js';
import type { DueReminder } from '../domain/reminder-policy.js';
import type { AppContext } from '../app/context.js';
import type {
  BoardReportDelivery,
  DigestDelivery,
  GroupOverrunDelivery,
  ReminderDelivery,
} from '../app/outward-ports.js';
import type { TaskGroup } from '../domain/task-group.js';
import { groupCard } from '../cards/group-views.js';
import type { CardRenderer } from '../cards/render.js';
import type { Messenger } from './messenger.js';

export class TeamsReminderDelivery
  implements ReminderDelivery, DigestDelivery, BoardReportDelivery, GroupOverrunDelivery
{
  constructor(
    private readonly ctx: AppContext,
    private readonly cards: CardRenderer,
    private readonly messenger: Messenger,
    private readonly feed: FeedNotifier,
    private readonly log: Logger,
  ) {}

  async deliver(action: Action, reminder: DueReminder): Promise<'sent' | 'unreachable'> {
    const view = viewSettings(this.ctx);
    const data = reminderCard(action, reminder.kind, view, reminder.milestone);
    const card = this.cards.render('reminder', data);
    if (reminder.audience === 'coordinators') {
      return (await this.messenger.tellCoordinators(action.town, data.headline, card))
        ? 'sent'
        : 'unreachable';
    }
    let reached = 0;
    let graphDown: AppError | null = null;
    for (const owner of action.owners) {
      const result = await this.messenger.sendPersonal(owner.aadObjectId, card, data.headline);
      if (result === 'sent') {
        reached++;
        await this.feed.notify(owner.aadObjectId, action, reminder.kind, data.headline);
      } else if (result === 'blocked') {
        this.log.warn({ action: action.ref }, 'an owner has blocked the bot');
        await this.messenger.tellCoordinators(
          action.town,
          `${owner.displayName} has blocked the Safer Towns bot, so could not be reminded: ${data.headline}.`,
        );
      } else {
        const installFailure = await this.feed.install(owner.aadObjectId);
        if (await this.messenger.mentionInChannel(action.town, owner, `${data.headline}: ${action.title}`))
          reached++;
        else if (installFailure?.code === ErrorCode.Unavailable) graphDown = installFailure;
      }
    }
    // Nobody reached, and Graph (the way to reach an owner the bot has never talked to) may answer later:
    // the reminder is not given up but left for a later sweep.
    if (!reached && graphDown) throw graphDown;
    return reached ? 'sent' : 'unreachable';
  }

  async toTownChannel(town: TownSlug, digest: Digest): Promise<'sent' | 'unreachable'> {
    const name = townBySlug(town).name;
    const card = this.cards.render(
      'digest',
      digestCard(
        `Safer ${name}: the week`,
        digest,
        viewSettings(this.ctx),
        'Every week on this day. Ask me "summary" for the full picture.',
      ),
    );
    return (await this.messenger.postToTownChannel(town, card)) ? 'sent' : 'unreachable';
  }

  async toBoardChannel(summaries: TownSummary[], month: string): Promise<'sent' | 'unreachable'> {
    const card = this.cards.render(
      'board-summary',
      boardCard(summaries, viewSettings(this.ctx), `Monthly report, ${month}`),
    );
    return (await this.messenger.postToBoardChannel(card)) ? 'sent' : 'unreachable';
  }

  async groupOverrun(view: { group: TaskGroup; actions: Action[] }): Promise<'sent' | 'unreachable'> {
    const { group } = view;
    const members = await townMembers(this.ctx, group.town);
    const card = this.cards.render(
      'group',
      groupCard(view, members, viewSettings(this.ctx).today, {
        canManage: true,
        notice: `This group was due to finish on ${group.endDate} and still has ${view.actions.length} open actions: close it, or extend it.`,
      }),
    );
    const text = `The "${group.theme}" task-and-finish group has passed its end date with open actions.`;
    return (await this.messenger.tellCoordinators(group.town, text, card)) > 0 ? 'sent' : 'unreachable';
  }

  async toPerson(aadObjectId: string, displayName: string, digest: Digest): Promise<'sent' | 'unreachable'> {
    const card = this.cards.render(
      'digest',
      digestCard(
        `Your actions this week, ${displayName}`,
        digest,
        viewSettings(this.ctx),
        'You get this because you own more than one open action. Say "digest off" to stop it.',
      ),
    );
    const result = await this.messenger.sendPersonal(aadObjectId, card, 'Your weekly digest');
    return result === 'sent' ? 'sent' : 'unreachable';
  }
}
