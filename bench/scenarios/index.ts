// The benchmark scenarios: each measures the bot and, at the same rate, the baseline bot, and reports both
// with their ratio. The bot's peak RSS during the scenario is added by the runner.
import { channelMessage, extensionQuery, personalMessage } from '../activities.js';
import { COORDINATOR, type Fixture } from '../fixtures.js';
import { scale } from './scale.js';
import { soak } from './soak.js';
import { sweep } from './sweep.js';
import { crimeImport, profile } from './evidence.js';
import { load } from '../load.js';
import {
  baselineInvoke,
  compare,
  idle,
  measured,
  next,
  statusUpdates,
  timed,
  type ScenarioContext,
  type ScenarioResult,
} from './shared.js';

export type { ScenarioContext, ScenarioResult } from './shared.js';

const towns = (f: Fixture) => [...f.updatable.keys()];

export const SCENARIOS: Record<string, (c: ScenarioContext) => Promise<ScenarioResult>> = {
  /** Time from process start to the bot's /readyz answering 200 (the baseline: to /healthz). */
  startup: (c) =>
    Promise.resolve({
      botMs: c.bot.startupMs,
      baselineMs: c.baseline.startupMs,
      ratio: Math.round((c.bot.startupMs / c.baseline.startupMs) * 100) / 100,
    }),

  /**
   * "summary <town>" in a town's channel, 20 a second, over the 10 x 2,000-action data set. First, one
   * summary of each town in turn: a fresh instance reads each town from the database once (reported as
   * `firstSummaryMs`); the load that follows measures the steady state.
   */
  summary: async (c) => {
    const url = c.connector.url;
    const firstSummaryMs: number[] = [];
    for (const town of towns(c.fixture))
      firstSummaryMs.push(await timed(c.bot, channelMessage(url, COORDINATOR, town, `summary ${town}`)));
    const steady = await measured(
      c,
      20,
      () => {
        const town = next(towns(c.fixture));
        return channelMessage(url, COORDINATOR, town, `summary ${town}`);
      },
      () => channelMessage(url, COORDINATOR, 'truro', 'summary truro'),
    );
    return { firstSummaryMs, ...steady };
  },

  /** Action.Execute status changes on different actions, 50 a second: write, audit, channel card update. */
  'status-update': (c) =>
    measured(c, 50, statusUpdates(c.connector.url, c.fixture), baselineInvoke(c.connector.url)),

  /**
   * "my actions" in personal chat from owners with 20-50 actions each, 20 a second. Each owner has talked
   * to the bot before (one "help" each first), as in Teams, where the app is installed for them: a first
   * message stores the person's chat, which is not what this measures.
   */
  'my-actions': async (c) => {
    const url = c.connector.url;
    const owners = c.fixture.owners.filter((o) => o.actions >= 20);
    for (let i = 0; i < owners.length; i += 10)
      await Promise.all(owners.slice(i, i + 10).map((o) => timed(c.bot, personalMessage(url, o, 'help'))));
    return measured(
      c,
      20,
      () => personalMessage(url, next(owners), 'my actions'),
      () => personalMessage(url, next(owners), 'my actions'),
    );
  },

  /**
   * The message extension's search, 20 a second, over the 10 x 2,000-action data set, by the coordinator (a
   * seat in every town): a reference, title words with a town, a status, nothing typed (their own open
   * actions first), and words in no title (each of those also reads the notes in the store). Each answer
   * carries up to 25 live cards.
   */
  search: (c) => {
    const url = c.connector.url;
    const queries = ['TRU-042', 'patrols truro', 'blocked', '', 'zebra crossing', 'Bench action 17'];
    return measured(c, 20, () => extensionQuery(url, COORDINATOR, next(queries)), baselineInvoke(url));
  },

  /**
   * The channel tab's town board (GET /tab/api/towns/<town>/board: the plan, every action as a board card
   * with its filters' fields, the charts' figures), 20 a second across the ten 2,000-action towns, as the
   * coordinator (local mode: the tabs act as them). The baseline answers GET /healthz at the same rate.
   */
  board: async (c) => {
    const path = () => `/tab/api/towns/${next(towns(c.fixture))}/board`;
    const run = (url: string, p: () => string, rate: number, seconds: number) =>
      load({ url, rate, seconds, path: p });
    await run(c.bot.url, path, 5, 5);
    await idle(c.bot);
    const bot = await run(c.bot.url, path, 20, c.seconds);
    const baseline = await run(c.baseline.url, () => '/healthz', 20, c.seconds);
    return { rate: 20, bot, baseline, ...compare(bot, baseline) };
  },

  soak,
  scale,
  sweep,
  'crime-import': crimeImport,
  profile,
};
