// How cost grows with the data: summary and status-update latency at 1k, 10k and 100k actions in total, at
// rates the bot sustains at every size (so latency, not queueing, is compared), with the database's own
// query plans for the reads behind them.
import { channelMessage } from '../activities.js';
import { COORDINATOR } from '../fixtures.js';
import { load } from '../load.js';
import { largeDataSet } from './large.js';
import {
  api,
  baselineInvoke,
  idle,
  next,
  ratio,
  statusUpdates,
  timed,
  type ScenarioContext,
} from './shared.js';
import type { Db } from 'mongodb';

const SIZES = [100, 1_000, 10_000]; // per town: 1k, 10k, 100k in all
const SUMMARY_RATE = 5;
const UPDATE_RATE = 2;

export async function scale(c: ScenarioContext) {
  const url = c.connector.url;
  const baselineSummary = await load({
    url: api(c.baseline),
    rate: SUMMARY_RATE,
    seconds: c.seconds,
    body: () => channelMessage(url, COORDINATOR, 'truro', 'summary truro'),
  });
  const baselineUpdate = await load({
    url: api(c.baseline),
    rate: UPDATE_RATE,
    seconds: c.seconds,
    body: baselineInvoke(url),
  });
  const sizes: Record<string, unknown>[] = [];
  for (const perTown of SIZES) {
    const set = await largeDataSet(c, perTown);
    const towns = [...set.fixture.updatable.keys()];
    const summaryBody = () => {
      const town = next(towns);
      return channelMessage(url, COORDINATOR, town, `summary ${town}`);
    };
    await idle(set.bot);
    // The first summary of each town after a load reads the town from the database (the cache is cold).
    const cold: number[] = [];
    for (const town of towns)
      cold.push(await timed(set.bot, channelMessage(url, COORDINATOR, town, `summary ${town}`)));
    const summary = await load({
      url: api(set.bot),
      rate: SUMMARY_RATE,
      seconds: c.seconds,
      body: summaryBody,
    });
    await idle(set.bot);
    const update = await load({
      url: api(set.bot),
      rate: UPDATE_RATE,
      seconds: c.seconds,
      body: statusUpdates(url, set.fixture),
    });
    await idle(set.bot);
    // A summary right after a change in its town: the town is read from the database again.
    const updates = statusUpdates(url, set.fixture);
    const afterChange: number[] = [];
    for (let i = 0; i < 3; i++) {
      const body = updates() as { value: { action: { data: { actionId: string } } } };
      await timed(set.bot, body);
      const town = towns.find((t) => body.value.action.data.actionId.startsWith(`bench-${t}-`))!;
      afterChange.push(await timed(set.bot, channelMessage(url, COORDINATOR, town, `summary ${town}`)));
    }
    sizes.push({
      actions: perTown * towns.length,
      summary: { ...summary, p99Ratio: ratio(summary.p99, baselineSummary.p99) },
      statusUpdate: { ...update, p99Ratio: ratio(update.p99, baselineUpdate.p99) },
      coldSummaryMs: { min: Math.min(...cold), max: Math.max(...cold) },
      summaryAfterChangeMs: afterChange,
      plans: await plans(set.connection.db, set.fixture.updatable.get('truro')![0]!.id),
    });
    console.log(
      `  ${perTown * towns.length} actions: summary p50 ${summary.p50} p99 ${summary.p99}; status-update p50 ${update.p50} p99 ${update.p99}`,
    );
  }
  const first = sizes[0] as {
    summary: { p50: number; p99: number };
    statusUpdate: { p50: number; p99: number };
  };
  const last = sizes.at(-1) as typeof first;
  return {
    rates: { summary: SUMMARY_RATE, statusUpdate: UPDATE_RATE },
    baseline: { summary: baselineSummary, statusUpdate: baselineUpdate },
    sizes,
    growth1kTo100k: {
      summaryP50: ratio(last.summary.p50, first.summary.p50),
      summaryP99: ratio(last.summary.p99, first.summary.p99),
      statusUpdateP50: ratio(last.statusUpdate.p50, first.statusUpdate.p50),
      statusUpdateP99: ratio(last.statusUpdate.p99, first.statusUpdate.p99),
    },
  };
}

/** The database's plans for a town's actions and for one action by id (FerretDB shows its SQL plan). */
async function plans(db: Db, actionId: string) {
  const brief = (explained: Record<string, unknown>) => {
    const planner = (explained['queryPlanner'] ?? explained) as Record<string, unknown>;
    return {
      plan: planner['Plan'] ?? planner['winningPlan'] ?? planner,
      filterPushdown: explained['filterPushdown'] ?? null,
    };
  };
  const actions = db.collection('actions');
  return {
    townActions: brief(await actions.find({ town: 'truro' }).explain()),
    actionById: brief(await actions.find({ _id: actionId as never }).explain()),
  };
}
