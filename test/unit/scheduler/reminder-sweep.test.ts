// The sweeper at shutdown: no sweep after stop, the running one aborted, and stop bounded even when a sweep
// ignores the abort (a send stuck on the network): the process's shutdown budget is never spent waiting.
import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { startSweeper } from '../../../src/scheduler/reminder-sweep.js';
import type { SweepReport } from '../../../src/app/send-due-reminders.js';

const log = pino({ level: 'silent' });
const report = { quiet: false, claimed: 0, sent: 0, unreachable: 0, retryLater: 0, due: 0 } as SweepReport;

describe('stopping the reminder sweeper', () => {
  it('aborts the running sweep and waits for it to end', async () => {
    let seen: AbortSignal | undefined;
    const sweeper = startSweeper(
      (signal) =>
        new Promise<SweepReport>((_, fail) => {
          seen = signal;
          signal.addEventListener('abort', () => fail(new Error('stopped')));
        }),
      0,
      log,
    );
    const running = sweeper.runOnce();
    expect(await sweeper.stop(5_000)).toBe(true);
    expect(seen?.aborted).toBe(true);
    expect(await running).toBeNull(); // stopped, not a failure to report
  });

  it('gives up waiting after the bound when a sweep does not stop', async () => {
    let finish: (r: SweepReport) => void = () => {};
    const sweeper = startSweeper(() => new Promise<SweepReport>((done) => (finish = done)), 0, log);
    void sweeper.runOnce();
    expect(await sweeper.stop(50)).toBe(false);
    finish(report);
  });

  it('says it stopped at once when no sweep is running', async () => {
    const sweeper = startSweeper(() => Promise.resolve(report), 0, log);
    expect(await sweeper.stop()).toBe(true);
  });
});
