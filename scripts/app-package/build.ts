// `npm run package`: manifest/manifest.json with its ${{PLACEHOLDERS}} filled from the environment, checked
// offline against the Teams JSON schema of its manifestVersion (shipped in @microsoft/app-manifest) and
// against the bot itself, then zipped with the icons. Every problem found is reported, not just the first.
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import { z } from 'zod';
import { checkIcon } from './icon-checks.js';
import { checkAgainstBot } from './manifest-checks.js';

export class PackageError extends Error {
  override name = 'PackageError';
  constructor(readonly problems: string[]) {
    super(`The Teams app package was not made:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const guid = z.string().regex(/^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i, 'must be a GUID');
const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an https:// address' });

/** The values the manifest's placeholders take; everything else in it is fixed. */
const packageEnvSchema = z.object({
  TEAMS_APP_ID: guid.describe("the Teams app's own id (a new GUID per organisation)"),
  MICROSOFT_APP_ID: guid.describe("the bot's Entra app id (Azure Bot registration)"),
  DEVELOPER_NAME: z.string().min(1).max(32),
  DEVELOPER_WEBSITE_URL: httpsUrl,
  DEVELOPER_PRIVACY_URL: httpsUrl,
  DEVELOPER_TERMS_URL: httpsUrl,
  PUBLIC_BASE_URL: httpsUrl.describe("the bot's own https address: action links on its host unfurl in Teams"),
  APP_VERSION: z.string().optional().describe("the app's version; package.json's when not set"),
});

export interface PackageOptions {
  /** Folder with manifest.json and its icons. */
  manifestDir: string;
  env: NodeJS.ProcessEnv;
  outDir: string;
  /** Used when APP_VERSION is not set: package.json's version. */
  defaultVersion: string;
  name: string;
}

const FIXED_DATE = new Date('2026-01-01T00:00:00Z');

export interface BuiltPackage {
  zipPath: string;
  manifest: Record<string, unknown>;
}

export async function buildAppPackage(options: PackageOptions): Promise<BuiltPackage> {
  const problems: string[] = [];
  const values = readValues(options, problems);
  const template = await readFile(join(options.manifestDir, 'manifest.json'), 'utf8').catch(() => null);
  if (template === null) throw new PackageError([`${options.manifestDir}/manifest.json cannot be read`]);
  const manifest = fill(template, values, problems);
  if (!manifest) throw new PackageError(problems);

  problems.push(...(await checkAgainstSchema(manifest)));
  problems.push(...checkAgainstBot(manifest));
  const icons = await readIcons(options.manifestDir, manifest, problems);
  if (problems.length) throw new PackageError(problems);

  const zip = new JSZip();
  const date = FIXED_DATE; // the same inputs make the same bytes
  zip.file('manifest.json', JSON.stringify(manifest, null, 2), { date });
  for (const [file, bytes] of icons) zip.file(file, bytes, { date });
  await mkdir(options.outDir, { recursive: true });
  const zipPath = join(options.outDir, `${options.name}-${String(manifest['version'])}.zip`);
  await writeFile(zipPath, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return { zipPath, manifest };
}

/**
 * The placeholder values from the environment. A missing or bad one is a problem, and a stand-in of the right
 * shape takes its place so that the rest of the manifest is still checked and every problem is listed at once.
 */
function readValues(options: PackageOptions, problems: string[]): Record<string, string> {
  const values: Record<string, string> = {
    APP_VERSION: options.env['APP_VERSION'] || options.defaultVersion,
  };
  for (const [variable, schema] of Object.entries(packageEnvSchema.shape)) {
    if (variable === 'APP_VERSION') continue;
    const raw = options.env[variable];
    const parsed = schema.safeParse(raw === '' ? undefined : raw);
    if (parsed.success && parsed.data !== undefined) {
      values[variable] = parsed.data;
      continue;
    }
    const why = raw === undefined || raw === '' ? 'not set' : (parsed.error?.issues[0]?.message ?? 'invalid');
    problems.push(`${variable}: ${why}${schema.description ? ` (${schema.description})` : ''}`);
    values[variable] = STAND_INS[variable] ?? 'x';
  }
  // The host the manifest's link unfurling and validDomains name, from the address.
  values['PUBLIC_HOST'] = new URL(values['PUBLIC_BASE_URL'] ?? STAND_INS['PUBLIC_BASE_URL']!).host;
  return values;
}

const STAND_INS: Record<string, string> = {
  TEAMS_APP_ID: '00000000-0000-0000-0000-000000000000',
  MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000000',
  DEVELOPER_WEBSITE_URL: 'https://example.invalid/',
  DEVELOPER_PRIVACY_URL: 'https://example.invalid/',
  DEVELOPER_TERMS_URL: 'https://example.invalid/',
  PUBLIC_BASE_URL: 'https://example.invalid/',
};

/** Replaces ${{NAME}} in the template text; a placeholder with no value is a problem. */
function fill(
  template: string,
  values: Record<string, string>,
  problems: string[],
): Record<string, unknown> | null {
  const text = template.replace(/\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) {
      problems.push(`manifest.json uses ${whole}, which is not one of ${Object.keys(values).join(', ')}`);
      return whole;
    }
    return JSON.stringify(value).slice(1, -1); // escaped for a JSON string
  });
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    problems.push(`manifest.json is not valid JSON: ${(error as Error).message}`);
    return null;
  }
}

const require = createRequire(import.meta.url);

async function checkAgainstSchema(manifest: Record<string, unknown>): Promise<string[]> {
  const version = manifest['manifestVersion'];
  if (typeof version !== 'string' || !/^\d+\.\d+$/.test(version)) {
    return ['manifestVersion: missing or not a version such as "1.30"'];
  }
  const expected = `https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`;
  const problems = manifest['$schema'] === expected ? [] : [`$schema: must be ${expected}`];
  const schemasDir = join(dirname(require.resolve('@microsoft/app-manifest')), 'json-schemas', 'teams');
  const schemaText = await readFile(
    join(schemasDir, `v${version}`, 'MicrosoftTeams.schema.json'),
    'utf8',
  ).catch(() => null);
  if (schemaText === null) return [...problems, `manifestVersion ${version}: no offline schema for it`];
  const { ManifestUtil } = await import('@microsoft/app-manifest');
  const errors = await ManifestUtil.validateManifestAgainstSchema(
    manifest as never,
    JSON.parse(schemaText) as never,
  );
  return [...problems, ...errors.map(readableSchemaError)];
}

/** "/bots/0/scopes/1 must be equal to one of the allowed values. Details: {...}" -> path: message {...}. */
function readableSchemaError(error: string): string {
  const match = /^(\S*) (.*?)\. Details: (.*)$/s.exec(error);
  if (!match) return error;
  const [, path, message, details] = match;
  return `${path || '(root)'}: ${message} ${details}`.trim();
}

async function readIcons(
  dir: string,
  manifest: Record<string, unknown>,
  problems: string[],
): Promise<[string, Buffer][]> {
  const icons = (manifest['icons'] ?? {}) as Record<string, unknown>;
  const out: [string, Buffer][] = [];
  for (const kind of ['color', 'outline'] as const) {
    const file = icons[kind];
    if (typeof file !== 'string') continue; // the schema reports it
    if (file.includes('/') || file.includes('\\')) {
      problems.push(`icons.${kind}: "${file}" must be a file next to manifest.json`);
      continue;
    }
    const bytes = await readFile(join(dir, file)).catch(() => null);
    if (!bytes) {
      problems.push(`icons.${kind}: ${file} is missing`);
      continue;
    }
    problems.push(...checkIcon(kind, file, bytes));
    out.push([file, bytes]);
  }
  return out;
}

/**
 * What the package cannot do with the identity the bot runs as. A managed identity that is itself the bot
 * (MICROSOFT_APP_TYPE=UserAssignedMSI) has no app registration: it cannot expose the tabs' access_as_user
 * scope or be granted resource-specific consent, so the tabs' sign-in and the activity feed will not work.
 */
export function identityNotes(env: NodeJS.ProcessEnv): string[] {
  return env['MICROSOFT_APP_TYPE'] === 'UserAssignedMSI'
    ? [
        "MICROSOFT_APP_TYPE=UserAssignedMSI: the bot is a managed identity with no app registration, so the tabs' " +
          'sign-in (webApplicationInfo, access_as_user) and the activity feed (RSC) in this package will not work. ' +
          'For every feature with no secret, use an app registration whose credential is the managed identity ' +
          '(MICROSOFT_APP_MANAGED_IDENTITY_CLIENT_ID; docs/DEPLOY.md, "No client secret").',
      ]
    : [];
}
