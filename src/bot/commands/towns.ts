// Commands about the programme's towns: list them; board members add, rename and retire them.
import { z } from 'zod';
import { changeTowns, type TownChange } from '../../app/programme.js';
import { ALL_TOWNS, type Town } from '../../domain/towns.js';
import { must } from '../replies.js';
import { defineCommand, type CommandTurn } from './command.js';
import { town } from './read-text.js';

const describeTown = (t: Town) => `${t.name} (${t.code})`;

async function change(turn: CommandTurn, change: TownChange, said: (t: Town) => string) {
  return said(must(await changeTowns(turn.edge.ctx, turn.actor, change)));
}

export const TOWN_COMMANDS = [
  defineCommand({
    name: 'towns',
    usage: 'towns',
    description: "The programme's towns and their reference codes",
    audience: 'everyone',
    read: (text) => (text === 'towns' ? {} : null),
    input: z.object({}),
    run: () => {
      const active = ALL_TOWNS.filter((t) => t.status === 'active').map(describeTown);
      const retired = ALL_TOWNS.filter((t) => t.status === 'retired').map(describeTown);
      const also = retired.length ? `\n\nRetired (records kept, read-only): ${retired.join(', ')}.` : '';
      return Promise.resolve(`The Safer Towns (${active.length}): ${active.join(', ')}.${also}`);
    },
  }),
  defineCommand({
    name: 'add town',
    usage: 'add town {name} {CODE}',
    description: 'Board members: a new town in the programme, e.g. add town Helston HEL',
    audience: 'board',
    read: (text, words) => {
      if (!/^(add|new) town\b/.test(text)) return null;
      const rest = words.slice(2);
      if (rest.length < 2) return { invalid: 'Say its name and a three-letter code: add town Helston HEL' };
      return { name: rest.slice(0, -1).join(' '), code: rest.at(-1) };
    },
    input: z.object({ name: z.string().max(60), code: z.string().max(10) }),
    run: (turn, input) =>
      change(turn, { kind: 'add', name: titleCase(input.name), code: input.code }, (t) =>
        [
          `Safer ${t.name} is in the programme: its references start ${t.code}-, and its partnership has the core seats.`,
          `Next: appoint its first coordinator (npm run appoint -- --town "${t.name}" ...), who links its channel with "link ${t.name}".`,
        ].join(' '),
      ),
  }),
  defineCommand({
    name: 'rename town',
    usage: 'rename town {town} to {new name}',
    description: 'Board members: rename a town (its references and records stay)',
    audience: 'board',
    read: (text) => {
      if (!/^rename town\b/.test(text)) return null;
      const match = /^rename town (.+?) to (.+)$/.exec(text);
      if (!match)
        return { invalid: 'Say which town and its new name: rename town Helston to Helston and Porthleven' };
      return { town: match[1], name: match[2] };
    },
    input: z.object({ town, name: z.string().max(60) }),
    run: (turn, input) =>
      change(
        turn,
        { kind: 'rename', town: input.town, name: titleCase(input.name) },
        (t) =>
          `${t.aliases.at(-1)} is now called ${t.name}: its references, records and channel stay as they were.`,
      ),
  }),
  defineCommand({
    name: 'retire town',
    usage: 'retire town {town}',
    description: 'Board members: retire a town (its records are kept, read-only)',
    audience: 'board',
    read: (text) => (/^retire town\b/.test(text) ? { town: text.replace(/^retire town\s*/, '') } : null),
    input: z.object({ town }),
    run: (turn, input) =>
      change(
        turn,
        { kind: 'retire', town: input.town },
        (t) =>
          `Safer ${t.name} is retired: its records and history are kept, read-only, and it leaves the lists, the board and the reminders.`,
      ),
  }),
];

/** Commands arrive lower-cased: a name is written back as names are ("st just in penwith" -> "St Just in Penwith"). */
function titleCase(name: string): string {
  const small = new Set(['and', 'of', 'the', 'in', 'on', 'by']);
  return name
    .split(' ')
    .map((w, i) => (i > 0 && small.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ');
}
