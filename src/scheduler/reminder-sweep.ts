// Runs the reminder sweep on an interval. Stateless: all coordination is in the database (reminder claims),
// so any number of instances may run it against one database.
import type { Logger } from 'pino';
import type { SweepReport } from '../app/send-due-reminders.js';
import type { SweepStatus } from './sweep-status.js';
import { instruments } from '../telemetry/instruments.js';
import { within } from '../shutdown.js';

export interface Sweeper {
  /** Runs one sweep now (unless one is running) and resolves with its report. */
  runOnce(): Promise<SweepReport | null>;
  /** No more sweeps; a sweep running is aborted between sends and awaited for `withinMs` at most (what it
   *  claimed and did not send lapses with its lease). Resolves false when the sweep outlasted `withinMs`. */
  stop(withinMs?: number): Promise<boolean>;
}

export function startSweeper(
  run: (signal: AbortSignal) => Promise<SweepReport>,
  intervalMs: number,
  log: Logger,
  status?: SweepStatus,
): Sweeper {
  let running: Promise<SweepReport | null> | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const stopping = new AbortController();

  const runOnce = (): Promise<SweepReport | null> => {
    if (running) return running;
    status?.started();
    const started = performance.now();
    running = run(stopping.signal)
      .then((report) => {
        recordSweep(report, performance.now() - started);
        if (report.claimed) log.info({ report }, 'reminder sweep');
        status?.finished(report);
        return report;
      })
      .catch((error: unknown) => {
        if (stopping.signal.aborted) log.info('reminder sweep stopped for shutdown; its unsent claims lapse');
        else log.error({ err: error }, 'reminder sweep failed; the next one will try again');
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
    async stop(withinMs = 5_000) {
      stopped = true;
      clearTimeout(timer);
      stopping.abort(new Error('shutting down'));
      if (!running) return true;
      return (
        (await within(
          running.then(() => true),
          withinMs,
        )) ?? false
      );
    },
  };
}

/** Reminders that were due but claimed by another instance (or an earlier sweep) count as deduplicated. */
function recordSweep(report: SweepReport, ms: number): void {
  const { sweepDuration, reminders } = instruments();
  sweepDuration.record(ms, { quiet: report.quiet });
  reminders.add(report.sent, { outcome: 'sent' });
  reminders.add(report.unreachable + report.retryLater, { outcome: 'failed' });
  reminders.add(Math.max(0, report.due - report.claimed), { outcome: 'deduplicated' });
}
