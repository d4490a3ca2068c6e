import type { Clock, IdGenerator, Stores } from './ports.js';

/** What every use case receives from the composition root. */
export interface AppContext {
  stores: Stores;
  clock: Clock;
  ids: IdGenerator;
  settings: { timeZone: string; dueSoonDays: number };
}
