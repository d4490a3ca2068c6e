// The processes a benchmark runs: the bot (src/main.ts, as `npm start` would, in local mode) and the baseline
// bot, each with the probe preloaded; readiness by HTTP; their probe lines read back for memory and lag.
import type { ChildProcess } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort, hasExited, spawnGuarded, stopGuarded } from '../scripts/guarded-child.js';

const ROOT = resolve(import.meta.dirname, '..');

export interface Measured {
  url: string;
  child: ChildProcess;
  probeFile: string;
  /** Milliseconds from spawn to the first successful readiness answer. */
  startupMs: number;
  stop(): Promise<void>;
}

export interface ProbeLine {
  t: number;
  rssMb: number;
  peakRssMb: number;
  heapMb: number;
  heapTotalMb: number;
  lagP99Ms: number;
  lagMaxMs: number;
}

async function start(
  name: string,
  script: string,
  ready: string,
  env: NodeJS.ProcessEnv,
  logDir: string,
  nodeFlags: readonly string[] = [],
): Promise<Measured> {
  const port = await freePort();
  const probeFile = join(logDir, `${name}-probe.jsonl`);
  await rm(probeFile, { force: true });
  const began = performance.now();
  const child = spawnGuarded(
    process.execPath,
    [
      // BENCH_CPU_PROFILE=1: a V8 CPU profile of each process, written to its log folder when it stops.
      ...(env['BENCH_CPU_PROFILE']
        ? ['--cpu-prof', `--cpu-prof-dir=${logDir}`, `--cpu-prof-name=${name}.cpuprofile`]
        : []),
      // BENCH_NODE_FLAGS="--trace-gc": more flags for each process (their output goes to its log).
      ...(env['BENCH_NODE_FLAGS']?.split(/\s+/).filter(Boolean) ?? []),
      ...nodeFlags,
      '--require',
      join(ROOT, 'bench', 'probe.cjs'),
      join(ROOT, script),
    ],
    {
      cwd: ROOT,
      env: { ...env, PORT: String(port), PROBE_FILE: probeFile },
      logFile: join(logDir, `${name}.log`),
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (hasExited(child))
      throw new Error(`${name} stopped during start-up; see ${join(logDir, `${name}.log`)}`);
    const ok = await fetch(`${url}${ready}`, { signal: AbortSignal.timeout(1000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (performance.now() - began > 120_000) throw new Error(`${name} did not become ready in 120 s`);
    await sleep(20);
  }
  const startupMs = Math.round(performance.now() - began);
  return { url, child, probeFile, startupMs, stop: () => stopGuarded(child) };
}

export async function startBot(env: NodeJS.ProcessEnv, logDir: string): Promise<Measured> {
  // What `npm start` runs: the compiled JavaScript (the runner builds it first), with its Node flags.
  return start(
    'bot',
    'dist/src/main.js',
    '/readyz',
    { ...env, MICROSOFT_APP_ID: '', MICROSOFT_APP_PASSWORD: '' },
    logDir,
    await startFlags(),
  );
}

/** The Node flags of `npm start` (e.g. its heap ceiling), so the bot is measured as it is run. */
async function startFlags(): Promise<string[]> {
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const [node, ...words] = pkg.scripts['start']!.split(/\s+/);
  if (node !== 'node' || words.at(-1) !== 'dist/src/main.js')
    throw new Error(`npm start is not "node [flags] dist/src/main.js": ${pkg.scripts['start']}`);
  return words.slice(0, -1);
}

export function startBaseline(env: NodeJS.ProcessEnv, logDir: string): Promise<Measured> {
  return start('baseline', 'dist/bench/baseline-bot.js', '/healthz', env, logDir);
}

export async function probeLines(file: string, since = 0): Promise<ProbeLine[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as ProbeLine)
    .filter((l) => l.t >= since);
}
