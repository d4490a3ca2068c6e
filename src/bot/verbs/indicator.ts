// Verbs for the residents' survey indicator: readings and baseline (coordinators), targets (board members).
// Card inputs arrive as text or numbers; the domain checks the ranges and says what is wrong.
import { z } from 'zod';
import { TEXT_LIMITS } from '../../domain/text.js';
import { townSlugSchema, type TownSlug } from '../../domain/towns.js';
import {
  changeIndicator,
  getIndicator,
  type IndicatorChange,
  type IndicatorShown,
} from '../../app/indicator.js';
import { indicatorCard } from '../../cards/indicator-views.js';
import { cardNumber, cardVersion } from '../card-inputs.js';
import { cardFor, shownOrError, type Shown } from './outcome.js';
import { defineVerb, type VerbTurn } from './verb.js';
import type { Card } from '../../cards/render.js';
import type { BotEdge } from '../edge.js';

const flag = z
  .union([z.boolean(), z.enum(['true', 'false'])])
  .transform((v) => v === true || v === 'true')
  .default(false);

/** The indicator's card as this person may use it (the use case said what they may do). */
export function showIndicator(edge: BotEdge, shown: IndicatorShown, notice = ''): Promise<Card> {
  const thisYear = edge.ctx.clock.now().getUTCFullYear();
  const options = { canRecord: shown.may.record, canTarget: shown.may.target, notice, thisYear };
  return Promise.resolve(edge.cards.render('indicator', indicatorCard(shown.indicator, options)));
}

const shown = ({ edge, actor }: VerbTurn, town: TownSlug): Shown<IndicatorShown> => ({
  cards: edge.cards,
  show: (view, notice) => showIndicator(edge, view, notice),
  reload: () => getIndicator(edge.ctx, actor, town),
});

async function record(turn: VerbTurn, town: TownSlug, version: number, change: IndicatorChange) {
  const result = await changeIndicator(turn.edge.ctx, turn.actor, { town, expectedVersion: version, change });
  const saved =
    change.kind === 'cycle'
      ? 'Saved: a new cycle has started; the last one is kept under Earlier cycles.'
      : `Saved: the ${change.kind} is recorded.`;
  return cardFor(result, shown(turn, town), saved);
}

/** Inputs left empty are absent, so the domain's defaults and "is required" messages apply. */
const given = (fields: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== ''));

export const INDICATOR_VERBS = [
  defineVerb({
    name: 'indicator.refresh',
    input: z.object({ town: townSlugSchema }),
    run: async (turn, { town }) =>
      shownOrError(await getIndicator(turn.edge.ctx, turn.actor, town), shown(turn, town)),
  }),
  defineVerb({
    name: 'indicator.reading',
    input: z.object({
      town: townSlugSchema,
      version: cardVersion,
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
    freeText: ['source', 'caveat'],
    run: (turn, d) =>
      record(turn, d.town, d.version, {
        kind: 'reading',
        input: given({
          year: d.readingYear,
          value: d.readingValue,
          sampleSize: d.readingSampleSize,
          proxy: d.proxy,
        }),
        text: { source: d.source, caveat: d.caveat },
      }),
  }),
  defineVerb({
    name: 'indicator.baseline',
    input: z.object({
      town: townSlugSchema,
      version: cardVersion,
      baselineYear: cardNumber('Year'),
      baselineValue: cardNumber('The percentage'),
      baselineSampleSize: cardNumber('The sample size'),
    }),
    run: (turn, d) =>
      record(turn, d.town, d.version, {
        kind: 'baseline',
        input: given({ year: d.baselineYear, value: d.baselineValue, sampleSize: d.baselineSampleSize }),
      }),
  }),
  defineVerb({
    name: 'indicator.target',
    input: z.object({
      town: townSlugSchema,
      version: cardVersion,
      targetYear: cardNumber('Year'),
      targetValue: cardNumber('The percentage'),
    }),
    run: (turn, d) =>
      record(turn, d.town, d.version, {
        kind: 'target',
        input: given({ year: d.targetYear, value: d.targetValue }),
      }),
  }),
  defineVerb({
    name: 'indicator.cycle',
    input: z.object({
      town: townSlugSchema,
      version: cardVersion,
      cycleYear: cardNumber('Year'),
      cycleValue: cardNumber('The percentage'),
      cycleSampleSize: cardNumber('The sample size'),
      cycleTargetValue: cardNumber('The target percentage'),
    }),
    run: (turn, d) =>
      record(turn, d.town, d.version, {
        kind: 'cycle',
        input: given({
          year: d.cycleYear,
          value: d.cycleValue,
          sampleSize: d.cycleSampleSize,
          targetValue: d.cycleTargetValue,
        }),
      }),
  }),
];
