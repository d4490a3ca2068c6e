// At start-up, the app's identity is tried for real: a token for the Bot Connector and, when Graph is on, one
// for Graph, whose application roles are read for the ones the bot's features need. A bad key, an
// unreachable identity endpoint or a missing role is one clear log line now, not a silent loss later.
import type { Logger } from 'pino';
import { GRAPH_SCOPE } from '../config.js';
import type { AppIdentity } from './app-identity.js';

const BOT_CONNECTOR_SCOPE = 'https://api.botframework.com/.default';

export interface NeededRole {
  role: string;
  /** What fails without it, in words. */
  feature: string;
}

export interface IdentityReport {
  kind: AppIdentity['kind'];
  /** null when the token came; else why not. */
  botConnector: string | null;
  /** 'off' when Graph is not in use; null when the token came; else why not. */
  graph: string | null;
  missingRoles: string[];
}

export async function checkIdentity(
  identity: AppIdentity,
  tenants: { botConnector: string; graph: string | null },
  neededRoles: NeededRole[],
  log: Logger,
): Promise<IdentityReport> {
  const kind = identity.kind;
  log.info({ identity: kind, appId: identity.appId }, `app identity: ${kind}`);
  const bot = await tokenFor(identity, tenants.botConnector, BOT_CONNECTOR_SCOPE);
  if (typeof bot === 'string')
    log.error(`app identity (${kind}): no Bot Connector token, so no reply or reminder can be sent: ${bot}`);
  if (tenants.graph === null) return { kind, botConnector: errorOf(bot), graph: 'off', missingRoles: [] };
  const graph = await tokenFor(identity, tenants.graph, GRAPH_SCOPE);
  if (typeof graph === 'string') {
    log.error(
      `app identity (${kind}): no Microsoft Graph token, so meetings and app installs fail: ${graph}`,
    );
    return { kind, botConnector: errorOf(bot), graph, missingRoles: [] };
  }
  const granted = rolesIn(graph.token);
  const missing = granted ? neededRoles.filter((n) => !granted.includes(n.role)) : [];
  for (const { role, feature } of missing)
    log.warn(
      `app identity (${kind}): the Graph token has no ${role} application role, so ${feature}: grant it to the app (docs/GRAPH.md)`,
    );
  if (typeof bot !== 'string' && missing.length === 0)
    log.info({ identity: kind }, 'app identity: Bot Connector and Microsoft Graph tokens issued');
  return { kind, botConnector: errorOf(bot), graph: null, missingRoles: missing.map((m) => m.role) };
}

async function tokenFor(
  identity: AppIdentity,
  tenant: string,
  scope: string,
): Promise<{ token: string } | string> {
  try {
    const token = await identity.credential(tenant).getToken(scope);
    return token ? { token: token.token } : 'no token was issued';
  } catch (error) {
    // The first line says what went wrong (an AADSTS code, an unreachable endpoint); the rest is a trace.
    return String((error as Error).message ?? error).split('\n')[0]!;
  }
}

const errorOf = (result: { token: string } | string) => (typeof result === 'string' ? result : null);

/** The `roles` claim of a JWT access token, or null when the token is not one the bot can read. */
function rolesIn(token: string): string[] | null {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      roles?: unknown;
    };
    return Array.isArray(claims.roles) ? claims.roles.filter((r) => typeof r === 'string') : [];
  } catch {
    return null;
  }
}
