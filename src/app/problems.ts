// Problem-solving plans (SARA) for persistent problem places, groups and behaviours: partners create them
// and record each stage's work; a stage moves on only when its work is done; coordinators publish closed
// plans to the library that every town can search. Free text is checked for personal details: plans refer
// to people by case-system references only.
import { abilitiesIn, type TownAbilities } from './card-context.js';
import { quoteBack } from '../domain/quote-back.js';
import type { ActionHeadline } from '../domain/action.js';
import { AppError, ErrorCode } from '../errors.js';
import {
  advanceStage,
  newProblemPlan,
  PROBLEM_TYPES,
  type ProblemPlan,
  type ProblemType,
} from '../domain/problem.js';
import {
  addMeasure,
  linkResponseAction,
  matchesLibrary,
  publish,
  recordAnalysis,
  recordAssessment,
  recordLessons,
  recordPlaceFigures,
  recordScanning,
} from '../domain/problem-work.js';
import { placeChoices, type PlaceChoices } from '../domain/place-assessment.js';
import type { TownCrimeMonth } from '../domain/crime-aggregate.js';
import type { ScreenedText } from '../domain/screened-text.js';
import { fail, ok, type Result, type Validated } from '../domain/result.js';
import { ALL_TOWNS, type TownSlug } from '../domain/towns.js';
import { audit } from './audit-trail.js';
import { authorise } from './authorise.js';
import { changeRecord, checked } from './versioned-change.js';
import type { Actor } from '../domain/entity.js';
import type { AppContext } from './context.js';

type Text = ScreenedText;
type Triangle = 'offender' | 'victim' | 'place' | 'handler' | 'guardian' | 'manager' | 'hypothesis';

/** A stage's work, its typed text as the personal-data guard let it through (ScreenedText). */
export type ProblemChange =
  | { kind: 'scanning'; evidence: Text }
  | { kind: 'analysis'; triangle: Record<Triangle, Text> }
  | { kind: 'measure'; measure: { name: Text; baseline: unknown; target: unknown } }
  | { kind: 'link'; actionId: string }
  | {
      kind: 'assessment';
      assessment: { delivered: boolean; outcome: Text; displacement: Text; after: unknown };
    }
  | { kind: 'lessons'; lessons: Text }
  /** Chosen from the town's police.uk streets and months: no typed text. */
  | { kind: 'place'; place: unknown }
  | { kind: 'advance' }
  | { kind: 'publish'; theme: Text };

/** A new plan's typed text, as the guard let it through. */
export interface NewProblemText {
  title: Text;
  hotspot: Text;
  objective: Text;
  caseRefs: readonly Text[];
}

export async function createProblem(
  ctx: AppContext,
  actor: Actor,
  input: Record<string, unknown> & NewProblemText & { town: TownSlug },
): Promise<Result<ProblemShown, AppError>> {
  const access = await authorise(ctx, actor, input.town, 'update');
  if (!access.ok) return access;
  const draft = newProblemPlan(input, { id: 'check', seq: 1 });
  if (!draft.ok) return fail(AppError.validation(draft.error, 'The problem-solving plan is not ready yet'));
  // The reference is claimed only once everything else is right, so refused input uses up no number.
  const plan = newProblemPlan(input, {
    id: ctx.ids.newId(),
    seq: await ctx.stores.problems.nextSeq(input.town),
  });
  if (!plan.ok) return fail(AppError.validation(plan.error));
  const entity = { kind: 'problem' as const, id: plan.value.id, label: plan.value.ref };
  await ctx.stores.problems.insert(
    plan.value,
    audit(ctx, {
      actor,
      change: 'problem.created',
      entity,
      town: input.town,
      before: null,
      after: plan.value,
    }),
  );
  return ok(await shownOf(ctx, actor, plan.value));
}

/** A problem-solving plan for its card: the town's actions it may link, and what the person may do; at
 *  assessment, the town's police.uk streets and months to choose the place's figures from (null: no data). */
export interface ProblemShown {
  plan: ProblemPlan;
  actions: readonly ActionHeadline[];
  may: TownAbilities;
  placeChoices: PlaceChoices | null;
}

async function shownOf(ctx: AppContext, actor: Actor, plan: ProblemPlan): Promise<ProblemShown> {
  const [actions, may, months] = await Promise.all([
    ctx.stores.actions.listByTown(plan.town),
    abilitiesIn(ctx, actor, plan.town),
    plan.stage === 'assessment' ? ctx.stores.crime.townMonths(plan.town) : [],
  ]);
  return { plan, actions, may, placeChoices: may.update ? placeChoices(months) : null };
}

