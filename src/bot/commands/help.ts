// "help": what the bot can do. The card is built from the command registry.
import { z } from 'zod';
import { helpCard } from './help-cards.js';
import { defineCommand } from './command.js';

const GREETINGS = ['', 'help', 'hi', 'hello', 'start', 'commands', '?'];

export const HELP_COMMANDS = [
  defineCommand({
    name: 'help',
    usage: 'help',
    description: 'What I can do',
    audience: 'everyone',
    anyone: true,
    menu: { personal: 'What I can do', team: 'What I can do' },
    read: (text, [first]) => (GREETINGS.includes(text) || first === 'help' ? {} : null),
    input: z.object({}),
    run: (turn) => Promise.resolve(helpCard(turn.edge.cards, turn.commands)),
  }),
];
