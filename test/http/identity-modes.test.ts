// The app's identity without a client secret: a certificate (the Entra stand-in verifies the signed
// assertion), a federated workload identity, and a user-assigned managed identity (a stand-in of the App
// Service / Container Apps identity endpoint). Each signs the bot's replies and gets Graph tokens, and the
// start-up check says what does not work: a bad file, an unknown identity, a missing Graph role.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { appIdentity } from '../../src/identity/app-identity.js';
import { databaseToken } from '../../src/identity/database-token.js';
import { clientOptions } from '../../src/store/mongo.js';
import { checkIdentity } from '../../src/identity/identity-check.js';
import { FakeEntra } from '../servers/fake-entra.js';
import { FakeManagedIdentity } from '../servers/fake-managed-identity.js';
import { TENANT, USERS, useBot } from '../support/bot-harness.js';
import { makeTestCertificate } from '../support/tls.js';

const CERT_APP = 'aaaaaaaa-bbbb-4ccc-8ddd-000000000001';
const WORKLOAD_APP = 'aaaaaaaa-bbbb-4ccc-8ddd-000000000002';
const MANAGED = 'aaaaaaaa-bbbb-4ccc-8ddd-000000000003';
/** An app registration whose federated identity credential trusts the MANAGED identity: no secret at all. */
const TRUSTING_APP = 'aaaaaaaa-bbbb-4ccc-8ddd-000000000004';
const ROLES = ['Calendars.ReadWrite'];
const dir = mkdtempSync(join(tmpdir(), 'identity-'));
const pemOf = (name: string) => {
  const { certPath, keyPath } = makeTestCertificate(join(dir, name));
  const path = join(dir, `${name}.pem`);
  writeFileSync(path, readFileSync(keyPath, 'utf8') + readFileSync(certPath, 'utf8'));
  return { path, certPath, keyPath };
};
const appCert = pemOf('app');
const strangerCert = pemOf('stranger');
const federatedFile = join(dir, 'federated-token');
writeFileSync(federatedFile, 'eyJhbGciOi.the-cluster-issued-token.for-this-pod');

const entra = new FakeEntra(inject('graphTls'));
const identityEndpoint = new FakeManagedIdentity(entra, new Set([MANAGED]), TENANT);
beforeAll(async () => {
  await entra.start();
  await identityEndpoint.start();
  // The platform sets these for the process; the managed identity credential reads them.
  Object.assign(process.env, identityEndpoint.env);
  entra.registerCertificate(CERT_APP, readFileSync(appCert.certPath, 'utf8'));
  entra.federatedTokens.set(WORKLOAD_APP, readFileSync(federatedFile, 'utf8'));
  entra.graphRoles.set(CERT_APP, ROLES);
  entra.graphRoles.set(MANAGED, ROLES);
  entra.trustedManagedIdentities.set(TRUSTING_APP, MANAGED);
  entra.graphRoles.set(TRUSTING_APP, ROLES);
});
afterAll(async () => {
  await identityEndpoint.stop();
  await entra.stop();
});

const settings = (over: Record<string, string>) => ({
  MICROSOFT_APP_TENANT_ID: TENANT,
  BOT_OPENID_METADATA_URL: entra.openIdMetadataUrl,
  ENTRA_AUTHORITY_HOST: entra.base,
  ALLOWED_TENANT_IDS: TENANT,
  ...over,
});

/** The Authorization headers on the bot's replies to `help`, from a channel token for `appId`. */
async function replyAuthorizations(
  bot: ReturnType<typeof useBot>,
  appId: string,
): Promise<(string | null)[]> {
  bot.connector.clear();
  const res = await bot.post(
    { ...bot.personalActivity(USERS.coordinator), type: 'message', text: 'help' },
    undefined,
    { authorization: `Bearer ${entra.channelToken(appId, bot.connector.url)}` },
  );
  expect(res.status).toBe(200);
  const sent = bot.connector.sent();
  expect(sent.length).toBeGreaterThan(0);
  return sent.map((r) => r.authorization);
}

describe('a certificate', () => {
  const bot = useBot(() =>
    settings({ MICROSOFT_APP_ID: CERT_APP, MICROSOFT_APP_CERTIFICATE_PATH: appCert.path }),
  );

  it('signs replies with a token got by a signed assertion, never a secret', async () => {
    const authorizations = await replyAuthorizations(bot, CERT_APP);
    const request = entra.tokenRequests.findLast((r) => r.form['client_id'] === CERT_APP)!;
    expect(request.form).toMatchObject({
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      scope: 'https://api.botframework.com/.default',
    });
    expect(request.form['client_secret']).toBeUndefined();
    expect(authorizations.every((a) => entra.issued.includes(a!.replace('Bearer ', '')))).toBe(true);
  });

  it('passes the start-up check: both tokens, and the Graph role meetings need', async () => {
    expect(await bot.checkIdentity()).toEqual({
      kind: 'certificate',
      botConnector: null,
      graph: null,
      missingRoles: [],
    });
  });
});