export async function problemByRef(
  ctx: AppContext,
  actor: Actor,
  ref: string,
): Promise<Result<ProblemShown, AppError>> {
  const upper = ref.trim().toUpperCase();
  const town = ALL_TOWNS.find((t) => upper.startsWith(`${t.code}-P`));
  if (!town)
    return fail(
      new AppError(
        ErrorCode.NotFound,
        `${quoteBack(ref, 'That')} is not a problem-solving plan reference: they look like TRU-P03`,
      ),
    );
  const plan = (await ctx.stores.problems.listByTown(town.slug)).find((p) => p.ref === upper);
  if (!plan) return fail(new AppError(ErrorCode.NotFound, `There is no ${quoteBack(upper, 'such plan')}`));
  const access = await authorise(ctx, actor, plan.town, 'read');
  return access.ok ? ok(await shownOf(ctx, actor, plan)) : access;
}

export async function problemById(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<Result<ProblemShown, AppError>> {
  const plan = await ctx.stores.problems.get(id);
  if (!plan) return fail(new AppError(ErrorCode.NotFound, 'That plan no longer exists'));
  const access = await authorise(ctx, actor, plan.town, 'read');
  return access.ok ? ok(await shownOf(ctx, actor, plan)) : access;
}

export async function listProblems(
  ctx: AppContext,
  actor: Actor,
  town: TownSlug,
): Promise<Result<ProblemPlan[], AppError>> {
  const access = await authorise(ctx, actor, town, 'read');
  return access.ok ? ok(await ctx.stores.problems.listByTown(town)) : access;
}

export async function changeProblem(
  ctx: AppContext,
  actor: Actor,
  request: {
    problemId: string;
    expectedVersion: number;
    change: ProblemChange;
  },
): Promise<Result<ProblemShown, AppError>> {
  const { change } = request;
  const changed = await changeRecord(ctx, actor, {
    load: () => ctx.stores.problems.get(request.problemId),
    missing: 'That plan no longer exists',
    authorise: (plan) =>
      authorise(ctx, actor, plan.town, change.kind === 'publish' ? 'coordinate' : 'update'),
    expectedVersion: request.expectedVersion,
    stale: (plan) =>
      `${plan.ref} changed while you were looking at it: here it is as it is now. Nothing was changed.`,
    apply: async (plan) => {
      if (change.kind === 'link') {
        const action = await ctx.stores.actions.get(change.actionId);
        if (!action || action.town !== plan.town)
          return fail(
            new AppError(ErrorCode.Validation, `That action is not one of ${plan.ref}'s town's actions`),
          );
      }
      const months = change.kind === 'place' ? await ctx.stores.crime.townMonths(plan.town) : [];
      return checked(work(ctx, actor, plan, change, months), `${plan.ref} was not changed`);
    },
    describe: (before, after) => ({
      change: `problem.${change.kind}`,
      entity: { kind: 'problem', id: before.id, label: before.ref },
      town: before.town,
      before: { stage: before.stage },
      after:
        change.kind === 'place'
          ? { stage: after.stage, place: after.placeFigures?.place, verdict: after.placeFigures?.verdict }
          : { stage: after.stage },
    }),
    save: (next, version, event) => ctx.stores.problems.update(next, version, event),
  });
  return changed.ok ? ok(await shownOf(ctx, actor, changed.value)) : changed;
}

/** The stage's work on the plan, by the domain's rules. */
function work(
  ctx: AppContext,
  actor: Actor,
  plan: ProblemPlan,
  change: ProblemChange,
  months: readonly TownCrimeMonth[],
): Validated<ProblemPlan> {
  switch (change.kind) {
    case 'scanning':
      return recordScanning(plan, change.evidence);
    case 'analysis':
      return recordAnalysis(plan, change.triangle);
    case 'measure':
      return addMeasure(plan, change.measure);
    case 'link':
      return linkResponseAction(plan, change.actionId);
    case 'assessment':
      return recordAssessment(plan, change.assessment);
    case 'lessons':
      return recordLessons(plan, change.lessons);
    case 'place':
      return recordPlaceFigures(plan, change.place, months, ctx.clock.now());
    case 'advance':
      return advanceStage(plan);
    case 'publish':
      return publish(plan, { at: ctx.clock.now(), by: actor.name, theme: change.theme });
  }
}

/** The cross-town library: published plans whose text has every word; anyone with a seat may search it. */
export async function searchLibrary(
  ctx: AppContext,
  actor: Actor,
  query: string,
): Promise<Result<{ plans: ProblemPlan[]; words: string[]; type: ProblemType | null }, AppError>> {
  const seats = await ctx.stores.members.listByPerson(actor.id);
  if (actor.kind !== 'system' && !seats.length)
    return fail(
      new AppError(ErrorCode.Forbidden, 'The library is for members of the Safer Town partnerships'),
    );
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  const type = (terms.find((w) => (PROBLEM_TYPES as readonly string[]).includes(w)) ??
    null) as ProblemType | null;
  const words = terms.filter((w) => w !== type);
  const all = (await Promise.all(ALL_TOWNS.map((t) => ctx.stores.problems.listByTown(t.slug)))).flat();
  const plans = all
    .filter((p) => matchesLibrary(p, { words, type }))
    .sort((a, b) => (b.library?.publishedAt ?? '').localeCompare(a.library?.publishedAt ?? ''));
  return ok({ plans, words, type });
}
