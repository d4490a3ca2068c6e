// Helpers for tests that run the project's scripts as a user would: a real node process per script.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { CLI_USAGE } from '../../scripts/cli-usage.js';

export const root = resolve(import.meta.dirname, '../..');

/** The operator's commands, run through their one entry (scripts/safer-towns.ts) as `npm run <name>` does. */
const CLI_COMMANDS: readonly string[] = Object.keys(CLI_USAGE);

/** As `npm run <script>` runs it: one node process with tsx's loader (the tsx CLI would add a parent). */
function scriptArgs(script: string, args: string[] = []): string[] {
  const command = script.replace(/\.ts$/, '');
  const cli = CLI_COMMANDS.includes(command);
  const path = script.startsWith('src/')
    ? join(root, script)
    : join(root, 'scripts', cli ? 'safer-towns.ts' : script);
  const loader = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
  return ['--import', loader, path, ...(cli ? [command] : []), ...args];
}

export interface Running {
  child: ChildProcess;
  output(): string;
  /** Resolves with the first match of `pattern` in stdout+stderr, or throws if the process ends first. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
}

export function startScript(script: string, env: NodeJS.ProcessEnv, args: string[] = []): Running {
  const child = spawn(process.execPath, scriptArgs(script, args), {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  return {
    child,
    output: () => output,
    async waitFor(pattern, timeoutMs = 60_000) {
      for (let waited = 0; waited < timeoutMs; waited += 50) {
        const match = pattern.exec(output);
        if (match) return match;
        if (child.exitCode !== null) break;
        await sleep(50);
      }
      throw new Error(`${script} did not print ${pattern}:\n${output}`);
    },
  };
}

export function runScript(script: string, env: NodeJS.ProcessEnv, args: string[] = [], cwd = root) {
  return spawnSync(process.execPath, scriptArgs(script, args), {
    cwd,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

export const exited = (child: ChildProcess) =>
  new Promise<number | null>((done) =>
    child.exitCode !== null ? done(child.exitCode) : child.once('exit', (code) => done(code)),
  );

export async function portOpen(uri: string): Promise<boolean> {
  const port = Number(/:(\d+)\//.exec(uri)?.[1]);
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), done(true)));
    socket.once('error', () => done(false));
  });
}

export async function waitClosed(uri: string): Promise<boolean> {
  for (let waited = 0; waited < 10_000; waited += 100) {
    if (!(await portOpen(uri))) return true;
    await sleep(100);
  }
  return false;
}

/** True once no process's command line mentions `pattern` (the FerretDB process and its shell guard). */
export async function processesGone(pattern: string): Promise<boolean> {
  for (let waited = 0; waited < 10_000; waited += 100) {
    if (spawnSync('pgrep', ['-af', '--', pattern]).status === 1) return true;
    await sleep(100);
  }
  return false;
}

/** The bot as its own process (`src/main.ts`, as `npm start` runs it), once `/readyz` answers on `port`. */
export async function startService(env: NodeJS.ProcessEnv, port: number): Promise<Running> {
  const service = startScript('src/main.ts', { ...env, PORT: String(port) });
  for (let waited = 0; waited < 60_000; waited += 100) {
    const up = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return service;
    await sleep(100);
  }
  throw new Error(`the service did not start:\n${service.output()}`);
}

/** An activity in a 1:1 chat with the bot, shaped as Teams sends it (local mode: no token). */
export function personalActivity(
  user: { id: string; name: string; aadObjectId: string },
  serviceUrl: string,
  activity: Record<string, unknown>,
): Record<string, unknown> {
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: { id: '28:safer-towns-bot', name: 'Safer Towns' },
    conversation: { id: `a:personal-${user.id}`, conversationType: 'personal', tenantId: 'tenant' },
    channelData: { tenant: { id: 'tenant' } },
    ...activity,
  };
}
