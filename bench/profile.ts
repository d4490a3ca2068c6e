// `node --import tsx bench/profile.ts <commands.jsonl> [from-ms] [to-ms]`: the database time of a benchmark
// run (recorded with BENCH_PROFILE=1) by command and collection, biggest first.
import { readFileSync } from 'node:fs';

interface Line {
  at: number;
  command: string;
  collection: string;
  ms: number;
}

const [file, from = '0', to = 'Infinity'] = process.argv.slice(2);
if (!file) {
  console.error('Usage: node --import tsx bench/profile.ts <commands.jsonl> [from-ms] [to-ms]');
  process.exit(1);
}
const lines = readFileSync(file, 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as Line)
  .filter((l) => l.at >= Number(from) && l.at <= Number(to));
const by = new Map<string, { n: number; ms: number; max: number }>();
for (const l of lines) {
  const key = `${l.command} ${l.collection}`;
  const v = by.get(key) ?? { n: 0, ms: 0, max: 0 };
  v.n++;
  v.ms += l.ms;
  v.max = Math.max(v.max, l.ms);
  by.set(key, v);
}
console.log(`${'command collection'.padEnd(36)} count total-ms mean-ms max-ms`);
for (const [key, v] of [...by].sort((a, b) => b[1].ms - a[1].ms))
  console.log(
    `${key.padEnd(36)} ${String(v.n).padStart(5)} ${String(Math.round(v.ms)).padStart(8)} ${String(Math.round(v.ms / v.n)).padStart(7)} ${String(Math.round(v.max)).padStart(6)}`,
  );
