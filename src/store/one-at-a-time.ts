/**
 * At most one job per key running, and at most one waiting: a caller that arrives while a job runs waits for
 * the next one (which starts after the running one ends), never for the running one, which may have begun
 * before the caller knew what it needs. Everyone waiting shares that next job.
 */
export class OneAtATime {
  private readonly running = new Map<string, Promise<unknown>>();
  private readonly waiting = new Map<string, Promise<unknown>>();

  run<R>(key: string, job: () => Promise<R>): Promise<R> {
    const running = this.running.get(key);
    if (!running) return this.start(key, job);
    let next = this.waiting.get(key) as Promise<R> | undefined;
    if (!next) {
      next = running
        .catch(() => undefined)
        .then(() => {
          this.waiting.delete(key);
          return this.start(key, job);
        });
      this.waiting.set(key, next);
    }
    return next;
  }

  private start<R>(key: string, job: () => Promise<R>): Promise<R> {
    const run = job();
    this.running.set(key, run);
    const done = () => {
      if (this.running.get(key) === run) this.running.delete(key);
    };
    run.then(done, done);
    return run;
  }
}
