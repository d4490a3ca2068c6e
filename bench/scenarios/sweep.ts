// The reminder sweep over 100k actions, 5% of them due: how long finding and claiming takes, then the send
// rate achieved against a Bot Connector that enforces Teams' limits, as a share of what those limits allow;
// then a second instance sweeps the same moment, and every send is checked for duplicates.
import { composeService } from '../../src/compose.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { largeDataSet } from './large.js';
import { ratio, type ScenarioContext } from './shared.js';

/** Teams: 7 sends a second and 60 in 30 s per conversation; 50 a second per app per tenant. */
const TEAMS_LIMITS = { perConversationPerSecond: 7, perConversationPer30s: 60, tenantPerSecond: 50 };

export async function sweep(c: ScenarioContext) {
  const set = await largeDataSet(c, 10_000);
  const config = loadConfig({
    ...c.env,
    MONGODB_URI: c.mongoUri,
    MONGODB_DB: set.database,
    TEAMS_TENANT_RPS: String(TEAMS_LIMITS.tenantPerSecond),
  });
  const instance = async () => {
    const began = Date.now();
    const clock = { now: () => new Date(c.sweepAt.getTime() + Date.now() - began) };
    return composeService(config, set.connection.db, createLogger('error'), { clock });
  };
  c.connector.reset();
  c.connector.limits = TEAMS_LIMITS;
  try {
    const first = await instance();
    // A running instance keeps every town's actions in memory; reading them in is a start-up cost.
    const loadBegan = performance.now();
    await first.ctx.stores.actions.listOpenDueBy(c.today);
    const cacheLoadMs = Math.round(performance.now() - loadBegan);
    const progress = setInterval(
      () => console.log(`  sweep: ${c.connector.stats.sends} sent, ${c.connector.stats.throttled} throttled`),
      10_000,
    );
    const report = await first.sweep().finally(() => clearInterval(progress));
    const sentToConnector = c.connector.stats.sends;
    const second = await (await instance()).sweep();
    const duplicates = [...c.connector.stats.keys.values()].filter((n) => n > 1).length;
    const sendRate = report.sent / (report.timings.deliverMs / 1000);
    return {
      actions: set.fixture.actionsPerTown * 10,
      cacheLoadMs,
      candidates: report.candidates,
      due: report.due,
      claimed: report.claimed,
      sent: report.sent,
      unreachable: report.unreachable,
      retryLater: report.retryLater,
      timings: report.timings,
      findAndClaimMs: report.timings.findMs + report.timings.claimMs,
      sendsPerSecond: Math.round(sendRate * 10) / 10,
      limitAllowsPerSecond: TEAMS_LIMITS.tenantPerSecond,
      shareOfLimit: ratio(sendRate, TEAMS_LIMITS.tenantPerSecond),
      throttledByConnector: c.connector.stats.throttled,
      connectorSends: sentToConnector,
      secondInstance: { claimed: second.claimed, sent: second.sent },
      duplicates,
    };
  } finally {
    c.connector.limits = null;
  }
}
