// The Teams activity feed, for reminders and owner notices: the activity types the manifest declares, the
// link each notification opens, and installing the app for someone the bot cannot reach yet.
import type { Logger } from 'pino';
import { AppError, ErrorCode } from '../errors.js';
import type { Action } from '../domain/action.js';
import type { ActionReminderKind, OwnerNoticeKind } from '../domain/reminder.js';
import type { ActivityFeed } from '../app/outward-ports.js';

/** Activity types the manifest declares (activities.activityTypes) for these notifications. */
export const ACTIVITY_TYPES: Record<ActionReminderKind | OwnerNoticeKind, string> = {
  due_soon: 'actionDueSoon',
  due_today: 'actionDueToday',
  overdue: 'actionOverdue',
  escalation: 'actionEscalated',
  milestone_due: 'actionMilestoneDue',
  owner_added: 'actionAssigned',
  owner_removed: 'actionUnassigned',
};

/** The template parameters each notification carries; the manifest's templateText may use these (and {actor}). */
export const FEED_TEMPLATE_PARAMETERS = ['ref'] as const;
type FeedParameters = Record<(typeof FEED_TEMPLATE_PARAMETERS)[number], string>;

/**
 * Where a notification about an action leads: the person's chat with the bot, with "show TRU-014" in the
 * compose box (Teams' chat deep link and its `message` parameter), so one press opens that action's card.
 */
export function actionChatLink(botAppId: string, ref: string): string {
  const users = encodeURIComponent(`28:${botAppId}`);
  return `https://teams.microsoft.com/l/chat/0/0?users=${users}&message=${encodeURIComponent(`show ${ref}`)}`;
}

export class FeedNotifier {
  constructor(
    private readonly feed: ActivityFeed | null,
    private readonly botAppId: string,
    private readonly log: Logger,
  ) {}

  /** A feed notification about the action; a failure is logged (the 1:1 card went already). */
  async notify(
    userId: string,
    action: Action,
    kind: ActionReminderKind | OwnerNoticeKind,
    preview: string,
  ): Promise<void> {
    if (!this.feed) return;
    try {
      await this.feed.notify(userId, {
        activityType: ACTIVITY_TYPES[kind],
        topic: `${action.ref} ${action.title}`.slice(0, 200),
        webUrl: actionChatLink(this.botAppId, action.ref),
        preview,
        templateParameters: { ref: action.ref } satisfies FeedParameters,
      });
    } catch (error) {
      this.log.warn({ err: error, action: action.ref }, 'activity feed notification failed');
    }
  }

  /** Installs the app for someone the bot cannot reach yet; the failure, if any, for the caller to weigh. */
  async install(userId: string): Promise<AppError | null> {
    if (!this.feed) return null;
    try {
      await this.feed.installFor(userId);
      return null;
    } catch (error) {
      this.log.warn({ err: error }, 'could not install the app for a person');
      return error instanceof AppError
        ? error
        : new AppError(ErrorCode.Unavailable, 'Graph failed', { cause: error });
    }
  }
}
