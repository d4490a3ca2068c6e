// A stand-in for the two identity services a bot with an app id talks to, over HTTPS (the test run's
// certificate, trusted through NODE_EXTRA_CA_CERTS):
// - the Bot Framework's OpenID metadata and signing keys, which the SDK reads to check the token on every
//   incoming activity (`/botframework/v1/.well-known/openidconfiguration`, `/botframework/keys`; keys carry
//   `endorsements`, the channels each key may sign for, as the real key set does);
// - an Entra tenant's token endpoint, where the bot gets the token it sends with its replies (client
//   credentials grant: `/{tenant}/v2.0/.well-known/openid-configuration`, `/{tenant}/oauth2/v2.0/token`),
//   proved by a secret, by an assertion signed with a registered certificate (client-assertion.ts), or by a
//   federated token it was told to trust; tokens for Graph carry the app's granted `roles`.
// It signs tokens with a key made for the run, and can sign with a key it does not publish.
import type { Server } from 'node:https';
import { createSign, generateKeyPairSync, randomUUID, X509Certificate, type KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bodyOf, closeServer, listenHttps, type Tls } from './https-stand-in.js';
import { assertionProblem } from './client-assertion.js';

/** What a real Bot Framework channel token holds (docs: "Authenticate requests from the Bot Connector"). */
const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export interface TokenRequest {
  tenant: string;
  form: Record<string, string>;
}

function makeKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid: randomUUID(), privateKey, publicKey };
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** An RS256 JSON Web Token. */
function signJwt(payload: Record<string, unknown>, key: SigningKey): string {
  const head = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: key.kid }));
  const body = b64url(JSON.stringify(payload));
  const signature = createSign('RSA-SHA256').update(`${head}.${body}`).sign(key.privateKey);
  return `${head}.${body}.${b64url(signature)}`;
}

/** The claims, valid for an hour from a minute ago, with `over` applied (undefined removes one), signed. */
function timedToken(claims: Record<string, unknown>, over: Record<string, unknown>, key: SigningKey): string {
  const now = Math.floor(Date.now() / 1000);
  const all: Record<string, unknown> = { ...claims, nbf: now - 60, iat: now - 60, exp: now + 3600, ...over };
  for (const [k, v] of Object.entries(all)) if (v === undefined) delete all[k];
  return signJwt(all, key);
}

export class FakeEntra {
  /** The key the metadata publishes. */
  readonly key = makeKey();
  /** A key nobody published: tokens signed with it must be refused. */
  readonly strangerKey = makeKey();
  readonly tokenRequests: TokenRequest[] = [];
  /** Access tokens issued to the bot, newest last. */
  readonly issued: string[] = [];
  /** Each app's registered certificate, federated token and granted Graph application roles. */
  readonly certificates = new Map<string, X509Certificate>();
  readonly federatedTokens = new Map<string, string>();
  /** Apps whose federated identity credential trusts a managed identity (by its client id). */
  readonly trustedManagedIdentities = new Map<string, string>();
  readonly graphRoles = new Map<string, string[]>();
  private server: Server | undefined;

  constructor(private readonly tls: Tls) {}

