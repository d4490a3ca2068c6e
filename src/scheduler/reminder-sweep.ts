// Runs the reminder sweep on an interval. Stateless: all coordination is in the database (reminder claims),
// so any number of instances may run it against one database.
import type { Logger } from 'pino';
import type { SweepReport } from '../app/send-due-reminders.js';
import type { SweepStatus } from './sweep-status.js';

export interface Sweeper {
  /** Runs one sweep now (unless one is running) and resolves with its report. */
  runOnce(): Promise<SweepReport | null>;
  stop(): Promise<void>;
}

export function startSweeper(
  run: () => Promise<SweepReport>,
  intervalMs: number,
  log: Logger,
  status?: SweepStatus,
): Sweeper {
  let running: Promise<SweepReport | null> | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const runOnce = (): Promise<SweepReport | null> => {
    if (running) return running;
    status?.started();
    running = run()
      .then((report) => {
        if (report.claimed) log.info({ report }, 'reminder sweep');
        status?.finished(report);
        return report;
      })
      .catch((error: unknown) => {
        log.error({ err: error }, 'reminder sweep failed; the next one will try again');
        status?.finished(null);
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
