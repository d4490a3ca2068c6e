import { MongoServerError } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { isBusy, retryBusy } from '../../../src/store/driver-errors.js';

const busy = () =>
  new MongoServerError({ errmsg: '[collection.go:177 ...] database is locked (5) (SQLITE_BUSY)', code: 1 });

describe('writes that meet a busy FerretDB', () => {
  it('tries again until the write goes through', async () => {
    let calls = 0;
    const result = await retryBusy(async () => {
      if (++calls < 3) throw busy();
      return 'written';
    });
    expect(result).toBe('written');
    expect(calls).toBe(3);
  });

  it('gives up after five tries, and does not retry other errors', async () => {
    let calls = 0;
    await expect(retryBusy(() => Promise.reject(busy()).finally(() => calls++))).rejects.toThrow('locked');
    expect(calls).toBe(5);
    const duplicate = new MongoServerError({ errmsg: 'E11000 duplicate key', code: 11000 });
    calls = 0;
    await expect(retryBusy(() => Promise.reject(duplicate).finally(() => calls++))).rejects.toBe(duplicate);
    expect(calls).toBe(1);
    expect(isBusy(duplicate)).toBe(false);
  });
});
