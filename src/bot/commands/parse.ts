// Text -> a command of the registry. Forgiving about case, mentions, punctuation and town spellings.
import { COMMANDS } from './registry.js';
import { isUnreadable, type CommandEntry } from './command.js';
import { normaliseText } from './read-text.js';
import { editDistance, findTown } from '../../domain/towns.js';

export type Command =
  | ({ kind: string } & Record<string, unknown>)
  | { kind: 'unknown'; text: string; suggestions: string[] }
  | { kind: 'invalid'; message: string };

export type Reading =
  | { kind: 'command'; entry: CommandEntry; run: Extract<ReturnType<CommandEntry['accept']>, { ok: true }> }
  | { kind: 'unknown'; text: string; suggestions: string[] }
  | { kind: 'invalid'; message: string };

/** What the text asks for: a command with its checked input, a problem with it, or nothing known. */
export function readCommand(raw: string): Reading {
  const text = normaliseText(raw);
  for (const entry of COMMANDS) {
    const candidate = entry.read(text);
    if (!candidate) continue;
    if (isUnreadable(candidate)) return { kind: 'invalid', message: candidate.invalid };
    const accepted = entry.accept(candidate);
    return accepted.ok
      ? { kind: 'command', entry, run: accepted }
      : { kind: 'invalid', message: accepted.message };
  }
  return { kind: 'unknown', text, suggestions: suggestionsFor(text) };
}

/**
 * The closest commands as they would be sent: "sumary truro" suggests "summary Truro". Only a town or an
 * action reference is carried over, never other words: what was typed has not been through the guard.
 */
export function suggestionsFor(text: string): string[] {
  return closestCommands(text).map((name) => {
    const entry = COMMANDS.find((c) => c.name === name)!;
    const rest = text.split(' ').slice(name.split(' ').length).join(' ');
    const takes = entry.usage.includes('[town]') || entry.usage.includes('{town}');
    const town = takes && rest ? findTown(rest) : undefined;
    const ref = entry.usage.includes('{ref}') && /^[a-z]{3}-\d{1,4}$/i.test(rest) ? rest.toUpperCase() : '';
    return town ? `${name} ${town.name}` : ref ? `${name} ${ref}` : name;
  });
}

/** The reading as plain data: `{ kind, ...input }` (the kind is the name with underscores). */
export function parseCommand(raw: string): Command {
  const reading = readCommand(raw);
  return reading.kind === 'command' ? { kind: reading.entry.kind, ...reading.run.fields } : reading;
}

/** The command nearest to what was typed (by edit distance), if it is near enough to be a typo. */
export function closestCommand(text: string): string | null {
  return closestCommands(text, 1)[0] ?? null;
}

/** The commands nearest to what was typed, nearest first, that are near enough to be a slip of it. */
export function closestCommands(text: string, most = 3): string[] {
  const head = text.split(' ').slice(0, 2).join(' ');
  return COMMANDS.map(({ name }) => {
    const typed = name.includes(' ') ? head : head.split(' ')[0]!;
    return { name, distance: editDistance(typed, name) };
  })
    .filter((c) => c.distance <= Math.ceil(c.name.length / 3))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, most)
    .map((c) => c.name);
}
