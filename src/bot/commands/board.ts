// The county's commands: all towns side by side, the seed fund, the board report as a workbook.
import { z } from 'zod';
import { AppError, ErrorCode } from '../../errors.js';
import { getBoardSummary, viewSettings } from '../../app/read-models.js';
import { fundView } from '../../app/seed-fund.js';
import { citedAcrossTowns } from '../../app/cited-evidence.js';
import { boardCard } from '../../cards/town-views.js';
import { must } from '../replies.js';
import { countOfTowns } from '../../domain/towns.js';
import { showFund } from '../verbs/fund.js';
import { defineCommand } from './command.js';

export const BOARD_COMMANDS = [
  defineCommand({
    name: 'board',
    usage: 'board',
    description: 'All the towns side by side (board members and coordinators)',
    audience: 'board',
    menu: { personal: 'All the towns side by side (board members and coordinators)' },
    read: (_text, [first]) => (first === 'board' ? {} : null),
    input: z.object({}),
    run: async ({ edge, actor }) => {
      const summaries = must(await getBoardSummary(edge.ctx, actor));
      const fund = must(await fundView(edge.ctx, actor));
      const cited = must(await citedAcrossTowns(edge.ctx, actor));
      return edge.cards.render(
        'board-summary',
        boardCard(summaries, viewSettings(edge.ctx), `All ${countOfTowns()} towns`, fund, cited),
      );
    },
  }),
  defineCommand({
    name: 'fund',
    usage: 'fund',
    description: 'The seed fund: allocated, spent and remaining, overall and by town',
    audience: 'board',
    read: (_text, [first]) => (first === 'fund' ? {} : null),
    input: z.object({}),
    run: ({ edge, actor }) => showFund(edge, actor),
  }),
  defineCommand({
    name: 'report',
    usage: 'report',
    description: 'Board members and coordinators, 1:1: the board report as an Excel workbook',
    audience: 'board',
    where: {
      in: ['personal'],
      otherwise: 'Teams lets me send files only in a 1:1 chat: ask me for "report" there.',
    },
    read: (_text, [first]) => (first === 'report' || first === 'export' ? {} : null),
    input: z.object({}),
    run: async ({ edge, actor }) => {
      if (!edge.reports)
        throw new AppError(
          ErrorCode.Validation,
          'Teams lets me send files only in a 1:1 chat: ask me for "report" there.',
        );
      return { attachment: await edge.reports.offer(actor) };
    },
  }),
];
