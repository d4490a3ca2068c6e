// A stand-in for the Bot Framework Connector service: a real HTTP server on 127.0.0.1 that answers the
// documented routes the bot uses (Connector REST API v3) and records every request. Anything else: 501.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  /** Decoded conversation id of the route, if any. */
  conversationId: string | null;
  /** Decoded activity id (reply-to or updated activity) of the route, if any. */
  activityId: string | null;
  body: Record<string, unknown> | null;
  at: number;
  /** The status the stand-in answered. */
  status: number;
  /** The Authorization header the bot sent (a bot with an app id sends its Entra token). */
  authorization: string | null;
}

export interface RosterMember {
  id: string;
  name: string;
  aadObjectId: string;
  email?: string;
  userPrincipalName?: string;
}

export class FakeConnector {
  readonly requests: RecordedRequest[] = [];
  readonly roster = new Map<string, RosterMember>();
  private server: Server | undefined;
  private counter = 0;
  /** Optional fault: answer this status to the next N sends (tests of failure paths). */
  failNext: { status: number; count: number; retryAfterSeconds?: number } | null = null;
  /** Optional throttling: every n-th send is answered 429 with this Retry-After (a share of the traffic). */
  throttle: { everyNth: number; retryAfterSeconds: number } | null = null;
  private sends = 0;
  /** Conversations whose user blocked the bot: sends there get 403, as Teams answers. */
  readonly blocked = new Set<string>();
  /** Optional slowness: every answer waits this long (tests of turns in flight). */
  delayMs = 0;
  /** Optional fault: the next N requests are recorded and never answered (a connector that hangs). */
  hangNext = 0;

  get url(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('the fake connector is not listening');
    return `http://127.0.0.1:${address.port}/`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((ready) => this.server!.listen(0, '127.0.0.1', ready));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections(); // requests left hanging on purpose, too
    await new Promise<void>((done) => (this.server ? this.server.close(() => done()) : done()));
  }

  clear(): void {
    this.requests.length = 0;
  }

  /** Activities the bot sent successfully (new posts and replies), optionally to one conversation. */
  sent(conversationId?: string): RecordedRequest[] {
    return this.requests.filter(
      (r) =>
        r.method === 'POST' &&
        r.path.includes('/activities') &&
        r.status < 300 &&
        (!conversationId || r.conversationId === conversationId),
    );
  }

  updated(): RecordedRequest[] {
    return this.requests.filter((r) => r.method === 'PUT');
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const method = req.method ?? 'GET';
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      conversationId: null,
      activityId: null,
      body: raw ? (JSON.parse(raw) as Record<string, unknown>) : null,
      at: Date.now(),
      status: 0,
      authorization: req.headers.authorization ?? null,
    };
    if (this.hangNext > 0) {
      this.hangNext--;
      this.requests.push(record); // status 0: never answered
      return;
    }
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (parts[0] !== 'v3' || parts[1] !== 'conversations')
      return send(501, { error: { code: 'NotImplemented', message: `${method} ${url.pathname}` } });
    record.conversationId = parts[2] ?? null;
    this.requests.push(record);
    const isSend = (method === 'POST' || method === 'PUT') && parts[3] === 'activities';
    if (isSend && this.failNext && this.failNext.count > 0) {
      this.failNext.count--;
      const { retryAfterSeconds } = this.failNext;
      const headers: Record<string, string> =
        retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) };
      return send(
        this.failNext.status,
        { error: { code: 'ServiceError', message: 'injected fault' } },
        headers,
      );
    }
    if (isSend && record.conversationId && this.blocked.has(record.conversationId)) {
      return send(403, {
        error: { code: 'ConversationBlockedByUser', message: 'User blocked the conversation with the bot.' },
      });
    }
    if (isSend && this.throttle && ++this.sends % this.throttle.everyNth === 0) {
      const headers = { 'retry-after': String(this.throttle.retryAfterSeconds) };
      return send(429, { error: { code: 'TooManyRequests', message: 'throttled' } }, headers);
    }
    // POST /v3/conversations: create a conversation (a new channel thread or a 1:1 chat)
    if (method === 'POST' && parts.length === 2)
      return send(201, { id: `conversation-${++this.counter}`, activityId: `activity-${++this.counter}` });
    // POST /v3/conversations/{id}/activities[/{replyToId}]: send or reply
    if (method === 'POST' && parts[3] === 'activities' && parts.length <= 5) {
      record.activityId = parts[4] ?? null;
      return send(200, { id: `activity-${++this.counter}` });
    }
    // PUT /v3/conversations/{id}/activities/{activityId}: update a message
    if (method === 'PUT' && parts[3] === 'activities' && parts.length === 5) {
      record.activityId = parts[4]!;
      return send(200, { id: parts[4] });
    }
    // GET /v3/conversations/{id}/members/{userId}: one member of the conversation
    if (method === 'GET' && parts[3] === 'members' && parts.length === 5) {
      const member = this.roster.get(parts[4]!);
      return member
        ? send(200, member)
        : send(404, { error: { code: 'MemberNotFoundInConversation', message: 'not found' } });
    }
    // GET /v3/conversations/{id}/pagedmembers
    if (method === 'GET' && parts[3] === 'pagedmembers')
      return send(200, { members: [...this.roster.values()] });
    return send(501, { error: { code: 'NotImplemented', message: `${method} ${url.pathname}` } });
  }
}
