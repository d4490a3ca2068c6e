// Mixed load for a long time (10 minutes unless --soak-seconds): memory and event-loop lag at the start and
// at the end, and the trend of memory over the run; a leak shows as growth.
import { channelMessage, personalMessage } from '../activities.js';
import { COORDINATOR } from '../fixtures.js';
import { load, type LoadResult } from '../load.js';
import { probeLines, type ProbeLine } from '../processes.js';
import { api, idle, next, statusUpdates, type ScenarioContext } from './shared.js';

export async function soak(c: ScenarioContext) {
  const url = c.connector.url;
  const towns = [...c.fixture.updatable.keys()];
  const owners = c.fixture.owners.filter((o) => o.actions >= 20);
  const began = Date.now();
  const seconds = c.soakSeconds;
  const mix = {
    summary: {
      rate: 1,
      body: () => {
        const town = next(towns);
        return channelMessage(url, COORDINATOR, town, `summary ${town}`);
      },
    },
    statusUpdate: { rate: 1, body: statusUpdates(url, c.fixture) },
    myActions: { rate: 1, body: () => personalMessage(url, next(owners), 'my actions') },
    help: { rate: 2, body: () => personalMessage(url, next(owners), 'help') },
  };
  const results = await Promise.all(
    Object.entries(mix).map(async ([name, m]): Promise<[string, LoadResult]> => [
      name,
      await load({ url: api(c.bot), rate: m.rate, seconds, body: m.body, connections: 4 }),
    ]),
  );
  await idle(c.bot);
  const probe = (await probeLines(c.bot.probeFile, began)).filter((p) => p.t <= began + seconds * 1000);
  const minute = (from: number) => probe.filter((p) => p.t >= from && p.t < from + 60_000);
  const end = began + seconds * 1000;
  return {
    seconds,
    rates: Object.fromEntries(Object.entries(mix).map(([k, m]) => [k, m.rate])),
    results: Object.fromEntries(results),
    firstMinute: averages(minute(began)),
    lastMinute: averages(minute(end - 60_000)),
    // After the first minute's warm-up: the least-squares slope of RSS and heap, in MB per minute.
    rssSlopeMbPerMin: slope(
      probe.filter((p) => p.t >= began + 60_000),
      (p) => p.rssMb,
    ),
    heapSlopeMbPerMin: slope(
      probe.filter((p) => p.t >= began + 60_000),
      (p) => p.heapMb,
    ),
    // What survives collection: each minute's lowest heap. Garbage makes the heap saw up and down; a leak
    // raises the floor, so this is the slope that would show one.
    heapFloorSlopeMbPerMin: slope(minuteFloors(probe, began, end), (p) => p.heapMb),
    heapFloorMb: minuteFloors(probe, began, end).map((p) => p.heapMb),
  };
}

/** Each whole minute's lowest heap, as a probe line at the minute's middle. */
function minuteFloors(probe: ProbeLine[], began: number, end: number): ProbeLine[] {
  const floors: ProbeLine[] = [];
  for (let from = began; from + 60_000 <= end; from += 60_000) {
    const lines = probe.filter((p) => p.t >= from && p.t < from + 60_000);
    if (lines.length)
      floors.push({ ...lines[0]!, t: from + 30_000, heapMb: Math.min(...lines.map((p) => p.heapMb)) });
  }
  return floors;
}

function averages(lines: ProbeLine[]) {
  const avg = (f: (p: ProbeLine) => number) =>
    lines.length ? Math.round((lines.reduce((s, p) => s + f(p), 0) / lines.length) * 10) / 10 : null;
  return { rssMb: avg((p) => p.rssMb), heapMb: avg((p) => p.heapMb), lagP99Ms: avg((p) => p.lagP99Ms) };
}

function slope(lines: ProbeLine[], value: (p: ProbeLine) => number): number | null {
  if (lines.length < 3) return null;
  const xs = lines.map((p) => p.t / 60_000);
  const ys = lines.map(value);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const num = xs.reduce((s, x, i) => s + (x - mx) * (ys[i]! - my), 0);
  const den = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  return den ? Math.round((num / den) * 100) / 100 : null;
}
