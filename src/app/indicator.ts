// The residents' survey indicator of each town: coordinators record the baseline and readings (the survey
// itself, or local surveys as labelled proxies); the county's board members set and change the targets.
// Every change is audited with its before and after, and names the version the user saw.
import type { ScreenedText } from '../domain/screened-text.js';
import { abilitiesIn } from './card-context.js';
import { AppError, ErrorCode } from '../errors.js';
import { addReading, setBaseline, setTarget, startCycle, type Indicator } from '../domain/indicator.js';
import { COUNTY } from '../domain/member.js';
import { fail, ok, type Result } from '../domain/result.js';
import { townBySlug, type TownSlug } from '../domain/towns.js';
import { authorise } from './authorise.js';
import { changeRecord, checked } from './versioned-change.js';
import type { Actor } from '../domain/entity.js';
import type { AppContext } from './context.js';

interface ReadingText {
  source?: ScreenedText | undefined;
  caveat?: ScreenedText | undefined;
}

export type IndicatorChange =
  | { kind: 'baseline'; input: unknown }
  /** Its source and caveat (`text`) as the personal-data guard let them through. */
  | { kind: 'reading'; input: Record<string, unknown>; text: ReadingText }
  | { kind: 'target'; input: unknown }
  /** A new baseline and a target three years on; the cycle that ends stays readable. The board's. */
  | { kind: 'cycle'; input: unknown };

const APPLY = { baseline: setBaseline, target: setTarget, reading: addReading, cycle: startCycle } as const;

/** What each change alters, for its audit event's before and after. */
const FIELDS: Record<IndicatorChange['kind'], (keyof Indicator)[]> = {
  baseline: ['baseline'],
  target: ['target'],
  reading: ['readings'],
  cycle: ['baseline', 'target', 'readings', 'cycles'],
};

/** The indicator for its card, with what the person may do: record readings, set targets and cycles. */
export interface IndicatorShown {
  indicator: Indicator;
  may: { record: boolean; target: boolean };
}

async function shownOf(ctx: AppContext, actor: Actor, indicator: Indicator): Promise<IndicatorShown> {
  const [abilities, board] = await Promise.all([
    abilitiesIn(ctx, actor, indicator.town),
    isBoardMember(ctx, actor),
  ]);
  return { indicator, may: { record: abilities.coordinate, target: board } };
}

export async function getIndicator(
  ctx: AppContext,
  actor: Actor,
  town: TownSlug,
): Promise<Result<IndicatorShown, AppError>> {
  const access = await authorise(ctx, actor, town, 'read');
  if (!access.ok) return access;
  const indicator = await ctx.stores.indicators.get(town);
  if (!indicator)
    return fail(
      new AppError(
        ErrorCode.NotFound,
        `${townBySlug(town).name}'s indicator is not set up: run "npm run seed"`,
      ),
    );
  return ok(await shownOf(ctx, actor, indicator));
}

/** Whether the person sits on the county's strategic board (targets are the board's to set). */
export async function isBoardMember(ctx: AppContext, actor: Actor): Promise<boolean> {
  return (await ctx.stores.members.listByPerson(actor.id)).some((m) => m.town === COUNTY);
}

/** A change's fields, a reading's screened text among them (blank text left out, as the form leaves it). */
function inputOf(change: IndicatorChange): unknown {
  if (change.kind !== 'reading') return change.input;
  const text = Object.entries(change.text).filter(([, v]) => v);
  return { ...change.input, ...Object.fromEntries(text) };
}

export async function changeIndicator(
  ctx: AppContext,
  actor: Actor,
  request: { town: TownSlug; expectedVersion: number; change: IndicatorChange },
): Promise<Result<IndicatorShown, AppError>> {
  const { town, change } = request;
  const name = townBySlug(town).name;
  const changed = await changeRecord(ctx, actor, {
    load: () => ctx.stores.indicators.get(town),
    missing: `${name}'s indicator is not set up`,
    // Targets and cycles are the board's to set; readings and the baseline the town's coordinators'.
    authorise: async () => {
      if (change.kind !== 'target' && change.kind !== 'cycle')
        return authorise(ctx, actor, town, 'coordinate');
      if (actor.kind === 'system' || (await isBoardMember(ctx, actor))) return ok(true);
      const what = change.kind === 'target' ? 'target' : 'new cycle';
      return fail(
        new AppError(ErrorCode.Forbidden, `Only members of the county board set ${name}'s ${what}`),
      );
    },
    expectedVersion: request.expectedVersion,
    stale: () => stale(name),
    apply: (current) =>
      checked(APPLY[change.kind](current, inputOf(change)), `${name}'s indicator was not changed`),
    describe: (before, after) => {
      const fields = FIELDS[change.kind];
      const pick = (ind: Indicator) => Object.fromEntries(fields.map((f) => [f, ind[f] ?? null]));
      return {
        change: `indicator.${change.kind}`,
        entity: { kind: 'indicator', id: before.id, label: `${name} indicator` },
        town,
        before: pick(before),
        after: pick(after),
      };
    },
    save: (next, version, event) => ctx.stores.indicators.update(next, version, event),
  });
  return changed.ok ? ok(await shownOf(ctx, actor, changed.value)) : changed;
}

const stale = (name: string) =>
  `${name}'s indicator changed while you were looking at it: here it is as it is now. Nothing was changed.`;
