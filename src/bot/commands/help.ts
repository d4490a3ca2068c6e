// "help": what the bot can do. The card is built from the command registry.
import { z } from 'zod';
import { helpCard } from './help-cards.js';
import { defineCommand } from './command.js';
import { helpExamples } from '../../app/help-examples.js';

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
    run: async (turn, { greeting }) => {
      const { edge, commands } = turn;
      if (greeting) return helpCard(edge.cards, commands, { suggestions: [], greeting: true });
      // Anyone may ask for help, even one Teams did not name: then the examples stay illustrative.
      let examples = {};
      try {
        examples = await helpExamples(edge.ctx, turn.actor);
      } catch {
        // No actor (the getter throws) or no database answer: illustrative examples do.
      }
      return helpCard(edge.cards, commands, undefined, examples);
    },
  }),
];
