#!/usr/bin/env node
// `safer-towns <command> [options]`: the operator's commands, from a checkout (`npm run <command> -- ...`) or a
// production install (`node dist/scripts/safer-towns.js <command> ...`, `safer-towns` in the container).
// Without MONGODB_URI they start the embedded database, as in development; with it, they use that server.
// The usual conventions: `--help`/`-h` (also after a command) and `help <command>` print to stdout and exit
// 0; `--version`; errors go to stderr, exit 2 for a wrong command line and 1 for anything else.
import { readFileSync } from 'node:fs';
import { exitWith, UsageError } from './cli.js';
import { CLI_USAGE, type CliCommandName } from './cli-usage.js';

type Command = () => Promise<{ main(args: readonly string[]): Promise<void> }>;

/** Each command's module, loaded only when it is the one asked for. */
const COMMANDS: Record<CliCommandName, Command> = {
  seed: () => import('./seed.js'),
  appoint: () => import('./appoint.js'),
  towns: () => import('./towns.js'),
  report: () => import('./report.js'),
  import: () => import('./import.js'),
  'crime-data': () => import('./crime-data.js'),
  'public-summary': () => import('./public-summary.js'),
  'export-person': () => import('./export-person.js'),
  'erase-person': () => import('./erase-person.js'),
  'scan-personal-data': () => import('./scan-personal-data.js'),
  'refresh-read-models': () => import('./refresh-read-models.js'),
};

const isCommand = (name: string | undefined): name is CliCommandName =>
  name !== undefined && Object.hasOwn(COMMANDS, name);
const wantsHelp = (args: readonly string[]) => args.includes('--help') || args.includes('-h');

function overview(): string {
  const width = Math.max(...Object.keys(CLI_USAGE).map((n) => n.length));
  const lines = Object.entries(CLI_USAGE).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: safer-towns <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'safer-towns help <command> (or <command> --help) shows how to call one. safer-towns --version.',
    'Without MONGODB_URI the embedded database is started, as in development. Exit 0 when done, 1 when it',
    'failed, 2 when the command line was wrong.',
  ].join('\n');
}

const commandHelp = (name: CliCommandName) => `${CLI_USAGE[name].summary}.\nUsage: ${CLI_USAGE[name].usage}`;

/** The version of the package this file belongs to (the checkout's or the production install's). */
function version(): string {
  for (const path of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'safer-towns-bot' && pkg.version) return pkg.version;
    } catch {
      // not at this depth: the checkout runs scripts/, the production install dist/scripts/
    }
  }
  return 'unknown';
}

const [name, ...args] = process.argv.slice(2);
try {
  if (name === '--help' || name === '-h' || (name === 'help' && !args.length)) console.log(overview());
  else if (name === '--version' || name === '-v') console.log(version());
  else if (name === 'help') {
    if (!isCommand(args[0])) throw new UsageError(`No command "${args[0]}"\n\n${overview()}`);
    console.log(commandHelp(args[0]));
  } else if (!isCommand(name))
    throw new UsageError(`${name ? `Unknown command "${name}"` : 'Name a command'}\n\n${overview()}`);
  else if (wantsHelp(args)) console.log(commandHelp(name));
  else await (await COMMANDS[name]()).main(args);
} catch (error) {
  exitWith(error);
}
