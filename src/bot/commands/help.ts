// "help": what the bot can do. The card is built from the command registry.
import { z } from 'zod';
import { helpCard } from './help-cards.js';
import { defineCommand } from './command.js';

/** Asking for the full list. */
const ASKING = ['help', 'commands', '?'];
/** Nothing asked yet (a greeting, or only the @mention): the short start, not every command. */
const GREETINGS = ['', 'hi', 'hello', 'start'];

export const HELP_COMMANDS = [
  defineCommand({
    name: 'help',
    usage: 'help',
    description: 'What I can do',
    audience: 'everyone',
    anyone: true,
    menu: { personal: 'What I can do', team: 'What I can do' },
    read: (text, [first]) =>
      GREETINGS.includes(text) ? { greeting: true } : ASKING.includes(text) || first === 'help' ? {} : null,
    input: z.object({ greeting: z.boolean().optional() }),
    run: (turn, { greeting }) =>
      Promise.resolve(
        greeting
          ? helpCard(turn.edge.cards, turn.commands, { suggestions: [], greeting: true })
          : helpCard(turn.edge.cards, turn.commands),
      ),
  }),
];
