// Imports a town's delivery plan from spreadsheet rows into its current plan. The domain works out every
// change and every problem first (domain/plan-import.ts); any problem, and nothing is written. Without
// transactions, "nothing or all" is kept by checking everything first and by writes that are safe to
// repeat: an import cut short is finished by running it again.
import type { ScreenedText } from '../domain/screened-text.js';
import { AppError, ErrorCode } from '../errors.js';
import { completeAction } from '../domain/action.js';
import { planImportChanges, type ImportChanges } from '../domain/plan-import.js';
import { reviseIfApproved, type DeliveryPlan } from '../domain/plan.js';
import { fail, ok, type Result } from '../domain/result.js';
import { townBySlug, type TownSlug } from '../domain/towns.js';
import type { ImportRow } from '../domain/plan-import-rows.js';
import { audit } from './audit-trail.js';
import { importEffects } from './import-effects.js';
import type { ActionEffect } from './action-effects.js';
import { authorise } from './authorise.js';
import { recordPlanRevision } from './plans.js';
import { today as todayOf } from './read-models.js';
import { listWholeActions } from './whole-actions.js';
import { coach, openActionCounts } from './coach-action.js';
import { keptWarning } from '../domain/smart-warnings.js';
import type { CoachFinding } from '../domain/smart-checks.js';
import type { Action } from '../domain/action.js';
import type { Member } from '../domain/member.js';
import type { Priority } from '../domain/priority.js';
import type { Actor } from '../domain/entity.js';
import type { AppContext } from './context.js';

export interface ImportOutcome {
  plan: DeliveryPlan;
  dryRun: boolean;
  newPriorities: string[];
  created: string[];
  updated: string[];
  unchanged: number;
  /** The SMART coach's warnings on each new action, by sheet row: imported as written, to review. */
  warnings: RowWarnings[];
  /** What the import causes beyond its records (none for a dry run), for the caller's effect runner. */
  effects: ActionEffect[];
}

interface RowWarnings {
  row: number;
  title: string;
  findings: CoachFinding[];
}

export async function importPlan(
  ctx: AppContext,
  actor: Actor,
  request: { town: TownSlug; rows: readonly ImportRow[]; dryRun: boolean; reason?: ScreenedText | null },
): Promise<Result<ImportOutcome, AppError>> {
  const { town } = request;
  const name = townBySlug(town).name;
  const access = await authorise(ctx, actor, town, 'coordinate');
  if (!access.ok) return access;
  const { stores } = ctx;
  const day = todayOf(ctx);
  const plans = await stores.plans.listByTown(town);
  const plan = plans.find((p) => p.periodStart <= day && day <= p.periodEnd) ?? plans[0];
  if (!plan)
    return fail(
      new AppError(ErrorCode.NotFound, `${name} has no delivery plan to import into: create one first`),
    );
  if (!request.rows.length)
    return fail(new AppError(ErrorCode.Validation, 'The sheet has no rows under its header'));

  const [priorities, members, actions] = await Promise.all([
    stores.priorities.listByPlan(plan.id),
    stores.members.listByTown(town),
    listWholeActions(ctx, town),
  ]);
  const changes = planImportChanges(request.rows, {
    town,
    townName: name,
    plan,
    priorities,
    members,
    actions,
    today: day,
    newId: () => ctx.ids.newId(),
  });
  const { problems, newPriorities, creates, updates, unchanged } = changes;
  if (plan.status === 'approved' && (creates.length || newPriorities.length)) {
    const check = reviseIfApproved(
      plan,
      'Imported from a spreadsheet',
      request.reason,
      { aadObjectId: actor.id, displayName: actor.name },
      ctx.clock.now(),
    );
    if (!check.ok)
      problems.push(`The plan is approved: give the reason for the import (--reason), kept as its revision`);
  }
  if (problems.length)
    return fail(
      new AppError(
        ErrorCode.Validation,
        `Nothing was imported: ${problems.length} problem${problems.length > 1 ? 's' : ''}`,
        {
          issues: problems.map((message) => ({ field: 'sheet', message })),
        },
      ),
    );

  const outcome: ImportOutcome = {
    plan,
    dryRun: request.dryRun,
    newPriorities: newPriorities.map((p) => p.title),
    created: creates.map((c) => c.row.title),
    updated: updates.map((u) => u.before.ref),
    unchanged,
    warnings: coachRows(ctx, creates, { members, priorities: [...priorities, ...newPriorities], actions }),
    effects: [],
  };
  if (request.dryRun) return ok(outcome);
  return write(ctx, actor, request, plan, changes, outcome);
}

