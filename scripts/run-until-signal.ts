// Runs a start function, keeps the process alive until SIGINT/SIGTERM, then runs the returned stop function.
// Known failures (config, launcher) print their message alone and exit 1, without a stack trace.
import { ConfigError } from '../src/config.js';

type Stop = () => Promise<void>;

export async function runUntilSignal(
  start: () => Promise<Stop>,
  known: (new (...a: never[]) => Error)[] = [],
) {
  let stop: Stop;
  try {
    stop = await start();
  } catch (error) {
    exitWith(error, known);
    return;
  }
  await new Promise<void>((done) => {
    const onSignal = () => {
      process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
      done();
    };
    process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  });
  await stop();
}

export function exitWith(error: unknown, known: (new (...a: never[]) => Error)[] = []): never {
  const isKnown = error instanceof ConfigError || known.some((k) => error instanceof k);
  console.error(isKnown ? (error as Error).message : error);
  process.exit(1);
}
