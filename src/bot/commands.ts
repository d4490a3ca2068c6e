// Text -> typed command. Forgiving about case, mentions, punctuation, extra words and town spellings.
import { z } from 'zod';
import { normaliseActionRef } from '../domain/action.js';
import { localDateSchema } from '../domain/dates.js';
import { PARTNERSHIP_ROLES, type PartnershipRole } from '../domain/roles.js';
import { findTown, TOWNS } from '../domain/towns.js';

export const ACTION_FILTERS = ['mine', 'overdue', 'due'] as const;

/** The bot's commands, as the manifest lists them and `help` explains them. */
export const COMMANDS = [
  { name: 'help', usage: 'help', description: 'What I can do' },
  {
    name: 'summary',
    usage: 'summary [town]',
    description: "A town's actions by status and RAG, overdue, next due, meetings and the indicator",
  },
  {
    name: 'board',
    usage: 'board',
    description: 'All ten towns side by side (board members and coordinators)',
  },
  {
    name: 'actions',
    usage: 'actions [town] [mine|overdue|due]',
    description: "A town's actions, or only yours, the overdue or those due soon",
  },
  { name: 'my actions', usage: 'my actions', description: 'Your open actions in every town' },
  { name: 'new action', usage: 'new action [town]', description: 'A form for a new SMART action' },
  {
    name: 'plan',
    usage: 'plan [town]',
    description: "The town's delivery plan: progress by priority, consultation, approval",
  },
  { name: 'new plan', usage: 'new plan [town]', description: 'Coordinators: start a new delivery plan' },
  {
    name: 'groups',
    usage: 'groups [town]',
    description: "The town's task-and-finish groups, their end dates and progress",
  },
  {
    name: 'new group',
    usage: 'new group [town]',
    description: 'Coordinators: set up a task-and-finish group',
  },
  {
    name: 'problems',
    usage: 'problems [town]',
    description: "The town's problem-solving plans (SARA) and their stages",
  },
  { name: 'new problem', usage: 'new problem [town]', description: 'Start a problem-solving plan (SARA)' },
  { name: 'problem', usage: 'problem {ref}', description: 'One problem-solving plan, e.g. problem TRU-P03' },
  {
    name: 'library',
    usage: 'library [words] [place|people|behaviour]',
    description: 'Closed problem-solving plans shared by every town: what worked',
  },
  {
    name: 'public summary',
    usage: 'public summary [town]',
    description:
      "The town's public page (priorities, progress, events, you said we did): public records only",
  },
  {
    name: 'public',
    usage: 'public {ref} on|off',
    description: "Coordinators: show an action on the town's public page, or take it off",
  },
  {
    name: 'import',
    usage: 'import {town} + an attached .xlsx',
    description: 'Coordinators, 1:1: a plan kept in a spreadsheet, checked in full, then imported',
  },
  {
    name: 'fund',
    usage: 'fund',
    description: 'The seed fund: allocated, spent and remaining, overall and by town',
  },
  {
    name: 'report',
    usage: 'report',
    description: 'Board members and coordinators, 1:1: the board report as an Excel workbook',
  },
  {
    name: 'indicator',
    usage: 'indicator [town]',
    description: "Residents' confidence: baseline, target, readings, the trajectory",
  },
  { name: 'show', usage: 'show {ref}', description: 'One action card, e.g. show TRU-014' },
  {
    name: 'schedule meeting',
    usage: 'schedule meeting [town]',
    description: 'An online Teams meeting with the partners, on your calendar',
  },
  {
    name: 'members',
    usage: 'members [town]',
    description: "Who sits in a town's partnership, and the seats still empty",
  },
  {
    name: 'join',
    usage: 'join {town} as {role}',
    description: 'Ask to join a partnership; a coordinator approves',
  },
  {
    name: 'link',
    usage: 'link {town}',
    description: "Coordinators, in a team channel: make it the town's channel",
  },
  { name: 'unlink', usage: 'unlink', description: 'Coordinators: stop using this channel for its town' },
  {
    name: 'link board',
    usage: 'link board',
    description: "Board members, in a team channel: the board's monthly report goes there",
  },
  {
    name: 'digest',
    usage: 'digest on|off',
    description: 'Your weekly digest of your actions (on by default)',
  },
  {
    name: 'launch plan',
    usage: 'launch plan {yyyy-mm-dd} [town, town, ...]',
    description: "Coordinators: the ten towns' launch events on consecutive working days",
  },
] as const;

