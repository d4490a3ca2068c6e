// A stand-in for Microsoft Graph v1.0 over HTTPS (self-signed certificate, trusted by the test processes via
// NODE_EXTRA_CA_CERTS). It answers the documented shapes of the endpoints the bot uses, records every request,
// can inject faults, and answers 501 to anything else.
import type { Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bodyOf, closeServer, listenHttps, type Tls } from './https-stand-in.js';

export interface GraphRequestRecord {
  method: string;
  path: string;
  body: Record<string, unknown> | null;
  authorization: string | null;
  at: number;
}

export interface Fault {
  status: number;
  headers?: Record<string, string>;
  /** How many requests get this fault (then it is used up). */
  times: number;
}

export class FakeGraph {
  readonly requests: GraphRequestRecord[] = [];
  readonly users = new Set<string>();
  readonly installed = new Set<string>();
  readonly events = new Map<string, Record<string, unknown>>();
  faults: Fault[] = [];
  private server: Server | undefined;
  private counter = 0;

  constructor(private readonly tls: Tls) {}

  get baseUrl(): string {
    return `https://127.0.0.1:${(this.server!.address() as AddressInfo).port}/`;
  }

  async start(): Promise<void> {
    this.server = await listenHttps(this.tls, (req, res) => this.handle(req, res));
  }

  stop(): Promise<void> {
    return closeServer(this.server);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await bodyOf(req);
    const path = new URL(req.url ?? '/', 'https://127.0.0.1').pathname;
    const method = req.method ?? 'GET';
    this.requests.push({
      method,
      path,
      body: raw ? (JSON.parse(raw) as Record<string, unknown>) : null,
      authorization: req.headers.authorization ?? null,
      at: Date.now(),
    });
    // As Graph does: JSON with a content type when there is a body; 202/204 with none at all.
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(
        status,
        body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      );
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    const error = (status: number, code: string, message: string) =>
      send(status, {
        error: {
          code,
          message,
          innerError: { date: new Date().toISOString(), 'request-id': `req-${++this.counter}` },
        },
      });

    const fault = this.faults.find((f) => f.times > 0);
    if (fault) {
      fault.times--;
      res.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers });
      res.end(
        JSON.stringify({
          error: {
            code: fault.status === 429 ? 'TooManyRequests' : 'ServiceUnavailable',
            message: 'injected fault',
          },
        }),
      );
      return;
    }
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent); // v1.0, users, {id}, ...
    if (parts[0] !== 'v1.0' || parts[1] !== 'users' || !parts[2])
      return error(501, 'NotImplemented', `${method} ${path}`);
    const userId = parts[2];
    if (!this.users.has(userId))
      return error(404, 'Request_ResourceNotFound', `Resource '${userId}' does not exist`);
    const rest = parts.slice(3).join('/');
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    if (method === 'POST' && rest === 'events') {
      const id = `event-${++this.counter}`;
      const event = {
        id,
        ...body,
        onlineMeeting: { joinUrl: `https://teams.microsoft.com/l/meetup-join/${id}` },
      };
      this.events.set(id, event);
      return send(201, event);
    }
    if (method === 'PATCH' && parts[3] === 'events' && parts[4] && parts.length === 5) {
      const event = this.events.get(parts[4]);
      if (!event) return error(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
      Object.assign(event, body);
      return send(200, event);
    }
    if (method === 'POST' && parts[3] === 'events' && parts[5] === 'cancel') {
      if (!this.events.delete(parts[4]!))
        return error(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
      return send(202);
    }
    if (method === 'POST' && rest === 'teamwork/sendActivityNotification') return send(204);
    if (method === 'POST' && rest === 'teamwork/installedApps') {
      if (this.installed.has(userId)) return error(409, 'Conflict', 'App is already installed.');
      this.installed.add(userId);
      return send(201, {});
    }
    return error(501, 'NotImplemented', `${method} ${path}`);
  }
}
