// The Teams edge: routes messages, install events and card actions to use cases, and replies with cards.
import {
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  TeamsInfo,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type Attachment,
  type FileConsentCardResponse,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from 'pino';
import { AppError, ErrorCode } from '../errors.js';
import { townBySlug, type TownSlug } from '../domain/towns.js';
import { rememberConversation } from '../app/conversations.js';
import { resolveTown } from '../app/resolve-town.js';
import { actionFormContext } from '../app/action-form.js';
import { linkTownChannel, unlinkTownChannel } from '../app/channels.js';
import { requestToJoin } from '../app/join.js';
import {
  findAction,
  getBoardSummary,
  getTownSummary,
  listActions,
  listMembers,
  myActions,
  viewSettings,
  canEditAction,
} from '../app/read-models.js';
import { actionCard, actionsListCard, boardCard, membersCard, townSummaryCard } from '../cards/views.js';
import { parseCommand, type Command } from './commands.js';
import {
  actionFormCard,
  errorCard,
  helpCard,
  joinRequestCard,
  meetingFormCard,
  must,
  welcomeCard,
  type Reply,
} from './replies.js';
import { authorise } from '../app/authorise.js';
import { actorOf, channelDataOf, channelIdOf, conversationRefOf, kindOf, tenantOf } from './turn.js';
import type { Actor } from '../domain/entity.js';
import type { Calendar } from '../app/ports.js';
import { scheduleLaunchPlan } from '../app/launch-plan.js';
import { fundView } from '../app/seed-fund.js';
import type { ReportDelivery } from './report-delivery.js';
import { isWorkCommand, WorkCommands } from './work-commands.js';
import { isBoardMember } from '../app/indicator.js';
import { BOARD_CHANNEL_KEY } from '../domain/conversation.js';
import { formatDate } from '../cards/format.js';
import type { AppContext } from '../app/context.js';
import type { CardRenderer } from '../cards/render.js';
import type { CardActions } from './card-actions.js';
import type { Messenger } from './messenger.js';

export class SaferTownsBot extends TeamsActivityHandler {
  private readonly reports: ReportDelivery | null;
  private readonly work: WorkCommands;

  constructor(
    private readonly ctx: AppContext,
    private readonly cards: CardRenderer,
    private readonly cardActions: CardActions,
    private readonly messenger: Messenger,
    private readonly log: Logger,
    private readonly calendar: Calendar | null = null,
    reports: ReportDelivery | null = null,
  ) {
    super();
    this.reports = reports;
    this.work = new WorkCommands(ctx, cards, cardActions, reports);
    this.onMessage(async (context, next) => {
      await this.remember(context);
      await this.reply(context, await this.safely(context, () => this.answer(context)));
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

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    value: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const card = await this.safely(context, async () => {
      const actor = actorOf(context.activity);
      if (!actor)
        return errorCard(
          this.cards,
          new AppError(ErrorCode.Forbidden, 'Teams did not say who you are, so I cannot change anything.'),
        );
      const verb = typeof value.action?.verb === 'string' ? value.action.verb : '';
      if (!(await this.firstDelivery(context)))
        return this.cards.render('error', {
          title: 'Already received',
          message:
            'Teams sent this twice; I took it the first time only. Refresh the card to see where it stands.',
          issues: [],
          hint: '',
        });
      return this.cardActions.handle(actor, verb, value.action?.data ?? {});
    });
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value:
        typeof card === 'string'
          ? this.cards.render('error', { title: card, message: '', issues: [], hint: '' })
          : card,
    };
  }

  /**
   * False when this activity was taken before: Teams retries a card action it thinks timed out, with the
   * same activity id, and a create must not happen twice. Activities without an id cannot be told apart.
   */
  private firstDelivery(context: TurnContext): Promise<boolean> {
    const { id, conversation } = context.activity;
    if (!id) return Promise.resolve(true);
    return this.ctx.stores.deliveries.first(`${conversation?.id ?? ''}|${id}`, this.ctx.clock.now());
  }

  private async answer(context: TurnContext): Promise<Reply> {
    const actor = actorOf(context.activity);
    const command = parseCommand(context.activity.text ?? '');
    if (command.kind === 'help') return helpCard(this.cards, null);
    if (command.kind === 'unknown') return helpCard(this.cards, command.suggestion, command.text);
    if (command.kind === 'invalid')
      return errorCard(this.cards, new AppError(ErrorCode.Validation, command.message));
    if (!actor)
      return errorCard(
        this.cards,
        new AppError(
          ErrorCode.Forbidden,
          'Teams did not say who you are. Ask your IT contact to check the app is installed for you.',
        ),
      );
    return this.runCommand(context, actor, command);
  }

  private async runCommand(
    context: TurnContext,
    actor: Actor,
    command: Exclude<Command, { kind: 'help' | 'unknown' | 'invalid' }>,
  ): Promise<Reply> {
    const view = viewSettings(this.ctx);
    const channelId = channelIdOf(context.activity);
    const town = async (named: TownSlug | null) => {
      const resolved = await resolveTown(this.ctx, actor, named, channelId);
      if (!resolved.ok) throw resolved.error;
      return resolved.value;
    };
    if (isWorkCommand(command)) return this.work.run(context, actor, command, town);
    switch (command.kind) {
      case 'summary': {
        const slug = await town(command.town);
        const summary = must(await getTownSummary(this.ctx, actor, slug));
        return this.cards.render('town-summary', townSummaryCard(summary, view));
      }
      case 'board': {
        const summaries = must(await getBoardSummary(this.ctx, actor));
        const fund = must(await fundView(this.ctx, actor));
        return this.cards.render('board-summary', boardCard(summaries, view, 'All ten towns', fund));
      }
      case 'actions': {
        const slug = await town(command.town);
        const actions = must(await listActions(this.ctx, actor, slug, command.filter));
        const label = {
          all: 'actions',
          mine: 'actions you own',
          overdue: 'overdue actions',
          due: 'actions due soon',
        }[command.filter];
        return this.cards.render(
          'actions-list',
          actionsListCard(`${townBySlug(slug).name}: ${label} (${actions.length})`, actions, view),
        );
      }
      case 'my_actions': {
        const actions = await myActions(this.ctx, actor);
        return this.cards.render(
          'actions-list',
          actionsListCard(`Your open actions (${actions.length})`, actions, view),
        );
      }
      case 'show': {
        const action = must(await findAction(this.ctx, actor, command.ref));
        const canEdit = await canEditAction(this.ctx, actor, action);
        return this.cards.render(
          'action',
          actionCard(action, { ...view, canEdit, refreshUserIds: await this.messenger.teamsIdsOf(action) }),
        );
      }
      case 'new_action': {
        const slug = await town(command.town);
        return actionFormCard(
          this.cards,
          must(await actionFormContext(this.ctx, actor, slug)),
          view.today,
          [],
        );
      }
      case 'members': {
        const slug = await town(command.town);
        const { members, partnership } = must(await listMembers(this.ctx, actor, slug));
        return this.cards.render('members', membersCard(slug, members, partnership?.coreRoles ?? []));
      }
      case 'schedule_meeting': {
        const slug = await town(command.town);
        const refusal = await authorise(this.ctx, actor, slug, 'update');
        if (refusal) throw refusal;
        const members = await this.ctx.stores.members.listByTown(slug);
        return meetingFormCard(this.cards, slug, members, view.today, this.ctx.ids.newId());
      }
      case 'join':
        return this.join(context, actor, command.town, command.role);
      case 'launch_plan': {
        if (!this.calendar)
          throw new AppError(
            ErrorCode.Unavailable,
            'Scheduling needs Microsoft Graph: ask your IT contact to configure the app registration.',
          );
        const slots = must(
          await scheduleLaunchPlan(
            this.ctx,
            this.calendar,
            actor,
            command.start,
            command.order.length ? command.order : undefined,
          ),
        );
        const lines = slots.map(
          (s) =>
            `- ${formatDate(s.date)}: Safer ${townBySlug(s.town).name} launch, ${s.outcome.ok ? 'scheduled' : `not scheduled (${s.outcome.message})`}`,
        );
        return `Launch plan from ${formatDate(command.start)}, one town a working day at 18:00:\n\n${lines.join('\n')}`;
      }
      case 'digest':
        await this.ctx.stores.preferences.setDigestOptOut(actor.id, !command.on);
        return command.on
          ? 'Your weekly digest is on.'
          : 'Your weekly digest is off. Say "digest on" to have it again.';
      case 'link':
        return this.link(context, actor, command.town);
      case 'link_board': {
        if (!channelId)
          throw new AppError(ErrorCode.Validation, 'Run "link board" in the channel the board works in.');
        if (!(await isBoardMember(this.ctx, actor)))
          throw new AppError(
            ErrorCode.Forbidden,
            "Only members of the county board can choose the board's channel",
          );
        const ref = conversationRefOf(context.activity);
        await this.ctx.stores.conversations.upsert({
          ...ref,
          key: BOARD_CHANNEL_KEY,
          town: null,
          updatedAt: this.ctx.clock.now().toISOString(),
        });
        return 'This is now the board\'s channel: the monthly board report will be posted here on the first working day of each month. Ask "board" any time for today\'s figures.';
      }
      case 'unlink': {
        if (!channelId)
          throw new AppError(ErrorCode.Validation, 'Run "unlink" in the channel you want to unlink.');
        const partnership = must(await unlinkTownChannel(this.ctx, actor, channelId));
        return `This channel is no longer ${townBySlug(partnership.town).name}'s channel. Cards for the town will not be posted here.`;
      }
    }
  }

  private async link(context: TurnContext, actor: Actor, slug: TownSlug): Promise<Reply> {
    const channelId = channelIdOf(context.activity);
    const teamId = channelDataOf(context.activity).team?.id;
    if (!channelId || !teamId)
      throw new AppError(
        ErrorCode.Validation,
        'Run "link {town}" in a channel of the team the partnership works in, not in a chat.',
      );
    must(
      await linkTownChannel(this.ctx, actor, slug, {
        teamId,
        channelId,
        tenantId: tenantOf(context.activity),
      }),
    );
    await rememberConversation(this.ctx, { ...conversationRefOf(context.activity), town: slug });
    const name = townBySlug(slug).name;
    return `This channel is now Safer ${name}'s channel: new and changed ${name} actions will be posted here. Try "summary".`;
  }

  private async join(
    context: TurnContext,
    actor: Actor,
    slug: TownSlug,
    role: Parameters<typeof requestToJoin>[4],
  ): Promise<Reply> {
    const email = await this.emailOf(context);
    const request = must(
      await requestToJoin(
        this.ctx,
        actor,
        { aadObjectId: actor.id, displayName: actor.name, email },
        slug,
        role,
      ),
    );
    const card = joinRequestCard(this.cards, request);
    const name = townBySlug(slug).name;
    const posted = await this.messenger.postToTownChannel(slug, card);
    const told = posted
      ? 0
      : await this.messenger.tellCoordinators(slug, `${actor.name} asks to join Safer ${name}.`, card);
    if (!posted && !told)
      return `Your request is recorded, but I could not reach a ${name} coordinator yet. Please let them know.`;
    return `Your request to join Safer ${name} went to its coordinators. I will not add you until one of them approves.`;
  }

  /** The user's e-mail or UPN, from Teams (the roster), for the membership record. */
  private async emailOf(context: TurnContext): Promise<string> {
    try {
      const member = await TeamsInfo.getMember(context, context.activity.from.id);
      const email = member.email ?? member.userPrincipalName;
      if (email) return email;
    } catch (error) {
      this.log.warn({ err: error }, 'could not read the member from Teams');
    }
    throw new AppError(
      ErrorCode.Unavailable,
      'I could not read your e-mail address from Teams, which a membership needs.',
    );
  }

  private welcome(context: TurnContext): Reply {
    const inChannel = kindOf(context.activity) === 'channel';
    return welcomeCard(this.cards, inChannel ? "your partnership's" : "your partnerships'", inChannel);
  }

  private async remember(context: TurnContext): Promise<void> {
    if (!context.activity.conversation?.id || !context.activity.serviceUrl) return;
    const channelId = channelIdOf(context.activity);
    const linked = channelId
      ? (await this.ctx.stores.partnerships.list()).find((p) => p.channel?.channelId === channelId)
      : undefined;
    try {
      await rememberConversation(this.ctx, {
        ...conversationRefOf(context.activity),
        town: linked?.town ?? null,
      });
    } catch (error) {
      this.log.warn({ err: error }, 'could not store the conversation reference'); // the answer matters more
    }
  }

  /** Runs a handler; an error becomes a card that says what to do, never a failed turn. */
  private async safely(context: TurnContext, handler: () => Promise<Reply>): Promise<Reply> {
    try {
      return await handler();
    } catch (error) {
      if (
        !(error instanceof AppError) ||
        error.code === ErrorCode.Internal ||
        error.code === ErrorCode.Unavailable
      ) {
        this.log.error({ err: error, activityId: context.activity.id }, 'turn failed');
      }
      return errorCard(this.cards, error);
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
        if (!actor || !this.reports)
          throw new AppError(
            ErrorCode.Forbidden,
            'Teams did not say who you are, so I cannot send the report.',
          );
        return { attachment: await this.reports.accept(actor, response) };
      }),
    );
  }

  protected override async handleTeamsFileConsentDecline(context: TurnContext): Promise<void> {
    await this.reply(context, 'No report sent. Ask for "report" again whenever you want it.');
  }
}
