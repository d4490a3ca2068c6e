// The SMART coach on an edit: only the fields the edit changed are coached (an old action's title is not
// nagged about when only its owners change), and warnings accepted before stay accepted with their reason.
import { decideWarnings, keptWarning, warningCodesOf, type WarningsKept } from '../domain/smart-warnings.js';
import { coach, openCountsIn } from './coach-action.js';
import { COACH_FIELDS, type CoachField, type CoachFinding } from '../domain/smart-checks.js';
import type { Action } from '../domain/action.js';
import type { Actor } from '../domain/entity.js';
import type { Member } from '../domain/member.js';
import type { Priority } from '../domain/priority.js';
import type { AppContext } from './context.js';

/** The coach has warnings on the edit the editor has not seen, or not yet said why they stand. */
export interface Coached {
  kind: 'ask';
  findings: CoachFinding[];
  problem: string | null;
}

/** Which of the form's fields each changed field of an action is. */
const FIELD_OF: Partial<Record<string, CoachField>> = {
  title: 'title',
  measure: 'measure',
  target: 'target',
  owners: 'ownerIds',
  milestones: 'milestones',
};

export async function coachEdit(
  ctx: AppContext,
  actor: Actor,
  change: {
    action: Action;
    edited: Action;
    changed: readonly string[];
    members: readonly Member[];
    priorities: readonly Priority[];
  },
  form: { warningsSeen?: string | undefined; warningsReason?: string | undefined },
): Promise<Coached | { kind: 'kept'; warnings: WarningsKept | null }> {
  const { action, edited } = change;
  const before = action.warnings ?? null;
  // An imported action not yet reviewed is coached whole on its first edit: the reviewer sees every warning.
  const coached = change.changed.map((f) => FIELD_OF[f]).filter((f) => f !== undefined);
  if (!coached.length) return { kind: 'kept', warnings: before };
  const review = before !== null && !before.reason;
  const fields = new Set<CoachField>(review ? COACH_FIELDS : coached);
  // Warnings on fields left alone stand as they were.
  const untouched = (before?.warnings ?? []).filter((w) => !fields.has(w.field));
  const findings = coach(ctx, edited, {
    members: change.members,
    priorities: change.priorities,
    openCounts: await openCountsIn(ctx, action.town, action.id),
    fields,
  });
  const keptCodes = (before?.warnings ?? []).map((w) => w.code);
  const fresh = findings.filter((f) => !keptCodes.includes(f.code) || !before?.reason);
  const decision = decideWarnings({
    findings: fresh,
    seen: warningCodesOf(form.warningsSeen),
    reason: form.warningsReason,
    by: { aadObjectId: actor.id, displayName: actor.name },
    at: ctx.clock.now(),
  });
  if (decision.kind === 'ask') return decision;
  const old = findings.filter((f) => !fresh.includes(f));
  const standing = [...untouched, ...old.map(keptWarning)];
  if (decision.kind === 'accepted')
    return {
      kind: 'kept',
      warnings: { ...decision.kept, warnings: [...standing, ...decision.kept.warnings] },
    };
  return { kind: 'kept', warnings: standing.length && before ? { ...before, warnings: standing } : null };
}
