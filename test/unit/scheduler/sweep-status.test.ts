import { describe, expect, it } from 'vitest';
import { SweepStatus } from '../../../src/scheduler/sweep-status.js';

describe("the sweep's status, as /readyz shows it", () => {
  let now = new Date('2026-12-01T10:00:00Z');
  const clock = () => now;
  const later = (seconds: number) => (now = new Date(now.getTime() + seconds * 1_000));

  it('says what the last sweep did, and is late only after three intervals without a good sweep', () => {
    const status = new SweepStatus(300, clock);
    expect(status.summary()).toMatchObject({ lastResult: null, late: false });
    status.started();
    status.finished({ quiet: false, sent: 4 });
    expect(status.summary()).toMatchObject({ lastResult: 'sent', lastSent: 4, late: false });
    later(300);
    status.started();
    status.finished(null);
    expect(status.summary()).toMatchObject({ lastResult: 'failed', lastSent: 0, late: false });
    later(601);
    expect(status.summary().late).toBe(true);
    status.finished({ quiet: true, sent: 0 });
    expect(status.summary()).toMatchObject({ lastResult: 'quiet hours', late: false });
  });

  it('is never late on an instance that does not sweep', () => {
    const status = new SweepStatus(0, clock);
    later(86_400);
    expect(status.summary()).toMatchObject({ intervalSeconds: 0, late: false });
  });
});
