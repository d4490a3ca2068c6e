// The composition root: the only place that builds the real adapters and wires them together.
// src/main.ts (the process entry) and the HTTP-level tests both call it.
import { documentHosts } from './domain/evidence-link.js';
import { SweepStatus } from './scheduler/sweep-status.js';
import { DatabaseHealth } from './store/database-health.js';
import { ChangeEffects } from './bot/effect-runner.js';
import { actionChatLink, FeedNotifier } from './bot/feed.js';
import { tabIdentity } from './http/tab-identity.js';
import { tabIdentitySettings, tabPageSettings } from './compose-tabs.js';
import { OwnerNotifier } from './bot/owner-notifier.js';
import { TeamsOwnerNotices } from './bot/owner-notice-delivery.js';
import { applyRetentionDaily, type RetentionReport } from './app/apply-retention.js';
import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { createAdapter } from './bot/adapter.js';
import { SendDispatcher, TEAMS_LIMITS } from './bot/dispatcher.js';
import { TeamsReminderDelivery } from './bot/reminder-delivery.js';
import { sendDueReminders, type SweepOptions, type SweepReport } from './app/send-due-reminders.js';
import { sendDigests, type DigestOptions, type DigestReport } from './app/send-digests.js';
import { sendMonthlyBoardReport, type BoardReportOutcome } from './app/send-board-report.js';
import { remindOverrunGroups } from './app/task-groups.js';
import { GraphActivityFeed } from './graph/activity-feed.js';
import { GraphCalendar } from './graph/calendar.js';
import type { TokenProvider } from './graph/client.js';
import { identityParts } from './compose-identity.js';
import type { IdentityReport } from './identity/identity-check.js';
import { startSweeper, type Sweeper } from './scheduler/reminder-sweep.js';
import { Messenger } from './bot/messenger.js';
import { SaferTownsBot } from './bot/teams-bot.js';
import { ReportDelivery } from './bot/report-delivery.js';
import { ExcelReportFiles } from './spreadsheets/report-files.js';
import { excelPlanSheets } from './spreadsheets/plan-sheet.js';
import { PlanUpload } from './bot/plan-upload.js';
import { EvidenceUpload } from './bot/evidence-upload.js';
import { CardRenderer } from './cards/render.js';
import { createServer, type HttpService } from './http/server.js';
import { prepareDatabase } from './store/mongo.js';
import { refreshTowns } from './app/programme.js';
import { forceServerKind } from './store/server-kind.js';
import { randomIds, systemClock } from './system.js';
import type { AppContext } from './app/context.js';
import type { Clock, IdGenerator } from './app/ports.js';
import { publicBaseUrl, type Config } from './config.js';
import { DEFAULT_COACH_POLICY } from './domain/smart-coach.js';
import { buildPublicSummary } from './app/public-summary.js';
import { publicHtml } from './domain/public-summary.js';
import type { Actor } from './domain/entity.js';
import { must } from './bot/replies.js';

/** Who reads a town's public page: anyone on the web, so only what the town has made public. */
const PUBLIC_READER: Actor = { kind: 'system', id: 'public-page', name: 'Public web page' };

/** How long the ids of activities taken are kept, to recognise Teams re-sending one. */
const DELIVERY_MEMORY_MS = 2 * 86_400_000;

export interface Service {
  http: HttpService;
  ctx: AppContext;
  /** One reminder sweep now (tests, operators); aborted by `signal`, it stops between sends and rejects. */
  sweep: (signal?: AbortSignal) => Promise<
    SweepReport & {
      digests: DigestReport;
      boardReport: BoardReportOutcome;
      groupsOverrun: number;
      deliveriesForgotten: number;
      /** Null when the day's retention run was already done. */
      retention: Omit<RetentionReport, 'effects'> | null;
    }
  >;
  /** Tries the app's identity for real and logs what works (null in local mode); never throws. */
  checkIdentity: () => Promise<IdentityReport | null>;
  /** Starts the interval sweep (REMINDER_SWEEP_SECONDS; 0 = only on demand). */
  startReminders: () => Sweeper;
  /** At shutdown: waits for channel posts still going after their turn; how many were left. */
  settle: (graceMs: number) => Promise<number>;
}

