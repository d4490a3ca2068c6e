// Commands about problem-solving plans (SARA): the town's plans, a new one, one plan, the shared library.
import { z } from 'zod';
import { townBySlug } from '../../domain/towns.js';
import { listProblems, problemByRef, searchLibrary } from '../../app/problems.js';
import { mayStart } from '../../app/forms.js';
import { problemsCard } from '../../cards/problem-views.js';
import { must } from '../replies.js';
import { problemForm, showProblem } from '../verbs/problems.js';
import { defineCommand } from './command.js';
import { after, townOnly } from './read-text.js';
import { quoteBack } from '../../domain/quote-back.js';

export const PROBLEM_COMMANDS = [
  defineCommand({
    name: 'problems',
    usage: 'problems [town]',
    description: "The town's problem-solving plans (SARA) and their stages",
    audience: 'members',
    read: (text) => (/^problems\b/.test(text) ? { town: after(text, /^problems/) } : null),
    input: townOnly,
    run: async ({ edge, actor, town }, input) => {
      const slug = await town(input.town);
      const plans = must(await listProblems(edge.ctx, actor, slug));
      const title = `Safer ${townBySlug(slug).name}: problem-solving plans`;
      return edge.cards.render('problems', problemsCard(title, plans, 'None yet: "new problem" starts one.'));
    },
  }),
  defineCommand({
    name: 'new problem',
    usage: 'new problem [town]',
    description: 'Start a problem-solving plan (SARA)',
    audience: 'members',
    read: (text) =>
      /^(new|create|start) problem\b/.test(text)
        ? { town: after(text, /^(new|create|start) problem( plan)?/) }
        : null,
    input: townOnly,
    run: async ({ edge, actor, town }, input) =>
      problemForm(edge.cards, must(await mayStart(edge.ctx, actor, await town(input.town), 'problem'))),
  }),
  defineCommand({
    name: 'problem',
    usage: 'problem {ref}',
    description: 'One problem-solving plan, e.g. problem TRU-P03',
    audience: 'members',
    read: (text) => (/^problem\b/.test(text) ? { ref: after(text, /^problem/) ?? '' } : null),
    input: z.object({ ref: z.string().trim().min(1, 'Say which plan: problem TRU-P03') }),
    run: async ({ edge, actor }, input) =>
      showProblem(edge, must(await problemByRef(edge.ctx, actor, input.ref))),
  }),
  defineCommand({
    name: 'library',
    usage: 'library [words] [place|people|behaviour]',
    description: 'Closed problem-solving plans shared by every town: what worked',
    audience: 'members',
    read: (text) => (/^library\b/.test(text) ? { query: after(text, /^library/) ?? '' } : null),
    input: z.object({ query: z.string().max(200) }),
    run: async ({ edge, actor }, input) => {
      const found = must(await searchLibrary(edge.ctx, actor, input.query));
      const what = found.words.length ? ` for ${quoteBack(found.words.join(' '), 'your words')}` : '';
      const type = found.type ? ` (${found.type})` : '';
      return edge.cards.render(
        'problems',
        problemsCard(
          `Best-practice library${what}${type}: ${found.plans.length} plans`,
          found.plans,
          'Nothing shared yet matches. Closed plans are shared from their card by a coordinator.',
          true,
        ),
      );
    },
  }),
];
