// The HTTP service: Bot Framework messages endpoint and health checks. It does not listen by itself.
import { mountPublicPages, type PublicPageRenderer } from './public-pages.js';
import restify from 'restify';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { activitySchema, isLoopback, tenantIdOf } from './activity-schema.js';
import { normaliseActionRef } from '../domain/action.js';
import { mountTabApi, type TabApiDeps } from './tab-api.js';
import { mountBoardApi } from './tab-api-board.js';
import { mountTabPages, type TabPageSettings } from './tab-pages.js';
import type { BotAdapter } from '../bot/adapter.js';
import type { DatabaseStatus } from '../app/ports.js';
import { inSpan, SpanKind } from '../telemetry/instruments.js';

export interface ServerDeps {
  adapter: CloudAdapter;
  /** The Bot Framework token check, done before anything else looks at the activity (401 if it fails). */
  authenticate: BotAdapter['authenticate'];
  bot: { run(context: TurnContext): Promise<void> };
  log: Logger;
  /** True when the database answers. */
  ready: () => Promise<boolean>;
  /** The last reminder sweep of this instance, as JSON for /readyz (absent: not reported). */
  sweep?: () => object;
  /** While it is away, the tabs' API answers 503 at once (the bot's turns say "try again" themselves). */
  database?: DatabaseStatus;
  /** Local mode (no app id): no token checks, so replies may only go to loopback service URLs. */
  localMode: boolean;
  allowedTenants: readonly string[];
  bodyLimitBytes?: number;
  /** Where an action's link leads outside Teams' unfurling (the bot's chat in Teams); absent: a short page. */
  actionLinkTarget?: (ref: string) => string;
  /** The towns' public pages (public-pages.ts); absent: none served. */
  publicPage?: PublicPageRenderer;
  /** The tabs' API (tab-api.ts) and pages (tab-pages.ts); absent: no tabs. */
  tabs?: TabApiDeps & { pages: TabPageSettings };
}

export interface HttpService {
  server: restify.Server;
  /** Stops taking requests and waits (up to `graceMs`) for those in flight. */
  drain(graceMs: number): Promise<void>;
}

