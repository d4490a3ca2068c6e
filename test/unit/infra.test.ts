// infra/ (Bicep) and the bot's configuration schema agree: the template sets every setting production needs,
// and nothing the bot does not read; the sweep always has a running instance; the parameters file fits.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS, PRODUCTION_SETTINGS } from '../../src/config.js';
import { SHUTDOWN_BUDGET_MS } from '../../src/shutdown.js';

const main = readFileSync('infra/main.bicep', 'utf8');
const host = readFileSync('infra/host.bicep', 'utf8');
const monitoring = readFileSync('infra/monitoring.bicep', 'utf8');
const INFRA = [
  'main',
  'host',
  'network',
  'mongo',
  'monitoring',
  'registry-pull',
  'app-registration',
  'app-sign-in',
].map((f) => ({
  file: f,
  text: readFileSync(`infra/${f}.bicep`, 'utf8'),
}));
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
/** The bot's settings the host works out itself: its own address. */
const SET_BY_HOST = ['PUBLIC_BASE_URL'];

describe('infra/ against the configuration schema', () => {
  const plain = settingsIn('plainSettings');
  const secret = settingsIn('secretSettings');

  it('sets every setting production requires', () => {
    for (const key of PRODUCTION_SETTINGS) expect([...plain, ...secret], key).toContain(key);
    // The app registration's secret, when there is one, comes from Key Vault.
    expect(secret).toContain('MICROSOFT_APP_PASSWORD');
    expect(main).toContain(
      "botIdentity == 'SingleTenant' ? [{ name: 'MICROSOFT_APP_PASSWORD', secret: 'microsoft-app-password' }] : []",
    );
  });

  it('sets nothing the bot does not read, and no secret as a plain value', () => {
    for (const key of [...plain, ...secret]) expect(CONFIG_KEYS as string[], key).toContain(key);
    for (const key of ['MONGODB_URI', 'MICROSOFT_APP_PASSWORD']) expect(plain).not.toContain(key);
    const hostOwn = [...host.matchAll(/\{ name: '([A-Z0-9_]+)'/g)].map((m) => m[1]!);
    for (const key of hostOwn) expect([...PLATFORM, ...SET_BY_HOST], key).toContain(key);
    for (const key of SET_BY_HOST) expect(CONFIG_KEYS as string[], key).toContain(key);
    // Both hosts set the bot's address: App Service's settings and the container's environment.
    expect(host.match(/name: 'PUBLIC_BASE_URL'/g)).toHaveLength(2);
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

/**
 * Built-in role ids, as Azure's reference lists them (learn.microsoft.com/azure/role-based-access-control/
 * built-in-roles): a typo would assign nothing, and the deployment would fail only at run time.
 */
const BUILT_IN_ROLES: Record<string, string> = {
  '4633458b-17de-408a-b874-0445c86b69e6': 'Key Vault Secrets User',
  '7f951dda-4ed3-4680-a7ca-43fe172d538d': 'AcrPull',
};

/**
 * Each resource type's API version, as the Azure template reference (learn.microsoft.com/azure/templates)
 * lists it; the Container Apps and App Service versions are also those of the Azure SDK for JavaScript's
 * management packages (@azure/arm-appcontainers 2.1.0 is 2024-03-01, with terminationGracePeriodSeconds).
 */
const API_VERSIONS: Record<string, string[]> = {
  'Microsoft.ManagedIdentity/userAssignedIdentities': ['2023-01-31'],
  'Microsoft.OperationalInsights/workspaces': ['2023-09-01'],
  'Microsoft.Insights/components': ['2020-02-02'],
  'Microsoft.KeyVault/vaults': ['2023-07-01'],
  'Microsoft.KeyVault/vaults/secrets': ['2023-07-01'],
  'Microsoft.Authorization/roleAssignments': ['2022-04-01'],
  'Microsoft.BotService/botServices': ['2022-09-15'],
  'Microsoft.BotService/botServices/channels': ['2022-09-15'],
  'Microsoft.Web/serverfarms': ['2023-12-01'],
  'Microsoft.Web/sites': ['2023-12-01'],
  'Microsoft.App/managedEnvironments': ['2024-03-01'],
  'Microsoft.App/containerApps': ['2024-03-01'],
  'Microsoft.DocumentDB/mongoClusters': ['2025-09-01'],
  'Microsoft.DocumentDB/mongoClusters/users': ['2025-09-01'],
  // @azure/arm-network 34.1.0 is 2024-10-01; @azure/arm-privatedns 4.0.0 is 2024-06-01.
  'Microsoft.Network/virtualNetworks': ['2024-10-01'],
  'Microsoft.Network/privateEndpoints': ['2024-10-01'],
  'Microsoft.Network/privateEndpoints/privateDnsZoneGroups': ['2024-10-01'],
  'Microsoft.Network/privateDnsZones': ['2024-06-01'],
  'Microsoft.Network/privateDnsZones/virtualNetworkLinks': ['2024-06-01'],
  'Microsoft.ContainerRegistry/registries': ['2023-07-01'],
  'Microsoft.Insights/diagnosticSettings': ['2021-05-01-preview'],
  'Microsoft.Insights/actionGroups': ['2023-01-01'],
  'Microsoft.Insights/scheduledQueryRules': ['2023-12-01'],
  // The Microsoft Graph Bicep extension's types (learn.microsoft.com/graph/templates/reference).
  'Microsoft.Graph/applications': ['v1.0'],
  'Microsoft.Graph/servicePrincipals': ['v1.0'],
  federatedIdentityCredentials: ['v1.0'],
};

/** Microsoft Graph's application permissions by their published app role ids (the permissions reference). */
const GRAPH_ROLES: Record<string, string> = {
  'ef54d2bf-783f-4e0f-bca1-3210c0444d99': 'Calendars.ReadWrite',
  '908de74d-f8b2-4d6b-a9ed-2a17b3b78179': 'TeamsAppInstallation.ReadWriteSelfForUser.All',
  'a267235f-af13-44dc-8385-c1dc93023186': 'TeamsActivity.Send',
};

describe('infra/ against Azure and the bot', () => {
  it('names only real built-in roles, each with the least it needs', () => {
    const used = INFRA.flatMap(({ text }) => [...text.matchAll(/roleDefinitions', '([0-9a-f-]{36})'/g)]);
    expect(used.length).toBeGreaterThan(1);
    for (const [, id] of used) expect(Object.keys(BUILT_IN_ROLES), id).toContain(id);
  });

  it('uses an API version the reference lists for every resource type', () => {
    const types = INFRA.flatMap(({ file, text }) =>
      [...text.matchAll(/^(?:resource| {2}resource) \w+ '([\w./]+)@([\w-]+)'/gm)].map((m) => ({
        file,
        type: m[1]!,
        version: m[2]!,
      })),
    );
    expect(types.length).toBeGreaterThan(15);
    for (const t of types)
      expect(API_VERSIONS[t.type] ?? [], `${t.file}: ${t.type}@${t.version}`).toContain(t.version);
  });

  it("pulls a private image with the bot's identity on both hosts, given AcrPull on the registry", () => {
    expect(host).toContain('acrUseManagedIdentityCreds: pullWithIdentity');
    expect(host).toContain('acrUserManagedIdentityID: pullWithIdentity ? identityClientId : null');
    expect(host).toContain(
      'registries: pullWithIdentity ? [{ server: registryServer, identity: identityId }] : []',
    );
    expect(main).toMatch(/module registryPull 'registry-pull\.bicep' = if \(!empty\(registryName\)\)/);
    expect(main).toMatch(/dependsOn: \[[^\]]*registryPull[^\]]*\]/); // the role is there before the first pull
  });

  it("keeps the bot's data in the EU by default, and gives the platform longer than the bot takes to stop", () => {
    expect(main).toMatch(/param botRegion string = 'westeurope'/);
    expect(main.match(/location: botRegion/g)).toHaveLength(2); // the bot and its Teams channel
    const grace = Number(/terminationGracePeriodSeconds: (\d+)/.exec(host)?.[1]);
    expect(grace * 1_000).toBeGreaterThan(SHUTDOWN_BUDGET_MS + 5_000);
  });

  it("keeps all replicas together under Teams' 50 sends a second per tenant", () => {
    const budget = Number(/var tenantRpsEach = max\(1, (\d+) \/ instances\)/.exec(main)?.[1]);
    expect(budget).toBeLessThan(50);
    expect(main).toContain("var instances = hosting == 'appService' ? 1 : maxReplicas");
    expect(host).toContain('maxReplicas: maxReplicas');
    const most = Number(/@maxValue\((\d+)\)\nparam maxReplicas/.exec(main)?.[1]);
    for (let n = 1; n <= most; n++) expect(Math.max(1, Math.floor(budget / n)) * n).toBeLessThanOrEqual(50);
    expect(settingsIn('plainSettings')).toContain('TEAMS_TENANT_RPS');
  });

  it("alerts on the bot's own metrics and spans, by the names its telemetry gives them", () => {
    const instruments = readFileSync('src/telemetry/instruments.ts', 'utf8');
    const server = readFileSync('src/http/server.ts', 'utf8');
    const metrics = [...monitoring.matchAll(/AppMetrics \| where Name == "([\w.]+)"/g)].map((m) => m[1]!);
    expect(metrics).toEqual(['safer_towns.sweep.duration', 'safer_towns.reminders']);
    for (const name of metrics) expect(instruments).toContain(`'${name}'`);
    // The reminders alert counts this outcome, which the sweeper records.
    expect(readFileSync('src/scheduler/reminder-sweep.ts', 'utf8')).toContain("{ outcome: 'failed' }");
    const spans = [...monitoring.matchAll(/AppRequests \| where Name == "([\w.]+)"/g)].map((m) => m[1]!);
    expect(spans).toEqual(['bot.turn']);
    expect(server).toMatch(/'bot\.turn',[\s\S]{0,400}SpanKind\.SERVER/); // a request, to Application Insights
    // No sweep in two intervals: the window follows the interval the bot is given.
    expect(settingsIn('plainSettings')).toContain('REMINDER_SWEEP_SECONDS');
    expect(main).toContain('sweepSeconds: sweepSeconds');
    expect(monitoring).toContain('var sweepWindowMinutes = max(15, (2 * sweepSeconds) / 60)');
  });

  it("ships the host's logs and Key Vault's audit to Log Analytics", () => {
    for (const category of ['AppServiceConsoleLogs', 'AppServiceHTTPLogs', 'AuditEvent'])
      expect(monitoring).toContain(`category: '${category}'`);
    expect(host).toContain("destination: 'log-analytics'"); // Container Apps' console logs
  });

  it('makes the app registration by default, its credential the managed identity: no secret, every feature', () => {
    const registration = readFileSync('infra/app-registration.bicep', 'utf8');
    const signIn = readFileSync('infra/app-sign-in.bicep', 'utf8');
    expect(main).toMatch(/param botIdentity string = 'AppWithManagedIdentity'/);
    expect(main).toContain(
      "{ name: 'MICROSOFT_APP_MANAGED_IDENTITY_CLIENT_ID', value: federated ? identity.properties.clientId : '' }",
    );
    expect(settingsIn('plainSettings').filter((k) => !(CONFIG_KEYS as string[]).includes(k))).toEqual([]);
    // The federated identity credential Entra matches the managed identity's token against.
    expect(registration).toContain("audiences: ['api://AzureADTokenExchange']");
    expect(registration).toContain(
      "issuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'",
    );
    expect(registration).toContain('subject: identityPrincipalId');
    expect(main).toContain('params: { name: name, identityPrincipalId: identity.properties.principalId }');
    // It asks for the Graph permissions the code uses, by their real ids.
    const asked = [...registration.matchAll(/'([0-9a-f-]{36})'/g)]
      .map((m) => m[1]!)
      .filter((id) => id !== '00000003-0000-0000-c000-000000000000');
    expect(asked.map((id) => GRAPH_ROLES[id])).toEqual([
      'Calendars.ReadWrite',
      'TeamsAppInstallation.ReadWriteSelfForUser.All',
      'TeamsActivity.Send',
    ]);
    for (const permission of Object.values(GRAPH_ROLES))
      expect(
        readFileSync('src/compose-identity.ts', 'utf8') +
          readFileSync('src/graph/activity-feed.ts', 'utf8') +
          readFileSync('src/graph/calendar.ts', 'utf8'),
      ).toContain(permission);
    // The tabs' SSO: the Application ID URI the tab checks tokens against (src/compose-tabs.ts) and the package names.
    expect(signIn).toContain("identifierUris: ['api://${hostName}/${appId}']");
    expect(readFileSync('src/compose-tabs.ts', 'utf8')).toContain('`api://${host}/${appId}`');
    expect(readFileSync('manifest/manifest.json', 'utf8')).toContain(
      '"resource": "api://${{PUBLIC_HOST}}/${{MICROSOFT_APP_ID}}"',
    );
    expect(signIn).toContain("value: 'access_as_user'");
  });

  it('signs the bot in to DocumentDB as its managed identity, with no password anywhere', () => {
    const mongo = readFileSync('infra/mongo.bicep', 'utf8');
    expect(mongo).toContain("authConfig: { allowedModes: ['MicrosoftEntraID'] }");
    expect(mongo).not.toMatch(/(administrator|password)\s*:/i); // no native login is made
    expect(mongo).toContain('name: identityPrincipalId');
    expect(mongo).toContain(
      "identityProvider: { type: 'MicrosoftEntraID', properties: { principalType: 'ServicePrincipal' } }",
    );
    const uri = /output connectionString string = '([^']+)'/.exec(mongo)?.[1] ?? '';
    expect(uri).toMatch(/^mongodb\+srv:\/\/[^@]+$/); // no user:password@
    expect(main).toContain(
      "{ name: 'MONGODB_ENTRA_CLIENT_ID', value: database == 'documentdb' ? identity.properties.clientId : '' }",
    );
    expect(main).not.toMatch(/documentDbPassword/);
  });

  it('lets only the bot reach the database: a private endpoint in its network, no public access', () => {
    const mongo = readFileSync('infra/mongo.bicep', 'utf8');
    const network = readFileSync('infra/network.bicep', 'utf8');
    expect(mongo).toContain("publicNetworkAccess: 'Disabled'");
    expect(mongo).not.toContain('firewallRules');
    expect(mongo).not.toContain('0.0.0.0');
    expect(mongo).toContain("groupIds: ['MongoCluster']");
    expect(mongo).toContain('privateDnsZoneId: privateDnsZoneId');
    // The zone DocumentDB's private link names, linked to the network the host sends from.
    expect(network).toContain("name: 'privatelink.mongocluster.cosmos.azure.com'");
    expect(network).toContain('virtualNetwork: { id: vnet.id }');
    // Both hosts send from the app subnet, delegated as each requires.
    expect(host).toContain('virtualNetworkSubnetId: appSubnetId');
    expect(host).toContain('vnetRouteAllEnabled: true');
    expect(host).toContain('vnetConfiguration: { infrastructureSubnetId: appSubnetId, internal: false }');
    expect(network).toContain(
      "var appDelegation = hosting == 'appService' ? 'Microsoft.Web/serverFarms' : 'Microsoft.App/environments'",
    );
    expect(main).toContain('appSubnetId: network.outputs.appSubnetId');
    expect(main).toContain('privateEndpointSubnetId: network.outputs.privateEndpointSubnetId');
  });
});
