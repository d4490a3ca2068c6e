// "indicator": the residents' survey indicator of a town (baseline, target, readings, trajectory).
import { getIndicator } from '../../app/indicator.js';
import { must } from '../replies.js';
import { showIndicator } from '../verbs/indicator.js';
import { defineCommand } from './command.js';
import { townOnly } from './read-text.js';

export const INDICATOR_COMMANDS = [
  defineCommand({
    name: 'indicator',
    usage: 'indicator [town]',
    description: "Residents' confidence: baseline, target, readings, the trajectory",
    audience: 'members',
    read: (_text, [first, ...rest]) =>
      ['indicator', 'confidence', 'survey'].includes(first!) ? { town: rest.join(' ') || undefined } : null,
    input: townOnly,
    run: async ({ edge, actor, town }, input) =>
      showIndicator(edge, must(await getIndicator(edge.ctx, actor, await town(input.town)))),
  }),
];
