// How cost grows with the data: summary and status-update latency at 1k, 10k, 100k and 1M actions in all, at
// rates the bot sustains at every size (so latency, not queueing, is compared), with the database's own
// query plans for the reads behind them.
import { channelMessage } from '../activities.js';
import { COORDINATOR } from '../fixtures.js';
import { load, type LoadResult } from '../load.js';
import { loadNationalActions } from '../national.js';
import { refreshReadModels } from '../../src/store/refresh-read-models.js';
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

const SIZES = [100, 1_000, 10_000]; // per town: 1k, 10k, 100k in all; then the national million
const NATIONAL_EXTRA = 900_000;
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
  const baselines = { summary: baselineSummary, statusUpdate: baselineUpdate };
  const sizes: SizeResult[] = [];
  for (const perTown of SIZES) {
    const set = await largeDataSet(c, perTown);
    sizes.push(await measureAt(c, set, perTown * 10, baselines));
  }
  // National: the ten towns' 100,000 and 900,000 more of 2,990 other towns, stored alongside; the signal a
  // bulk load must give (refresh-read-models) rebuilds every town's snapshot in one read of the collection.
  const set = await largeDataSet(c, SIZES.at(-1)!);
  const began = Date.now();
  await loadNationalActions(set.connection.db, { total: NATIONAL_EXTRA, today: c.today, log: console.log });
  const loadedMs = Date.now() - began;
  await refreshReadModels(set.connection.db);
  const refreshMs = Date.now() - began - loadedMs;
  console.log(
    `  national data set: loaded in ${Math.round(loadedMs / 1000)} s, refreshed in ${Math.round(refreshMs / 1000)} s`,
  );
  sizes.push({ ...(await measureAt(c, set, 1_000_000, baselines)), loadedMs, refreshMs });
  const [first, , hundredK, million] = sizes as [SizeResult, SizeResult, SizeResult, SizeResult];
  const growth = (to: SizeResult) => ({
    summaryP50: ratio(to.summary.p50, first.summary.p50),
    summaryP99: ratio(to.summary.p99, first.summary.p99),
    statusUpdateP50: ratio(to.statusUpdate.p50, first.statusUpdate.p50),
    statusUpdateP99: ratio(to.statusUpdate.p99, first.statusUpdate.p99),
  });
  return {
    rates: { summary: SUMMARY_RATE, statusUpdate: UPDATE_RATE },
    baseline: baselines,
    sizes,
    growth1kTo100k: growth(hundredK),
    growth1kTo1M: growth(million),
  };
}

interface SizeResult {
  actions: number;
  summary: LoadResult & { p99Ratio: number | null };
  statusUpdate: LoadResult & { p99Ratio: number | null };
  [key: string]: unknown;
}

/** Summary and status-update latency with `actions` stored, cold summaries first, then after changes. */
async function measureAt(
  c: ScenarioContext,
  set: Awaited<ReturnType<typeof largeDataSet>>,
  actions: number,
  baselines: { summary: LoadResult; statusUpdate: LoadResult },
): Promise<SizeResult> {
  const url = c.connector.url;
  const towns = [...set.fixture.updatable.keys()];
  const summaryBody = () => {
    const town = next(towns);
    return channelMessage(url, COORDINATOR, town, `summary ${town}`);
  };
  await idle(set.bot);
  // The first summary of each town after a load reads the town from its snapshot (the instance held none).
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
  // A summary right after a change in its town: the change is applied, the town is not read again.
  const updates = statusUpdates(url, set.fixture);
  const afterChange: number[] = [];
  for (let i = 0; i < 3; i++) {
    const body = updates() as { value: { action: { data: { actionId: string } } } };
    await timed(set.bot, body);
    const town = towns.find((t) => body.value.action.data.actionId.startsWith(`bench-${t}-`))!;
    afterChange.push(await timed(set.bot, channelMessage(url, COORDINATOR, town, `summary ${town}`)));
  }
  console.log(
    `  ${actions} actions: summary p50 ${summary.p50} p99 ${summary.p99}; status-update p50 ${update.p50} p99 ${update.p99}`,
  );
  return {
    actions,
    summary: { ...summary, p99Ratio: ratio(summary.p99, baselines.summary.p99) },
    statusUpdate: { ...update, p99Ratio: ratio(update.p99, baselines.statusUpdate.p99) },
    coldSummaryMs: { min: Math.min(...cold), max: Math.max(...cold) },
    summaryAfterChangeMs: afterChange,
    plans: await plans(set.connection.db, set.fixture.updatable.get('truro')![0]!.id),
    actionByIdMs: await byIdLookup(set.connection.db, set.fixture),
  };
}

/** The median of 50 lookups of an action by `_id`, one at a time: what every click and change costs. */
async function byIdLookup(db: Db, fixture: { updatable: Map<string, { id: string }[]> }): Promise<number> {
  const ids = [...fixture.updatable.values()].flat().slice(0, 50);
  const times: number[] = [];
  for (const { id } of ids) {
    const began = performance.now();
    await db.collection('actions').findOne({ _id: id as never });
    times.push(performance.now() - began);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)]! * 100) / 100;
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
