// Work still going after the turn that started it answered (a channel copy posted late), so that shutdown
// can wait for it.
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  add(work: Promise<unknown>, onError: (error: unknown) => void): void {
    this.running.add(work);
    void work.catch(onError).finally(() => this.running.delete(work));
  }

  /** Waits, up to `graceMs`, for what is still going; how much was left unfinished. */
  async settle(graceMs: number): Promise<number> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.running]),
      new Promise((resolve) => {
        timer = setTimeout(resolve, graceMs);
      }),
    ]);
    clearTimeout(timer);
    return this.running.size;
  }
}
