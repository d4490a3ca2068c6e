import { describe, expect, it } from 'vitest';
import { LatestOnly } from '../../../src/bot/latest-only.js';

describe('LatestOnly (a channel card waiting for Teams sends only its newest version)', () => {
  it('runs one job per key; of the values submitted meanwhile only the last runs, and all its callers get it', async () => {
    const ran: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const queue = new LatestOnly<string, string>(async (key, value) => {
      ran.push(`${key}:${value}`);
      if (value === 'v1') await gate;
      return value;
    });
    const first = queue.submit('card', 'v1');
    expect(queue.busy('card')).toBe(true);
    const second = queue.submit('card', 'v2');
    const third = queue.submit('card', 'v3');
    const other = queue.submit('other', 'w1'); // another key does not wait
    expect(await other).toBe('w1');
    release();
    expect(await first).toBe('v1');
    expect(await second).toBe('v3');
    expect(await third).toBe('v3');
    expect(ran).toEqual(['card:v1', 'other:w1', 'card:v3']);
    expect(queue.busy('card')).toBe(false);
  });

  it('goes on after a job fails', async () => {
    const queue = new LatestOnly<number, number>(async (_key, n) => {
      if (n === 1) throw new Error('connector down');
      return n;
    });
    const failed = queue.submit('k', 1);
    const next = queue.submit('k', 2);
    await expect(failed).rejects.toThrow('connector down');
    expect(await next).toBe(2);
  });
});