  get base(): string {
    return `https://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  get openIdMetadataUrl(): string {
    return `${this.base}/botframework/v1/.well-known/openidconfiguration`;
  }

  /** The login URL (authority) for a tenant, as `BOT_LOGIN_URL` takes it. */
  loginUrl(tenant: string): string {
    return `${this.base}/${tenant}`;
  }

  /** A channel token as the Bot Connector would send it; `over` changes or removes (undefined) claims. */
  channelToken(
    appId: string,
    serviceUrl: string,
    over: Record<string, unknown> = {},
    key: SigningKey = this.key,
  ): string {
    return timedToken({ iss: BOT_FRAMEWORK_ISSUER, aud: appId, serviceurl: serviceUrl }, over, key);
  }

  /**
   * A person's token from Teams single sign-on (a v2.0 access token for the tab's API): `over` changes or
   * removes (undefined) claims.
   */
  userToken(
    tenant: string,
    audience: string,
    person: { aadObjectId: string; name: string },
    over: Record<string, unknown> = {},
    key: SigningKey = this.key,
  ): string {
    const claims = {
      iss: `${this.base}/${tenant}/v2.0`,
      aud: audience,
      tid: tenant,
      oid: person.aadObjectId,
      name: person.name,
      scp: 'access_as_user',
      ver: '2.0',
    };
    return timedToken(claims, over, key);
  }

  async start(): Promise<void> {
    this.server = await listenHttps(this.tls, (req, res) => this.handle(req, res));
  }

  stop(): Promise<void> {
    return closeServer(this.server);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await bodyOf(req);
    const path = new URL(req.url ?? '/', this.base).pathname;
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && path === '/botframework/v1/.well-known/openidconfiguration')
      return send(200, {
        issuer: BOT_FRAMEWORK_ISSUER,
        authorization_endpoint: `${this.base}/botframework/authorize`,
        jwks_uri: `${this.base}/botframework/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
      });
    if (req.method === 'GET' && path === '/botframework/keys') {
      const jwk = this.key.publicKey.export({ format: 'jwk' });
      return send(200, {
        keys: [{ kty: 'RSA', use: 'sig', kid: this.key.kid, n: jwk.n, e: jwk.e, endorsements: ['msteams'] }],
      });
    }
    // Entra's signing keys for the tokens it issues to people (Teams single sign-on), for any tenant.
    if (req.method === 'GET' && /^\/[^/]+\/discovery\/v2\.0\/keys$/.test(path)) {
      const jwk = this.key.publicKey.export({ format: 'jwk' });
      return send(200, { keys: [{ kty: 'RSA', use: 'sig', kid: this.key.kid, n: jwk.n, e: jwk.e }] });
    }
    const tenantPath = /^\/([^/]+)\/(v2\.0\/\.well-known\/openid-configuration|oauth2\/v2\.0\/token)$/.exec(
      path,
    );
    if (tenantPath && req.method === 'GET' && tenantPath[2]!.startsWith('v2.0')) {
      const tenant = tenantPath[1]!;
      return send(200, {
        issuer: `${this.base}/${tenant}/v2.0`,
        authorization_endpoint: `${this.base}/${tenant}/oauth2/v2.0/authorize`,
        token_endpoint: `${this.base}/${tenant}/oauth2/v2.0/token`,
        end_session_endpoint: `${this.base}/${tenant}/oauth2/v2.0/logout`,
        jwks_uri: `${this.base}/${tenant}/discovery/v2.0/keys`,
        response_types_supported: ['code', 'id_token', 'token'],
        token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt'],
      });
    }
    if (tenantPath && req.method === 'POST') {
      const form = Object.fromEntries(new URLSearchParams(body));
      this.tokenRequests.push({ tenant: tenantPath[1]!, form });
      const clientId = form['client_id'];
      const proved = form['client_secret'] || form['client_assertion_type'] === JWT_BEARER;
      if (form['grant_type'] !== 'client_credentials' || !clientId || !proved)
        return send(400, { error: 'invalid_request', error_description: 'client credentials required' });
      const refused = this.assertionRefused(clientId, form, `${this.base}${path}`);
      if (refused) return send(401, { error: 'invalid_client', error_description: refused });
      const token = this.accessToken(`${this.base}/${tenantPath[1]}/v2.0`, clientId, form['scope'] ?? '');
      return send(200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token });
    }
    return send(501, { error: `the stand-in does not answer ${req.method} ${path}` });
  }

  private assertionRefused(clientId: string, form: Record<string, string>, endpoint: string): string | null {
    const assertion = form['client_assertion'];
    if (!assertion) return null; // a secret, which this stand-in takes as given
    const trusted = this.trustedManagedIdentities.get(clientId);
    if (trusted !== undefined) {
      // Entra's own token for the identity, for the token exchange audience, and no other.
      const claims = this.issued.includes(assertion)
        ? (JSON.parse(Buffer.from(assertion.split('.')[1]!, 'base64url').toString()) as Record<
            string,
            unknown
          >)
        : null;
      return claims?.appid === trusted && claims.aud === 'api://AzureADTokenExchange'
        ? null
        : 'AADSTS700213: no matching federated identity record found for the presented assertion subject';
    }
    const federated = this.federatedTokens.get(clientId);
    if (federated !== undefined)
      return assertion === federated ? null : 'AADSTS70021: no matching federated identity record found';
    const certificate = this.certificates.get(clientId);
    if (!certificate) return 'AADSTS700027: no certificate is registered for the application';
    return assertionProblem(assertion, certificate, clientId, endpoint);
  }

  /** An access token from `issuer` for the app, for a scope such as `https://graph.microsoft.com/.default`. */
  accessToken(issuer: string, clientId: string, scope: string): string {
    const now = Math.floor(Date.now() / 1000);
    const aud = scope.replace(/\/\.default$/, '');
    const roles = aud === 'https://graph.microsoft.com' ? (this.graphRoles.get(clientId) ?? []) : undefined;
    const token = signJwt(
      { iss: issuer, aud, appid: clientId, iat: now, nbf: now, exp: now + 3600, ...(roles && { roles }) },
      this.key,
    );
    this.issued.push(token);
    return token;
  }

  /** Registers the app's certificate (PEM), whose key must sign its assertions. */
  registerCertificate(clientId: string, pem: string): void {
    this.certificates.set(clientId, new X509Certificate(pem));
  }
}
