// Every proactive send goes through here. Teams limits each bot to 7 messages a second and 60 per 30 seconds
// per conversation, and an app to a requests-per-second cap per tenant; over them it answers 429. Sends to
// one conversation go in order, at most at those rates; different conversations do not wait for each other
// (only for the tenant cap). 429, 412, 502, 503 and 504 are retried after Retry-After, or with exponential
// backoff and jitter, a bounded number of times; so is an attempt not answered in time (a hung connector). The connector client under us already retries a 429 or 503
// that carries Retry-After (three times) and other 5xx with backoff; what still fails comes back here.
import { instruments } from '../telemetry/instruments.js';

export interface DispatchLimits {
  perConversationPerSecond: number;
  perConversationPer30Seconds: number;
  tenantPerSecond: number;
  maxRetries: number;
  /** Backoff without Retry-After: base * 2^attempt, with up to 50% jitter, capped. */
  backoffBaseMs: number;
  backoffCapMs: number;
  /** An attempt the connector has not answered by then is given up and retried, as a 504 would be. */
  attemptTimeoutMs: number;
}

export const TEAMS_LIMITS: DispatchLimits = {
  perConversationPerSecond: 7,
  perConversationPer30Seconds: 60,
  tenantPerSecond: 50,
  maxRetries: 5,
  backoffBaseMs: 500,
  backoffCapMs: 30_000,
  attemptTimeoutMs: 20_000,
};

const RETRYABLE = new Set([412, 429, 502, 503, 504]);
/** The windows, with a small guard band for clock granularity. */
const SECOND = 1_010;
const HALF_MINUTE = 30_100;

export interface DispatchStats {
  sent: number;
  retries: number;
  failed: number;
}

export class SendDispatcher {
  private readonly chains = new Map<string, Promise<unknown>>();
  private readonly history = new Map<string, number[]>();
  private readonly tenantHistory: number[] = [];
  private inFlight = 0;
  readonly stats: DispatchStats = { sent: 0, retries: 0, failed: 0 };

  constructor(
    private readonly limits: DispatchLimits = TEAMS_LIMITS,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
    private readonly now: () => number = Date.now,
  ) {
    instruments().dispatcherQueue.add(0); // reported from the start, so an idle queue reads 0, not absent
  }

  /** Whether a send to the conversation now would wait: others are queued for it, or its limits are used up. */
  wouldWait(conversationId: string): boolean {
    if (this.chains.has(conversationId)) return true;
    return this.slotWait(this.history.get(conversationId) ?? []) > 0;
  }

  /** Runs `send` for the conversation when the limits allow, retrying throttling and transient errors. */
  dispatch<T>(conversationId: string, send: () => Promise<T>): Promise<T> {
    const previous = this.chains.get(conversationId) ?? Promise.resolve();
    const queue = instruments().dispatcherQueue;
    queue.add(1);
    const next = previous.catch(() => undefined).then(() => this.withRetries(conversationId, send));
    void next.then(
      () => queue.add(-1),
      () => queue.add(-1),
    );
    const tail = next.catch(() => undefined);
    this.chains.set(conversationId, tail);
    void tail.then(() => {
      if (this.chains.get(conversationId) === tail) this.chains.delete(conversationId); // forget idle conversations
    });
    return next;
  }

  private async withRetries<T>(conversationId: string, send: () => Promise<T>): Promise<T> {
    const mine = this.history.get(conversationId) ?? [];
    this.history.set(conversationId, mine);
    for (let attempt = 0; ; attempt++) {
      await this.waitForSlot(mine);
      this.inFlight++;
      let result: T;
      try {
        result = await withTimeout(send(), this.limits.attemptTimeoutMs);
      } catch (error) {
        this.finished(mine);
        const status = statusOf(error);
        if (status === 429) instruments().throttled.add(1);
        if (!status || !RETRYABLE.has(status) || attempt >= this.limits.maxRetries) {
          this.stats.failed++;
          throw error;
        }
        this.stats.retries++;
        await this.sleep(this.retryDelay(error, attempt));
        continue;
      }
      this.finished(mine);
      this.stats.sent++;
      return result;
    }
  }

  /** Records a finished attempt (a 429 counts too: Teams counted the request). */
  private finished(mine: number[]): void {
    this.inFlight--;
    const now = this.now();
    mine.push(now);
    this.tenantHistory.push(now);
  }

  /**
   * Waits until one more send fits in every window. Windows count sends by the time they *finished*: Teams
   * counts a request when it arrives, which is somewhere between our start and our finish, so a send may start
   * once the send seven places before it finished a second ago; then no second of arrivals holds eight, however
   * slow the network or the event loop.
   */
  private async waitForSlot(mine: number[]): Promise<void> {
    for (;;) {
      const wait = this.slotWait(mine);
      if (wait <= 0) return;
      await this.sleep(Math.max(wait, 5) + 1);
    }
  }

  /** How long until one more send fits in every window (0: now). */
  private slotWait(mine: number[]): number {
    const now = this.now();
    prune(mine, now - HALF_MINUTE);
    prune(this.tenantHistory, now - SECOND);
    const lastSecond = mine.filter((t) => t > now - SECOND);
    return Math.max(
      lastSecond.length >= this.limits.perConversationPerSecond ? lastSecond[0]! + SECOND - now : 0,
      mine.length >= this.limits.perConversationPer30Seconds ? mine[0]! + HALF_MINUTE - now : 0,
      this.tenantHistory.length + this.inFlight >= this.limits.tenantPerSecond
        ? (this.tenantHistory[0] ?? now) + SECOND - now
        : 0,
    );
  }

  private retryDelay(error: unknown, attempt: number): number {
    const retryAfter = retryAfterMs(error);
    if (retryAfter !== null) return retryAfter;
    const base = Math.min(this.limits.backoffCapMs, this.limits.backoffBaseMs * 2 ** attempt);
    return Math.round(base * (0.5 + Math.random() * 0.5));
  }
}

/** The send's result, or a 504-like error if it has not come by then (the send itself cannot be recalled). */
async function withTimeout<T>(send: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(Object.assign(new Error(`the Bot Connector did not answer in ${ms} ms`), { statusCode: 504 })),
      ms,
    );
  });
  try {
    return await Promise.race([send, late]);
  } finally {
    clearTimeout(timer);
  }
}

function prune(times: number[], before: number): void {
  while (times.length && times[0]! <= before) times.shift();
}

function statusOf(error: unknown): number | null {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : null;
}

/** Retry-After from a Bot Connector error (seconds, or an HTTP date), in milliseconds. */
function retryAfterMs(error: unknown): number | null {
  const headers = (
    error as { response?: { headers?: { get?: (name: string) => string | undefined } } } | null
  )?.response?.headers;
  const value = typeof headers?.get === 'function' ? headers.get('retry-after') : undefined;
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1_000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}
