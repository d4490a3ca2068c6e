// The help and welcome cards, built from the commands they are given (the registry's, at run time).
import type { Card, CardRenderer } from '../../cards/render.js';
import type { CommandEntry } from './command.js';

type Listed = Pick<CommandEntry, 'name' | 'usage' | 'description'>;

const facts = (commands: readonly Listed[]) =>
  commands.map((c) => ({ usage: c.usage, description: c.description }));

export function helpCard(
  cards: CardRenderer,
  commands: readonly Listed[],
  suggestion: string | null,
  unknown?: string,
): Card {
  return cards.render('help', {
    title: unknown ? `I didn't understand "${unknown.slice(0, 80)}"` : 'What I can do',
    suggestion: suggestion ? `Did you mean "${suggestion}"?` : '',
    commands: facts(commands),
  });
}

/** The first card anyone sees: the few commands to start with, and the next step where they are. */
export function welcomeCard(
  cards: CardRenderer,
  commands: readonly Listed[],
  scope: string,
  inChannel: boolean,
): Card {
  const first = ['help', 'summary', 'my actions', 'new action', inChannel ? 'link' : 'join'];
  return cards.render('welcome', {
    scope,
    commands: facts(commands.filter((c) => first.includes(c.name))),
    nextStep: inChannel
      ? 'Coordinators: run "link {town}" here to make this the town\'s channel.'
      : 'Try "my actions", or "summary Truro".',
  });
}
