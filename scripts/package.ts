// `npm run package`: the Teams app package, appPackage/<name>-<version>.zip, ready to upload. The ids and
// addresses come from the environment (see .env.example); every problem found is listed.
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { buildAppPackage, identityNotes, PackageError } from './app-package/build.js';
import { parseCli } from './cli.js';

parseCli(
  process.argv.slice(2),
  {},
  'npm run package   (settings from the environment: TEAMS_APP_ID, MICROSOFT_APP_ID, DEVELOPER_*)',
);
const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { name: string; version: string };
try {
  const built = await buildAppPackage({
    manifestDir: 'manifest',
    env: process.env,
    outDir: 'appPackage',
    defaultVersion: pkg.version,
    name: pkg.name,
  });
  console.log(
    `${relative('.', built.zipPath)}: manifest ${String(built.manifest['manifestVersion'])}, ` +
      `app version ${String(built.manifest['version'])}, valid against the offline schema. Upload it in the ` +
      'Teams admin centre (Manage apps > Upload new app); docs/DEPLOY.md has the steps.',
  );
  for (const note of identityNotes(process.env)) console.error(`Note: ${note}`);
} catch (error) {
  console.error(error instanceof PackageError ? error.message : error);
  process.exit(1);
}
