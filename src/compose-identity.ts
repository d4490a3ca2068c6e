// Part of the composition root: the app's identity (src/identity) wired to the two adapters that need its
// tokens, the Bot Connector's credentials and the Graph client, and the start-up check of both.
import type { TokenCredential } from '@azure/identity';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { createGraphClient, type TokenProvider } from './graph/client.js';
import { graphTokens } from './graph/token-provider.js';
import { appIdentity, botConnectorTenant } from './identity/app-identity.js';
import { checkIdentity, type IdentityReport, type NeededRole } from './identity/identity-check.js';

export interface IdentityParts {
  /** Signs replies to the Bot Connector; null in local mode. */
  botCredential: TokenCredential | null;
  graph: Client | null;
  /** Tries the identity for real and logs what works; null in local mode. */
  check: () => Promise<IdentityReport | null>;
}

/** `graphOverride`: a test's own Graph tokens, used instead of the identity's. */
export function identityParts(config: Config, log: Logger, graphOverride?: TokenProvider): IdentityParts {
  const identity = appIdentity(config);
  // A managed identity has one tenant of its own; an app registration calls its home tenant's Graph.
  const graphTenant =
    config.MICROSOFT_APP_TYPE === 'UserAssignedMSI' ? 'managed' : (config.MICROSOFT_APP_TENANT_ID ?? null);
  const tokens =
    graphOverride ??
    (identity && graphTenant ? graphTokens(identity.credential(graphTenant)) : localStandIn(config, log));
  const graph = tokens ? createGraphClient({ baseUrl: config.GRAPH_BASE_URL, tokens }) : null;
  const graphOff = graphMissing(config, Boolean(graph));
  if (graphOff) log.warn(graphOff);
  return {
    botCredential: identity?.credential(botConnectorTenant(config)) ?? null,
    graph,
    check: async () =>
      identity &&
      checkIdentity(
        identity,
        { botConnector: botConnectorTenant(config), graph: graph && !graphOverride ? graphTenant : null },
        neededRoles(config),
        log,
      ),
  };
}

/**
 * Local mode with Graph on this machine (`npm run dev` starts a stand-in): a token that means nothing, so
 * meetings can be booked, moved and cancelled with no tenant. Never for a deployment (config refuses http).
 */
function localStandIn(config: Config, log: Logger): TokenProvider | null {
  if (config.MICROSOFT_APP_ID || !config.GRAPH_BASE_URL.startsWith('http://')) return null;
  log.info({ graph: config.GRAPH_BASE_URL }, 'local mode: meetings are booked against a Graph stand-in');
  return { getAccessToken: () => Promise.resolve('local-stand-in') };
}

/** The Graph application roles the configured features call for (docs/GRAPH.md). */
function neededRoles(config: Config): NeededRole[] {
  const roles = [{ role: 'Calendars.ReadWrite', feature: 'meetings cannot be booked, moved or cancelled' }];
  if (config.TEAMS_APP_CATALOG_ID)
    roles.push({
      role: 'TeamsAppInstallation.ReadWriteSelfForUser.All',
      feature: 'the app cannot be installed for owners the bot has never talked to',
    });
  return roles;
}

/** Said once at start-up when Graph is off for a deployment with an identity: no feature goes quietly. */
function graphMissing(config: Config, hasGraph: boolean): string | null {
  if (!config.MICROSOFT_APP_ID) return null; // local mode: no Graph, as expected
  if (!hasGraph)
    return 'Microsoft Graph is off: set MICROSOFT_APP_TENANT_ID (the tenant whose Graph the bot calls), so meetings, activity feed notifications and installing the app for owners are unavailable';
  if (!config.TEAMS_APP_CATALOG_ID)
    return 'TEAMS_APP_CATALOG_ID is not set: no activity feed notifications, and owners the bot has never talked to are mentioned in the channel instead of having the app installed';
  return null;
}
