// What the personal tab ("My actions") shows and changes: the person's open actions in every town where
// they have a seat, grouped by due state, and the same changes as the action's card, through the same use
// case (version-checked, audited). The tab has no personal-data guard card, so a note is screened here and
// anything the guard would not keep unconfirmed is refused with what it found (never the words).
import { AppError, ErrorCode } from '../errors.js';
import { dueState, type DueState } from '../domain/due.js';
import { personalDataSummary } from '../domain/personal-data-findings.js';
import { COUNTY } from '../domain/member.js';
import { fail, type Result } from '../domain/result.js';
import { townBySlug } from '../domain/towns.js';
import { screenForActor } from './personal-data.js';
import { myActions, today } from './read-models.js';
import { changeAction } from './change-action.js';
import type { ActionChange } from './update-action.js';
import type { ActionChanged } from './action-effects.js';
import type { ActionHeadline, ActionStatus } from '../domain/action.js';
import type { LocalDate } from '../domain/dates.js';
import type { Actor } from '../domain/entity.js';
import type { AccessRole } from '../domain/roles.js';
import type { AppContext } from './context.js';

export interface MyWork {
  readonly today: string;
  readonly seats: readonly { town: string; townName: string; role: AccessRole }[];
  /** Open actions by due state, soonest due first in each. */
  readonly groups: Readonly<Record<Exclude<DueState['kind'], 'closed'>, readonly ActionHeadline[]>>;
}

export async function myWork(ctx: AppContext, actor: Actor): Promise<MyWork> {
  const [seats, open] = await Promise.all([ctx.stores.members.listByPerson(actor.id), myActions(ctx, actor)]);
  const day = today(ctx);
  const groups = { overdue: [], due_today: [], due_soon: [], on_schedule: [] } as Record<
    Exclude<DueState['kind'], 'closed'>,
    ActionHeadline[]
  >;
  for (const action of open) {
    const state = dueState(action, day, ctx.settings.dueSoonDays).kind;
    if (state !== 'closed') groups[state].push(action);
  }
  return {
    today: day,
    seats: seats.map((m) => ({
      town: m.town,
      townName: m.town === COUNTY ? 'the county board' : townBySlug(m.town).name,
      role: m.accessRole,
    })),
    groups,
  };
}

/** A change as the tab sends it: its words not yet screened. */
export type TypedChange =
  | { kind: 'status'; status: ActionStatus; reason?: string | null }
  | { kind: 'note'; text: string; link?: string | null }
  | { kind: 'due_date'; dueDate: LocalDate; reason?: string | null };

/** A change from the tab: every word typed is screened first (no guard card there to confirm a warning on). */
export async function changeFromTab(
  ctx: AppContext,
  actor: Actor,
  request: { actionId: string; expectedVersion: number; change: TypedChange },
): Promise<Result<ActionChanged, AppError>> {
  const { change } = request;
  const typed =
    change.kind === 'note'
      ? { note: change.text, link: change.link ?? undefined }
      : { reason: change.reason ?? undefined };
  const screening = await screenForActor(ctx, actor, typed);
  const text = screening.text;
  if (!text)
    return fail(
      new AppError(
        ErrorCode.Validation,
        `Not saved: it looks like personal data (${personalDataSummary(screening)})`,
      ),
    );
  const screened: ActionChange =
    change.kind === 'note'
      ? { kind: 'note', text: text.note!, link: text.link ?? null }
      : { ...change, reason: text.reason ?? null };
  return changeAction(ctx, actor, { ...request, change: screened });
}
