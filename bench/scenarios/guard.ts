// The personal-data guard on its own, in this process: a pure function needs no bot, database or load. It
// screens 1,000-character notes built from the labelled corpus (safe, sensitive, lower case, capitals) and
// reports the time per note; the baseline is the identifiers-only reading it grew from (folding the text and
// the identifier patterns, no people or terms), timed on the same notes in the same run.
import { screenText } from '../../src/domain/personal-data.js';
import { foldText } from '../../src/domain/personal-data-text.js';
import { findIdentifiers } from '../../src/domain/personal-data-identifiers.js';
import { IDENTIFYING, SAFE, SENSITIVE } from '../../test/unit/domain/personal-data-corpus.js';
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

export function guard(seconds: number): Promise<ScenarioResult> {
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
  return Promise.resolve({
    noteLength: LENGTH,
    guard: bot,
    baselineIdentifiersOnly: baseline,
    ratio: Math.round((bot.p50Ms / baseline.p50Ms) * 100) / 100,
    targetP99Ms: 2,
    met: bot.p99Ms < 2,
  });
}
