// `npm run package` as a council IT team runs it: the real manifest and icons, ids from the environment, the
// offline Teams schema; and broken manifests, each problem named.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { buildAppPackage, PackageError } from '../../scripts/app-package/build.js';
import { checkIcon } from '../../scripts/app-package/icon-checks.js';
import { ACTIVITY_TYPES } from '../../src/bot/feed.js';
import { parseCommand } from '../../src/bot/commands/parse.js';
import { EXTENSION_COMMANDS } from '../../src/bot/extension/registry.js';
import { root, runScript } from '../support/processes.js';

const ENV = {
  TEAMS_APP_ID: '3c1f6f44-8f0e-4b7e-9a59-5a1f0a4c2d11',
  MICROSOFT_APP_ID: '9d2b7c55-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
  DEVELOPER_NAME: 'Cornwall Council',
  DEVELOPER_WEBSITE_URL: 'https://www.example.gov.uk/safer-towns',
  DEVELOPER_PRIVACY_URL: 'https://www.example.gov.uk/safer-towns/privacy',
  DEVELOPER_TERMS_URL: 'https://www.example.gov.uk/safer-towns/terms',
  PUBLIC_BASE_URL: 'https://safertowns.example.gov.uk',
};

/** The parts of a manifest these tests read and break. */
interface Manifest {
  version: string;
  accentColor: string;
  description: { short?: string };
  bots: { commandLists: { commands: { title: string; description: string }[] }[] }[];
  activities: { activityTypes: { type: string; templateText: string }[] };
  composeExtensions: {
    botId: string;
    commands: { id: string; title: string; type: string }[];
    messageHandlers: { type: string; value: { domains: string[] } }[];
  }[];
  validDomains: string[];
  staticTabs: { entityId: string; contentUrl?: string }[];
  configurableTabs: { configurationUrl: string; context: string[] }[];
  webApplicationInfo: { id: string; resource?: string };
}

const temps: string[] = [];
afterEach(async () => {
  await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'app-package-'));
  temps.push(dir);
  return dir;
}

/** A copy of manifest/ with the manifest changed by `edit`, for breaking it on purpose. */
async function manifestCopy(edit: (m: Manifest) => void): Promise<string> {
  const dir = await tempDir();
  await cp(join(root, 'manifest'), dir, { recursive: true });
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  edit(manifest);
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

async function problemsOf(build: Promise<unknown>): Promise<string[]> {
  const error = await build.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PackageError);
  return (error as PackageError).problems;
}

const options = async (manifestDir: string, env: NodeJS.ProcessEnv = ENV) => ({
  manifestDir,
  env,
  outDir: await tempDir(),
  defaultVersion: '1.2.3',
  name: 'safer-towns-bot',
});

