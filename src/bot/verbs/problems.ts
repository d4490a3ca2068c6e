// Verbs for problem-solving plans (SARA): create, record each stage's work, link actions, move on, publish.
import { NOTHING_TYPED as blank, screenedParts } from '../../domain/personal-data.js';
import { z } from 'zod';
import { TEXT_LIMITS } from '../../domain/text.js';
import { townSlugSchema, type TownSlug } from '../../domain/towns.js';
import {
  changeProblem,
  createProblem,
  problemById,
  type ProblemChange,
  type ProblemShown,
} from '../../app/problems.js';
import { problemCard, problemFormCard } from '../../cards/problem-views.js';
import { placeForm } from '../../cards/place-figures-views.js';
import { cardNumber, cardVersion, recordId } from '../card-inputs.js';
import { errorCard } from '../replies.js';
import { cardFor, formProblems, shownOrError, type Shown } from './outcome.js';
import { defineVerb, type VerbTurn } from './verb.js';
import type { Card, CardRenderer } from '../../cards/render.js';
import type { BotEdge } from '../edge.js';

const long = z
  .string()
  .max(TEXT_LIMITS.longText * 2)
  .optional();
const short = z.string().max(1000).optional();
const change = { problemId: recordId, version: cardVersion };

/** The plan's card as this person may use it (the use case said what they may do). */
export function showProblem(edge: BotEdge, shown: ProblemShown, notice = ''): Promise<Card> {
  const options = {
    canEdit: shown.may.update,
    canPublish: shown.may.coordinate,
    notice,
    place: placeForm(shown.placeChoices, shown.plan.placeFigures),
  };
  return Promise.resolve(edge.cards.render('problem', problemCard(shown.plan, shown.actions, options)));
}

export function problemForm(
  cards: CardRenderer,
  town: TownSlug,
  problems: string[] = [],
  values: Record<string, string | undefined> = {},
): Card {
  return cards.render('problem-form', problemFormCard(town, problems, values));
}

const shown = ({ edge, actor }: VerbTurn, problemId: string): Shown<ProblemShown> => ({
  cards: edge.cards,
  show: (view, notice) => showProblem(edge, view, notice),
  reload: () => problemById(edge.ctx, actor, problemId),
});

async function work(turn: VerbTurn, problemId: string, version: number, next: ProblemChange) {
  const result = await changeProblem(turn.edge.ctx, turn.actor, {
    problemId,
    expectedVersion: version,
    change: next,
  });
  return cardFor(result, shown(turn, problemId), 'Saved.');
}

/** The assessment's "after" readings, one input per measure (after0, after1, ...). */
function afterReadings(d: Record<string, unknown>): unknown[] {
  const after: unknown[] = [];
  for (let i = 0; `after${i}` in d; i++) {
    const v = d[`after${i}`];
    after.push(typeof v === 'string' && v.trim() !== '' ? Number(v) : v);
  }
  return after;
}

