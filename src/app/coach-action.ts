// The SMART coach (domain/smart-coach.ts) as the use cases run it: on a new action, an edit, a spreadsheet
// row, each with what the town's records say about its owners' other work.
import { isOpen, type ActionHeadline } from '../domain/action.js';
import { localDateOf } from '../domain/dates.js';
import { coachAction } from '../domain/smart-coach.js';
import type { CoachField, CoachFinding } from '../domain/smart-checks.js';
import type { Milestone } from '../domain/milestone.js';
import type { PersonRef } from '../domain/entity.js';
import type { Member } from '../domain/member.js';
import type { Priority } from '../domain/priority.js';
import type { TownSlug } from '../domain/towns.js';
import type { AppContext } from './context.js';

export interface CoachedAction {
  title: string;
  measure: string;
  target: string;
  dueDate: string;
  owners: readonly PersonRef[];
  priorityId: string;
  milestones?: readonly Milestone[] | undefined;
}

/** Open actions per owner in a list of a town's actions, leaving out one (the action being edited). */
export function openActionCounts(
  actions: readonly Pick<ActionHeadline, 'id' | 'status' | 'owners'>[],
  leaveOut?: string,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of actions)
    if (a.id !== leaveOut && isOpen(a))
      for (const o of a.owners) counts.set(o.aadObjectId, (counts.get(o.aadObjectId) ?? 0) + 1);
  return counts;
}

/** What the coach needs from the town besides the action: its seats, its priorities, its owners' workloads. */
export interface CoachSetting {
  members: readonly Member[];
  priorities: readonly Priority[];
  openCounts: ReadonlyMap<string, number>;
  /** Only findings on these fields (an edit: the fields it changed); absent: all. */
  fields?: ReadonlySet<CoachField>;
}

/** The town's workloads, read for one coaching. */
export async function openCountsIn(
  ctx: AppContext,
  town: TownSlug,
  leaveOut?: string,
): Promise<Map<string, number>> {
  return openActionCounts(await ctx.stores.actions.listByTown(town), leaveOut);
}

export function coach(ctx: AppContext, action: CoachedAction, setting: CoachSetting): CoachFinding[] {
  const seat = (id: string) => setting.members.find((m) => m.aadObjectId === id);
  const findings = coachAction(
    {
      title: action.title,
      measure: action.measure,
      target: action.target,
      dueDate: action.dueDate,
      owners: action.owners.map((o) => ({ ...o, organisation: seat(o.aadObjectId)?.organisation ?? '' })),
      theme: setting.priorities.find((p) => p.id === action.priorityId)?.theme ?? null,
      milestones: action.milestones ?? [],
    },
    {
      today: localDateOf(ctx.clock.now(), ctx.settings.timeZone),
      openActionsOf: (id) => setting.openCounts.get(id) ?? 0,
      ...(ctx.settings.coach ? { policy: ctx.settings.coach } : {}),
    },
  );
  const { fields } = setting;
  return fields ? findings.filter((f) => fields.has(f.field)) : findings;
}
