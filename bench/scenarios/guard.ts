// The personal-data guard on its own, in this process: a pure function needs no bot, database or load. It
// screens 1,000-character notes built from the labelled corpus (safe, sensitive, lower case, capitals) and
// reports the time per note; the baseline is the identifiers-only reading it grew from (folding the text and
// the identifier patterns, no people or terms), timed on the same notes in the same run. Both are the
// compiled output, as the service runs them. It also reports the guard's figures on the held-out corpus
// (test/corpora/guard-held-out.ts, never tuned on) and on the development corpus, and its start-up cost: a
// fresh Node process loading the compiled guard (word lists and all) and screening one note.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { IDENTIFYING, SAFE, SENSITIVE } from '../../test/unit/domain/personal-data-corpus.js';
import type * as Guard from '../../src/domain/personal-data.js';
import type * as Text from '../../src/domain/personal-data-text.js';
import type * as Identifiers from '../../src/domain/personal-data-identifiers.js';
import * as heldOut from '../../test/corpora/guard-held-out.js';
import * as development from '../../test/corpora/guard-development.js';
import type { ScenarioResult } from './shared.js';

const LENGTH = 1_000;

function note(texts: readonly string[], offset: number): string {
  let text = '';
  for (let i = offset; text.length < LENGTH; i++) text += `${texts[i % texts.length]} `;
  return text.slice(0, LENGTH);
}

function timeEach(notes: readonly string[], screen: (text: string) => unknown, rounds: number) {
  for (const n of notes) screen(n); // warm up
  const times: number[] = [];
  for (let r = 0; r < rounds; r++)
    for (const n of notes) {
      const started = process.hrtime.bigint();
      screen(n);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  times.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]! * 1000) / 1000;
  return { notes: times.length, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: at(1) };
}

/** The compiled module (bench/run.ts builds first), as the service runs it. */
const compiled = <T>(path: string) => import(pathToFileURL(resolve('dist', path)).href) as Promise<T>;

export async function guard(seconds: number): Promise<ScenarioResult> {
  const { screenText } = await compiled<typeof Guard>('src/domain/personal-data.js');
  const { foldText } = await compiled<typeof Text>('src/domain/personal-data-text.js');
  const { findIdentifiers } = await compiled<typeof Identifiers>('src/domain/personal-data-identifiers.js');
  const notes = [SAFE, SENSITIVE, IDENTIFYING].flatMap((set, k) =>
    Array.from({ length: 20 }, (_, i) => note(set, i * 7 + k)),
  );
  const all = [
    ...notes,
    ...notes.slice(0, 20).map((n) => n.toLowerCase()),
    ...notes.slice(20, 40).map((n) => n.toUpperCase()),
  ];
  const rounds = Math.max(5, Math.round(seconds * 5));
  const bot = timeEach(all, (n) => screenText(n), rounds);
  const baseline = timeEach(all, (n) => findIdentifiers(foldText(n).text), rounds);
  const figures = (set: Corpus, knownNames: readonly string[]) =>
    corpusFigures(set, (t) => screenText(t, { knownNames }).verdict);
  const held = figures(
    {
      sensitive: heldOut.HELD_OUT_SENSITIVE,
      identifiers: heldOut.HELD_OUT_IDENTIFIERS,
      safe: heldOut.HELD_OUT_SAFE,
    },
    heldOut.HELD_OUT_MEMBERS,
  );
  const dev = figures(
    {
      sensitive: development.DEV_SENSITIVE,
      identifiers: development.DEV_IDENTIFIERS,
      safe: development.DEV_SAFE,
    },
    development.DEV_MEMBERS,
  );
  const startUpMs = startUp();
  return {
    noteLength: LENGTH,
    guard: bot,
    baselineIdentifiersOnly: baseline,
    ratio: Math.round((bot.p50Ms / baseline.p50Ms) * 100) / 100,
    targetP99Ms: 5,
    startUpMs,
    targetStartUpMs: 1_000,
    heldOut: held,
    development: dev,
    targets: { sensitiveRefused: 0.95, identifiersHeld: 0.95, safeHeldAtMost: 0.03, safeRefused: 0 },
    met: bot.p99Ms < 5 && startUpMs < 1_000,
    corpusTargetsMet:
      held.sensitiveRefused >= 0.95 &&
      held.identifiersHeld >= 0.95 &&
      held.safeHeld <= 0.03 &&
      held.safeRefused === 0,
  };
}

interface Corpus {
  sensitive: readonly string[];
  identifiers: readonly string[];
  safe: readonly string[];
}

function corpusFigures(set: Corpus, verdict: (text: string) => string) {
  const share = (texts: readonly string[], keep: (v: string) => boolean) =>
    Math.round((texts.filter((t) => keep(verdict(t))).length / texts.length) * 1000) / 1000;
  return {
    texts: set.sensitive.length + set.identifiers.length + set.safe.length,
    sensitiveRefused: share(set.sensitive, (v) => v === 'refuse'),
    sensitiveHeld: share(set.sensitive, (v) => v !== 'clear'),
    identifiersHeld: share(set.identifiers, (v) => v !== 'clear'),
    safeHeld: share(set.safe, (v) => v !== 'clear'),
    safeRefused: share(set.safe, (v) => v === 'refuse'),
  };
}

/** A fresh process: load the compiled guard and screen one note; the median of five, in milliseconds. */
function startUp(): number {
  const module = pathToFileURL(resolve('dist/src/domain/personal-data.js')).href;
  const script = `const t=performance.now();const g=await import(${JSON.stringify(module)});g.screenText('Mr Pascoe is on bail');console.log(performance.now()-t);`;
  const times = Array.from({ length: 5 }, () => {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    return Number(run.stdout.trim());
  }).sort((a, b) => a - b);
  return Math.round(times[2]!);
}
