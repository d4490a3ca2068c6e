import { createMemoryStores } from '../fakes/memory-stores.js';
import { FakeClock, SequentialIds } from '../fakes/clock.js';
import type { AppContext } from '../../src/app/context.js';
import type { Stores } from '../../src/app/ports.js';

/** A use-case context on the given stores (in-memory by default), a still clock and readable ids. */
export function testContext(stores: Stores = createMemoryStores(), now = '2026-11-26T10:00:00Z') {
  const clock = new FakeClock(new Date(now));
  const ctx: AppContext = {
    stores,
    clock,
    ids: new SequentialIds(),
    settings: { timeZone: 'Europe/London', dueSoonDays: 3 },
  };
  return { ctx, clock, stores };
}
