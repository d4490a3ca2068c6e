// A stand-in for the parts of Microsoft Graph v1.0 the bot calls (calendar events, the activity feed, app
// installation), answering their documented shapes. `npm run dev` books meetings against it in local mode
// (local-graph.ts); the tests serve it over HTTPS (test/servers/fake-graph.ts), read what it was asked and
// inject faults. Anything else answers 501, as a reminder that the bot should not be calling it.
import type { IncomingMessage, ServerResponse } from 'node:http';

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

export interface GraphStandInOptions {
  /** Every user id is a user of the tenant (local mode), or only those added to `users` (tests). */
  anyUser: boolean;
  /** The online meeting's join link for a new event. */
  joinUrl: (eventId: string) => string;
  /** Told after an event is created, changed or cancelled (local mode keeps them in a file). */
  onEventsChanged?: () => void;
}

type Send = (status: number, body?: unknown, headers?: Record<string, string>) => void;

export class GraphStandIn {
  readonly requests: GraphRequestRecord[] = [];
  readonly users = new Set<string>();
  readonly installed = new Set<string>();
  readonly events = new Map<string, Record<string, unknown>>();
  faults: Fault[] = [];
  private eventCount = 0;
  private requestCount = 0;

  constructor(private readonly options: GraphStandInOptions) {}

  /** Events kept from an earlier run (local mode), so their ids are not given out again. */
  restore(events: readonly Record<string, unknown>[]): void {
    for (const event of events) {
      const id = event['id'];
      if (typeof id !== 'string') continue;
      this.events.set(id, event);
      this.eventCount = Math.max(this.eventCount, Number(/^event-(\d+)$/.exec(id)?.[1] ?? 0));
    }
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await bodyOf(req);
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const method = req.method ?? 'GET';
    const body = parseBody(raw);
    this.requests.push({
      method,
      path,
      body: body ?? null,
      authorization: req.headers.authorization ?? null,
      at: Date.now(),
    });
    // As Graph does: JSON with a content type when there is a body; 202/204 with none at all.
    const send: Send = (status, payload, headers = {}) => {
      res.writeHead(
        status,
        payload === undefined ? headers : { 'content-type': 'application/json', ...headers },
      );
      res.end(payload === undefined ? undefined : JSON.stringify(payload));
    };
    const fault = this.faults.find((f) => f.times > 0);
    if (fault) {
      fault.times--;
      const code = fault.status === 429 ? 'TooManyRequests' : 'ServiceUnavailable';
      return send(fault.status, { error: { code, message: 'injected fault' } }, fault.headers);
    }
    if (body === undefined) return this.error(send, 400, 'BadRequest', 'The request body is not JSON.');
    this.answer(method, path, body ?? {}, send);
  }

  private answer(method: string, path: string, body: Record<string, unknown>, send: Send): void {
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent); // v1.0, users, {id}, ...
    if (parts[0] !== 'v1.0' || parts[1] !== 'users' || !parts[2])
      return this.error(send, 501, 'NotImplemented', `${method} ${path}`);
    const userId = parts[2];
    if (!this.options.anyUser && !this.users.has(userId))
      return this.error(send, 404, 'Request_ResourceNotFound', `Resource '${userId}' does not exist`);
    const rest = parts.slice(3).join('/');
    const notFound = () =>
      this.error(send, 404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    if (method === 'POST' && rest === 'events') {
      const id = `event-${++this.eventCount}`;
      const event = { id, ...body, onlineMeeting: { joinUrl: this.options.joinUrl(id) } };
      this.events.set(id, event);
      this.options.onEventsChanged?.();
      return send(201, event);
    }
    if (method === 'PATCH' && parts[3] === 'events' && parts[4] && parts.length === 5) {
      const event = this.events.get(parts[4]);
      if (!event) return notFound();
      Object.assign(event, body);
      this.options.onEventsChanged?.();
      return send(200, event);
    }
    if (method === 'POST' && parts[3] === 'events' && parts[5] === 'cancel') {
      if (!this.events.delete(parts[4]!)) return notFound();
      this.options.onEventsChanged?.();
      return send(202);
    }
    if (method === 'POST' && rest === 'teamwork/sendActivityNotification') return send(204);
    if (method === 'POST' && rest === 'teamwork/installedApps') {
      if (this.installed.has(userId)) return this.error(send, 409, 'Conflict', 'App is already installed.');
      this.installed.add(userId);
      return send(201, {});
    }
    return this.error(send, 501, 'NotImplemented', `${method} ${path}`);
  }

  private error(send: Send, status: number, code: string, message: string): void {
    const innerError = { date: new Date().toISOString(), 'request-id': `req-${++this.requestCount}` };
    send(status, { error: { code, message, innerError } });
  }
}

/** The JSON body: null when there is none, undefined when it is not JSON. */
function parseBody(raw: string): Record<string, unknown> | null | undefined {
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

export async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
