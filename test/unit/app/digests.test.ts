import { describe, expect, it } from 'vitest';
import { sendDigests, type DigestOptions } from '../../../src/app/send-digests.js';
import { seedDemo } from '../../../src/app/seed-demo.js';
import { seedReferenceData } from '../../../src/app/seed-reference-data.js';
import { DEMO_PEOPLE } from '../../../src/app/demo-data.js';
import { isoWeek } from '../../../src/domain/dates.js';
import { testContext } from '../../support/app-context.js';
import type { DigestDelivery } from '../../../src/app/outward-ports.js';
import type { Digest } from '../../../src/domain/digest.js';

class RecordingDigests implements DigestDelivery {
  readonly towns: string[] = [];
  readonly people: { name: string; digest: Digest }[] = [];
  async toTownChannel(town: string) {
    this.towns.push(town);
    return 'sent' as const;
  }
  async toPerson(_id: string, name: string, digest: Digest) {
    this.people.push({ name, digest });
    return 'sent' as const;
  }
}

const options: DigestOptions = { worker: 'w1', leaseMs: 60_000, day: 'monday', hour: 9 };

async function demo(now: string) {
  const t = testContext(undefined, now);
  await seedReferenceData(t.ctx);
  await seedDemo(t.ctx);
  return t;
}

describe('weekly digests', () => {
  it('sends each town and each owner of more than one open action one digest a week, on the day', async () => {
    const t = await demo('2026-11-30T10:00:00Z'); // Monday 10:00
    const delivery = new RecordingDigests();
    expect(await sendDigests(t.ctx, delivery, options)).toEqual({ due: true, towns: 10, people: 3 });
    expect(delivery.people.map((p) => p.name).sort()).toEqual([
      'Alex Nance (demo)',
      'Jo Trelawny (demo)',
      'Sam Penrose (demo)',
    ]);
    const alex = delivery.people.find((p) => p.name.startsWith('Alex'))!.digest;
    expect(alex.overdue.length + alex.dueNextTwoWeeks.length).toBeGreaterThan(0);
    expect(await sendDigests(t.ctx, delivery, options)).toEqual({ due: true, towns: 0, people: 0 });
    t.clock.set('2026-12-01T10:00:00Z'); // Tuesday
    expect((await sendDigests(t.ctx, delivery, options)).due).toBe(false);
    t.clock.set('2026-12-07T08:59:00Z'); // next Monday, before the hour
    expect((await sendDigests(t.ctx, delivery, options)).due).toBe(false);
    t.clock.set('2026-12-07T09:00:00Z');
    expect(await sendDigests(t.ctx, delivery, options)).toEqual({ due: true, towns: 10, people: 3 });
  });

  it('respects a person’s opt-out', async () => {
    const t = await demo('2026-11-30T10:00:00Z');
    await t.stores.preferences.setDigestOptOut(DEMO_PEOPLE[1]!.aadObjectId, true);
    const delivery = new RecordingDigests();
    expect((await sendDigests(t.ctx, delivery, options)).people).toBe(2);
    expect(delivery.people.map((p) => p.name)).not.toContain('Sam Penrose (demo)');
  });

  it('names weeks the ISO way', () => {
    expect(isoWeek('2026-11-26')).toBe('2026-W48');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
  });
});
