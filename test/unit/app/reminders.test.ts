// The reminder sweep on in-memory stores with a controllable clock (Thursday 26 November 2026, 10:00 London).
import { beforeEach, describe, expect, it } from 'vitest';
import { sendDueReminders, type SweepOptions } from '../../../src/app/send-due-reminders.js';
import { seedDemo } from '../../../src/app/seed-demo.js';
import { seedReferenceData } from '../../../src/app/seed-reference-data.js';
import { DEFAULT_REMINDER_POLICY, type DueReminder } from '../../../src/domain/reminder-policy.js';
import { testContext } from '../../support/app-context.js';
import type { Action } from '../../../src/domain/action.js';
import type { ReminderDelivery } from '../../../src/app/outward-ports.js';

class RecordingDelivery implements ReminderDelivery {
  readonly delivered: string[] = [];
  fail: ((action: Action) => 'throw' | 'unreachable' | null) | null = null;
  async deliver(action: Action, reminder: DueReminder) {
    const failure = this.fail?.(action);
    if (failure === 'throw') throw new Error('Bot Connector unavailable');
    if (failure === 'unreachable') return 'unreachable' as const;
    this.delivered.push(`${action.ref} ${reminder.window}`);
    return 'sent' as const;
  }
}

const options: SweepOptions = { worker: 'worker-1', leaseMs: 120_000, policy: DEFAULT_REMINDER_POLICY };
const DAY = 86_400_000;

describe('the reminder sweep', () => {
  let t: ReturnType<typeof testContext>;
  let delivery: RecordingDelivery;

  beforeEach(async () => {
    t = testContext(undefined, '2026-11-26T10:00:00Z');
    await seedReferenceData(t.ctx);
    await seedDemo(t.ctx);
    delivery = new RecordingDelivery();
  });

  it('sends what each open action is owed, once per window, however often it runs', async () => {
    const first = await sendDueReminders(t.ctx, delivery, options);
    // In Truro: 20 days overdue (overdue + escalation), 3 days overdue, due today, due in 2 days; the
    // other towns as their demo profiles shift them (demo-towns.ts).
    expect(first).toMatchObject({ quiet: false, due: 37, claimed: 37, sent: 37 });
    expect(delivery.delivered.filter((d) => d.startsWith('TRU-')).sort()).toEqual([
      'TRU-001 escalation:2026-11-06',
      'TRU-001 overdue:2026-11-06:week2',
      'TRU-002 overdue:2026-11-23:week0',
      'TRU-003 due_today:2026-11-26',
      'TRU-004 due_soon:2026-11-28',
    ]);
    expect(new Set(delivery.delivered).size).toBe(37);
    expect(await sendDueReminders(t.ctx, delivery, options)).toMatchObject({ due: 37, claimed: 0, sent: 0 });

    // Friday: yesterday's "due today" is now overdue (Truro, Saltash), and two long-overdue actions enter
    // another week overdue (the weekly reminder); nothing else is new.
    t.clock.advance(DAY);
    const friday = await sendDueReminders(t.ctx, delivery, options);
    expect(friday).toMatchObject({ claimed: 4, sent: 4 });
    expect(delivery.delivered.slice(-4).sort()).toEqual([
      'NQY-004 overdue:2026-10-29:week4',
      'RED-001 overdue:2026-10-22:week5',
      'SAL-001 overdue:2026-11-26:week0',
      'TRU-003 overdue:2026-11-26:week0',
    ]);
  });

  it('stops between sends when shutting down, and leaves the rest to be taken over once the claims lapse', async () => {
    const stopping = new AbortController();
    const stopAfter3: ReminderDelivery = {
      deliver: async (action, reminder) => {
        const sent = await delivery.deliver(action, reminder);
        if (delivery.delivered.length === 3) stopping.abort(new Error('shutting down'));
        return sent;
      },
    };
    const one = { ...options, concurrency: 1, signal: stopping.signal };
    await expect(sendDueReminders(t.ctx, stopAfter3, one)).rejects.toThrow('shutting down');
    expect(delivery.delivered).toHaveLength(3);
    // Another instance meanwhile takes over nothing (the claims are held)...
    const other = { ...options, worker: 'worker-2' };
    expect(await sendDueReminders(t.ctx, delivery, other)).toMatchObject({ claimed: 0, sent: 0 });
    // ...and once they lapse, sends the other 34, none twice.
    t.clock.advance(options.leaseMs + 1_000);
    expect(await sendDueReminders(t.ctx, delivery, other)).toMatchObject({ claimed: 34, sent: 34 });
    expect(new Set(delivery.delivered).size).toBe(37);
  });

  it('sends nothing at night or at the weekend, and catches up on Monday morning', async () => {
    t.clock.set('2026-11-26T22:00:00Z');
    expect(await sendDueReminders(t.ctx, delivery, options)).toMatchObject({ quiet: true, sent: 0 });
    t.clock.set('2026-11-28T10:00:00Z'); // Saturday
    expect(await sendDueReminders(t.ctx, delivery, options)).toMatchObject({ quiet: true, sent: 0 });
    t.clock.set('2026-11-30T08:00:00Z'); // Monday 08:00
    expect((await sendDueReminders(t.ctx, delivery, options)).sent).toBeGreaterThan(0);
  });

  it('sends nothing for done or cancelled actions, nor while snoozed', async () => {
    const truro = await t.stores.actions.listByTown('truro');
    const done = truro.filter((a) => a.status === 'done').map((a) => a.ref);
    await sendDueReminders(t.ctx, delivery, options);
    expect(delivery.delivered.some((d) => done.some((ref) => d.startsWith(ref)))).toBe(false);

    const t2 = testContext(undefined, '2026-11-26T10:00:00Z');
    await seedReferenceData(t2.ctx);
    await seedDemo(t2.ctx);
    for (const action of await t2.stores.actions.listOpenDueBy('2026-12-31')) {
      const audit = {
        id: `snooze-${action.id}`,
        at: '2026-11-26T09:00:00Z',
        actor: { kind: 'system' as const, id: 's', name: 's' },
        town: action.town,
        entity: { kind: 'action' as const, id: action.id, label: action.ref },
        change: 'action.snooze',
        before: null,
        after: null,
      };
      await t2.stores.actions.update({ ...action, snoozedUntil: '2026-11-29' }, action.version, audit);
    }
    const snoozed = new RecordingDelivery();
    expect(await sendDueReminders(t2.ctx, snoozed, options)).toMatchObject({ due: 0, sent: 0 });
  });

  it('leaves a transient failure to its lease, then another worker sends it; an unreachable owner is not retried', async () => {
    delivery.fail = (a) => (a.ref === 'TRU-002' ? 'throw' : a.ref === 'TRU-003' ? 'unreachable' : null);
    const first = await sendDueReminders(t.ctx, delivery, options);
    expect(first).toMatchObject({ retryLater: 1, unreachable: 1, sent: 35 });
    delivery.fail = null;
    expect(await sendDueReminders(t.ctx, delivery, { ...options, worker: 'worker-2' })).toMatchObject({
      claimed: 0,
    });
    t.clock.advance(options.leaseMs + 1_000);
    const later = await sendDueReminders(t.ctx, delivery, { ...options, worker: 'worker-2' });
    expect(later).toMatchObject({ claimed: 1, sent: 1 });
    expect(delivery.delivered.at(-1)).toBe('TRU-002 overdue:2026-11-23:week0');
  });
});
