// `npm run db:install`: build the embedded FerretDB now (CI does this up front so its time shows apart).
import { resolve } from 'node:path';
import { exitWith } from './cli.js';
import { ensureFerretDb } from './ferretdb-install.js';

try {
  const binary = await ensureFerretDb({ cacheDir: resolve('.cache'), log: (line) => console.log(line) });
  console.log(`FerretDB binary: ${binary}`);
} catch (error) {
  exitWith(error);
}
