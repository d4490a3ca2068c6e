#!/usr/bin/env node
// `safer-towns <command> [options]`: the operator's commands, from a checkout (`npm run <command> -- ...`) or a
// production install (`node dist/scripts/safer-towns.js <command> ...`, `safer-towns` in the container).
// Without MONGODB_URI they start the embedded database, as in development; with it, they use that server.
import { exitWith, UsageError } from './cli.js';

type Command = () => Promise<{ main(args: readonly string[]): Promise<void> }>;

/** Each command's module, loaded only when it is the one asked for. */
const COMMANDS: Record<string, Command> = {
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

const [name, ...args] = process.argv.slice(2);
try {
  const command = name ? COMMANDS[name] : undefined;
  if (!command)
    throw new UsageError(
      `${name ? `Unknown command "${name}"` : 'Name a command'}\nUsage: safer-towns <${Object.keys(COMMANDS).join('|')}> [options]`,
    );
  await (await command()).main(args);
} catch (error) {
  exitWith(error);
}
