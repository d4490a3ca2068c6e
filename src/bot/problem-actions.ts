// Action.Execute verbs for problem-solving plans (SARA): create, record each stage's work, move on, publish.
import { z } from 'zod';
import { recordId, cardVersion, cardNumber } from './card-inputs.js';
import { ErrorCode } from '../errors.js';
import { canCoordinate, canUpdateActions } from '../domain/roles.js';
import { TEXT_LIMITS } from '../domain/text.js';
import { townSlugSchema, type TownSlug } from '../domain/towns.js';
import { roleIn } from '../app/authorise.js';
import { changeProblem, createProblem, problemById, type ProblemChange } from '../app/problems.js';
import { problemCard, problemFormCard } from '../cards/problem-views.js';
import { errorCard } from './replies.js';
import type { ProblemPlan } from '../domain/problem.js';
import type { Result } from '../domain/result.js';
import type { AppError } from '../errors.js';
import type { Actor } from '../domain/entity.js';
import type { AppContext } from '../app/context.js';
import type { Card, CardRenderer } from '../cards/render.js';

const id = recordId;
const version = cardVersion;
const long = z
  .string()
  .max(TEXT_LIMITS.longText * 2)
  .optional();
const short = z.string().max(1000).optional();
const change = { problemId: id, version };

export const PROBLEM_VERB_SCHEMAS = {
  'problem.refresh': z.object({ problemId: id }),
  'problem.create': z.object({
    town: townSlugSchema,
    type: z.string().max(20).optional(),
    title: short,
    hotspot: short,
    objective: long,
    caseRefs: short,
  }),
  'problem.scan': z.object({ ...change, evidence: long }),
  'problem.analyse': z.object({
    ...change,
    offender: short,
    victim: short,
    place: short,
    handler: short,
    guardian: short,
    manager: short,
    hypothesis: long,
  }),
  'problem.measure': z.object({
    ...change,
    measureName: short,
    measureBaseline: cardNumber('The baseline'),
    measureTarget: cardNumber('The target'),
  }),
  'problem.link': z.object({ ...change, actionId: id }),
  'problem.assess': z
    .object({
      ...change,
      delivered: z.enum(['true', 'false']).or(z.boolean()).optional(),
      outcome: long,
      displacement: long,
    })
    .catchall(z.union([z.string().max(20), z.number()])),
  'problem.lessons': z.object({ ...change, lessons: long }),
  'problem.advance': z.object(change),
  'problem.publish': z.object({ ...change, theme: short }),
} as const;

export type ProblemVerb = keyof typeof PROBLEM_VERB_SCHEMAS;

export class ProblemActions {
  constructor(
    private readonly ctx: AppContext,
    private readonly cards: CardRenderer,
  ) {}

  async handle(actor: Actor, verb: ProblemVerb, data: Record<string, unknown>): Promise<Card> {
    const problemId = typeof data.problemId === 'string' ? data.problemId : '';
    if (verb === 'problem.refresh') return this.show(actor, await problemById(this.ctx, actor, problemId));
    if (verb === 'problem.create') return this.create(actor, data);
    const result = await changeProblem(this.ctx, actor, {
      problemId,
      expectedVersion: Number(data.version),
      change: changeOf(verb, data),
      personalDataConfirmed: data.personalDataConfirmed === true,
    });
    if (result.ok) return this.card(actor, result.value, 'Saved.');
    if (result.error.code !== ErrorCode.StaleVersion) return errorCard(this.cards, result.error);
    return this.show(actor, await problemById(this.ctx, actor, problemId), result.error.message);
  }

  async card(actor: Actor, plan: ProblemPlan, notice = ''): Promise<Card> {
    const role = await roleIn(this.ctx, actor, plan.town);
    const actions = await this.ctx.stores.actions.listByTown(plan.town);
    const options = {
      canEdit: !!role && canUpdateActions(role),
      canPublish: !!role && canCoordinate(role),
      notice,
    };
    return this.cards.render('problem', problemCard(plan, actions, options));
  }

  form(town: TownSlug, problems: string[] = [], values: Record<string, string | undefined> = {}): Card {
    return this.cards.render('problem-form', problemFormCard(town, problems, values));
  }

  private async show(actor: Actor, result: Result<ProblemPlan, AppError>, notice = ''): Promise<Card> {
    return result.ok ? this.card(actor, result.value, notice) : errorCard(this.cards, result.error);
  }

  private async create(actor: Actor, data: Record<string, unknown>): Promise<Card> {
    const town = townSlugSchema.parse(data.town);
    const caseRefs = (typeof data.caseRefs === 'string' ? data.caseRefs : '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const created = await createProblem(this.ctx, actor, {
      town,
      type: data.type,
      title: data.title ?? '',
      hotspot: data.hotspot ?? '',
      objective: data.objective ?? '',
      caseRefs,
      personalDataConfirmed: data.personalDataConfirmed === true,
    });
    if (created.ok) return this.card(actor, created.value, 'Plan started at scanning.');
    if (created.error.code !== ErrorCode.Validation) return errorCard(this.cards, created.error);
    const problems = created.error.issues.length
      ? created.error.issues.map((i) => i.message)
      : [created.error.message];
    return this.form(town, problems, data as Record<string, string | undefined>);
  }
}

function changeOf(
  verb: Exclude<ProblemVerb, 'problem.refresh' | 'problem.create'>,
  d: Record<string, unknown>,
): ProblemChange {
  switch (verb) {
    case 'problem.scan':
      return { kind: 'scanning', evidence: d.evidence ?? '' };
    case 'problem.analyse':
      return {
        kind: 'analysis',
        triangle: {
          offender: d.offender ?? '',
          victim: d.victim ?? '',
          place: d.place ?? '',
          handler: d.handler ?? '',
          guardian: d.guardian ?? '',
          manager: d.manager ?? '',
          hypothesis: d.hypothesis ?? '',
        },
      };
    case 'problem.measure':
      return {
        kind: 'measure',
        measure: { name: d.measureName ?? '', baseline: d.measureBaseline, target: d.measureTarget },
      };
    case 'problem.link':
      return { kind: 'link', actionId: String(d.actionId) };
    case 'problem.assess': {
      const after: unknown[] = [];
      for (let i = 0; `after${i}` in d; i++) {
        const v = d[`after${i}`];
        after.push(typeof v === 'string' && v.trim() !== '' ? Number(v) : v);
      }
      return {
        kind: 'assessment',
        assessment: {
          delivered: d.delivered === true || d.delivered === 'true',
          outcome: d.outcome ?? '',
          displacement: d.displacement ?? '',
          after,
        },
      };
    }
    case 'problem.lessons':
      return { kind: 'lessons', lessons: d.lessons ?? '' };
    case 'problem.advance':
      return { kind: 'advance' };
    case 'problem.publish':
      return { kind: 'publish', theme: d.theme ?? '' };
  }
}
