// Weekly digests: each town's to its channel, and each owner with more than one open action 1:1 (unless they
// opted out). Sent once per ISO week each, claimed like reminders, so several instances never double up.
import { isoWeek, localDateOf, weekday } from '../domain/dates.js';
import { weeklyDigest, WEEKDAYS, type Weekday } from '../domain/digest.js';
import { isOpen, type ActionHeadline } from '../domain/action.js';
import { TOWNS } from '../domain/towns.js';
import type { ReminderKey } from '../domain/reminder.js';
import type { AppContext } from './context.js';
import type { DigestDelivery } from './outward-ports.js';

export interface DigestOptions {
  worker: string;
  leaseMs: number;
  day: Weekday;
  /** Local hour from which the week's digests go out on `day`. */
  hour: number;
}

export interface DigestReport {
  due: boolean;
  towns: number;
  people: number;
}

function localHour(now: Date, timeZone: string): number {
  return Number(
    new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(now),
  );
}

export async function sendDigests(
  ctx: AppContext,
  delivery: DigestDelivery,
  options: DigestOptions,
): Promise<DigestReport> {
  const { timeZone, dueSoonDays } = ctx.settings;
  const now = ctx.clock.now();
  const today = localDateOf(now, timeZone);
  const report: DigestReport = { due: false, towns: 0, people: 0 };
  if (WEEKDAYS[weekday(today)] !== options.day || localHour(now, timeZone) < options.hour) return report;
  report.due = true;
  const window = isoWeek(today);
  // Once the whole week's round is done, later sweeps that day skip it without reading every action.
  const round: ReminderKey = { actionId: 'digests', kind: 'town_digest', window };
  if ((await ctx.stores.reminders.get(round))?.state === 'sent') return report;
  let complete = true;
  const claimOnly = async (key: ReminderKey) =>
    ctx.stores.reminders.claim(key, options.worker, now, new Date(now.getTime() + options.leaseMs));
  /** Ours to send; if not, notes whether another instance is still sending it (then the round is not done). */
  const claim = async (key: ReminderKey) => {
    if (await claimOnly(key)) return true;
    if ((await ctx.stores.reminders.get(key))?.state === 'claimed') complete = false;
    return false;
  };
  const finish = async (key: ReminderKey, outcome: 'sent' | 'unreachable') =>
    outcome === 'sent'
      ? ctx.stores.reminders.markSent(key, options.worker, ctx.clock.now())
      : ctx.stores.reminders.markFailed(key, options.worker, 'nobody could be reached');

  const owners = new Map<string, { name: string; actions: ActionHeadline[] }>();
  for (const town of TOWNS) {
    const actions = await ctx.stores.actions.listByTown(town.slug);
    for (const action of actions.filter(isOpen)) {
      for (const owner of action.owners) {
        const entry = owners.get(owner.aadObjectId) ?? { name: owner.displayName, actions: [] };
        entry.actions.push(action);
        owners.set(owner.aadObjectId, entry);
      }
    }
    const key: ReminderKey = { actionId: `town:${town.slug}`, kind: 'town_digest', window };
    if (!(await claim(key))) continue;
    try {
      await finish(key, await delivery.toTownChannel(town.slug, weeklyDigest(actions, today, dueSoonDays)));
      report.towns++;
    } catch {
      complete = false; // transient: the claim lapses and the next sweep tries again
    }
  }
  for (const [aadObjectId, { name, actions }] of owners) {
    if (actions.length < 2 || (await ctx.stores.preferences.digestOptedOut(aadObjectId))) continue;
    const key: ReminderKey = { actionId: `person:${aadObjectId}`, kind: 'personal_digest', window };
    if (!(await claim(key))) continue;
    try {
      await finish(
        key,
        await delivery.toPerson(aadObjectId, name, weeklyDigest(actions, today, dueSoonDays)),
      );
      report.people++;
    } catch {
      complete = false; // as above
    }
  }
  if (complete && (await claimOnly(round)))
    await ctx.stores.reminders.markSent(round, options.worker, ctx.clock.now());
  return report;
}
