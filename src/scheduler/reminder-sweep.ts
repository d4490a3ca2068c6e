// Runs the reminder sweep on an interval. Stateless: all coordination is in the database (reminder claims),
// so any number of instances may run it against one database.
import type { Logger } from 'pino';
import type { SweepReport } from '../app/send-due-reminders.js';

export interface Sweeper {
  /** Runs one sweep now (unless one is running) and resolves with its report. */
  runOnce(): Promise<SweepReport | null>;
  stop(): Promise<void>;
}

export function startSweeper(run: () => Promise<SweepReport>, intervalMs: number, log: Logger): Sweeper {
  let running: Promise<SweepReport | null> | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const runOnce = (): Promise<SweepReport | null> => {
    if (running) return running;
    running = run()
      .then((report) => {
        if (report.claimed) log.info({ report }, 'reminder sweep');
        return report;
      })
      .catch((error: unknown) => {
        log.error({ err: error }, 'reminder sweep failed; the next one will try again');
        return null;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };

  const schedule = () => {
    if (stopped || intervalMs <= 0) return;
    timer = setTimeout(() => {
      void runOnce().finally(schedule);
    }, intervalMs);
    timer.unref();
  };
  schedule();

  return {
    runOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
