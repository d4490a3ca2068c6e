// The residents' survey indicator of each town: coordinators record the baseline and readings (the survey
// itself, or local surveys as labelled proxies); the county's board members set and change the targets.
// Every change is audited with its before and after, and names the version the user saw.
import { AppError, ErrorCode } from '../errors.js';
import { addReading, setBaseline, setTarget, type Indicator } from '../domain/indicator.js';
import { COUNTY } from '../domain/member.js';
import { fail, ok, type Result, type Validated } from '../domain/result.js';
import { townBySlug, type TownSlug } from '../domain/towns.js';
import { audit } from './audit-trail.js';
import { authorise } from './authorise.js';
import type { Actor } from '../domain/entity.js';
import type { AppContext } from './context.js';

export type IndicatorChange =
  | { kind: 'baseline'; input: unknown }
  | { kind: 'reading'; input: unknown }
  | { kind: 'target'; input: unknown };

export async function getIndicator(
  ctx: AppContext,
  actor: Actor,
  town: TownSlug,
): Promise<Result<Indicator, AppError>> {
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
  return ok(indicator);
}

/** Whether the person sits on the county's strategic board (targets are the board's to set). */
export async function isBoardMember(ctx: AppContext, actor: Actor): Promise<boolean> {
  return (await ctx.stores.members.listByPerson(actor.id)).some((m) => m.town === COUNTY);
}

export async function changeIndicator(
  ctx: AppContext,
  actor: Actor,
  request: { town: TownSlug; expectedVersion: number; change: IndicatorChange },
): Promise<Result<Indicator, AppError>> {
  const { town, change } = request;
  const name = townBySlug(town).name;
  if (change.kind === 'target') {
    if (actor.kind !== 'system' && !(await isBoardMember(ctx, actor)))
      return fail(new AppError(ErrorCode.Forbidden, `Only members of the county board set ${name}'s target`));
  } else {
    const access = await authorise(ctx, actor, town, 'coordinate');
    if (!access.ok) return access;
  }
  const current = await ctx.stores.indicators.get(town);
  if (!current) return fail(new AppError(ErrorCode.NotFound, `${name}'s indicator is not set up`));
  if (current.version !== request.expectedVersion) return fail(stale(name));
  const next: Validated<Indicator> =
    change.kind === 'baseline'
      ? setBaseline(current, change.input)
      : change.kind === 'target'
        ? setTarget(current, change.input)
        : addReading(current, change.input);
  if (!next.ok) return fail(AppError.validation(next.error, `${name}'s indicator was not changed`));
  const field = change.kind === 'reading' ? 'readings' : change.kind;
  const entity = { kind: 'indicator' as const, id: current.id, label: `${name} indicator` };
  const outcome = await ctx.stores.indicators.update(
    next.value,
    current.version,
    audit(ctx, {
      actor,
      change: `indicator.${change.kind}`,
      entity,
      town,
      before: { [field]: current[field] },
      after: { [field]: next.value[field] },
    }),
  );
  if (outcome.kind === 'updated') return ok(outcome.value);
  return fail(
    outcome.kind === 'stale' ? stale(name) : new AppError(ErrorCode.NotFound, 'The indicator is gone'),
  );
}

const stale = (name: string) =>
  new AppError(
    ErrorCode.StaleVersion,
    `${name}'s indicator changed while you were looking at it: here it is as it is now. Nothing was changed.`,
  );