export async function composeService(
  config: Config,
  db: Db,
  log: Logger,
  overrides: { clock?: Clock; ids?: IdGenerator; graphTokens?: TokenProvider } = {},
): Promise<Service> {
  if (config.STORE_SERVER_KIND !== 'auto') forceServerKind(db, config.STORE_SERVER_KIND);
  const stores = await prepareDatabase(db, {
    readModelEntries: config.READ_MODEL_ENTRIES,
    readModelFreshMs: config.READ_MODEL_FRESH_MS,
  });
  const ctx: AppContext = {
    stores,
    clock: overrides.clock ?? systemClock,
    ids: overrides.ids ?? randomIds,
    settings: {
      timeZone: config.TIMEZONE,
      dueSoonDays: config.DUE_SOON_DAYS,
      seedFundGbp: config.SEED_FUND_GBP,
      evidenceHosts: documentHosts(config.SHAREPOINT_HOST),
      coach: {
        ...DEFAULT_COACH_POLICY,
        maxOpenActionsPerOwner: config.SMART_MAX_OPEN_ACTIONS,
        leadDays: config.SMART_LEAD_DAYS,
      },
      ...optional('actionLinkBase', publicBaseUrl(config)),
    },
  };
  await refreshTowns(ctx); // the programme's towns, as stored
  const cards = new CardRenderer();
  const identity = identityParts(config, log, overrides.graphTokens);
  const { adapter, authenticate } = createAdapter(config, identity.botCredential, log);
  const dispatcher = new SendDispatcher({
    ...TEAMS_LIMITS,
    tenantPerSecond: config.TEAMS_TENANT_RPS,
    attemptTimeoutMs: config.BOT_CONNECTOR_TIMEOUT_SECONDS * 1_000,
  });
  const messenger = new Messenger(adapter, config.MICROSOFT_APP_ID ?? '', ctx, cards, log, dispatcher);
  const graph = identity.graph;
  const calendar = graph ? new GraphCalendar(graph) : null;
  const reports = new ReportDelivery(ctx, new ExcelReportFiles(), !config.MICROSOFT_APP_ID, log);
  const graphFeed =
    graph && config.TEAMS_APP_CATALOG_ID ? new GraphActivityFeed(graph, config.TEAMS_APP_CATALOG_ID) : null;
  const feed = new FeedNotifier(graphFeed, config.MICROSOFT_APP_ID ?? '', log);
  const delivery = new TeamsReminderDelivery(ctx, cards, messenger, feed, log);
  const worker = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const owners = new OwnerNotifier(
    ctx,
    new TeamsOwnerNotices(ctx, cards, messenger, feed, log),
    { worker, leaseMs: config.REMINDER_LEASE_SECONDS * 1_000 },
    log,
  );
  const database = new DatabaseHealth(db, log);
  const effects = new ChangeEffects(messenger, owners);
  const upload = new PlanUpload(ctx, cards, excelPlanSheets, !config.MICROSOFT_APP_ID, log, effects);
  const evidence = new EvidenceUpload(ctx, cards, !config.MICROSOFT_APP_ID, log);
  const bot = new SaferTownsBot({
    ...{ ctx, cards, upload, messenger, log, calendar, reports, owners },
    ...{ database, effects, evidence },
  });
  const sweepOptions: SweepOptions = {
    worker,
    leaseMs: config.REMINDER_LEASE_SECONDS * 1_000,
    sendsPerSecond: config.TEAMS_TENANT_RPS,
    policy: {
      dueSoonDays: config.DUE_SOON_DAYS,
      escalateAfterDays: config.ESCALATE_AFTER_DAYS,
      sendFromHour: config.REMINDER_HOURS.from,
      sendUntilHour: config.REMINDER_HOURS.until,
      weekdaysOnly: config.REMINDER_WEEKDAYS_ONLY,
    },
  };
  const digestOptions: DigestOptions = {
    worker: sweepOptions.worker,
    leaseMs: sweepOptions.leaseMs,
    day: config.DIGEST_DAY,
    hour: config.DIGEST_HOUR,
  };
  const retentionPolicy = {
    closedActionDays: config.RETENTION_CLOSED_ACTION_DAYS,
    auditDetailDays: config.RETENTION_AUDIT_DETAIL_DAYS,
  };
  const sweep = async (signal?: AbortSignal) => {
    await refreshTowns(ctx);
    const report = await sendDueReminders(ctx, delivery, { ...sweepOptions, signal });
    const digests = await sendDigests(ctx, delivery, digestOptions);
    const boardReport = await sendMonthlyBoardReport(ctx, delivery, { ...digestOptions });
    // Coordinators are asked about overrun groups in the reminder hours only, like every reminder.
    const groupsOverrun = report.quiet ? 0 : await remindOverrunGroups(ctx, delivery, sweepOptions);
    // A re-delivery comes within minutes; two days of activity ids is ample.
    const deliveriesForgotten = await ctx.stores.deliveries.forgetBefore(
      new Date(ctx.clock.now().getTime() - DELIVERY_MEMORY_MS),
    );
    const ran = await applyRetentionDaily(ctx, retentionPolicy, sweepOptions);
    // The scheduler's changes cause what any change does (here: the channel's copies lose the text too).
    await effects.run(ran?.effects ?? []);
    const retention = ran && {
      actionsRedacted: ran.actionsRedacted,
      auditEventsRedacted: ran.auditEventsRedacted,
    };
    return { ...report, digests, boardReport, groupsOverrun, deliveriesForgotten, retention };
  };
  const sweepStatus = new SweepStatus(config.REMINDER_SWEEP_SECONDS, () => new Date());
  const http = createServer({
    adapter,
    authenticate,
    bot,
    log,
    localMode: !config.MICROSOFT_APP_ID,
    allowedTenants: config.ALLOWED_TENANT_IDS,
    ready: () => database.check(),
    database,
    sweep: () => sweepStatus.summary(),
    publicPage: async (town) => publicHtml(must(await buildPublicSummary(ctx, PUBLIC_READER, town))),
    ...(config.MICROSOFT_APP_ID
      ? { actionLinkTarget: (ref: string) => actionChatLink(config.MICROSOFT_APP_ID!, ref) }
      : {}),
    tabs: {
      ctx,
      log,
      callerOf: tabIdentity(tabIdentitySettings(config)),
      pages: tabPageSettings(config),
      effects,
    },
  });
  return {
    http,
    ctx,
    sweep,
    checkIdentity: identity.check,
    startReminders: () => startSweeper(sweep, config.REMINDER_SWEEP_SECONDS * 1_000, log, sweepStatus),
    settle: async (graceMs) =>
      (await Promise.all([messenger.settle(graceMs), owners.settle(graceMs)])).reduce((a, b) => a + b),
  };
}

/** `{ key: value }`, or nothing when there is no value (settings leave unset what is not configured). */
const optional = <K extends string>(key: K, value: string | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, string>>;
