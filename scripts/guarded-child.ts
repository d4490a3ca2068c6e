// Child processes that cannot outlive the script that started them: FerretDB, the bot, the playground.
// A shell guard holds our stdin pipe and stops the child when the pipe closes: on stop(), and also when this
// process dies in any way (even SIGKILL), because the kernel closes the pipe. No orphans.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface GuardedOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Append the child's output to this file; without it the output goes to our terminal. */
  logFile?: string;
  /** Also hand the child's stdout to us (read start-up lines such as "Listening on N"); needs no logFile. */
  pipeStdout?: boolean;
}

const TO_LOG = 'exec 3<&0 >>"$GUARDED_LOG" 2>&1; ';
const GUARD = '"$0" "$@" <&- & c=$!; (cat <&3 >/dev/null; kill -TERM $c) & wait $c';

export function spawnGuarded(file: string, args: string[], options: GuardedOptions = {}): ChildProcess {
  const toLog = options.logFile !== undefined;
  return spawn('/bin/sh', ['-c', (toLog ? TO_LOG : 'exec 3<&0; ') + GUARD, file, ...args], {
    stdio: ['pipe', toLog ? 'ignore' : options.pipeStdout ? 'pipe' : 'inherit', toLog ? 'ignore' : 'inherit'],
    detached: true, // own process group: a terminal's Ctrl-C reaches only us, and we stop children in order
    cwd: options.cwd,
    env: { ...(options.env ?? process.env), ...(toLog ? { GUARDED_LOG: options.logFile } : {}) },
  });
}

export const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** Closes the guard's pipe (the child gets SIGTERM) and waits; kills the whole group if it lingers. */
export async function stopGuarded(child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  if (hasExited(child)) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.stdin?.end();
  const timer = new AbortController(); // cancelled once the child is gone, so it does not hold the process open
  const timedOut = await Promise.race([
    exited.then(() => false),
    sleep(timeoutMs, true, { signal: timer.signal }).catch(() => false),
  ]);
  timer.abort();
  if (timedOut && child.pid) {
    process.kill(-child.pid, 'SIGKILL');
    await exited;
  }
}

/** A port nothing listens on right now, on loopback. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

export function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= fn());
}
