// Commands about actions: a town's summary and lists, one's own actions, one action, the new-action form.
import { z } from 'zod';
import { townBySlug } from '../../domain/towns.js';
import { actionFormContext } from '../../app/action-form.js';
import { handOverFormContext } from '../../app/action-edit-form.js';
import { handOverCard } from '../../cards/action-edit-views.js';
import { findAction, getTownSummary, listActions, myActions, viewSettings } from '../../app/read-models.js';
import { actionsListCard } from '../../cards/views.js';
import { showAction } from '../verbs/action-card.js';
import { townSummaryCard } from '../../cards/town-views.js';
import { actionFormCard, must } from '../replies.js';
import { defineCommand } from './command.js';
import { actionsToReview } from '../../app/actions-to-review.js';
import { reviewCard } from '../../cards/review-views.js';
import { actionRef, after, optionalTown, townOnly } from './read-text.js';

const ACTION_FILTERS = ['mine', 'overdue', 'due'] as const;

const LIST_LABELS = {
  all: 'actions',
  mine: 'actions you own',
  overdue: 'overdue actions',
  due: 'actions due soon',
} as const;

export const ACTION_COMMANDS = [
  defineCommand({
    name: 'summary',
    usage: 'summary [town]',
    description: "A town's actions by status and RAG, overdue, next due, meetings and the indicator",
    audience: 'members',
    menu: {
      personal: "A town's actions by status and RAG, overdue and next due: summary Truro",
      team: "This town's actions by status and RAG, overdue and next due",
    },
    read: (text, [first, ...rest]) =>
      ['summary', 'summarise', 'summarize', 'status'].includes(first!)
        ? { town: rest.join(' ') || undefined }
        : null,
    input: townOnly,
    run: async ({ edge, actor, town }, input) => {
      const summary = must(await getTownSummary(edge.ctx, actor, await town(input.town)));
      return edge.cards.render('town-summary', townSummaryCard(summary, viewSettings(edge.ctx)));
    },
  }),
  defineCommand({
    name: 'actions',
    usage: 'actions [town] [mine|overdue|due]',
    description: "A town's actions, or only yours, the overdue or those due soon",
    audience: 'members',
    menu: {
      personal: "A town's actions, or only yours, overdue or due soon: actions Truro overdue",
      team: "This town's actions: actions overdue, actions due, actions mine",
    },
    read: (_text, [first, ...rest]) => {
      if (first !== 'actions' && first !== 'list') return null;
      if (rest[0] === 'to' && rest[1] === 'review') return null; // "actions to review"
      const last = rest.at(-1);
      const filter = last && (ACTION_FILTERS as readonly string[]).includes(last) ? last : 'all';
      const place = (filter === 'all' ? rest : rest.slice(0, -1)).join(' ');
      return { town: place || undefined, filter };
    },
    input: z.object({ town: optionalTown, filter: z.enum(['all', ...ACTION_FILTERS]) }),
    run: async ({ edge, actor, town }, input) => {
      const slug = await town(input.town);
      const actions = must(await listActions(edge.ctx, actor, slug, input.filter));
      const title = `${townBySlug(slug).name}: ${LIST_LABELS[input.filter]} (${actions.length})`;
      return edge.cards.render('actions-list', actionsListCard(title, actions, viewSettings(edge.ctx)));
    },
  }),
  defineCommand({
    name: 'my actions',
    usage: 'my actions',
    description: 'Your open actions in every town',
    audience: 'members',
    menu: { personal: 'Your open actions in every town', team: 'Your open actions in every town' },
    read: (text) => (/^(my actions|mine|my tasks)$/.test(text) ? {} : null),
    input: z.object({}),
    run: async ({ edge, actor }) => {
      const actions = await myActions(edge.ctx, actor);
      return edge.cards.render(
        'actions-list',
        actionsListCard(`Your open actions (${actions.length})`, actions, viewSettings(edge.ctx)),
      );
    },
  }),
  defineCommand({
    name: 'new action',
    usage: 'new action [town]',
    description: 'A form for a new SMART action',
    audience: 'members',
    menu: {
      personal: 'A form for a new SMART action: new action Truro',
      team: 'A form for a new SMART action for this town',
    },
    read: (text) => (/^(new|add|create) action\b/.test(text) ? { town: after(text, /^\S+ action/) } : null),
    input: townOnly,
    run: async ({ edge, actor, town }, input) => {
      const form = must(await actionFormContext(edge.ctx, actor, await town(input.town)));
      return actionFormCard(edge.cards, form, viewSettings(edge.ctx).today, []);
    },
  }),
  defineCommand({
    name: 'show',
    usage: 'show {ref}',
    description: "One action's card, to update it, edit or hand it over, or read its history: show TRU-014",
    audience: 'members',
    menu: { personal: "One action's card: show TRU-014", team: "One action's card: show TRU-014" },
    read: (_text, [first, ...rest]) =>
      ['show', 'open', 'view'].includes(first!) ? { ref: rest.join(' ') } : null,
    input: z.object({ ref: actionRef }),
    run: async ({ edge, actor }, input) => {
      const { action, mayEdit } = must(await findAction(edge.ctx, actor, input.ref));
      return showAction(edge, actor, action, '', mayEdit);
    },
  }),
  defineCommand({
    name: 'actions to review',
    usage: 'actions to review [town]',
    description: 'Actions kept with SMART warnings, and priorities with no action yet (coordinators)',
    audience: 'coordinators',
    read: (text) =>
      /^(actions? to review|review actions)\b/.test(text)
        ? { town: after(text, /^(actions? to review|review actions)/) }
        : null,
    input: townOnly,
    run: async ({ edge, actor, town }, input) => {
      const review = must(await actionsToReview(edge.ctx, actor, await town(input.town)));
      return edge.cards.render('actions-review', reviewCard(review));
    },
  }),
  defineCommand({
    name: 'hand over',
    usage: 'hand over [town]',
    description: "Pass all of a leaver's open actions to another member, after seeing the list",
    audience: 'coordinators',
    read: (text) => (/^hand ?over\b/.test(text) ? { town: after(text, /^hand ?over( actions)?/) } : null),
    input: townOnly,
    run: async ({ edge, actor, town }, input) => {
      const form = must(await handOverFormContext(edge.ctx, actor, await town(input.town)));
      return edge.cards.render('hand-over', handOverCard(form));
    },
  }),
];
