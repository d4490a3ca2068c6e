// The Bot Connector as the benchmarks need it: answers every send at once (so the bot is what is measured),
// counts sends, and (for the reminder sweep) can enforce Teams' documented limits, answering 429 with
// Retry-After when a conversation or the tenant goes over them.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorStats {
  sends: number;
  updates: number;
  throttled: number;
  /** Activity text/card per conversation, for checking that nothing was sent twice. */
  byConversation: Map<string, number>;
  keys: Map<string, number>;
}

export interface TeamsLimits {
  perConversationPerSecond: number;
  perConversationPer30s: number;
  tenantPerSecond: number;
}

export class BenchConnector {
  readonly stats: ConnectorStats = {
    sends: 0,
    updates: 0,
    throttled: 0,
    byConversation: new Map(),
    keys: new Map(),
  };
  private server: Server | undefined;
  private counter = 0;
  private readonly windows = new Map<string, number[]>();
  private tenant: number[] = [];
  limits: TeamsLimits | null = null;

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '/';
        const match = /^\/v3\/conversations\/([^/]+)\/activities/.exec(path);
        if (!match) {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ members: [] }));
          return;
        }
        const conversation = decodeURIComponent(match[1]!);
        if (this.limits && req.method === 'POST' && this.throttled(conversation)) {
          this.stats.throttled++;
          res.writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { code: 'TooManyRequests', message: 'Too many requests' } }));
          return;
        }
        if (req.method === 'PUT') this.stats.updates++;
        else {
          this.stats.sends++;
          this.stats.byConversation.set(conversation, (this.stats.byConversation.get(conversation) ?? 0) + 1);
          const body = Buffer.concat(chunks).toString('utf8');
          const key = /"ref":"([A-Z]{3}-\d+)"|"text":"([^"]{0,120})/.exec(body);
          const id = `${conversation}|${key?.[1] ?? key?.[2] ?? ''}`;
          this.stats.keys.set(id, (this.stats.keys.get(id) ?? 0) + 1);
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `activity-${++this.counter}` }));
      });
    });
    await new Promise<void>((ready) => this.server!.listen(0, '127.0.0.1', ready));
  }

  /** Counts the send against the sliding windows; true if it is over a limit (and is not counted). */
  private throttled(conversation: string): boolean {
    const now = Date.now();
    const limits = this.limits!;
    const recent = (this.windows.get(conversation) ?? []).filter((t) => now - t < 30_000);
    this.tenant = this.tenant.filter((t) => now - t < 1_000);
    const lastSecond = recent.filter((t) => now - t < 1_000).length;
    if (
      lastSecond >= limits.perConversationPerSecond ||
      recent.length >= limits.perConversationPer30s ||
      this.tenant.length >= limits.tenantPerSecond
    ) {
      this.windows.set(conversation, recent);
      return true;
    }
    recent.push(now);
    this.tenant.push(now);
    this.windows.set(conversation, recent);
    return false;
  }

  reset(): void {
    this.stats.sends = this.stats.updates = this.stats.throttled = 0;
    this.stats.byConversation.clear();
    this.stats.keys.clear();
    this.windows.clear();
    this.tenant = [];
  }

  async stop(): Promise<void> {
    await new Promise<void>((done) => this.server?.close(() => done()));
  }
}
