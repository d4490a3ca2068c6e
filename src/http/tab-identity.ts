// Who is asking, for the tabs: the Entra token Teams single sign-on gave the page (`authentication.
// getAuthToken`), checked before any data leaves the server: its signature against Entra's published keys,
// that it has not expired, that it is for this app (its Application ID URI or its app id) and that it was
// issued by an allowed tenant's Entra. In local mode (no app id) there is no Entra: the tab answers only on
// this machine, as the demo coordinator, and says so.
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import type { Actor } from '../domain/entity.js';

export interface TabIdentitySettings {
  /** The app's id; none in local mode. */
  readonly appId: string | undefined;
  /** Entra's sign-in host (its keys are at <host>/common/discovery/v2.0/keys). */
  readonly authorityHost: string;
  /** The tab's Application ID URI, api://<public host>/<app id>, when there is a public host. */
  readonly applicationIdUri: string | undefined;
  /** Tenants whose people may use the tabs; empty: any (as for the bot). */
  readonly allowedTenants: readonly string[];
  /** Who the tab acts as in local mode. */
  readonly localUser: Actor;
}

export type TabCaller =
  | { readonly ok: true; readonly actor: Actor; readonly localMode: boolean }
  /** `reason` is for the log; the caller gets the status (401, or 503 when Entra's keys cannot be read). */
  | { readonly ok: false; readonly status: 401 | 503; readonly reason: string };

export function tabIdentity(settings: TabIdentitySettings) {
  const host = settings.authorityHost.replace(/\/+$/, '');
  const keys = createRemoteJWKSet(new URL(`${host}/common/discovery/v2.0/keys`));
  const audiences = [settings.applicationIdUri, settings.appId].filter((a): a is string => !!a);

  return async function callerOf(authorization: string | undefined, loopback: boolean): Promise<TabCaller> {
    const { appId } = settings;
    if (!appId)
      return loopback
        ? { ok: true, actor: settings.localUser, localMode: true }
        : { ok: false, status: 401, reason: 'local mode answers this machine only' };
    const token = /^Bearer ([A-Za-z0-9._-]+)$/.exec(authorization ?? '')?.[1];
    if (!token) return refused('no bearer token');
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(token, keys, {
        audience: audiences,
        algorithms: ['RS256'],
        // Entra always sets it; a token without an expiry would be good for ever.
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      // jose's own errors are about the token; anything else (a failed fetch) is about reaching Entra.
      const unavailable = error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError);
      return unavailable
        ? { ok: false, status: 503, reason: `signing keys unavailable: ${String(error)}` }
        : refused(refusal(error));
    }
    const tenant = typeof claims['tid'] === 'string' ? claims['tid'].toLowerCase() : '';
    // v2.0 tokens name the tenant's v2.0 authority; v1.0 tokens (Teams' default) the STS.
    const issuers = [`${host}/${tenant}/v2.0`, `https://sts.windows.net/${tenant}/`];
    if (!tenant || !issuers.includes(String(claims.iss))) return refused('issuer');
    if (settings.allowedTenants.length && !settings.allowedTenants.includes(tenant))
      return refused('tenant not allowed');
    const id = typeof claims['oid'] === 'string' ? claims['oid'] : '';
    if (!id) return refused('no object id');
    const name = typeof claims['name'] === 'string' ? claims['name'] : 'Unknown user';
    return { ok: true, actor: { kind: 'user', id, name }, localMode: false };
  };
}

const refused = (reason: string): TabCaller => ({ ok: false, status: 401, reason });

function refusal(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `claim ${error.claim}`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'signature';
  if (error instanceof errors.JWKSNoMatchingKey) return 'unknown signing key';
  if (error instanceof errors.JOSEError) return error.code;
  return 'unreadable token';
}
