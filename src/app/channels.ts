import { AppError, ErrorCode } from '../errors.js';
import { linkChannel, unlinkChannel, type ChannelBinding } from '../domain/partnership.js';
import { fail, ok, type Result } from '../domain/result.js';
import { townBySlug, type TownSlug } from '../domain/towns.js';
import { audit } from './audit-trail.js';
import { authorise } from './authorise.js';
import type { Actor } from '../domain/entity.js';
import type { Partnership } from '../domain/partnership.js';
import type { AppContext } from './context.js';

/** A coordinator makes this channel the town's channel: its cards go there from now on. */
export async function linkTownChannel(
  ctx: AppContext,
  actor: Actor,
  town: TownSlug,
  channel: Omit<ChannelBinding, 'linkedBy' | 'linkedAt'>,
): Promise<Result<Partnership, AppError>> {
  const access = await authorise(ctx, actor, town, 'coordinate');
  if (!access.ok) return access;
  const all = await ctx.stores.partnerships.list();
  const elsewhere = all.find((p) => p.town !== town && p.channel?.channelId === channel.channelId);
  if (elsewhere) {
    const name = townBySlug(elsewhere.town).name;
    return fail(
      new AppError(
        ErrorCode.Validation,
        `This channel is ${name}'s channel. Run "unlink" here first (a ${name} coordinator can).`,
      ),
    );
  }
  const current = all.find((p) => p.town === town);
  if (!current)
    return fail(new AppError(ErrorCode.NotFound, 'The towns are not set up yet: run npm run seed'));
  const next = linkChannel(current, {
    ...channel,
    linkedBy: actor.id,
    linkedAt: ctx.clock.now().toISOString(),
  });
  return saveChannel(ctx, actor, current, next, 'partnership.channel_linked');
}

export async function unlinkTownChannel(
  ctx: AppContext,
  actor: Actor,
  channelId: string,
): Promise<Result<Partnership, AppError>> {
  const current = (await ctx.stores.partnerships.list()).find((p) => p.channel?.channelId === channelId);
  if (!current) return fail(new AppError(ErrorCode.NotFound, 'This channel is not linked to a town'));
  const access = await authorise(ctx, actor, current.town, 'coordinate');
  if (!access.ok) return access;
  const next = unlinkChannel(current);
  if (!next.ok) return fail(AppError.validation(next.error));
  return saveChannel(ctx, actor, current, next.value, 'partnership.channel_unlinked');
}

/** Saves a change of the partnership's channel with its audit event. */
async function saveChannel(
  ctx: AppContext,
  actor: Actor,
  current: Partnership,
  next: Partnership,
  change: string,
): Promise<Result<Partnership, AppError>> {
  const entity = { kind: 'partnership' as const, id: current.town, label: townBySlug(current.town).name };
  const before = { channel: current.channel };
  const event = audit(ctx, {
    actor,
    change,
    entity,
    town: current.town,
    before,
    after: { channel: next.channel },
  });
  const outcome = await ctx.stores.partnerships.update(next, current.version, event);
  if (outcome.kind === 'updated') return ok(outcome.value);
  return fail(
    new AppError(
      ErrorCode.StaleVersion,
      'Someone changed the partnership at the same moment; please try again',
    ),
  );
}