export function createServer(deps: ServerDeps): HttpService {
  const { log } = deps;
  const server = restify.createServer({ name: 'safer-towns-bot', handleUncaughtExceptions: false });
  let inFlight = 0;
  let draining = false;

  server.use((req, res, next) => {
    if (draining) {
      res.header('Connection', 'close');
      res.send(503, { error: 'shutting down' });
      return next(false);
    }
    return next();
  });
  server.use(
    restify.plugins.bodyParser({
      maxBodySize: deps.bodyLimitBytes ?? 256 * 1024,
      mapParams: false,
      rejectUnknown: true,
    }),
  );

  server.get('/healthz', (_req, res, next) => {
    // Turns being worked on now: what a load test waits on, and a sign of a backed-up database.
    res.send(200, { status: 'alive', turnsInFlight: inFlight });
    next();
  });

  server.get('/readyz', async (_req, res) => {
    const ok = await deps.ready().catch(() => false);
    // The sweep is reported, not judged: an instance serves turns whether or not its sweep is late.
    const sweep = deps.sweep ? { sweep: deps.sweep() } : {};
    res.send(ok ? 200 : 503, { status: ok ? 'ready' : 'database unreachable', ...sweep });
  });

  // An action's stable link, opened in a browser: on to the action in Teams. Nothing about the action is
  // read or shown here; Teams unfurls the same link to the card for those who may see it.
  server.get('/actions/:ref', (req, res, next) => {
    const raw: unknown = (req.params as Record<string, unknown>)['ref'];
    const ref = typeof raw === 'string' ? normaliseActionRef(raw) : null;
    if (!ref) {
      res.send(404, { error: 'Not an action link: they end in a reference such as TRU-014' });
      return next(false);
    }
    const target = deps.actionLinkTarget?.(ref);
    if (target) {
      res.redirect(302, target, next);
      return;
    }
    // No app id (local mode): a page that says what to do, rather than bare text.
    res.header('Content-Type', 'text/html; charset=utf-8');
    res.sendRaw(200, actionLinkPage(ref));
    next();
  });

  if (deps.publicPage) mountPublicPages(server, deps.publicPage, log);

  if (deps.tabs) {
    server.use((req, res, next) => {
      if (!req.path().startsWith('/tab/api/') || deps.database?.available() !== false) return next();
      res.header('Retry-After', '5');
      res.send(503, { error: 'The database cannot be reached just now; please try again shortly' });
      return next(false);
    });
    mountTabApi(server, deps.tabs);
    mountBoardApi(server, deps.tabs);
    mountTabPages(server, deps.tabs.pages);
  }

  server.post('/api/messages', async (req, res) => {
    const parsed = activitySchema.safeParse(req.body);
    if (!parsed.success) {
      const issues = parsed.error.issues
        .slice(0, 10)
        .map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
      log.info({ reqId: req.id(), issues }, 'refused a malformed activity');
      res.send(400, { error: 'Not a valid Bot Framework activity', issues });
      return;
    }
    const activity = parsed.data;
    const turnLog = log.child({ reqId: req.id(), activityId: activity.id, type: activity.type });
    // The adapter checks the token again in `process` (its only public entry that writes invoke
    // responses); the second check reuses the cached key set, so it costs a signature check, no I/O.
    try {
      await deps.authenticate(activity as never, req.header('authorization') ?? '');
    } catch (error) {
      if (isInvalidToken(error)) {
        turnLog.warn({ reason: (error as Error).message }, 'refused an activity without a valid token');
        res.send(401, { error: 'Unauthorized: no valid Bot Framework token' });
      } else {
        // The signing keys could not be read: not the sender's fault, and Teams retries a 503.
        turnLog.error({ err: error }, 'could not check the token of an activity');
        res.send(503, { error: 'The token could not be checked now; try again' });
      }
      return;
    }
    const tenant = tenantIdOf(activity);
    if (deps.allowedTenants.length && (!tenant || !deps.allowedTenants.includes(tenant))) {
      turnLog.warn({ tenant }, 'refused an activity from a tenant that is not allowed');
      res.send(403, { error: 'This tenant may not use this bot' });
      return;
    }
    if (deps.localMode && !isLoopback(activity.serviceUrl)) {
      turnLog.warn({ serviceUrl: activity.serviceUrl }, 'refused a non-loopback service URL in local mode');
      res.send(400, { error: 'In local mode the bot only replies to a service URL on this machine' });
      return;
    }
    inFlight++;
    try {
      await inSpan(
        'bot.turn',
        {
          'bot.activity.type': activityTypeOf(activity),
          'bot.conversation.type': conversationTypeOf(activity),
        },
        async () => {
          await deps.adapter.process(req, res as never, (context) => deps.bot.run(context));
          turnLog.debug({ status: res.statusCode }, 'turn done');
        },
        SpanKind.SERVER,
      );
    } catch (error) {
      turnLog.error({ err: error }, 'turn failed outside the bot');
      if (!res.headersSent) res.send(500, { error: 'internal error' });
    } finally {
      inFlight--;
    }
  });

  return {
    server,
    async drain(graceMs: number) {
      if (!draining) server.close();
      draining = true;
      const deadline = Date.now() + graceMs;
      while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      if (inFlight > 0) log.warn({ inFlight }, 'shut down with turns still in flight');
    },
  };
}

/**
 * A token that is wrong, rather than one that could not be checked: the SDK's own refusals carry 401, and
 * some of jsonwebtoken's (bad signature, not yet valid) come through unwrapped.
 */
function isInvalidToken(error: unknown): boolean {
  const { statusCode, name } = error as { statusCode?: number; name?: string };
  return (
    statusCode === 401 ||
    statusCode === 403 ||
    name === 'JsonWebTokenError' ||
    name === 'NotBeforeError' ||
    name === 'TokenExpiredError'
  );
}

/** The Bot Framework's activity types, and nothing else a sender might put there. */
function activityTypeOf(activity: { type: string }): string {
  const known = ['message', 'invoke', 'conversationUpdate', 'installationUpdate', 'messageReaction', 'event'];
  return known.includes(activity.type) ? activity.type : 'other';
}

/** Teams' conversation types, and nothing else a sender might put there. */
function conversationTypeOf(activity: { conversation: { conversationType?: string } }): string {
  const type = activity.conversation.conversationType ?? '';
  return ['personal', 'channel', 'groupChat'].includes(type) ? type : 'other';
}

/** The page an action link shows where there is no Teams to send it on to. `ref` is a checked reference. */
function actionLinkPage(ref: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${ref}: Safer Towns</title></head>
<body><main><h1>${ref} is an action in the Safer Towns bot</h1>
<p>Open Microsoft Teams and say <strong>show ${ref}</strong> to the Safer Towns bot: its card opens there, for those
who may see it. Nothing about the action is shown here.</p>
<p>On this machine (local mode), say it in Agents Playground, or open <a href="/tab/my-actions">your actions</a>.</p>
</main></body></html>
`;
}
