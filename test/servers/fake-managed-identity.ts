// A stand-in for the managed identity endpoint App Service and Container Apps give a process (documented under
// "How to use managed identities for App Service and Azure Functions", REST endpoint reference): the platform
// sets IDENTITY_ENDPOINT and IDENTITY_HEADER; the process asks
// `GET {IDENTITY_ENDPOINT}?api-version=2019-08-01&resource=...&client_id=...` with header X-IDENTITY-HEADER,
// and gets `{ access_token, expires_on, resource, token_type, client_id }`. Plain HTTP on loopback, like the
// real one. Tokens are the Entra stand-in's, so Graph roles granted there appear in them.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { FakeEntra } from './fake-entra.js';

export interface IdentityRequest {
  resource: string | null;
  clientId: string | null;
  apiVersion: string | null;
}

export class FakeManagedIdentity {
  /** What the platform puts in IDENTITY_HEADER: a secret only the process is given. */
  readonly header = randomUUID();
  readonly requests: IdentityRequest[] = [];
  private server: Server | undefined;

  constructor(
    private readonly entra: FakeEntra,
    /** The user-assigned identities attached to the app, by client id. */
    private readonly identities: Set<string>,
    private readonly tenant: string,
  ) {}

  get endpoint(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/msi/token`;
  }

  /** The variables the platform sets for the process. */
  get env(): Record<string, string> {
    return { IDENTITY_ENDPOINT: this.endpoint, IDENTITY_HEADER: this.header };
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((ready) => this.server!.listen(0, '127.0.0.1', ready));
  }

  stop(): Promise<void> {
    return new Promise((done) => (this.server ? this.server.close(() => done()) : done()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const request = {
      resource: url.searchParams.get('resource'),
      clientId: url.searchParams.get('client_id'),
      apiVersion: url.searchParams.get('api-version'),
    };
    this.requests.push(request);
    if (req.method !== 'GET' || url.pathname !== '/msi/token') return send(404, { error: 'not found' });
    if (req.headers['x-identity-header'] !== this.header)
      return send(401, { error: 'unauthorized', error_description: 'X-IDENTITY-HEADER is missing or wrong' });
    if (request.apiVersion !== '2019-08-01' || !request.resource)
      return send(400, {
        error: 'invalid_request',
        error_description: 'api-version and resource are required',
      });
    if (!request.clientId || !this.identities.has(request.clientId))
      return send(400, {
        statusCode: 400,
        message:
          'No User Assigned or Delegated Managed Identity found for specified ClientId/ResourceId/PrincipalId.',
      });
    const issuer = `${this.entra.base}/${this.tenant}/v2.0`;
    const token = this.entra.accessToken(issuer, request.clientId, `${request.resource}/.default`);
    send(200, {
      access_token: token,
      expires_on: String(Math.floor(Date.now() / 1000) + 3600),
      resource: request.resource,
      token_type: 'Bearer',
      client_id: request.clientId,
    });
  }
}
