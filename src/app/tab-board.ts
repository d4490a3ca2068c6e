// What the channel tab ("Town board") shows: a town's plan by priority with its progress, its actions as a
// board, the residents' indicator against its trajectory (each survey reading with its margin of error), and
// its open problem-solving plans by stage; in the board's channel, the ten towns side by side with the fund.
// Same read access as the cards: a town the person may not read is "no such town" to the tab.
import { tallySentence } from '../domain/action-tally.js';
import { AppError, ErrorCode } from '../errors.js';
import { COUNTY } from '../domain/member.js';
import { verdictSentence } from '../domain/indicator-verdict.js';
import { fail, ok, type Result } from '../domain/result.js';
import { townBoard, type TownBoard } from '../domain/town-board.js';
import { TOWNS, townBySlug, type TownSlug } from '../domain/towns.js';
import { authorise } from './authorise.js';
import { abilitiesOf } from './card-context.js';
import { viewOf, type PlanView } from './plan-queries.js';
import { getBoardSummary, summarise, today } from './read-models.js';
import { fundView } from './seed-fund.js';
import { oneTownProfile } from './town-profile.js';
import { PROFILE_CAVEAT, PROFILE_SOURCE, type ProfileShown } from '../domain/town-profile.js';
import type { ActionHeadline } from '../domain/action.js';
import type { Actor, Versioned } from '../domain/entity.js';
import type { FundView } from '../domain/seed-fund.js';
import type { SaraStage } from '../domain/problem.js';
import type { TownSummary } from '../domain/summary.js';
import type { AppContext } from './context.js';

export interface TownBoardView {
  town: TownSlug;
  townName: string;
  today: string;
  /** What the person may do here: the board offers status changes only to those who may make them. */
  mayUpdate: boolean;
  /** `progressLine`: the plan's figures in the words every surface uses (action-tally.ts). */
  plan: { title: string; progress: PlanView['progress']; progressLine: string } | null;
  board: TownBoard;
  figures: Pick<TownSummary, 'byRag' | 'byStatus' | 'percentComplete' | 'total'>;
  indicator: {
    question: string;
    series: NonNullable<TownSummary['indicator']>['series'];
    /** The baseline and every reading (proxies marked) with its 95% margin, for the chart's error bars. */
    readings: NonNullable<TownSummary['indicator']>['readings'];
    progress: NonNullable<TownSummary['indicator']>['progress'];
    /** The verdict in the same words as the card's. */
    progressLine: string;
  } | null;
  problems: { ref: string; title: string; stage: SaraStage }[];
  /** police.uk's figures for the town, with where they come from (null before any are imported). */
  evidence: (Omit<ProfileShown, 'compared'> & { source: string; caveat: string }) | null;
}

export interface CountyBoardView {
  towns: (Pick<TownSummary, 'town' | 'percentComplete' | 'byRag' | 'total'> & {
    townName: string;
    overdue: number;
    openProblems: number;
    progress: string | null;
  })[];
  fund: FundView['totals'] & { towns: FundView['towns'] };
}

const NO_SUCH_TOWN = 'There is no such town board, or it is not one you may see.';

