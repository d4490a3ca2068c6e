// The demo's partnership work beyond actions, in the towns whose profile has some (demo-towns.ts): a
// task-and-finish group, a problem-solving plan, a meeting. Idempotent, like the rest of the demo.
import { addDays, localDateOf, zonedInstant } from '../domain/dates.js';
import { newMeeting } from '../domain/meeting.js';
import { newProblemPlan } from '../domain/problem.js';
import { newTaskGroup } from '../domain/task-group.js';
import { DEMO_PEOPLE } from './demo-data.js';
import { must, seeded } from './seeded.js';
import type { Town } from '../domain/towns.js';
import type { AppContext } from './context.js';
import type { DemoTownProfile } from './demo-towns.js';

export async function seedTownWork(
  ctx: AppContext,
  town: Town,
  profile: DemoTownProfile,
  count: (inserted: boolean) => void,
): Promise<void> {
  const { stores } = ctx;
  const now = ctx.clock.now();
  const today = localDateOf(now, ctx.settings.timeZone);
  const seats = DEMO_PEOPLE.filter((p) => p.accessRole !== 'board');
  if (profile.group) {
    const { theme, endsInDays, members } = profile.group;
    const input = {
      town: town.slug,
      theme,
      memberIds: members.map((m) => seats[m]!.aadObjectId),
      endDate: addDays(today, endsInDays),
      demo: true,
    };
    const group = must(newTaskGroup(input, `demo-${town.slug}-group-1`, today));
    count(await stores.taskGroups.insertIfAbsent(group, seeded(ctx, 'task_group', group, theme, town.slug)));
  }
  if (profile.problem) {
    const id = `demo-${town.slug}-problem-1`;
    if (await stores.problems.get(id)) count(false);
    else {
      const seq = await stores.problems.nextSeq(town.slug);
      const plan = must(newProblemPlan({ ...profile.problem, town: town.slug, demo: true }, { id, seq }));
      await stores.problems.insert(plan, seeded(ctx, 'problem', plan, plan.ref, town.slug));
      count(true);
    }
  }
  if (profile.meeting) {
    const { kind, title, inDays } = profile.meeting;
    const start = zonedInstant(addDays(today, inDays), '10:00', ctx.settings.timeZone)!;
    const [organiser, ...others] = seats.map((p) => ({
      aadObjectId: p.aadObjectId,
      displayName: p.displayName,
      email: p.email,
    }));
    const input = {
      town: town.slug,
      kind,
      title,
      agenda: 'Actions due and overdue; the residents survey (demo)',
      start: start.toISOString(),
      end: new Date(start.getTime() + 90 * 60_000).toISOString(),
      organiser,
      attendees: others,
      demo: true,
    };
    const meeting = {
      ...must(newMeeting(input, `demo-${town.slug}-meeting-1`, now)),
      status: 'scheduled' as const,
    };
    count(await stores.meetings.insertIfAbsent(meeting, seeded(ctx, 'meeting', meeting, title, town.slug)));
  }
}
