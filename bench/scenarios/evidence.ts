// The evidence base under load. `crime-import`: a 1,000,000-row street-level file (police.uk's exact format,
// generated) imported by the operator's command as its own process, timed, with its peak RSS; the baseline is
// the same file only streamed through the CSV parser, in the same run. `profile`: "profile <town>" in a 1:1
// chat, 20 a second across the ten towns, after twelve months are imported; the baseline bot answers the same
// rate of invokes.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import { personalMessage } from '../activities.js';
import { COORDINATOR } from '../fixtures.js';
import { streetRows } from '../../test/support/police-uk.js';
import { baselineInvoke, measured, next, type ScenarioContext, type ScenarioResult } from './shared.js';

const ROWS = 1_000_000;

async function writeFile(path: string, month: string, rows: number, seed: number): Promise<void> {
  const out = createWriteStream(path);
  for (const line of streetRows({ month, rows, seed }))
    if (!out.write(`${line}\r\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

/** A process's wall time and peak RSS (GNU time's maximum resident set size). */
async function timedProcess(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ ms: number; peakRssMb: number; ok: boolean; output: string }> {
  const started = performance.now();
  const child = spawn('/usr/bin/time', ['-f', 'maxrss=%M', process.execPath, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const [code] = (await once(child, 'exit')) as [number];
  const rss = /maxrss=(\d+)/.exec(output);
  return {
    ms: Math.round(performance.now() - started),
    peakRssMb: rss ? Math.round(Number(rss[1]) / 1024) : -1,
    ok: code === 0,
    output: output.slice(-500),
  };
}

export async function crimeImport(c: ScenarioContext): Promise<ScenarioResult> {
  const file = join(c.logDir, '2026-09-devon-and-cornwall-street.csv');
  await writeFile(file, '2026-09', ROWS, 42);
  const env = { ...c.env, LOG_LEVEL: 'warn' };
  const bot = await timedProcess([resolve('dist/scripts/safer-towns.js'), 'crime-data', 'import', file], env);
  const parseOnly = `import { createReadStream } from 'node:fs'; import { parse } from 'csv-parse'; let n = 0; for await (const r of createReadStream(${JSON.stringify(file)}).pipe(parse({ columns: true, bom: true }))) n++; console.log(n);`;
  const baseline = await timedProcess(['--input-type=module', '-e', parseOnly], env);
  return {
    rows: ROWS,
    bot,
    baselineParseOnly: baseline,
    ratio: Math.round((bot.ms / baseline.ms) * 100) / 100,
    targets: { underMs: 60_000, peakRssUnderMb: 300 },
    met: bot.ok && bot.ms < 60_000 && bot.peakRssMb > 0 && bot.peakRssMb < 300,
  };
}

export async function profile(c: ScenarioContext): Promise<ScenarioResult> {
  const months = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);
  const files = [];
  for (const [i, month] of months.entries()) {
    const path = join(c.logDir, `${month}-devon-and-cornwall-street.csv`);
    await writeFile(path, month, 15_000, i + 1);
    files.push(path);
  }
  const imported = await timedProcess(
    [resolve('dist/scripts/safer-towns.js'), 'crime-data', 'import', ...files],
    c.env,
  );
  if (!imported.ok) return { failed: imported.output };
  const towns = [
    'truro',
    'penzance',
    'redruth',
    'camborne',
    'falmouth',
    'newquay',
    'st-austell',
    'bodmin',
    'liskeard',
    'saltash',
  ];
  const url = c.connector.url;
  const steady = await measured(
    c,
    20,
    () => personalMessage(url, COORDINATOR, `profile ${next(towns)}`),
    baselineInvoke(url),
  );
  return { importMs: imported.ms, ...steady, targets: { p99UnderMs: 300, ratioUnder: 4 } };
}
