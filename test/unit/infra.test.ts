// infra/ (Bicep) and the bot's configuration schema agree: the template sets every setting production needs,
// and nothing the bot does not read; the sweep always has a running instance; the parameters file fits.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS, PRODUCTION_SETTINGS } from '../../src/config.js';

const main = readFileSync('infra/main.bicep', 'utf8');
const host = readFileSync('infra/host.bicep', 'utf8');
const parameters = JSON.parse(readFileSync('infra/main.parameters.json', 'utf8')) as {
  parameters: Record<string, unknown>;
};

/** The `name: 'X'` entries of a `var <name> = ...` of main.bicep (up to its closing bracket, alone on a line). */
function settingsIn(variable: string): string[] {
  const start = main.indexOf(`var ${variable} =`);
  expect(start, `main.bicep has var ${variable}`).toBeGreaterThan(-1);
  const end = /\n[\])]\n/.exec(main.slice(start))!;
  const block = main.slice(start, start + end.index);
  return [...block.matchAll(/name: '([A-Z0-9_]+)'/g)].map((m) => m[1]!);
}

/** App Service's own settings, which the bot never reads. */
const PLATFORM = ['WEBSITES_PORT', 'WEBSITES_ENABLE_APP_SERVICE_STORAGE'];

describe('infra/ against the configuration schema', () => {
  const plain = settingsIn('plainSettings');
  const secret = settingsIn('secretSettings');

  it('sets every setting production requires', () => {
    for (const key of PRODUCTION_SETTINGS) expect([...plain, ...secret], key).toContain(key);
    // The app registration's secret, when there is one, comes from Key Vault.
    expect(secret).toContain('MICROSOFT_APP_PASSWORD');
    expect(main).toMatch(/msi \? \[\] : \[\{ name: 'MICROSOFT_APP_PASSWORD'/);
  });

  it('sets nothing the bot does not read, and no secret as a plain value', () => {
    for (const key of [...plain, ...secret]) expect(CONFIG_KEYS as string[], key).toContain(key);
    for (const key of ['MONGODB_URI', 'MICROSOFT_APP_PASSWORD']) expect(plain).not.toContain(key);
    const hostOwn = [...host.matchAll(/\{ name: '([A-Z0-9_]+)'/g)].map((m) => m[1]!);
    for (const key of hostOwn) expect(PLATFORM, key).toContain(key);
  });

  it('keeps an instance running for the reminder sweep, and probes the health endpoints', () => {
    expect(host).toContain('alwaysOn: true');
    expect(host).toMatch(/minReplicas: [1-9]/);
    expect(host).toContain("healthCheckPath: '/readyz'");
    expect(host).toContain("path: '/healthz'");
  });

  it('has a parameters file whose every value is a parameter, giving each one without a default', () => {
    const declared = [...main.matchAll(/^param (\w+) (\w+)( = .*)?$/gm)].map((m) => ({
      name: m[1]!,
      required: !m[3],
    }));
    const given = Object.keys(parameters.parameters);
    for (const name of given)
      expect(
        declared.map((d) => d.name),
        name,
      ).toContain(name);
    for (const d of declared.filter((p) => p.required)) expect(given, d.name).toContain(d.name);
  });

  it('builds the image with the script the production-install test runs', () => {
    const dockerfile = readFileSync('Dockerfile', 'utf8');
    expect(dockerfile).toContain('sh scripts/production/assemble.sh /app');
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK /m);
    expect(dockerfile).toMatch(/^FROM node:24-slim/m);
  });
});
