// `npm run lint` part: no source file over 250 lines (docs/ARCHITECTURE.md: small files that are easy to
// read whole). Split a file by what it is about before it grows past the limit.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const LIMIT = 250;

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (entry.name.endsWith('.ts')) yield path;
  }
}

const long = [...sources('src')]
  .map((file) => ({ file, lines: readFileSync(file, 'utf8').split('\n').length - 1 }))
  .filter((f) => f.lines > LIMIT);
for (const { file, lines } of long) console.error(`${file}: ${lines} lines (at most ${LIMIT})`);
if (long.length) process.exit(1);
console.log(`every file in src/ has at most ${LIMIT} lines`);
