// The app's own identity: one way of proving itself to Microsoft Entra, used for both audiences it needs
// tokens for (the Bot Connector, for replies; Microsoft Graph). Which way is chosen by configuration
// (config.ts, APP_PROOFS) and named at start-up; a file that cannot work stops start-up with its reason.
import { readFileSync } from 'node:fs';
import {
  ClientAssertionCredential,
  ClientCertificateCredential,
  ClientSecretCredential,
  ManagedIdentityCredential,
  WorkloadIdentityCredential,
  type TokenCredential,
} from '@azure/identity';
import { ConfigError, PUBLIC_AUTHORITY_HOST, type Config } from '../config.js';
import { certificateProblem } from './certificate-file.js';

type IdentityKind =
  | 'client secret'
  | 'certificate'
  | 'managed identity'
  | 'workload identity'
  | 'managed identity as the app credential';

/** The audience of the managed identity's token that Entra accepts as an app's client assertion. */
const TOKEN_EXCHANGE_SCOPE = 'api://AzureADTokenExchange/.default';

export interface AppIdentity {
  kind: IdentityKind;
  appId: string;
  /** A credential for tokens issued by `tenant` (a managed identity has its own and ignores it). */
  credential(tenant: string): TokenCredential;
}

type AppConfig = Config & { MICROSOFT_APP_ID: string };

/** The identity `config` describes, or null in local mode (no app id). Throws ConfigError on a bad file. */
export function appIdentity(config: Config): AppIdentity | null {
  if (!config.MICROSOFT_APP_ID) return null;
  const app = config as AppConfig;
  const options = {
    authorityHost: config.ENTRA_AUTHORITY_HOST,
    // Instance discovery asks Microsoft's public cloud whether the authority is genuine.
    disableInstanceDiscovery: new URL(config.ENTRA_AUTHORITY_HOST).origin !== PUBLIC_AUTHORITY_HOST,
  };
  const appId = app.MICROSOFT_APP_ID;
  if (config.MICROSOFT_APP_TYPE === 'UserAssignedMSI') {
    const credential = new ManagedIdentityCredential({ clientId: appId });
    return { kind: 'managed identity', appId, credential: () => credential };
  }
  const perTenant = (make: (tenant: string) => TokenCredential) => {
    const made = new Map<string, TokenCredential>();
    return (tenant: string) => made.get(tenant) ?? made.set(tenant, make(tenant)).get(tenant)!;
  };
  if (config.MICROSOFT_APP_CERTIFICATE_PATH) {
    const path = config.MICROSOFT_APP_CERTIFICATE_PATH;
    const problem = certificateProblem(readable(path, 'MICROSOFT_APP_CERTIFICATE_PATH'));
    if (problem) throw new ConfigError(`MICROSOFT_APP_CERTIFICATE_PATH (${path}): ${problem}`);
    return {
      kind: 'certificate',
      appId,
      credential: perTenant(
        (tenant) => new ClientCertificateCredential(tenant, appId, { certificatePath: path }, options),
      ),
    };
  }
  if (config.MICROSOFT_APP_MANAGED_IDENTITY_CLIENT_ID) {
    // The app registration trusts the managed identity (a federated identity credential): the identity's
    // token for the token exchange is the app's assertion. No secret, and the app keeps its scope and RSC.
    const managed = new ManagedIdentityCredential({
      clientId: config.MICROSOFT_APP_MANAGED_IDENTITY_CLIENT_ID,
    });
    const assertion = async () => (await managed.getToken(TOKEN_EXCHANGE_SCOPE)).token;
    return {
      kind: 'managed identity as the app credential',
      appId,
      credential: perTenant((tenant) => new ClientAssertionCredential(tenant, appId, assertion, options)),
    };
  }
  if (config.AZURE_FEDERATED_TOKEN_FILE) {
    const tokenFilePath = config.AZURE_FEDERATED_TOKEN_FILE;
    if (!readable(tokenFilePath, 'AZURE_FEDERATED_TOKEN_FILE').trim())
      throw new ConfigError(`AZURE_FEDERATED_TOKEN_FILE (${tokenFilePath}): the file is empty`);
    return {
      kind: 'workload identity',
      appId,
      credential: perTenant(
        (tenantId) =>
          new WorkloadIdentityCredential({ tenantId, clientId: appId, tokenFilePath, ...options }),
      ),
    };
  }
  const secret = app.MICROSOFT_APP_PASSWORD!;
  return {
    kind: 'client secret',
    appId,
    credential: perTenant((tenant) => new ClientSecretCredential(tenant, appId, secret, options)),
  };
}

/** The tenant that issues the app's Bot Connector tokens: a multi-tenant bot's come from the Bot Framework's. */
export function botConnectorTenant(config: Config): string {
  return config.MICROSOFT_APP_TYPE === 'MultiTenant' ? 'botframework.com' : config.MICROSOFT_APP_TENANT_ID!;
}

function readable(path: string, key: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(
      `${key} (${path}): cannot be read (${code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable')})`,
    );
  }
}
