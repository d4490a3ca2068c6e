// What every command-line script shares: argument parsing, clean failure messages, running until Ctrl-C.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError } from '../src/config.js';
import { AppError } from '../src/errors.js';
import { LauncherError } from './ferretdb-install.js';

/** A wrong command line: the message says what was wrong and how to call the script. */
export class UsageError extends Error {
  override name = 'UsageError';
}

type Stop = () => Promise<void>;

export function parseCli<T extends NonNullable<ParseArgsConfig['options']>>(
  args: readonly string[],
  options: T,
  usage: string,
) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: false });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\nUsage: ${usage}`);
  }
}

/**
 * Runs a start function, keeps the process alive until SIGINT/SIGTERM, then runs the returned stop function.
 * A start function that returns null has nothing to keep running: the process ends at once.
 */
export async function runUntilSignal(start: () => Promise<Stop | null>): Promise<void> {
  let stop: Stop | null;
  try {
    stop = await start();
  } catch (error) {
    exitWith(error);
  }
  if (!stop) return;
  await new Promise<void>((done) => {
    const onSignal = () => {
      process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
      done();
    };
    process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  });
  await stop();
}

/**
 * Known failures (usage, configuration, launcher, database) print their message alone; others their stack.
 * Exit 2 for a wrong command line, as command-line tools do; 1 for everything else.
 */
export function exitWith(error: unknown): never {
  const known = [UsageError, ConfigError, LauncherError, AppError].some((k) => error instanceof k);
  console.error(known ? (error as Error).message : error);
  process.exit(error instanceof UsageError ? 2 : 1);
}

/** A use case's refusal as the one message a script prints: what, each problem, and how to call it. */
export function refusal(error: AppError, usage: string): AppError {
  const lines = [error.message, ...error.issues.map((i) => `  - ${i.message}`), `Usage: ${usage}`];
  return new AppError(error.code, lines.join('\n'));
}
