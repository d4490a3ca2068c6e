// Commands about the town's public page: reading it, and choosing which actions appear on it.
import { z } from 'zod';
import { townBySlug } from '../../domain/towns.js';
import { publicMarkdown } from '../../domain/public-summary.js';
import { buildPublicSummary, setActionPublic } from '../../app/public-summary.js';
import { must } from '../replies.js';
import { defineCommand } from './command.js';
import { actionRef, after, townOnly } from './read-text.js';

const PUBLIC_PAGE = /^public (summary|page)\b/;

export const PUBLIC_PAGE_COMMANDS = [
  defineCommand({
    name: 'public summary',
    usage: 'public summary [town]',
    description:
      "The town's public page (priorities, progress, events, you said we did): public records only",
    audience: 'members',
    read: (text) => (PUBLIC_PAGE.test(text) ? { town: after(text, PUBLIC_PAGE) } : null),
    input: townOnly,
    run: async ({ edge, actor, town }, input) => {
      const slug = await town(input.town);
      const summary = must(await buildPublicSummary(edge.ctx, actor, slug));
      const withheld = summary.withheld
        ? `\n\n_${summary.withheld} lines were left out because they looked like personal details._`
        : '';
      const base = edge.ctx.settings.actionLinkBase;
      const page = base
        ? `Its web page, for the council's site to link to: ${base}/public/${slug}`
        : `Its web page is /public/${slug} on the bot's own address`;
      return `${publicMarkdown(summary)}${withheld}\n\n_Only actions a coordinator made public ("public {ref} on") and public events appear. ${page}._`;
    },
  }),
  defineCommand({
    name: 'public',
    usage: 'public {ref} on|off',
    description: "Coordinators: show an action on the town's public page, or take it off",
    audience: 'coordinators',
    read: (text) => {
      if (!/^public\b/.test(text) || PUBLIC_PAGE.test(text)) return null;
      const match = /^public\s+(\S+)\s+(on|off)$/.exec(text);
      if (!match) return { invalid: 'Say which action and on or off: public TRU-014 on' };
      return { ref: match[1], visible: match[2] === 'on' };
    },
    input: z.object({ ref: actionRef, visible: z.boolean() }),
    run: async ({ edge, actor }, input) => {
      const action = must(await setActionPublic(edge.ctx, actor, input.ref, input.visible));
      return input.visible
        ? `${action.ref} is on Safer ${townBySlug(action.town).name}'s public page now (its title and status only).`
        : `${action.ref} is off the public page.`;
    },
  }),
];
