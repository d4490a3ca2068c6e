// Sends owner notices after the click that caused them has been answered: the person who made the change
// is not kept waiting on Teams' pace for everyone else's. Shutdown waits for what is still going.
import type { Logger } from 'pino';
import { sendOwnerNotices } from '../app/owner-notices.js';
import type { AppContext } from '../app/context.js';
import type { ImportNotice, OwnerNotice, OwnerNoticeDelivery } from '../app/outward-ports.js';
import { InFlight } from './in-flight.js';

export class OwnerNotifier {
  private readonly running = new InFlight();

  constructor(
    private readonly ctx: AppContext,
    private readonly delivery: OwnerNoticeDelivery,
    private readonly options: { worker: string; leaseMs: number },
    private readonly log: Logger,
  ) {}

  tell(notices: readonly OwnerNotice[]): void {
    if (!notices.length) return;
    const work = sendOwnerNotices(this.ctx, this.delivery, notices, this.options).then((report) => {
      if (report.failed) this.log.warn({ failed: report.failed }, 'some owner notices could not be sent');
    });
    this.running.add(work, (error) => this.log.warn({ err: error }, 'owner notices not sent'));
  }

  /**
   * An import's owners, one message each. Not claimed like a single change's notices: running the same
   * import again creates nothing, so it tells nobody twice.
   */
  tellImported(notices: readonly ImportNotice[]): void {
    if (!notices.length) return;
    const work = (async () => {
      let unreachable = 0;
      for (const notice of notices)
        if ((await this.delivery.deliverImported(notice)) === 'unreachable') unreachable++;
      if (unreachable) this.log.warn({ unreachable }, 'some owners of imported actions could not be told');
    })();
    this.running.add(work, (error) => this.log.warn({ err: error }, 'import notices not sent'));
  }

  /** Waits, up to `graceMs`, for notices still going; how many batches were left unfinished. */
  settle(graceMs: number): Promise<number> {
    return this.running.settle(graceMs);
  }
}