describe('the Teams app package', () => {
  it('zips a manifest the shipped v1.30 schema validates, ids filled, with both icons', async () => {
    const built = await buildAppPackage(await options(join(root, 'manifest')));
    expect(built.zipPath).toMatch(/safer-towns-bot-1\.2\.3\.zip$/);
    const zip = await JSZip.loadAsync(await readFile(built.zipPath));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Manifest;
    expect(manifest).toMatchObject({
      manifestVersion: '1.30',
      version: '1.2.3',
      id: ENV.TEAMS_APP_ID,
      bots: [{ botId: ENV.MICROSOFT_APP_ID, scopes: ['personal', 'team', 'groupChat'] }],
      webApplicationInfo: { id: ENV.MICROSOFT_APP_ID },
      developer: { name: 'Cornwall Council', privacyUrl: ENV.DEVELOPER_PRIVACY_URL },
    });
    expect(JSON.stringify(manifest)).not.toContain('${{');
    // Validated again from the zip, independently of the builder, with the schema file itself.
    const { ManifestUtil } = await import('@microsoft/app-manifest');
    const schema = JSON.parse(
      await readFile(
        join(
          root,
          'node_modules/@microsoft/app-manifest/build/json-schemas/teams/v1.30/MicrosoftTeams.schema.json',
        ),
        'utf8',
      ),
    ) as never;
    expect(await ManifestUtil.validateManifestAgainstSchema(manifest as never, schema)).toEqual([]);
    // What the manifest offers is what the bot does.
    const titles = manifest.bots[0]!.commandLists.flatMap((l) => l.commands.map((c) => c.title));
    for (const title of titles) expect(parseCommand(title).kind, title).not.toBe('unknown');
    expect(manifest.activities.activityTypes.map((a) => a.type).sort()).toEqual(
      Object.values(ACTIVITY_TYPES).sort(),
    );
    // The message extension: the registry's commands, for the bot, unfurling links on the bot's own host.
    const [extension] = manifest.composeExtensions;
    expect(extension!.botId).toBe(ENV.MICROSOFT_APP_ID);
    expect(extension!.commands.map((c) => [c.id, c.type])).toEqual(
      EXTENSION_COMMANDS.map((c) => [c.id, c.type]),
    );
    expect(extension!.messageHandlers).toEqual([
      { type: 'link', value: { domains: ['safertowns.example.gov.uk'] } },
    ]);
    expect(manifest.validDomains).toEqual(['safertowns.example.gov.uk']);
    // The tabs: the pages the bot serves, and the sign-on resource its server accepts.
    expect(manifest.staticTabs.map((t) => [t.entityId, t.contentUrl])).toEqual([
      ['conversations', undefined],
      ['my-actions', 'https://safertowns.example.gov.uk/tab/my-actions'],
      ['help', 'https://safertowns.example.gov.uk/tab/help'],
    ]);
    expect(manifest.configurableTabs[0]).toMatchObject({
      configurationUrl: 'https://safertowns.example.gov.uk/tab/config',
      context: expect.arrayContaining(['channelTab', 'meetingSidePanel']) as string[],
    });
    expect(manifest.webApplicationInfo.resource).toBe(
      `api://safertowns.example.gov.uk/${ENV.MICROSOFT_APP_ID}`,
    );
  });

  it('refuses tabs the bot does not serve, off its domain, or a sign-on resource it does not accept', async () => {
    const dir = await manifestCopy((m) => {
      m.staticTabs = m.staticTabs.filter((t) => t.entityId !== 'help');
      m.staticTabs.find((t) => t.entityId === 'my-actions')!.contentUrl =
        'https://elsewhere.example/tab/my-actions';
      m.configurableTabs[0]!.configurationUrl = 'https://${{PUBLIC_HOST}}/tab/settings';
      m.configurableTabs[0]!.context = ['channelTab'];
      m.webApplicationInfo.resource = 'api://elsewhere/${{MICROSOFT_APP_ID}}';
    });
    const all = (await problemsOf(buildAppPackage(await options(dir)))).join('\n');
    expect(all).toContain('staticTabs: the personal tab "help" is missing');
    expect(all).toContain('elsewhere.example is not in validDomains');
    expect(all).toContain('the bot serves no tab at /tab/settings');
    expect(all).toContain('configurableTabs/0/context: must include meetingSidePanel');
    expect(all).toContain(
      "webApplicationInfo.resource: the tabs' sign-on needs api://safertowns.example.gov.uk/",
    );
  });

  it('refuses message-extension commands with no handler, and handlers the manifest does not list', async () => {
    const dir = await manifestCopy((m) => {
      const commands = m.composeExtensions[0]!.commands;
      commands.splice(
        commands.findIndex((c) => c.id === 'addNote'),
        1,
      );
      commands.push({ id: 'shareFile', title: 'Share a file', type: 'action' });
      m.composeExtensions[0]!.botId = '00000000-0000-0000-0000-000000000001';
      m.validDomains = [];
    });
    const all = (await problemsOf(buildAppPackage(await options(dir)))).join('\n');
    expect(all).toContain('"shareFile" has no handler in src/bot/extension');
    expect(all).toContain('the bot handles "addNote", which is not listed');
    expect(all).toContain("composeExtensions/0/botId: must be the bot's app id");
    expect(all).toContain('validDomains: must include the link domain safertowns.example.gov.uk');
  });

  it('makes the same bytes from the same inputs', async () => {
    const first = await buildAppPackage(await options(join(root, 'manifest')));
    const second = await buildAppPackage(await options(join(root, 'manifest')));
    expect(await readFile(first.zipPath)).toEqual(await readFile(second.zipPath));
  });

  it('rejects a broken manifest, naming every problem', async () => {
    const dir = await manifestCopy((m) => {
      delete m.description.short;
      m.accentColor = 'blue';
      m.version = '${{APP_VERSION}}-beta';
      m.bots[0]!.commandLists[0]!.commands.push({ title: 'frobnicate', description: 'Not a command' });
      m.activities.activityTypes.pop(); // actionUnassigned
      m.activities.activityTypes[0]!.templateText = '{ref} is due on {dueDate}';
    });
    await writeFile(join(dir, 'color.png'), PNG.sync.write(new PNG({ width: 96, height: 96 })));
    const problems = await problemsOf(buildAppPackage(await options(dir)));
    const all = problems.join('\n');
    expect(all).toMatch(/\/description: must have required property 'short'/);
    expect(all).toMatch(/\/accentColor: must match pattern/);
    expect(all).toContain('version: "1.2.3-beta" is not a semver version');
    expect(all).toContain('the bot does not understand "frobnicate"');
    expect(all).toContain('the bot sends "actionUnassigned", which is not declared');
    expect(all).toContain('templateText uses {dueDate}, which the bot does not send');
    expect(all).toContain('icons.color: color.png is 96x96; Teams needs 192x192');
  });

  it('lists every missing or malformed setting, and still checks the manifest', async () => {
    const dir = await manifestCopy((m) => (m.accentColor = '#12345'));
    const env = { ...ENV, TEAMS_APP_ID: 'not-a-guid', DEVELOPER_PRIVACY_URL: 'http://insecure.example' };
    delete (env as Record<string, string | undefined>).MICROSOFT_APP_ID;
    const problems = await problemsOf(buildAppPackage(await options(dir, env)));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^TEAMS_APP_ID: must be a GUID/),
        expect.stringMatching(/^MICROSOFT_APP_ID: not set/),
        expect.stringMatching(/^DEVELOPER_PRIVACY_URL: must be an https:\/\/ address/),
        expect.stringMatching(/^\/accentColor: must match pattern/),
      ]),
    );
  });

  it('checks the outline icon is white on transparent', () => {
    const png = new PNG({ width: 32, height: 32 });
    png.data.fill(255); // opaque white everywhere: no transparent background
    expect(checkIcon('outline', 'outline.png', PNG.sync.write(png))).toEqual([
      'icons.outline: outline.png has no transparent background',
    ]);
    png.data.fill(0);
    png.data.set([200, 0, 0, 255], 0); // one red pixel on transparent
    expect(checkIcon('outline', 'outline.png', PNG.sync.write(png))).toEqual([
      'icons.outline: outline.png has 1 pixels that are not white',
    ]);
    expect(checkIcon('color', 'color.png', Buffer.from('GIF89a'))).toEqual([
      'icons.color: color.png is not a PNG image',
    ]);
  });

  it('keeps the committed icons the ones the icon script draws', async () => {
    const { colorIcon, outlineIcon } = await import('../../scripts/app-package/icons.js');
    expect(await readFile(join(root, 'manifest/color.png'))).toEqual(colorIcon());
    expect(await readFile(join(root, 'manifest/outline.png'))).toEqual(outlineIcon());
    expect(checkIcon('outline', 'outline.png', outlineIcon())).toEqual([]);
  });

  it('says which features a bot that is itself a managed identity loses, and nothing for an app registration', async () => {
    const { identityNotes } = await import('../../scripts/app-package/build.js');
    expect(identityNotes({ MICROSOFT_APP_TYPE: 'UserAssignedMSI' })[0]).toMatch(
      /tabs' sign-in .* and the activity feed \(RSC\) in this package will not work/,
    );
    expect(identityNotes({ MICROSOFT_APP_TYPE: 'SingleTenant' })).toEqual([]);
    expect(identityNotes({})).toEqual([]);
  });

  it('`npm run package` prints each problem and exits 1 without the settings', () => {
    const result = runScript('package.ts', { PATH: process.env.PATH ?? '' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('TEAMS_APP_ID: not set');
    expect(result.stderr).toContain('DEVELOPER_TERMS_URL: not set');
  });
});
