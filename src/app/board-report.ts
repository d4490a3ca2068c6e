// The board report's data: every town's summary row and its actions, for a workbook, CSV files or a card.
import { boardReport, profileRows, type BoardReport, type ProfileRow } from '../domain/board-report.js';
import { citedFigures } from './cited-evidence.js';
import { oneTownProfile } from './town-profile.js';
import type { DeliveryPlan } from '../domain/plan.js';
import type { Priority } from '../domain/priority.js';
import { ok, type Result } from '../domain/result.js';
import { TOWNS } from '../domain/towns.js';
import { audit } from './audit-trail.js';
import { mayViewBoard, summarise, today } from './read-models.js';
import { listWholeActions } from './whole-actions.js';
import type { AppError } from '../errors.js';
import type { Actor } from '../domain/entity.js';
import type { AppContext } from './context.js';

export async function buildBoardReport(
  ctx: AppContext,
  actor: Actor,
): Promise<Result<BoardReport, AppError>> {
  const access = await mayViewBoard(ctx, actor);
  if (!access.ok) return access;
  const { stores } = ctx;
  const towns = await Promise.all(
    TOWNS.map(async ({ slug }) => {
      const [summary, actions, plans, members] = await Promise.all([
        summarise(ctx, slug),
        listWholeActions(ctx, slug), // the report's rows show each action's measure and target
        stores.plans.listByTown(slug),
        stores.members.listByTown(slug),
      ]);
      const priorities = (await Promise.all(plans.map((p) => stores.priorities.listByPlan(p.id)))).flat();
      return {
        summary,
        actions,
        priorities,
        members,
        profile: await profileOfTown(ctx, slug, plans, priorities),
      };
    }),
  );
  return ok(boardReport(today(ctx), towns));
}

/** A town's police.uk profile as the workbook's rows, with the figures its priorities cite; null without data. */
async function profileOfTown(
  ctx: AppContext,
  town: string,
  plans: readonly DeliveryPlan[],
  priorities: readonly Priority[],
): Promise<{ latest: string; rows: ProfileRow[] } | null> {
  const { profile, latest } = await oneTownProfile(ctx, town);
  if (!latest) return null;
  const cited = (await citedFigures(ctx, town, plans, priorities)).map((c) => ({
    priority: c.priority.title,
    figure: c.figure,
  }));
  return { latest, rows: profileRows(profile, cited) };
}

/**
 * Records that the report left the bot (it names owners and holds every action's text): who took it, when,
 * in what form and to where. The audit trail is where a data-protection officer looks for disclosures.
 */
export async function recordReportExport(
  ctx: AppContext,
  actor: Actor,
  report: BoardReport,
  taken: { format: 'xlsx' | 'csv'; to: string },
): Promise<void> {
  await ctx.stores.audit.append(
    audit(ctx, {
      actor,
      change: 'report.exported',
      entity: { kind: 'export', id: ctx.ids.newId(), label: `Board report (${taken.format})` },
      town: 'county',
      before: null,
      after: { ...taken, towns: report.towns.length, actions: report.towns.flatMap((t) => t.actions).length },
    }),
  );
}
