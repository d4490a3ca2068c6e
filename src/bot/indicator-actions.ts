// Action.Execute verbs for the residents' survey indicator: readings and baseline (coordinators), targets
// (board members). Card inputs arrive as text or numbers; the domain checks the ranges and says what is wrong.
import { z } from 'zod';
import { cardVersion, cardNumber } from './card-inputs.js';
import { ErrorCode } from '../errors.js';
import { TEXT_LIMITS } from '../domain/text.js';
import { townSlugSchema, type TownSlug } from '../domain/towns.js';
import { roleIn } from '../app/authorise.js';
import { changeIndicator, getIndicator, isBoardMember, type IndicatorChange } from '../app/indicator.js';
import { canCoordinate } from '../domain/roles.js';
import { indicatorCard } from '../cards/indicator-views.js';
import { errorCard } from './replies.js';
import type { Indicator } from '../domain/indicator.js';
import type { Result } from '../domain/result.js';
import type { AppError } from '../errors.js';
import type { Actor } from '../domain/entity.js';
import type { AppContext } from '../app/context.js';
import type { Card, CardRenderer } from '../cards/render.js';

const version = cardVersion;
const flag = z
  .union([z.boolean(), z.enum(['true', 'false'])])
  .transform((v) => v === true || v === 'true')
  .default(false);

export const INDICATOR_VERB_SCHEMAS = {
  'indicator.refresh': z.object({ town: townSlugSchema }),
  'indicator.reading': z.object({
    town: townSlugSchema,
    version,
    readingYear: cardNumber('Year'),
    readingValue: cardNumber('The percentage'),
    readingSampleSize: cardNumber('The sample size'),
    source: z
      .string()
      .max(TEXT_LIMITS.name * 2)
      .optional(),
    proxy: flag,
    caveat: z.string().max(600).optional(),
  }),
  'indicator.baseline': z.object({
    town: townSlugSchema,
    version,
    baselineYear: cardNumber('Year'),
    baselineValue: cardNumber('The percentage'),
    baselineSampleSize: cardNumber('The sample size'),
  }),
  'indicator.target': z.object({
    town: townSlugSchema,
    version,
    targetYear: cardNumber('Year'),
    targetValue: cardNumber('The percentage'),
  }),
} as const;

export type IndicatorVerb = keyof typeof INDICATOR_VERB_SCHEMAS;

export class IndicatorActions {
  constructor(
    private readonly ctx: AppContext,
    private readonly cards: CardRenderer,
  ) {}

  /** `data` has been checked against INDICATOR_VERB_SCHEMAS[verb]. */
  async handle(actor: Actor, verb: IndicatorVerb, data: Record<string, unknown>): Promise<Card> {
    const town = data.town as TownSlug;
    if (verb === 'indicator.refresh') return this.show(actor, await getIndicator(this.ctx, actor, town));
    const kind =
      verb === 'indicator.reading' ? 'reading' : verb === 'indicator.baseline' ? 'baseline' : 'target';
    const change = { kind, input: inputOf(kind, data) } as IndicatorChange;
    const result = await changeIndicator(this.ctx, actor, {
      town,
      expectedVersion: Number(data.version),
      change,
    });
    if (result.ok) return this.card(actor, result.value, `Saved: the ${kind} is recorded.`);
    if (result.error.code !== ErrorCode.StaleVersion) return errorCard(this.cards, result.error);
    return this.show(actor, await getIndicator(this.ctx, actor, town), result.error.message);
  }

  async card(actor: Actor, indicator: Indicator, notice = ''): Promise<Card> {
    const role = await roleIn(this.ctx, actor, indicator.town);
    const options = {
      canRecord: !!role && canCoordinate(role),
      canTarget: await isBoardMember(this.ctx, actor),
      notice,
      thisYear: this.ctx.clock.now().getUTCFullYear(),
    };
    return this.cards.render('indicator', indicatorCard(indicator, options));
  }

  private async show(actor: Actor, result: Result<Indicator, AppError>, notice = ''): Promise<Card> {
    return result.ok ? this.card(actor, result.value, notice) : errorCard(this.cards, result.error);
  }
}

/**
 * The card's inputs (ids are unique per card: readingYear, baselineYear, ...) as the domain's fields. Inputs
 * left empty are absent, so the domain's defaults and "is required" messages apply.
 */
function inputOf(kind: IndicatorChange['kind'], data: Record<string, unknown>): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    year: data[`${kind}Year`],
    value: data[`${kind}Value`],
    sampleSize: data[`${kind}SampleSize`],
    source: data.source,
    proxy: data.proxy,
    caveat: data.caveat,
  };
  const own = {
    reading: Object.keys(fields),
    baseline: ['year', 'value', 'sampleSize'],
    target: ['year', 'value'],
  };
  const given = own[kind].filter((k) => fields[k] !== undefined && fields[k] !== '');
  return Object.fromEntries(given.map((k): [string, unknown] => [k, fields[k]]));
}
