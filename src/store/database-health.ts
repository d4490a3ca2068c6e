// Whether the database can be reached, known by one probe rather than by every request waiting on its own
// timeout. The driver's own monitoring says when the server is lost (a failed operation or heartbeat marks
// it Unknown); while it is lost, one ping a second finds when it is back. Requests ask `available()`, which
// costs nothing, and answer "try again shortly" at once while the database is away.
import type { Db, ServerDescriptionChangedEvent } from 'mongodb';
import type { Logger } from 'pino';

const PROBE_EVERY_MS = 1_000;
const PROBE_TIMEOUT_MS = 800;

export class DatabaseHealth {
  private up = true;
  private timer: NodeJS.Timeout | null = null;
  private probing = false;

  constructor(
    private readonly db: Db,
    private readonly log: Pick<Logger, 'warn' | 'info'>,
  ) {
    db.client.on('serverDescriptionChanged', (event: ServerDescriptionChangedEvent) => {
      if (event.newDescription.type === 'Unknown' && event.newDescription.error) this.lost();
    });
  }

  /** False from the moment the driver loses the server until a probe reaches it again. */
  available(): boolean {
    return this.up;
  }

  /** Asks the server now (within a second), for /readyz; the answer also updates `available()`. */
  async check(): Promise<boolean> {
    if (!this.up) return false;
    const reached = await this.ping();
    if (!reached) this.lost();
    return reached;
  }

  /** Stops probing (at shutdown). */
  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private lost(): void {
    if (!this.up) return;
    this.up = false;
    this.log.warn('database unreachable: answering "try again shortly" until it is back');
    this.timer = setInterval(() => void this.probe(), PROBE_EVERY_MS);
    this.timer.unref();
  }

  private async probe(): Promise<void> {
    if (this.probing || this.up) return;
    this.probing = true;
    try {
      if (await this.ping()) {
        this.up = true;
        this.close();
        this.log.info('database reachable again');
      }
    } finally {
      this.probing = false;
    }
  }

  private async ping(): Promise<boolean> {
    try {
      return (await this.db.command({ ping: 1 }, { timeoutMS: PROBE_TIMEOUT_MS })).ok === 1;
    } catch {
      return false;
    }
  }
}
