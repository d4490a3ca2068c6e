import { describe, expect, it } from 'vitest';
import {
  closestCommand,
  closestCommands,
  parseCommand,
  suggestionsFor,
} from '../../../src/bot/commands/parse.js';
import { findRole } from '../../../src/bot/commands/read-text.js';

describe('command parser', () => {
  it.each([
    ['<at>Safer Towns</at> summary St. Austell', { kind: 'summary', town: 'st-austell' }],
    ['SUMMARY staustell!', { kind: 'summary', town: 'st-austell' }],
    ['summary', { kind: 'summary', town: null }],
    ['actions truro overdue', { kind: 'actions', town: 'truro', filter: 'overdue' }],
    ['actions mine', { kind: 'actions', town: null, filter: 'mine' }],
    ['my actions', { kind: 'my_actions' }],
    ['new action Bodmin', { kind: 'new_action', town: 'bodmin' }],
    ['schedule meeting', { kind: 'schedule_meeting', town: null }],
    ['show tru-14', { kind: 'show', ref: 'TRU-014' }],
    ['members in truro', { kind: 'members', town: 'truro' }],
    ['join st austell as cso', { kind: 'join', town: 'st-austell', role: 'community_safety_officer' }],
    ['join Truro as beat manager', { kind: 'join', town: 'truro', role: 'police_beat_manager' }],
    ['link bodmin', { kind: 'link', town: 'bodmin' }],
    ['unlink', { kind: 'unlink' }],
    [
      'launch plan 2027-01-08 Truro, St Austell, Penzance',
      { kind: 'launch_plan', start: '2027-01-08', order: ['truro', 'st-austell', 'penzance'] },
    ],
    ['hi', { kind: 'help', greeting: true }],
    ['help', { kind: 'help' }],
  ])('reads %j', (text, command) => {
    expect(parseCommand(text)).toEqual(command);
  });

  it.each([
    ['show nonsense', '"nonsense" is not an action reference'],
    ['join truro', 'Say the town and your role'],
    ['join truro as wizard', 'I don\'t know the role "wizard"'],
    ['link exeter', 'I don\'t know the town "exeter"'],
    ['launch plan 2027-02-30', 'must be a real date'],
    ['launch plan 2027-01-08 truro exeter', 'I don\'t know the town "exeter" in that order'],
  ])('explains what is wrong with %j', (text, message) => {
    const command = parseCommand(text);
    expect(command.kind).toBe('invalid');
    expect(command.kind === 'invalid' && command.message).toContain(message);
  });

  it('suggests the nearest commands for a typo, and nothing for chatter', () => {
    expect(parseCommand('sumary truro')).toEqual({
      kind: 'unknown',
      text: 'sumary truro',
      suggestions: ['summary Truro'],
    });
    expect(closestCommands('shw')).toContain('show');
    expect(closestCommands('darren nance was released on licence')).toEqual([]);
    expect(closestCommand('bored')).toBe('board');
    expect(closestCommand('what is this')).toBeNull();
    // A slip keeps the town or reference typed after it, and nothing else typed.
    expect(suggestionsFor('sumary truro')[0]).toBe('summary Truro');
    expect(suggestionsFor('shw tru-014')[0]).toBe('show TRU-014');
    expect(suggestionsFor('sumary john smith')[0]).toBe('summary');
  });

  it('finds roles by key, label, words or initials, and not by an ambiguous word', () => {
    expect(findRole('licensing')).toBe('licensing');
    expect(findRole('Town council clerk')).toBe('town_council_clerk');
    expect(findRole('fire')).toBeNull(); // two fire and rescue seats
    expect(findRole('')).toBeNull();
  });
});
