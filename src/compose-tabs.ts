// The tabs' identity settings, from the configuration: whose tokens are accepted and who local mode acts as.
import { DEMO_PEOPLE } from './app/demo-data.js';
import type { Config } from './config.js';
import type { TabIdentitySettings } from './http/tab-identity.js';

export function tabIdentitySettings(config: Config): TabIdentitySettings {
  const appId = config.MICROSOFT_APP_ID;
  const host = config.PUBLIC_BASE_URL ? new URL(config.PUBLIC_BASE_URL).host : undefined;
  // A single-tenant app takes its own tenant's people only, as Entra itself would.
  const tenants = config.ALLOWED_TENANT_IDS.length
    ? config.ALLOWED_TENANT_IDS
    : config.MICROSOFT_APP_TYPE === 'SingleTenant' && config.MICROSOFT_APP_TENANT_ID
      ? [config.MICROSOFT_APP_TENANT_ID.toLowerCase()]
      : [];
  const demo = DEMO_PEOPLE[0]!; // the demo's coordinator, as in Agents Playground
  return {
    appId,
    authorityHost: config.ENTRA_AUTHORITY_HOST,
    applicationIdUri: appId && host ? `api://${host}/${appId}` : undefined,
    allowedTenants: tenants,
    localUser: { kind: 'user', id: demo.aadObjectId, name: demo.displayName },
  };
}