export async function townBoardView(
  ctx: AppContext,
  actor: Actor,
  town: string,
): Promise<Result<TownBoardView, AppError>> {
  const slug = TOWNS.find((t) => t.slug === town)?.slug;
  if (!slug) return fail(new AppError(ErrorCode.NotFound, NO_SUCH_TOWN));
  const access = await authorise(ctx, actor, slug, 'read');
  if (!access.ok) return fail(new AppError(ErrorCode.NotFound, NO_SUCH_TOWN));
  const abilities = abilitiesOf(access.value);
  const day = today(ctx);
  const [summary, plans, actions, members, groups, indicator, problems, evidence] = await Promise.all([
    summarise(ctx, slug),
    ctx.stores.plans.listByTown(slug),
    ctx.stores.actions.listByTown(slug),
    ctx.stores.members.listByTown(slug),
    ctx.stores.taskGroups.listByTown(slug),
    ctx.stores.indicators.get(slug),
    ctx.stores.problems.listByTown(slug),
    oneTownProfile(ctx, slug),
  ]);
  const plan = plans.find((p) => p.periodStart <= day && day <= p.periodEnd) ?? plans[0];
  const planView = plan ? await viewOf(ctx, actor, plan, abilities) : null;
  return ok({
    town: slug,
    townName: townBySlug(slug).name,
    today: day,
    mayUpdate: abilities.update,
    plan: planView
      ? {
          title: planView.plan.title,
          progress: planView.progress,
          progressLine: tallySentence(planView.progress),
        }
      : null,
    board: boardOf(actions, {
      planId: plan?.id ?? null,
      priorities: planView?.priorities ?? [],
      groups,
      members,
      today: day,
      dueSoonDays: ctx.settings.dueSoonDays,
    }),
    figures: {
      byRag: summary.byRag,
      byStatus: summary.byStatus,
      percentComplete: summary.percentComplete,
      total: summary.total,
    },
    indicator:
      indicator && summary.indicator
        ? {
            question: indicator.question,
            series: summary.indicator.series,
            readings: summary.indicator.readings,
            progress: summary.indicator.progress,
            progressLine: summary.indicator.progress ? verdictSentence(summary.indicator.progress).text : '',
          }
        : null,
    problems: problems
      .filter((p) => p.stage !== 'closed')
      .map((p) => ({ ref: p.ref, title: p.title, stage: p.stage })),
    evidence: evidence.latest ? { ...evidence, source: PROFILE_SOURCE, caveat: PROFILE_CAVEAT } : null,
  });
}

/**
 * A town's board, kept with the array of actions it was made from: the store hands out the same array
 * until the town's actions change, so an unchanged town's board is made once, not per person opening the
 * tab (thousands of cards). Kept only while the plan, priorities, groups, seats and day are the same.
 */
const keptBoards = new WeakMap<readonly ActionHeadline[], { key: string; board: TownBoard }>();

function boardOf(
  actions: readonly ActionHeadline[],
  input: Omit<Parameters<typeof townBoard>[0], 'actions'> & { planId: string | null },
): TownBoard {
  const versions = (records: readonly Versioned[]) => records.map((r) => `${r.id}@${r.version}`).join(',');
  const key = [
    input.today,
    input.dueSoonDays,
    input.planId,
    versions(input.priorities),
    versions(input.groups),
    versions(input.members),
  ].join('|');
  const kept = keptBoards.get(actions);
  if (kept?.key === key) return kept.board;
  const ofPlan = input.planId ? actions.filter((a) => a.planId === input.planId) : actions;
  const board = townBoard({ ...input, actions: ofPlan });
  keptBoards.set(actions, { key, board });
  return board;
}

/** The board's channel: the ten towns side by side, with the seed fund (board members and coordinators). */
export async function countyBoardView(
  ctx: AppContext,
  actor: Actor,
): Promise<Result<CountyBoardView, AppError>> {
  const [summaries, fund] = await Promise.all([getBoardSummary(ctx, actor), fundView(ctx, actor)]);
  if (!summaries.ok || !fund.ok) return fail(new AppError(ErrorCode.NotFound, NO_SUCH_TOWN));
  return ok({
    towns: summaries.value.map((s) => ({
      town: s.town,
      townName: townBySlug(s.town).name,
      percentComplete: s.percentComplete,
      byRag: s.byRag,
      total: s.total,
      overdue: s.overdue.length,
      openProblems: Object.values(s.openProblemsByStage).reduce((n, c) => n + (c ?? 0), 0),
      progress: s.indicator?.progress?.progress ?? null,
    })),
    fund: { ...fund.value.totals, towns: fund.value.towns },
  });
}

/** Where a board tab may be set up: towns the person coordinates, and the county for board members. */
export async function boardPlaces(ctx: AppContext, actor: Actor): Promise<{ town: string; name: string }[]> {
  const seats = await ctx.stores.members.listByPerson(actor.id);
  return seats
    .filter((m) => m.town === COUNTY || m.accessRole === 'coordinator')
    .map((m) => ({
      town: m.town,
      name: m.town === COUNTY ? 'The strategic board' : townBySlug(m.town).name,
    }));
}
