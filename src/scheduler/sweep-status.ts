// What the last reminder sweep of this instance did, and when: shown by /readyz so that a stopped sweep (an
// instance scaled to zero, a sweep failing every time) can be alerted on.
export interface SweepSummary {
  /** How often this instance sweeps; 0: it does not (another instance must). */
  intervalSeconds: number;
  lastStartedAt: string | null;
  lastFinishedAt: string | null;
  lastResult: 'sent' | 'nothing due' | 'quiet hours' | 'failed' | null;
  lastSent: number;
  /** Sweeping, but no sweep succeeded for three intervals: reminders are not going out from here. */
  late: boolean;
}

export class SweepStatus {
  private startedAt: Date | null = null;
  private finishedAt: Date | null = null;
  private succeededAt: Date | null = null;
  private result: SweepSummary['lastResult'] = null;
  private sent = 0;

  constructor(
    private readonly intervalSeconds: number,
    private readonly now: () => Date,
    private readonly since = now(),
  ) {}

  started(): void {
    this.startedAt = this.now();
  }

  finished(report: { quiet: boolean; sent: number } | null): void {
    this.finishedAt = this.now();
    if (report) this.succeededAt = this.finishedAt;
    this.sent = report?.sent ?? 0;
    this.result = !report ? 'failed' : report.quiet ? 'quiet hours' : report.sent ? 'sent' : 'nothing due';
  }

  summary(): SweepSummary {
    const last = this.succeededAt ?? this.since;
    const late =
      this.intervalSeconds > 0 && this.now().getTime() - last.getTime() > 3 * this.intervalSeconds * 1_000;
    return {
      intervalSeconds: this.intervalSeconds,
      lastStartedAt: this.startedAt?.toISOString() ?? null,
      lastFinishedAt: this.finishedAt?.toISOString() ?? null,
      lastResult: this.result,
      lastSent: this.sent,
      late,
    };
  }
}
