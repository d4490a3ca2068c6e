// The benchmark scenarios: each measures the bot and, at the same rate, the baseline bot, and reports both
// with their ratio. The bot's peak RSS during the scenario is added by the runner.
import { channelMessage, invoke, personalMessage } from '../activities.js';
import { COORDINATOR, type Fixture } from '../fixtures.js';
import { load, type LoadResult } from '../load.js';
import type { BenchConnector } from '../connector.js';
import type { Measured } from '../processes.js';
import type { AppContext } from '../../src/app/context.js';

export interface ScenarioContext {
  bot: Measured;
  baseline: Measured;
  connector: BenchConnector;
  fixture: Fixture;
  seconds: number;
  ctx: AppContext;
  env: NodeJS.ProcessEnv;
  logDir: string;
}

export interface ScenarioResult {
  [key: string]: unknown;
  botPeakRssMb?: number;
}

/** p99 and throughput of the bot against the baseline at the same rate: >1 means slower than the baseline. */
function compare(bot: LoadResult, baseline: LoadResult) {
  const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : null);
  return {
    p50Ratio: ratio(bot.p50, baseline.p50),
    p99Ratio: ratio(bot.p99, baseline.p99),
    throughputRatio: ratio(bot.throughput, baseline.throughput),
  };
}

const towns = (f: Fixture) => [...f.updatable.keys()];
let pick = 0;
const next = <T>(items: readonly T[]): T => items[pick++ % items.length]!;

async function measured(
  c: ScenarioContext,
  rate: number,
  botBody: () => unknown,
  baselineBody: () => unknown,
): Promise<ScenarioResult> {
  const api = (m: Measured) => `${m.url}/api/messages`;
  // Warm up both (JIT, connection pools, caches), then measure each at the same rate.
  await load({ url: api(c.bot), rate: Math.max(5, rate / 4), seconds: 5, body: botBody });
  await load({ url: api(c.baseline), rate: Math.max(5, rate / 4), seconds: 5, body: baselineBody });
  const bot = await load({ url: api(c.bot), rate, seconds: c.seconds, body: botBody });
  const baseline = await load({ url: api(c.baseline), rate, seconds: c.seconds, body: baselineBody });
  return { rate, bot, baseline, ...compare(bot, baseline) };
}

export const SCENARIOS: Record<string, (c: ScenarioContext) => Promise<ScenarioResult>> = {
  /** Time from process start to the bot's /readyz answering 200 (the baseline: to /healthz). */
  startup: (c) =>
    Promise.resolve({
      botMs: c.bot.startupMs,
      baselineMs: c.baseline.startupMs,
      ratio: Math.round((c.bot.startupMs / c.baseline.startupMs) * 100) / 100,
    }),

  /** "summary <town>" in a channel, 20 a second, over the 10 x 2,000-action data set. */
  summary: (c) => {
    const url = c.connector.url;
    return measured(
      c,
      20,
      () => channelMessage(url, COORDINATOR, next(towns(c.fixture)), `summary ${next(towns(c.fixture))}`),
      () => channelMessage(url, COORDINATOR, 'truro', 'summary truro'),
    );
  },

  /** Action.Execute status changes on different actions, 50 a second: write, audit, channel card update. */
  'status-update': (c) => {
    const url = c.connector.url;
    const pool = towns(c.fixture).flatMap((t) => c.fixture.updatable.get(t)!.map((a) => ({ ...a, town: t })));
    const updates = new Map<string, number>();
    return measured(
      c,
      50,
      () => {
        const action = next(pool);
        const k = updates.get(action.id) ?? 0;
        updates.set(action.id, k + 1);
        // in progress -> done -> in progress ...: every request is a real change from the version it names.
        return invoke(url, COORDINATOR, 'action.status', {
          actionId: action.id,
          version: 1 + k,
          status: k % 2 === 0 ? 'done' : 'in_progress',
        });
      },
      () => invoke(url, COORDINATOR, 'action.status', { actionId: 'x', version: 1, status: 'done' }),
    );
  },

  /** "my actions" in personal chat from owners with 20-50 actions each, 20 a second. */
  'my-actions': (c) => {
    const url = c.connector.url;
    const owners = c.fixture.owners.filter((o) => o.actions >= 20);
    return measured(
      c,
      20,
      () => personalMessage(url, next(owners), 'my actions'),
      () => personalMessage(url, next(owners), 'my actions'),
    );
  },
};
