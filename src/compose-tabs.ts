// The tabs' settings, from the configuration: whose tokens are accepted, who local mode acts as, who may
// frame the pages, and the help tab's topics (the command registry's, as the help card lists them).
import { DEMO_PEOPLE } from './app/demo-data.js';
import { COMMANDS } from './bot/commands/registry.js';
import type { Config } from './config.js';
import type { TabPageSettings } from './http/tab-pages.js';
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

export function tabPageSettings(config: Config): TabPageSettings {
  return {
    localMode: !config.MICROSOFT_APP_ID,
    hostOrigins: config.TAB_HOST_ORIGINS,
    help: COMMANDS.map((c) => ({ usage: c.usage, description: c.description })),
  };
}