export const PROBLEM_VERBS = [
  defineVerb({
    name: 'problem.refresh',
    input: z.object({ problemId: recordId }),
    run: async (turn, { problemId }) =>
      shownOrError(await problemById(turn.edge.ctx, turn.actor, problemId), shown(turn, problemId)),
  }),
  defineVerb({
    // "Open" on a line of a list of problem-solving plans: another record than the list, so `opens`.
    name: 'problem.show',
    input: z.object({ problemId: recordId }),
    opens: true,
    run: async (turn, { problemId }) =>
      shownOrError(await problemById(turn.edge.ctx, turn.actor, problemId), shown(turn, problemId)),
  }),
  defineVerb({
    name: 'problem.create',
    input: z.object({
      town: townSlugSchema,
      type: z.string().max(20).optional(),
      title: short,
      hotspot: short,
      objective: long,
      caseRefs: short,
    }),
    freeText: ['title', 'hotspot', 'objective', 'caseRefs'],
    run: async ({ edge, actor }, data) => {
      const created = await createProblem(edge.ctx, actor, {
        town: data.town,
        type: data.type,
        title: data.title ?? blank,
        hotspot: data.hotspot ?? blank,
        objective: data.objective ?? blank,
        caseRefs: screenedParts(data.caseRefs),
      });
      if (created.ok) return showProblem(edge, created.value, 'Plan started at scanning.');
      const problems = formProblems(created.error);
      return problems
        ? problemForm(edge.cards, data.town, problems, data)
        : errorCard(edge.cards, created.error);
    },
  }),
  defineVerb({
    name: 'problem.scan',
    input: z.object({ ...change, evidence: long }),
    freeText: ['evidence'],
    run: (turn, d) => work(turn, d.problemId, d.version, { kind: 'scanning', evidence: d.evidence ?? blank }),
  }),
  defineVerb({
    name: 'problem.analyse',
    input: z.object({
      ...change,
      offender: short,
      victim: short,
      place: short,
      handler: short,
      guardian: short,
      manager: short,
      hypothesis: long,
    }),
    freeText: ['offender', 'victim', 'place', 'handler', 'guardian', 'manager', 'hypothesis'],
    run: (turn, d) =>
      work(turn, d.problemId, d.version, {
        kind: 'analysis',
        triangle: {
          offender: d.offender ?? blank,
          victim: d.victim ?? blank,
          place: d.place ?? blank,
          handler: d.handler ?? blank,
          guardian: d.guardian ?? blank,
          manager: d.manager ?? blank,
          hypothesis: d.hypothesis ?? blank,
        },
      }),
  }),
  defineVerb({
    name: 'problem.measure',
    input: z.object({
      ...change,
      measureName: short,
      measureBaseline: cardNumber('The baseline'),
      measureTarget: cardNumber('The target'),
    }),
    freeText: ['measureName'],
    run: (turn, d) =>
      work(turn, d.problemId, d.version, {
        kind: 'measure',
        measure: { name: d.measureName ?? blank, baseline: d.measureBaseline, target: d.measureTarget },
      }),
  }),
  defineVerb({
    name: 'problem.link',
    input: z.object({ ...change, actionId: recordId }),
    run: (turn, d) => work(turn, d.problemId, d.version, { kind: 'link', actionId: d.actionId }),
  }),
  defineVerb({
    name: 'problem.assess',
    input: z
      .object({
        ...change,
        delivered: z.enum(['true', 'false']).or(z.boolean()).optional(),
        outcome: long,
        displacement: long,
      })
      .catchall(z.union([z.string().max(20), z.number()])),
    freeText: ['outcome', 'displacement'],
    run: (turn, d) =>
      work(turn, d.problemId, d.version, {
        kind: 'assessment',
        assessment: {
          delivered: d.delivered === true || d.delivered === 'true',
          outcome: d.outcome ?? blank,
          displacement: d.displacement ?? blank,
          after: afterReadings(d),
        },
      }),
  }),
  defineVerb({
    // police.uk's figures at the place: streets, type and months are chosen from the town's data, not typed.
    name: 'problem.place',
    input: z.object({
      ...change,
      placeStreets: z.string().max(20_000).optional(),
      placeType: z.string().max(100).optional(),
      beforeFrom: z.string().max(7).optional(),
      beforeTo: z.string().max(7).optional(),
      afterFrom: z.string().max(7).optional(),
      afterTo: z.string().max(7).optional(),
    }),
    run: (turn, d) =>
      work(turn, d.problemId, d.version, {
        kind: 'place',
        place: {
          streets: d.placeStreets ?? '',
          crimeType: d.placeType ?? 'all',
          before: { from: d.beforeFrom ?? '', to: d.beforeTo ?? '' },
          after: { from: d.afterFrom ?? '', to: d.afterTo ?? '' },
        },
      }),
  }),
  defineVerb({
    name: 'problem.lessons',
    input: z.object({ ...change, lessons: long }),
    freeText: ['lessons'],
    run: (turn, d) => work(turn, d.problemId, d.version, { kind: 'lessons', lessons: d.lessons ?? blank }),
  }),
  defineVerb({
    name: 'problem.advance',
    input: z.object(change),
    run: (turn, d) => work(turn, d.problemId, d.version, { kind: 'advance' }),
  }),
  defineVerb({
    name: 'problem.publish',
    input: z.object({ ...change, theme: short }),
    freeText: ['theme'],
    run: (turn, d) => work(turn, d.problemId, d.version, { kind: 'publish', theme: d.theme ?? blank }),
  }),
];
