// Every command, in the order help lists them. Adding one: an entry in its feature's file (or a new file
// listed here). Parsing, help, the closest-command suggestion and the manifest's menus all read this list.
import { ACTION_COMMANDS } from './actions.js';
import { BOARD_COMMANDS } from './board.js';
import { GROUP_COMMANDS } from './groups.js';
import { HELP_COMMANDS } from './help.js';
import { INDICATOR_COMMANDS } from './indicator.js';
import { EVIDENCE_COMMANDS } from './evidence.js';
import { MEETING_COMMANDS } from './meetings.js';
import { PARTNERSHIP_COMMANDS } from './partnership.js';
import { PLAN_COMMANDS } from './plans.js';
import { PROBLEM_COMMANDS } from './problems.js';
import { PUBLIC_PAGE_COMMANDS } from './public-page.js';
import { TOWN_COMMANDS } from './towns.js';
import type { CommandEntry } from './command.js';

const ALL = [
  ...HELP_COMMANDS,
  ...ACTION_COMMANDS,
  ...BOARD_COMMANDS,
  ...PLAN_COMMANDS,
  ...GROUP_COMMANDS,
  ...PROBLEM_COMMANDS,
  ...PUBLIC_PAGE_COMMANDS,
  ...INDICATOR_COMMANDS,
  ...EVIDENCE_COMMANDS,
  ...MEETING_COMMANDS,
  ...PARTNERSHIP_COMMANDS,
  ...TOWN_COMMANDS,
];

const HELP_ORDER = [
  ...['help', 'summary', 'board', 'actions', 'my actions', 'new action', 'plan', 'new plan', 'groups'],
  ...['new group', 'problems', 'new problem', 'problem', 'library', 'public summary', 'public', 'import'],
  ...[
    'fund',
    'report',
    'indicator',
    'profile',
    'show',
    'schedule meeting',
    'members',
    'join',
    'link',
    'unlink',
  ],
  ...['link board', 'digest', 'launch plan', 'towns', 'add town', 'rename town', 'retire town'],
];

/** The commands, in the order help lists them (each feature's file holds its own). */
export const COMMANDS: readonly CommandEntry[] = [...ALL].sort(
  (a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name),
);

function rank(name: string): number {
  const at = HELP_ORDER.indexOf(name);
  return at < 0 ? HELP_ORDER.length : at;
}

/** Teams shows at most 10 commands in a scope's menu. */
export const MENU_LIMIT = 10;

/** The manifest's `bots[0].commandLists`, as the entries' `menu` lines say, in the registry's order. */
export function manifestCommandLists() {
  const lines = (scope: 'personal' | 'team') =>
    COMMANDS.flatMap((c) => (c.menu[scope] ? [{ title: c.name, description: c.menu[scope] }] : []));
  return [
    { scopes: ['personal'], commands: lines('personal') },
    { scopes: ['team', 'groupChat'], commands: lines('team') },
  ];
}
