// The composition root: the only place that builds the real adapters and wires them together.
// src/main.ts (the process entry) and the HTTP-level tests both call it.
import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import { createAdapter } from './bot/adapter.js';
import { CardActions } from './bot/card-actions.js';
import { Messenger } from './bot/messenger.js';
import { SaferTownsBot } from './bot/teams-bot.js';
import { CardRenderer } from './cards/render.js';
import { createServer, type HttpService } from './http/server.js';
import { prepareDatabase } from './store/mongo.js';
import { randomIds, systemClock } from './system.js';
import type { AppContext } from './app/context.js';
import type { Clock, IdGenerator } from './app/ports.js';
import type { Config } from './config.js';

export interface Service {
  http: HttpService;
  ctx: AppContext;
}

export async function composeService(
  config: Config,
  db: Db,
  log: Logger,
  overrides: { clock?: Clock; ids?: IdGenerator } = {},
): Promise<Service> {
  const stores = await prepareDatabase(db);
  const ctx: AppContext = {
    stores,
    clock: overrides.clock ?? systemClock,
    ids: overrides.ids ?? randomIds,
    settings: { timeZone: config.TIMEZONE, dueSoonDays: config.DUE_SOON_DAYS },
  };
  const cards = new CardRenderer();
  const adapter = createAdapter(config, log);
  const messenger = new Messenger(adapter, config.MICROSOFT_APP_ID ?? '', ctx, cards, log);
  const bot = new SaferTownsBot(ctx, cards, new CardActions(ctx, cards, messenger), messenger, log);
  const http = createServer({
    adapter,
    bot,
    log,
    localMode: !config.MICROSOFT_APP_ID,
    allowedTenants: config.ALLOWED_TENANT_IDS,
    ready: async () => (await db.command({ ping: 1 }, { timeoutMS: 2_000 })).ok === 1,
  });
  return { http, ctx };
}
