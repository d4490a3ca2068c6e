// Commands about meetings: booking a partnership meeting, and the towns' launch events.
import { z } from 'zod';
import { AppError, ErrorCode } from '../../errors.js';
import { townBySlug } from '../../domain/towns.js';
import { localDateSchema } from '../../domain/dates.js';
import { scheduleLaunchPlan } from '../../app/launch-plan.js';
import { formatDate } from '../../cards/format.js';
import { must } from '../replies.js';
import { defineCommand } from './command.js';
import { meetingForm } from '../verbs/meetings.js';
import { town, townOnly, townsIn } from './read-text.js';
import { quoteBack } from '../../domain/quote-back.js';

export const MEETING_COMMANDS = [
  defineCommand({
    name: 'schedule meeting',
    usage: 'schedule meeting [town]',
    description: 'An online Teams meeting with the partners, on your calendar',
    audience: 'members',
    menu: { team: "An online Teams meeting with this town's partners" },
    read: (text, words) =>
      /^(schedule|new|book) meeting\b/.test(text) ? { town: words.slice(2).join(' ') || undefined } : null,
    input: townOnly,
    run: async ({ edge, actor, town }, input) => must(await meetingForm(edge, actor, await town(input.town))),
  }),
  defineCommand({
    name: 'launch plan',
    usage: 'launch plan {yyyy-mm-dd} [town, town, ...]',
    description: "Coordinators: the towns' launch events on consecutive working days",
    audience: 'coordinators',
    read: (_text, [first, ...rest]) => {
      if (first !== 'launch') return null;
      const match = /^plan\s+(\S+)\s*(.*)$/.exec(rest.join(' '));
      if (!match) return { invalid: 'Say when it starts: launch plan 2027-01-11 [Truro, Penzance, ...]' };
      const order = townsIn(match[2] ?? '');
      if (typeof order === 'string')
        return { invalid: `I don't know the town ${quoteBack(order, 'you named')} in that order` };
      return { start: match[1], order };
    },
    input: z.object({ start: localDateSchema, order: z.array(town).max(10) }),
    run: async ({ edge, actor }, input) => {
      if (!edge.calendar)
        throw new AppError(
          ErrorCode.Unavailable,
          'Scheduling needs Microsoft Graph: ask your IT contact to configure the app registration.',
        );
      const order = input.order.length ? input.order : undefined;
      const slots = must(await scheduleLaunchPlan(edge.ctx, edge.calendar, actor, input.start, order));
      const lines = slots.map(
        (s) =>
          `- ${formatDate(s.date)}: Safer ${townBySlug(s.town).name} launch, ${s.outcome.ok ? 'scheduled' : `not scheduled (${s.outcome.message})`}`,
      );
      return `Launch plan from ${formatDate(input.start)}, one town a working day at 18:00:\n\n${lines.join('\n')}`;
    },
  }),
];
