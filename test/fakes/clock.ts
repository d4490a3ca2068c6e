import type { Clock, IdGenerator } from '../../src/app/ports.js';

/** A clock that stands still until told to move. */
export class FakeClock implements Clock {
  constructor(private current: Date) {}
  now() {
    return new Date(this.current);
  }
  set(at: Date | string) {
    this.current = new Date(at);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** Readable, predictable ids: id-1, id-2, ... */
export class SequentialIds implements IdGenerator {
  private n = 0;
  constructor(private readonly prefix = 'id') {}
  newId() {
    return `${this.prefix}-${++this.n}`;
  }
}
