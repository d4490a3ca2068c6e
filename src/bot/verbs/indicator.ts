// Verbs for the residents' survey indicator: readings and baseline (coordinators), targets (board members).
// Card inputs arrive as text or numbers; the domain checks the ranges and says what is wrong.
import { z } from 'zod';
import { TEXT_LIMITS } from '../../domain/text.js';
import { townSlugSchema, type TownSlug } from '../../domain/towns.js';
import { changeIndicator, getIndicator, isBoardMember, type IndicatorChange } from '../../app/indicator.js';
import { abilitiesIn } from '../../app/card-context.js';
import { indicatorCard } from '../../cards/indicator-views.js';
import { cardNumber, cardVersion } from '../card-inputs.js';
import { cardFor, shownOrError, type Shown } from './outcome.js';
import { defineVerb, type VerbTurn } from './verb.js';
import type { Indicator } from '../../domain/indicator.js';
import type { Actor } from '../../domain/entity.js';
import type { Card } from '../../cards/render.js';
import type { BotEdge } from '../edge.js';

const flag = z
  .union([z.boolean(), z.enum(['true', 'false'])])
  .transform((v) => v === true || v === 'true')
  .default(false);

export async function showIndicator(
  edge: BotEdge,
  actor: Actor,
  indicator: Indicator,
  notice = '',
): Promise<Card> {
  const [may, canTarget] = await Promise.all([
    abilitiesIn(edge.ctx, actor, indicator.town),
    isBoardMember(edge.ctx, actor),
  ]);
  const thisYear = edge.ctx.clock.now().getUTCFullYear();
  const options = { canRecord: may.coordinate, canTarget, notice, thisYear };
  return edge.cards.render('indicator', indicatorCard(indicator, options));
}

const shown = ({ edge, actor }: VerbTurn, town: TownSlug): Shown<Indicator> => ({
  cards: edge.cards,
  show: (indicator, notice) => showIndicator(edge, actor, indicator, notice),
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
          source: d.source,
          proxy: d.proxy,
          caveat: d.caveat,
        }),
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
