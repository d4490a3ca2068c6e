/**
 * Per key, at most one job running and only the newest value waiting: a channel card updated five times
 * while Teams' limits hold its conversation back is sent once more, as it is now, not five times. Callers
 * whose value was superseded get the result of the run that carried the newer one.
 */
export class LatestOnly<V, R> {
  private readonly running = new Map<string, Promise<R>>();
  private readonly waiting = new Map<string, { value: V; run: Promise<R> }>();

  constructor(private readonly work: (key: string, value: V) => Promise<R>) {}

  submit(key: string, value: V): Promise<R> {
    const running = this.running.get(key);
    if (!running) return this.start(key, value);
    const queued = this.waiting.get(key);
    if (queued) {
      queued.value = value; // the newer value goes instead; its run has not begun
      return queued.run;
    }
    const slot = { value, run: Promise.resolve() as Promise<R> };
    slot.run = running
      .catch(() => undefined)
      .then(() => {
        this.waiting.delete(key);
        return this.start(key, slot.value);
      });
    this.waiting.set(key, slot);
    return slot.run;
  }

  /** Whether a job for the key is running or waiting. */
  busy(key: string): boolean {
    return this.running.has(key);
  }

  private start(key: string, value: V): Promise<R> {
    const run = this.work(key, value);
    this.running.set(key, run);
    const done = () => {
      if (this.running.get(key) === run) this.running.delete(key);
    };
    run.then(done, done);
    return run;
  }
}