/** Writes what the check found: new priorities, new actions, updates, and the approved plan's revision. */
async function write(
  ctx: AppContext,
  actor: Actor,
  request: { town: TownSlug; reason?: ScreenedText | null },
  plan: DeliveryPlan,
  { newPriorities, creates, updates }: ImportChanges,
  outcome: ImportOutcome,
): Promise<Result<ImportOutcome, AppError>> {
  const { stores } = ctx;
  const { town } = request;
  for (const p of newPriorities) {
    const entity = { kind: 'priority' as const, id: p.id, label: p.title };
    await stores.priorities.insert(
      p,
      audit(ctx, { actor, change: 'priority.imported', entity, town, before: null, after: p }),
    );
  }
  const created: Action[] = [];
  const updated: { before: Action; after: Action }[] = [];
  const by = { aadObjectId: actor.id, displayName: actor.name };
  for (const { row, draft } of creates) {
    const findings = outcome.warnings.find((w) => w.row === row.row)?.findings ?? [];
    // Kept unreviewed (no reason): listed under "actions to review" until a coordinator looks at them.
    const warnings = findings.length
      ? { warnings: findings.map(keptWarning), reason: null, by, at: ctx.clock.now().toISOString() }
      : null;
    const action = completeAction(
      { ...draft, warnings },
      {
        id: ctx.ids.newId(),
        ref: await stores.actions.nextRef(town),
        now: ctx.clock.now(),
        actor,
      },
    );
    const entity = { kind: 'action' as const, id: action.id, label: action.ref };
    await stores.actions.insert(
      action,
      audit(ctx, { actor, change: 'action.imported', entity, town, before: null, after: action }),
    );
    created.push(action);
  }
  for (const { before, after } of updates) {
    const entity = { kind: 'action' as const, id: before.id, label: before.ref };
    const next = { ...after, updatedAt: ctx.clock.now().toISOString() };
    const result = await stores.actions.update(
      next,
      before.version,
      audit(ctx, { actor, change: 'action.imported', entity, town, before, after: next }),
    );
    if (result.kind === 'updated') updated.push({ before, after: result.value });
    else
      return fail(
        new AppError(
          ErrorCode.StaleVersion,
          `${before.ref} changed during the import: run it again to finish`,
        ),
      );
  }
  if (plan.status === 'approved' && (creates.length || newPriorities.length)) {
    const revised = await recordPlanRevision(
      ctx,
      actor,
      plan.id,
      `Imported from a spreadsheet: ${creates.length} actions, ${newPriorities.length} priorities`,
      request.reason,
    );
    if (!revised.ok) return fail(revised.error);
  }
  return ok({
    ...outcome,
    created: created.map((a) => `${a.ref} ${a.title}`),
    effects: importEffects(created, updated, actor),
  });
}

/** Each new row coached as the form would coach it, owners' workloads growing row by row. */
function coachRows(
  ctx: AppContext,
  creates: ImportChanges['creates'],
  town: { members: readonly Member[]; priorities: readonly Priority[]; actions: readonly Action[] },
): RowWarnings[] {
  const openCounts = openActionCounts(town.actions);
  const warnings: RowWarnings[] = [];
  for (const { row, draft } of creates) {
    const findings = coach(ctx, draft, { members: town.members, priorities: town.priorities, openCounts });
    if (findings.length) warnings.push({ row: row.row, title: draft.title, findings });
    for (const o of draft.owners) openCounts.set(o.aadObjectId, (openCounts.get(o.aadObjectId) ?? 0) + 1);
  }
  return warnings;
}
