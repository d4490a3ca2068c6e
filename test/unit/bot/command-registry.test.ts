import { describe, expect, it } from 'vitest';
import { COMMANDS, manifestCommandLists, MENU_LIMIT } from '../../../src/bot/commands/registry.js';
import { parseCommand } from '../../../src/bot/commands/parse.js';
import { normaliseText } from '../../../src/bot/commands/read-text.js';

/** Phrases people type, one or more per command. */
const PHRASES = [
  ...['help', 'hi', 'summary truro', 'status', 'board', 'actions mine', 'list truro due', 'my actions'],
  ...['mine', 'new action', 'add action truro', 'plan', 'delivery plan truro', 'new plan', 'groups'],
  ...['task groups truro', 'new group', 'set up task group truro', 'problems', 'new problem'],
  ...['problem TRU-P03', 'library cctv place', 'public summary', 'public page truro', 'public TRU-014 on'],
  ...['import truro', 'fund', 'report', 'export', 'indicator', 'survey truro', 'show TRU-014'],
  ...['schedule meeting', 'book meeting truro', 'members', 'who is in truro', 'join truro as cso'],
  ...['link truro', 'unlink', 'link board', 'digest off', 'launch plan 2027-01-11'],
  ...['towns', 'add town helston hel', 'rename town truro to truro city', 'retire town bodmin'],
  ...['hand over truro', 'handover', 'hand over actions in truro'],
  ...['actions to review', 'actions to review truro', 'review actions st austell'],
  ...['profile truro', 'crime data', 'area truro E01018899'],
];

describe('the command registry', () => {
  it('gives each command a distinct name, and every name is read as that command', () => {
    const names = COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const c of COMMANDS) expect(c.read(c.name), c.name).not.toBeNull();
  });

  it.each(PHRASES)('reads %j as exactly one command', (phrase) => {
    const text = normaliseText(phrase);
    const readers = COMMANDS.filter((c) => c.read(text) !== null).map((c) => c.name);
    expect(readers).toHaveLength(1);
  });

  it('covers every command with a phrase', () => {
    const read = new Set(PHRASES.map((p) => COMMANDS.find((c) => c.read(normaliseText(p)))!.name));
    expect([...read].sort()).toEqual(COMMANDS.map((c) => c.name).sort());
  });

  it('keeps the kind the name with underscores', () => {
    expect(parseCommand('my actions')).toEqual({ kind: 'my_actions' });
    expect(parseCommand('public TRU-014 on')).toEqual({ kind: 'public', ref: 'TRU-014', visible: true });
  });

  it('makes menus of at most ten commands, each a command the bot reads', () => {
    for (const list of manifestCommandLists()) {
      expect(list.commands.length).toBeLessThanOrEqual(MENU_LIMIT);
      for (const { title } of list.commands) expect(parseCommand(title).kind).not.toBe('unknown');
    }
  });
});
