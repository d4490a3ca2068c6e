// The one source line the embedded FerretDB build changes: applied when the release has it exactly once,
// and refused (nothing built) when it does not, so a new release cannot be built half-fixed.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyFix, LauncherError, SQLITE_ID_INDEX_FIX } from '../../scripts/ferretdb-install.js';

let dir = '';
afterEach(() => rm(dir, { recursive: true, force: true }));

async function source(text: string): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), 'ferretdb-fix-'));
  const path = join(dir, SQLITE_ID_INDEX_FIX.file);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
  return path;
}

describe('the SQLite _id fix', () => {
  it("queries _id with the index's own expression", async () => {
    const path = await source(`const (\n\t${SQLITE_ID_INDEX_FIX.from}\n)\n`);
    await applyFix(dir, SQLITE_ID_INDEX_FIX);
    expect(await readFile(path, 'utf8')).toBe('const (\n\tIDColumn = DefaultColumn + "->\\"_id\\""\n)\n');
  });

  it('refuses a source that no longer has the line, or has it twice', async () => {
    await source('IDColumn = DefaultColumn + "->\'$.id\'"\n');
    await expect(applyFix(dir, SQLITE_ID_INDEX_FIX)).rejects.toBeInstanceOf(LauncherError);
    await rm(dir, { recursive: true, force: true });
    await source(`${SQLITE_ID_INDEX_FIX.from}\n${SQLITE_ID_INDEX_FIX.from}\n`);
    await expect(applyFix(dir, SQLITE_ID_INDEX_FIX)).rejects.toThrow('no longer has');
  });
});
