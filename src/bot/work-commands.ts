// The commands for the partnership's work beyond single actions: delivery plans, the indicator, task-and-
// finish groups, problem-solving plans and the library, the seed fund, the public page, the board report
// and plan import. Kept apart from teams-bot.ts, which handles the conversation itself.
import { AppError, ErrorCode } from '../errors.js';
import { townBySlug, type TownSlug } from '../domain/towns.js';
import { authorise } from '../app/authorise.js';
import { currentPlan } from '../app/plans.js';
import { getIndicator } from '../app/indicator.js';
import { listTaskGroups } from '../app/task-groups.js';
import { listProblems, problemByRef, searchLibrary } from '../app/problems.js';
import { buildPublicSummary, setActionPublic } from '../app/public-summary.js';
import { viewSettings } from '../app/read-models.js';
import { publicMarkdown } from '../domain/public-summary.js';
import { groupsCard } from '../cards/group-views.js';
import { planFormCard } from '../cards/plan-views.js';
import { problemsCard } from '../cards/problem-views.js';
import { PlanUpload } from './plan-upload.js';
import { must, type Reply } from './replies.js';
import { kindOf } from './turn.js';
import type { TurnContext } from 'botbuilder';
import type { Actor } from '../domain/entity.js';
import type { AppContext } from '../app/context.js';
import type { CardRenderer } from '../cards/render.js';
import type { CardActions } from './card-actions.js';
import type { Command } from './commands.js';
import type { ReportDelivery } from './report-delivery.js';

const WORK_KINDS = [
  'plan',
  'new_plan',
  'indicator',
  'groups',
  'new_group',
  'problems',
  'new_problem',
  'problem',
  'library',
  'fund',
  'public_summary',
  'make_public',
  'report',
  'import',
] as const;
export type WorkCommand = Extract<Command, { kind: (typeof WORK_KINDS)[number] }>;

export const isWorkCommand = (command: Command): command is WorkCommand =>
  (WORK_KINDS as readonly string[]).includes(command.kind);

export class WorkCommands {
  constructor(
    private readonly ctx: AppContext,
    private readonly cards: CardRenderer,
    private readonly cardActions: CardActions,
    private readonly reports: ReportDelivery | null,
  ) {}

  async run(
    context: TurnContext,
    actor: Actor,
    command: WorkCommand,
    town: (named: TownSlug | null) => Promise<TownSlug>,
  ): Promise<Reply> {
    const view = viewSettings(this.ctx);
    switch (command.kind) {
      case 'plan': {
        const view = must(await currentPlan(this.ctx, actor, await town(command.town)));
        return this.cardActions.plans.card(actor, view);
      }
      case 'problems': {
        const slug = await town(command.town);
        const plans = must(await listProblems(this.ctx, actor, slug));
        const name = townBySlug(slug).name;
        return this.cards.render(
          'problems',
          problemsCard(`Safer ${name}: problem-solving plans`, plans, 'None yet: "new problem" starts one.'),
        );
      }
      case 'new_problem': {
        const slug = await town(command.town);
        const refusal = await authorise(this.ctx, actor, slug, 'update');
        if (refusal) throw refusal;
        return this.cardActions.problems.form(slug);
      }
      case 'problem':
        return this.cardActions.problems.card(actor, must(await problemByRef(this.ctx, actor, command.ref)));
      case 'fund':
        return this.cardActions.fund.card(actor);
      case 'import': {
        const file = PlanUpload.fileOf(context.activity.attachments);
        if (kindOf(context.activity) !== 'personal' || !file || !this.cardActions.upload)
          throw new AppError(
            ErrorCode.Validation,
            'In a 1:1 chat with me, attach the plan .xlsx and write "import" and the town, e.g. "import Truro". The layout is in docs/IMPORT.md.',
          );
        const slug = await town(command.town);
        const refusal = await authorise(this.ctx, actor, slug, 'coordinate');
        if (refusal) throw refusal;
        return this.cardActions.upload.preview(actor, slug, file);
      }
      case 'public_summary': {
        const summary = must(await buildPublicSummary(this.ctx, actor, await town(command.town)));
        const withheld = summary.withheld
          ? `\n\n_${summary.withheld} lines were left out because they looked like personal details._`
          : '';
        return `${publicMarkdown(summary)}${withheld}\n\n_Only actions a coordinator made public ("public TRU-014 on") and public events appear. \`npm run public-summary\` writes it as Markdown and HTML._`;
      }
      case 'make_public': {
        const action = must(await setActionPublic(this.ctx, actor, command.ref, command.visible));
        return command.visible
          ? `${action.ref} is on Safer ${townBySlug(action.town).name}'s public page now (its title and status only).`
          : `${action.ref} is off the public page.`;
      }
      case 'library': {
        const found = must(await searchLibrary(this.ctx, actor, command.query));
        const what = found.words.length ? ` for "${found.words.join(' ')}"` : '';
        return this.cards.render(
          'problems',
          problemsCard(
            `Best-practice library${what}${found.type ? ` (${found.type})` : ''}: ${found.plans.length} plans`,
            found.plans,
            'Nothing shared yet matches. Closed plans are shared from their card by a coordinator.',
            true,
          ),
        );
      }
      case 'groups': {
        const slug = await town(command.town);
        const views = must(await listTaskGroups(this.ctx, actor, slug));
        return this.cards.render('groups', groupsCard(slug, views, view.today));
      }
      case 'new_group': {
        const slug = await town(command.town);
        const refusal = await authorise(this.ctx, actor, slug, 'coordinate');
        if (refusal) throw refusal;
        return this.cardActions.groups.form(slug);
      }
      case 'report': {
        if (kindOf(context.activity) !== 'personal' || !this.reports)
          throw new AppError(
            ErrorCode.Validation,
            'Teams lets me send files only in a 1:1 chat: ask me for "report" there.',
          );
        return { attachment: await this.reports.offer(actor) };
      }
      case 'indicator': {
        const indicator = must(await getIndicator(this.ctx, actor, await town(command.town)));
        return this.cardActions.indicators.card(actor, indicator);
      }
      case 'new_plan': {
        const slug = await town(command.town);
        const refusal = await authorise(this.ctx, actor, slug, 'coordinate');
        if (refusal) throw refusal;
        return this.cards.render('plan-form', planFormCard(slug, view.today, []));
      }
    }
  }
}