describe('a federated workload identity', () => {
  const bot = useBot(() =>
    settings({ MICROSOFT_APP_ID: WORKLOAD_APP, AZURE_FEDERATED_TOKEN_FILE: federatedFile }),
  );

  it("signs replies with a token got by presenting the platform's token as the assertion", async () => {
    await replyAuthorizations(bot, WORKLOAD_APP);
    const request = entra.tokenRequests.findLast((r) => r.form['client_id'] === WORKLOAD_APP)!;
    expect(request.form['client_assertion']).toBe(readFileSync(federatedFile, 'utf8'));
  });

  it('names the Graph role nobody granted at start-up', async () => {
    expect(await bot.checkIdentity()).toMatchObject({
      botConnector: null,
      missingRoles: ['Calendars.ReadWrite'],
    });
  });
});

describe('a user-assigned managed identity', () => {
  const bot = useBot(() => settings({ MICROSOFT_APP_ID: MANAGED, MICROSOFT_APP_TYPE: 'UserAssignedMSI' }));

  it("signs replies with a token from the platform's identity endpoint, and calls Graph with it", async () => {
    const authorizations = await replyAuthorizations(bot, MANAGED);
    expect(identityEndpoint.requests).toContainEqual({
      resource: 'https://api.botframework.com',
      clientId: MANAGED,
      apiVersion: '2019-08-01',
    });
    expect(authorizations.every((a) => entra.issued.includes(a!.replace('Bearer ', '')))).toBe(true);
    expect(await bot.checkIdentity()).toEqual({
      kind: 'managed identity',
      botConnector: null,
      graph: null,
      missingRoles: [],
    });
    expect(identityEndpoint.requests.map((r) => r.resource)).toContain('https://graph.microsoft.com');
  });
});

describe('an app registration whose credential is the managed identity (the secret-free default)', () => {
  const bot = useBot(() =>
    settings({ MICROSOFT_APP_ID: TRUSTING_APP, MICROSOFT_APP_MANAGED_IDENTITY_CLIENT_ID: MANAGED }),
  );

  it("signs replies as the app, proving it with the identity's token for the token exchange", async () => {
    await replyAuthorizations(bot, TRUSTING_APP);
    expect(identityEndpoint.requests).toContainEqual({
      resource: 'api://AzureADTokenExchange',
      clientId: MANAGED,
      apiVersion: '2019-08-01',
    });
    const request = entra.tokenRequests.findLast((r) => r.form['client_id'] === TRUSTING_APP)!;
    expect(request.form['client_secret']).toBeUndefined();
    expect(entra.issued).toContain(request.form['client_assertion']);
    expect(await bot.checkIdentity()).toEqual({
      kind: 'managed identity as the app credential',
      botConnector: null,
      graph: null,
      missingRoles: [],
    });
  });
});

describe("the database's Microsoft Entra sign-in (Azure DocumentDB)", () => {
  it("gets the managed identity's token for the database's resource, and the driver signs in with it", async () => {
    const token = databaseToken(loadConfig({ MONGODB_ENTRA_CLIENT_ID: MANAGED }))!;
    const got = await token();
    expect(identityEndpoint.requests).toContainEqual({
      resource: 'https://ossrdbms-aad.database.windows.net',
      clientId: MANAGED,
      apiVersion: '2019-08-01',
    });
    expect(entra.issued).toContain(got.accessToken);
    expect(got.expiresInSeconds).toBeGreaterThan(3_000);
    const options = clientOptions({ entraToken: token });
    expect(options.authMechanism).toBe('MONGODB-OIDC');
    const callback = options.authMechanismProperties!.OIDC_CALLBACK!;
    const answered = await callback({ version: 1, timeoutContext: new AbortController().signal });
    expect(entra.issued).toContain(answered.accessToken);
    // Without it, a password in the URI as before, and no OIDC.
    expect(databaseToken(loadConfig({}))).toBeUndefined();
    expect(clientOptions({}).authMechanism).toBeUndefined();
    expect(() => loadConfig({ MONGODB_ENTRA_CLIENT_ID: 'the bot' })).toThrow(
      /MONGODB_ENTRA_CLIENT_ID: must be a GUID/,
    );
  });
});

