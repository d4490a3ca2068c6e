// What the scenarios share: the context the runner gives them, rates against the baseline, request bodies.
import { setTimeout as sleep } from 'node:timers/promises';
import { channelMessage, invoke } from '../activities.js';
import { COORDINATOR, type Fixture } from '../fixtures.js';
import { load, type LoadResult } from '../load.js';
import type { BenchConnector } from '../connector.js';
import type { Measured } from '../processes.js';
import type { AppContext } from '../../src/app/context.js';
import type { LocalDate } from '../../src/domain/dates.js';

export interface ScenarioContext {
  bot: Measured;
  baseline: Measured;
  connector: BenchConnector;
  fixture: Fixture;
  seconds: number;
  ctx: AppContext;
  env: NodeJS.ProcessEnv;
  logDir: string;
  mongoUri: string;
  database: string;
  /** The day the data sets are built around, and the moment the sweep scenario runs at (10:00 that day). */
  today: LocalDate;
  sweepAt: Date;
  soakSeconds: number;
}

export interface ScenarioResult {
  [key: string]: unknown;
  botPeakRssMb?: number;
}

/** p50, p99 and throughput of the bot against the baseline at the same rate: >1 means slower. */
export function compare(bot: LoadResult, baseline: LoadResult) {
  return {
    p50Ratio: ratio(bot.p50, baseline.p50),
    p99Ratio: ratio(bot.p99, baseline.p99),
    throughputRatio: ratio(bot.throughput, baseline.throughput),
  };
}

export const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : null);

export const api = (m: Measured) => `${m.url}/api/messages`;

let pick = 0;
/** Round-robin over a list, shared by all scenarios (so consecutive requests spread over towns and owners). */
export const next = <T>(items: readonly T[]): T => items[pick++ % items.length]!;

/** Warms up both bots, then measures each at the same rate. */
export async function measured(
  c: ScenarioContext,
  rate: number,
  botBody: () => unknown,
  baselineBody: () => unknown,
  bot: Measured = c.bot,
): Promise<{ rate: number; bot: LoadResult; baseline: LoadResult } & ReturnType<typeof compare>> {
  await load({ url: api(bot), rate: Math.max(2, rate / 4), seconds: 5, body: botBody });
  await load({ url: api(c.baseline), rate: Math.max(2, rate / 4), seconds: 5, body: baselineBody });
  await idle(bot);
  const botResult = await load({ url: api(bot), rate, seconds: c.seconds, body: botBody });
  const baseline = await load({ url: api(c.baseline), rate, seconds: c.seconds, body: baselineBody });
  await idle(bot);
  return { rate, bot: botResult, baseline, ...compare(botResult, baseline) };
}

/** Waits until the bot has no turn in flight (requests the load tool gave up on may still be running). */
export async function idle(bot: Measured, timeoutMs = 300_000): Promise<number> {
  const began = Date.now();
  while (Date.now() - began < timeoutMs) {
    const health = (await fetch(`${bot.url}/healthz`).then((r) => r.json())) as { turnsInFlight?: number };
    if (!health.turnsInFlight) return Date.now() - began;
    await sleep(200);
  }
  throw new Error(`the bot still had turns in flight after ${timeoutMs / 1000} s`);
}

// Each data set's actions have their own versions (the main and the large set share action ids).
const versionsOf = new WeakMap<Fixture['updatable'], Map<string, number>>();

/**
 * Action.Execute status changes cycling through the fixture's in-progress actions: in progress -> done ->
 * in progress ..., each naming the version it changes, so every request is a real change.
 */
export function statusUpdates(serviceUrl: string, fixture: Fixture): () => unknown {
  const pool = [...fixture.updatable.values()].flat();
  const versions = versionsOf.get(fixture.updatable) ?? new Map<string, number>();
  versionsOf.set(fixture.updatable, versions);
  return () => {
    const action = next(pool);
    const k = versions.get(action.id) ?? 0;
    versions.set(action.id, k + 1);
    return invoke(serviceUrl, COORDINATOR, 'action.status', {
      actionId: action.id,
      version: 1 + k,
      status: k % 2 === 0 ? 'done' : 'in_progress',
    });
  };
}

/** The baseline's equivalent of a card action: an invoke it answers with a fixed card. */
export const baselineInvoke = (serviceUrl: string) => () =>
  invoke(serviceUrl, COORDINATOR, 'action.status', { actionId: 'x', version: 1, status: 'done' });

/** Links each town's channel the way a coordinator does it, so card updates go where they would in Teams. */
export async function linkTowns(bot: Measured, serviceUrl: string, towns: readonly string[]): Promise<void> {
  for (const town of towns) {
    await fetch(api(bot), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(channelMessage(serviceUrl, COORDINATOR, town, `link ${town}`)),
    });
  }
}

/** One request, timed from send to answer, in milliseconds. */
export async function timed(bot: Measured, body: unknown): Promise<number> {
  const began = performance.now();
  await fetch(api(bot), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return Math.round(performance.now() - began);
}
