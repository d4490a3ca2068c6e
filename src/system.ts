// The real clock and id source; tests use FakeClock and SequentialIds instead.
import { randomUUID } from 'node:crypto';
import type { Clock, IdGenerator } from './app/ports.js';

export const systemClock: Clock = { now: () => new Date() };
export const randomIds: IdGenerator = { newId: () => randomUUID() };