describe('an identity that cannot work', () => {
  const identityOf = (over: Record<string, string>) =>
    appIdentity(loadConfig({ ...settings(over), LOG_LEVEL: 'silent' }));
  const checked = async (over: Record<string, string>) => {
    const lines: string[] = [];
    const log = pino(
      { level: 'info' },
      new Writable({ write: (chunk, _, done) => done(void lines.push(String(chunk))) }),
    );
    const report = await checkIdentity(identityOf(over)!, { botConnector: TENANT, graph: null }, [], log);
    return { report, said: lines.map((l) => (JSON.parse(l) as { msg: string }).msg) };
  };

  it('says at start-up when Entra refuses a certificate it does not know', async () => {
    const { report, said } = await checked({
      MICROSOFT_APP_ID: CERT_APP,
      MICROSOFT_APP_CERTIFICATE_PATH: strangerCert.path,
    });
    expect(report.botConnector).toMatch(/AADSTS700027/);
    expect(said).toContainEqual(
      expect.stringMatching(
        /^app identity \(certificate\): no Bot Connector token, so no reply or reminder can be sent: .*AADSTS700027/,
      ),
    );
  });

  it('says at start-up when the app registration does not trust the managed identity', async () => {
    const { report } = await checked({
      MICROSOFT_APP_ID: CERT_APP, // trusts a certificate, not the identity
      MICROSOFT_APP_MANAGED_IDENTITY_CLIENT_ID: MANAGED,
    });
    expect(report.kind).toBe('managed identity as the app credential');
    expect(report.botConnector).toMatch(/AADSTS700027|AADSTS700213/);
  });

  it('says at start-up when the platform has no such managed identity', async () => {
    const { report, said } = await checked({
      MICROSOFT_APP_ID: 'aaaaaaaa-bbbb-4ccc-8ddd-00000000dead',
      MICROSOFT_APP_TYPE: 'UserAssignedMSI',
    });
    expect(report.botConnector).toBeTruthy();
    expect(said).toContainEqual(
      expect.stringMatching(/^app identity \(managed identity\): no Bot Connector token/),
    );
  });

  it.each([
    [
      'a missing file',
      { MICROSOFT_APP_CERTIFICATE_PATH: join(dir, 'nowhere.pem') },
      /cannot be read \(no such file\)/,
    ],
    [
      'a certificate without its key',
      { MICROSOFT_APP_CERTIFICATE_PATH: appCert.certPath },
      /no unencrypted PEM private key/,
    ],
    [
      'a key without its certificate',
      { MICROSOFT_APP_CERTIFICATE_PATH: appCert.keyPath },
      /holds no PEM certificate/,
    ],
    [
      'a key that is not the certificate’s',
      { MICROSOFT_APP_CERTIFICATE_PATH: mixedPem() },
      /not the certificate's key/,
    ],
    [
      'a missing federated token',
      { AZURE_FEDERATED_TOKEN_FILE: join(dir, 'no-token') },
      /AZURE_FEDERATED_TOKEN_FILE .*no such file/,
    ],
  ])('stops start-up on %s, saying which setting and why', (_, over, message) => {
    expect(() => identityOf({ MICROSOFT_APP_ID: CERT_APP, ...over })).toThrow(ConfigError);
    expect(() => identityOf({ MICROSOFT_APP_ID: CERT_APP, ...over })).toThrow(message);
  });

  it('refuses two proofs at once, and a secret beside a managed identity', () => {
    expect(() =>
      identityOf({
        MICROSOFT_APP_ID: CERT_APP,
        MICROSOFT_APP_PASSWORD: 's',
        AZURE_FEDERATED_TOKEN_FILE: federatedFile,
      }),
    ).toThrow(/set only one of MICROSOFT_APP_PASSWORD, AZURE_FEDERATED_TOKEN_FILE/);
    expect(() =>
      identityOf({
        MICROSOFT_APP_ID: MANAGED,
        MICROSOFT_APP_TYPE: 'UserAssignedMSI',
        MICROSOFT_APP_PASSWORD: 's',
      }),
    ).toThrow(/MICROSOFT_APP_PASSWORD: is not used with MICROSOFT_APP_TYPE=UserAssignedMSI/);
  });
});

/** The app certificate with the stranger's key. */
function mixedPem(): string {
  const path = join(dir, 'mixed.pem');
  writeFileSync(path, readFileSync(strangerCert.keyPath, 'utf8') + readFileSync(appCert.certPath, 'utf8'));
  return path;
}
