// Builds the pinned FerretDB release once into a git-ignored cache folder and returns the binary's path.
//
// Why not a plain `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2`: the module as published
// lacks build/version/version.txt (its release process generates it), so that binary panics at start with
// "Invalid build/version/version.txt file content". Go refuses overlays for files in the module cache, so we
// fetch the same tagged module with `go mod download`, add the one-line version file its own build would
// write, and `go build` its cmd/ferretdb. Same dependencies (go.sum), same flags, and one source line
// changed (SQLITE_ID_INDEX_FIX below), which the binary's folder name records.
import { spawnSync } from 'node:child_process';
import {
  access,
  chmod,
  constants,
  cp,
  mkdir,
  readFile,
  readdir,
  rename,
  rm,
  writeFile,
} from 'node:fs/promises';
import { join } from 'node:path';

export const FERRETDB_VERSION = 'v1.24.2';
const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';
const BUILD_TIMEOUT_MS = 15 * 60_000;

export class LauncherError extends Error {
  override name = 'LauncherError';
}

export interface InstallOptions {
  cacheDir: string;
  log: (line: string) => void;
}

/**
 * FerretDB 1.24's SQLite backend creates the `_id` index on `_ferretdb_sjson->"_id"` but queries
 * `_ferretdb_sjson->'$._id'`: the same value, a different expression, so SQLite's planner never uses the
 * index and every lookup, update or delete by `_id` scans the table under its one write lock (measured:
 * `updateOne({_id})` 173 ms at 20,000 documents, `SQLITE_BUSY` with 20 at once; with the fix 2.0 ms and no
 * errors; ../shared/STACK-NOTES.md). Querying with the index's own expression fixes it.
 */
export const SQLITE_ID_INDEX_FIX = {
  file: join('internal', 'backends', 'sqlite', 'metadata', 'metadata.go'),
  from: `IDColumn = DefaultColumn + "->'$._id'"`,
  to: 'IDColumn = DefaultColumn + "->\\"_id\\""',
} as const;
const BUILD = `${FERRETDB_VERSION}-sqlite-id-index`;

export function ferretDbBinaryPath(cacheDir: string): string {
  return join(cacheDir, `ferretdb-${BUILD}`, 'ferretdb');
}

export async function ensureFerretDb({ cacheDir, log }: InstallOptions): Promise<string> {
  const binary = ferretDbBinaryPath(cacheDir);
  if (await isExecutable(binary)) return binary;

  requireGo();
  log(`Building FerretDB ${FERRETDB_VERSION} once into ${binary} (a minute or two)...`);
  const moduleDir = downloadModule();
  await mkdir(join(cacheDir, `ferretdb-${BUILD}`), { recursive: true });
  // A unique work folder and an atomic rename: two installers racing both finish with the same binary.
  const work = join(cacheDir, `build-${process.pid}-${Date.now()}`);
  try {
    await cp(moduleDir, work, { recursive: true });
    await makeWritable(work);
    await writeFile(join(work, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
    await applyFix(work, SQLITE_ID_INDEX_FIX);
    const output = join(work, 'ferretdb.out');
    run(
      'go',
      ['build', '-trimpath', '-buildvcs=false', '-o', output, './cmd/ferretdb'],
      work,
      BUILD_TIMEOUT_MS,
    );
    await rename(output, binary);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  log(`FerretDB ${FERRETDB_VERSION} is ready.`);
  return binary;
}

/** One exact source line replaced; a source that does not have it is refused, never built half-fixed. */
export async function applyFix(dir: string, fix: { file: string; from: string; to: string }): Promise<void> {
  const path = join(dir, fix.file);
  const source = await readFile(path, 'utf8');
  if (source.split(fix.from).length !== 2)
    throw new LauncherError(`FerretDB ${FERRETDB_VERSION}: ${fix.file} no longer has \`${fix.from}\` once`);
  await writeFile(path, source.replace(fix.from, fix.to));
}

function requireGo(): void {
  const probe = spawnSync('go', ['version'], { encoding: 'utf8', timeout: 20_000 });
  if (probe.error || probe.status !== 0) {
    throw new LauncherError(
      'No MongoDB to use: MONGODB_URI is not set and Go is not installed, so the embedded FerretDB cannot be built.\n' +
        'Either install Go 1.24 or newer (https://go.dev/doc/install; the `go` command must be on PATH),\n' +
        'or set MONGODB_URI to a MongoDB 6+ server, for example MONGODB_URI=mongodb://127.0.0.1:27017/',
    );
  }
}

function downloadModule(): string {
  const out = run(
    'go',
    ['mod', 'download', '-json', `${FERRETDB_MODULE}@${FERRETDB_VERSION}`],
    undefined,
    10 * 60_000,
  );
  const parsed = JSON.parse(out) as { Dir?: string; Error?: string };
  if (!parsed.Dir) throw new LauncherError(`go mod download failed: ${parsed.Error ?? out}`);
  return parsed.Dir;
}

function run(cmd: string, args: string[], cwd: string | undefined, timeout: number): string {
  const result = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    timeout,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-mod=readonly' },
  });
  if (result.error || result.status !== 0) {
    const why = result.error?.message ?? `exit ${result.status}`;
    throw new LauncherError(`\`${cmd} ${args.join(' ')}\` failed (${why}):\n${tail(result.stderr ?? '')}`);
  }
  return result.stdout;
}

async function makeWritable(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await makeWritable(path);
    else await chmod(path, 0o644);
  }
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function tail(text: string, lines = 20): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}