const town = z.string().transform((s, ctx) => {
  const found = findTown(s);
  if (!found) {
    ctx.addIssue({
      code: 'custom',
      message: `I don't know the town "${s}". The Safer Towns are ${TOWNS.map((t) => t.name).join(', ')}.`,
    });
    return z.NEVER;
  }
  return found.slug;
});
const optionalTown = town.optional().transform((t) => t ?? null);

const role = z.string().transform((s, ctx) => {
  const found = findRole(s);
  if (!found) {
    const roles = Object.values(PARTNERSHIP_ROLES)
      .map((r) => r.label.toLowerCase())
      .join(', ');
    ctx.addIssue({ code: 'custom', message: `I don't know the role "${s}". Roles: ${roles}.` });
    return z.NEVER;
  }
  return found;
});

export const commandSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('help') }),
  z.object({ kind: z.literal('summary'), town: optionalTown }),
  z.object({ kind: z.literal('board') }),
  z.object({ kind: z.literal('actions'), town: optionalTown, filter: z.enum(['all', ...ACTION_FILTERS]) }),
  z.object({ kind: z.literal('my_actions') }),
  z.object({ kind: z.literal('new_action'), town: optionalTown }),
  z.object({ kind: z.literal('plan'), town: optionalTown }),
  z.object({ kind: z.literal('new_plan'), town: optionalTown }),
  z.object({ kind: z.literal('indicator'), town: optionalTown }),
  z.object({ kind: z.literal('report') }),
  z.object({ kind: z.literal('link_board') }),
  z.object({ kind: z.literal('groups'), town: optionalTown }),
  z.object({ kind: z.literal('problems'), town: optionalTown }),
  z.object({ kind: z.literal('new_problem'), town: optionalTown }),
  z.object({ kind: z.literal('problem'), ref: z.string().trim().min(1, 'Say which plan: problem TRU-P03') }),
  z.object({ kind: z.literal('library'), query: z.string().max(200) }),
  z.object({ kind: z.literal('fund') }),
  z.object({ kind: z.literal('import'), town: optionalTown }),
  z.object({ kind: z.literal('public_summary'), town: optionalTown }),
  z.object({
    kind: z.literal('make_public'),
    ref: z.string().transform(
      (s, ctx) =>
        normaliseActionRef(s) ??
        (ctx.addIssue({
          code: 'custom',
          message: `"${s}" is not an action reference: they look like TRU-014`,
        }),
        z.NEVER),
    ),
    visible: z.boolean(),
  }),
  z.object({ kind: z.literal('new_group'), town: optionalTown }),
  z.object({
    kind: z.literal('show'),
    ref: z.string().transform(
      (s, ctx) =>
        normaliseActionRef(s) ??
        (ctx.addIssue({
          code: 'custom',
          message: `"${s}" is not an action reference: they look like TRU-014`,
        }),
        z.NEVER),
    ),
  }),
  z.object({ kind: z.literal('members'), town: optionalTown }),
  z.object({ kind: z.literal('schedule_meeting'), town: optionalTown }),
  z.object({ kind: z.literal('join'), town, role }),
  z.object({ kind: z.literal('link'), town }),
  z.object({ kind: z.literal('unlink') }),
  z.object({ kind: z.literal('digest'), on: z.boolean() }),
  z.object({
    kind: z.literal('launch_plan'),
    start: localDateSchema,
    order: z.array(town).max(10),
  }),
]);

export type Command =
  | z.output<typeof commandSchema>
  | { kind: 'unknown'; text: string; suggestion: string | null }
  | { kind: 'invalid'; message: string };

