// Commands about the delivery plan: the plan card, a new plan, a plan imported from a spreadsheet.
import { AppError, ErrorCode } from '../../errors.js';
import { currentPlan } from '../../app/plan-queries.js';
import { mayStart } from '../../app/forms.js';
import { viewSettings } from '../../app/read-models.js';
import { planFormCard } from '../../cards/plan-views.js';
import { PlanUpload } from '../plan-upload.js';
import { showPlan } from '../verbs/plans.js';
import { must } from '../replies.js';
import { defineCommand } from './command.js';
import { after, townOnly } from './read-text.js';

const IMPORT_HOW =
  'In a 1:1 chat with me, attach the plan .xlsx and write "import" and the town, e.g. "import Truro". The layout is in docs/IMPORT.md.';

export const PLAN_COMMANDS = [
  defineCommand({
    name: 'plan',
    usage: 'plan [town]',
    description: "The town's delivery plan: progress by priority, consultation, approval",
    audience: 'members',
    menu: {
      personal: "A town's delivery plan: progress by priority, consultation: plan Truro",
      team: "This town's delivery plan: progress by priority, comments in consultation",
    },
    read: (text) => (/^(delivery )?plan\b/.test(text) ? { town: after(text, /^(delivery )?plan/) } : null),
    input: townOnly,
    run: async ({ edge, actor, town }, input) =>
      showPlan(edge, must(await currentPlan(edge.ctx, actor, await town(input.town)))),
  }),
  defineCommand({
    name: 'new plan',
    usage: 'new plan [town]',
    description: 'Coordinators: start a new delivery plan',
    audience: 'coordinators',
    read: (text) => (/^(new|create|start) plan\b/.test(text) ? { town: after(text, /^\S+ plan/) } : null),
    input: townOnly,
    run: async ({ edge, actor, town }, input) => {
      const slug = must(await mayStart(edge.ctx, actor, await town(input.town), 'plan'));
      return edge.cards.render('plan-form', planFormCard(slug, viewSettings(edge.ctx).today, []));
    },
  }),
  defineCommand({
    name: 'import',
    usage: 'import {town} + an attached .xlsx',
    description: 'Coordinators, 1:1: a plan kept in a spreadsheet, checked in full, then imported',
    audience: 'coordinators',
    where: { in: ['personal'], otherwise: IMPORT_HOW },
    read: (_text, [first, ...rest]) => (first === 'import' ? { town: rest.join(' ') || undefined } : null),
    input: townOnly,
    run: async ({ context, edge, actor, town }, input) => {
      const file = PlanUpload.fileOf(context.activity.attachments);
      if (!file || !edge.upload) throw new AppError(ErrorCode.Validation, IMPORT_HOW);
      return edge.upload.preview(actor, await town(input.town), file);
    },
  }),
];
