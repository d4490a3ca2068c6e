// The help and welcome cards, built from the commands they are given (the registry's, at run time).
import type { Card, CardRenderer } from '../../cards/render.js';
import type { CommandEntry } from './command.js';
import { SMART_CHECK_HELP, SMART_CHECKS, type SmartCheck } from '../../domain/smart-checks.js';
import { FIGURE_RULES } from '../../domain/figure-rules.js';

type Listed = Pick<CommandEntry, 'name' | 'usage' | 'description' | 'audience'>;

const HEADINGS: Record<CommandEntry['audience'], string> = {
  everyone: 'For everyone',
  members: 'For partners',
  coordinators: 'For coordinators',
  board: 'For the county board',
};

/** The commands most people start with, as buttons that send them. */
const MAIN = [
  { title: 'My actions', command: 'my actions' },
  { title: 'Summary', command: 'summary' },
  { title: 'New action', command: 'new action' },
  { title: 'The plan', command: 'plan' },
];

/** The registry's illustrative references, as help would show them in the reader's town. */
export interface Examples {
  action?: string;
  problem?: string;
}

/** The registry's example references swapped for the reader's own; a kind the town has none of is dropped. */
function exampled(text: string, examples: Examples): string {
  let out = examples.action ? text.replaceAll('TRU-014', examples.action) : text;
  out = examples.problem
    ? out.replaceAll('TRU-P03', examples.problem)
    : out.replace(/,? e\.g\. problem TRU-P03/, '');
  return out;
}

const facts = (commands: readonly Listed[], examples: Examples = {}) =>
  commands.map((c) => ({ usage: c.usage, description: exampled(c.description, examples) }));

export function helpCard(
  cards: CardRenderer,
  commands: readonly Listed[],
  /**
   * Set when the person typed something that is no command: the commands nearest to it, nearest first, each
   * as it would be sent (with the town or reference typed after it). The reply is then short: those, and a
   * button for everything.
   */
  unknown?: { suggestions: readonly string[]; greeting?: boolean },
  examples: Examples = {},
): Card {
  const suggestions = unknown?.suggestions ?? [];
  if (unknown)
    return cards.render('help', {
      // What was typed is never repeated: it has not been through the personal-data guard.
      title: suggestions.length
        ? `Did you mean "${suggestions[0]}"?`
        : unknown.greeting
          ? 'Hello. What would you like to do?'
          : "I didn't understand that",
      suggestion: suggestions.length
        ? suggestions.length > 1
          ? `Or: ${suggestions
              .slice(1)
              .map((s) => `"${s}"`)
              .join(', ')}.`
          : ''
        : 'Type a command, such as "my actions" or "summary Truro", or "help" for all of them.',
      full: false,
      groups: [],
      smartHeading: '',
      smart: [],
      figuresHeading: '',
      figures: [],
      buttons: [
        ...suggestions.map((s) => ({ title: s, command: s })),
        ...(suggestions.length ? [] : MAIN.slice(0, 2)),
        { title: 'All commands', command: 'help' },
      ],
    });
  const groups = (Object.keys(HEADINGS) as CommandEntry['audience'][])
    .map((audience) => ({
      heading: HEADINGS[audience],
      commands: facts(
        commands.filter((c) => c.audience === audience),
        examples,
      ),
    }))
    .filter((g) => g.commands.length);
  return cards.render('help', {
    title: 'What I can do',
    suggestion: '',
    full: true,
    groups,
    smartHeading:
      'Every new, edited and imported action is checked. Errors must be fixed; warnings can be kept with a reason:',
    smart: Object.entries(SMART_CHECK_HELP).map(([check, value]) => ({
      title: SMART_CHECKS[check as SmartCheck],
      value,
    })),
    figuresHeading: 'The same rules give every figure, on every card, tab and report:',
    figures: [...FIGURE_RULES],
    buttons: MAIN,
  });
}

/** The first card anyone sees: the few commands to start with, and the next step where they are. */
export function welcomeCard(
  cards: CardRenderer,
  commands: readonly Listed[],
  scope: string,
  inChannel: boolean,
  /** In a channel or group chat Teams passes the bot only messages that @mention it: said once, here. */
  mentionFirst = inChannel,
): Card {
  const first = ['help', 'summary', 'my actions', 'new action', inChannel ? 'link' : 'join'];
  return cards.render('welcome', {
    scope,
    commands: facts(commands.filter((c) => first.includes(c.name))),
    buttons: [{ title: 'Help', command: 'help' }, ...MAIN.slice(0, 2)],
    nextStep: [
      mentionFirst
        ? 'Here, start each message with @Safer Towns, for example "@Safer Towns summary Truro": Teams passes me only the messages that mention me. The buttons on my cards work without it.'
        : '',
      inChannel
        ? 'Coordinators: run "link {town}" here to make this the town\'s channel.'
        : 'Try "my actions", or "summary Truro".',
    ]
      .filter(Boolean)
      .join(' '),
  });
}