/** Removes Teams mention markup (<at>Bot</at>) and formatting, lower-cases, folds spaces. */
export function normaliseText(text: string): string {
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .toLowerCase()
    .replace(/[!?.,;:]+(\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function parseCommand(raw: string): Command {
  const text = normaliseText(raw);
  const candidate = candidateFor(text);
  if (!candidate) return { kind: 'unknown', text, suggestion: closestCommand(text) };
  if (candidate.kind === 'invalid') return { kind: 'invalid', message: String(candidate.message) };
  const parsed = commandSchema.safeParse(candidate);
  return parsed.success ? parsed.data : { kind: 'invalid', message: parsed.error.issues[0]!.message };
}

function candidateFor(text: string): Record<string, unknown> | null {
  const words = text.split(' ');
  const [first = '', ...rest] = words;
  const tail = rest.join(' ');
  if (!text || ['help', 'hi', 'hello', 'start', 'commands', '?'].includes(text)) return { kind: 'help' };
  if (/^(my actions|mine|my tasks)$/.test(text)) return { kind: 'my_actions' };
  if (/^(schedule|new|book) meeting\b/.test(text))
    return { kind: 'schedule_meeting', town: words.slice(2).join(' ') || undefined };
  if (/^(new|add|create) action\b/.test(text))
    return { kind: 'new_action', town: words.slice(2).join(' ') || undefined };
  if (/^(new|create|start|set up) (task |task-and-finish )?group\b/.test(text))
    return {
      kind: 'new_group',
      town: text.replace(/^(new|create|start|set up) (task |task-and-finish )?group\s*/, '') || undefined,
    };
  if (/^(task )?groups\b/.test(text))
    return { kind: 'groups', town: text.replace(/^(task )?groups\s*/, '') || undefined };
  if (/^(new|create|start) problem\b/.test(text))
    return {
      kind: 'new_problem',
      town: text.replace(/^(new|create|start) problem( plan)?\s*/, '') || undefined,
    };
  if (/^problems\b/.test(text))
    return { kind: 'problems', town: text.replace(/^problems\s*/, '') || undefined };
  if (/^problem\b/.test(text)) return { kind: 'problem', ref: text.replace(/^problem\s*/, '') };
  if (/^public (summary|page)\b/.test(text))
    return { kind: 'public_summary', town: text.replace(/^public (summary|page)\s*/, '') || undefined };
  if (/^public\b/.test(text)) {
    const match = /^public\s+(\S+)\s+(on|off)$/.exec(text);
    if (!match) return { kind: 'invalid', message: 'Say which action and on or off: public TRU-014 on' };
    return { kind: 'make_public', ref: match[1], visible: match[2] === 'on' };
  }
  if (/^library\b/.test(text)) return { kind: 'library', query: text.replace(/^library\s*/, '') };
  if (/^(new|create|start) plan\b/.test(text))
    return { kind: 'new_plan', town: words.slice(2).join(' ') || undefined };
  if (/^(delivery )?plan\b/.test(text))
    return { kind: 'plan', town: text.replace(/^(delivery )?plan\s*/, '') || undefined };
  switch (first) {
    case 'help':
      return { kind: 'help' };
    case 'summary':
    case 'summarise':
    case 'summarize':
    case 'status':
      return { kind: 'summary', town: tail || undefined };
    case 'board':
      return { kind: 'board' };
    case 'report':
    case 'export':
      return { kind: 'report' };
    case 'fund':
      return { kind: 'fund' };
    case 'import':
      return { kind: 'import', town: tail || undefined };
    case 'indicator':
    case 'confidence':
    case 'survey':
      return { kind: 'indicator', town: tail || undefined };
    case 'actions':
    case 'list': {
      const last = rest.at(-1);
      const filter = last && (ACTION_FILTERS as readonly string[]).includes(last) ? last : 'all';
      const place = (filter === 'all' ? rest : rest.slice(0, -1)).join(' ');
      return { kind: 'actions', town: place || undefined, filter };
    }
    case 'show':
    case 'open':
    case 'view':
      return { kind: 'show', ref: tail };
    case 'members':
    case 'who':
      return { kind: 'members', town: tail.replace(/^(is in|sits in|in)\s+/, '') || undefined };
    case 'join': {
      const [place, ...roleWords] = tail.split(/\s+as\s+/);
      if (!place || !roleWords.length)
        return {
          kind: 'invalid',
          message: 'Say the town and your role: join {town} as {role}, e.g. join Truro as beat manager',
        };
      return { kind: 'join', town: place, role: roleWords.join(' as ') };
    }
    case 'link':
      return tail === 'board' ? { kind: 'link_board' } : { kind: 'link', town: tail };
    case 'unlink':
      return { kind: 'unlink' };
    case 'digest':
      if (tail === 'on' || tail === 'off') return { kind: 'digest', on: tail === 'on' };
      return {
        kind: 'invalid',
        message: 'Say "digest off" to stop your weekly digest, or "digest on" to have it again',
      };
    case 'launch': {
      const match = /^plan\s+(\S+)\s*(.*)$/.exec(tail);
      if (!match)
        return {
          kind: 'invalid',
          message: 'Say when it starts: launch plan 2027-01-11 [Truro, Penzance, ...]',
        };
      const order = townsIn(match[2] ?? '');
      if (typeof order === 'string')
        return { kind: 'invalid', message: `I don't know the town "${order}" in that order` };
      return { kind: 'launch_plan', start: match[1], order };
    }
    default:
      return null;
  }
}

/** Town names in a list whose commas are gone ("truro st austell penzance"); the first unknown word if any. */
function townsIn(text: string): string[] | string {
  const words = text.split(' ').filter((w) => w && w !== 'then' && w !== 'and');
  const towns: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const two = `${words[i]} ${words[i + 1] ?? ''}`;
    if (words[i + 1] && findTown(two)) {
      towns.push(two);
      i++;
    } else if (findTown(words[i]!)) towns.push(words[i]!);
    else return words[i]!;
  }
  return towns;
}

/** A role by its key, its label, or words of its label ("beat manager", "asb case worker", "cso"). */
export function findRole(input: string): PartnershipRole | null {
  const want = input
    .toLowerCase()
    .replace(/[^a-z ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!want) return null;
  const entries = Object.entries(PARTNERSHIP_ROLES) as [PartnershipRole, { label: string }][];
  const acronym = (label: string) =>
    label
      .split(/\s+/)
      .map((w) => w[0])
      .join('')
      .toLowerCase();
  const exact = entries.find(
    ([key, r]) =>
      key.replace(/_/g, ' ') === want ||
      r.label.toLowerCase() === want ||
      acronym(r.label) === want.replace(/ /g, ''),
  );
  if (exact) return exact[0];
  const partial = entries.filter(
    ([key, r]) => r.label.toLowerCase().includes(want) || key.replace(/_/g, ' ').includes(want),
  );
  return partial.length === 1 ? partial[0]![0] : null;
}

const VERBS = [
  'help',
  'summary',
  'board',
  'actions',
  'my actions',
  'new action',
  'plan',
  'new plan',
  'indicator',
  'report',
  'groups',
  'new group',
  'problems',
  'new problem',
  'problem',
  'library',
  'fund',
  'import',
  'public summary',
  'public',
  'schedule meeting',
  'show',
  'members',
  'join',
  'link',
  'unlink',
  'launch plan',
  'digest',
];

/** The command nearest to what was typed (by edit distance), if it is near enough to be a typo. */
export function closestCommand(text: string): string | null {
  const head = text.split(' ').slice(0, 2).join(' ');
  let best: { verb: string; distance: number } | null = null;
  for (const verb of VERBS) {
    const typed = verb.includes(' ') ? head : head.split(' ')[0]!;
    const distance = editDistance(typed, verb);
    if (!best || distance < best.distance) best = { verb, distance };
  }
  return best && best.distance <= Math.ceil(best.verb.length / 3) ? best.verb : null;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
