import { AppError, ErrorCode } from '../errors.js';
import { joinRequestId, type JoinRequest } from '../domain/join-request.js';
import { newMember } from '../domain/member.js';
import { PARTNERSHIP_ROLES, type PartnershipRole } from '../domain/roles.js';
import { fail, ok, type Result } from '../domain/result.js';
import { townBySlug, type TownSlug } from '../domain/towns.js';
import { audit } from './audit-trail.js';
import { authorise } from './authorise.js';
import type { Actor } from '../domain/entity.js';
import type { AppContext } from './context.js';

export interface Joiner {
  aadObjectId: string;
  displayName: string;
  email: string;
}

/** Asks to join a town's partnership in a role; a coordinator decides. Asking again reopens a decided request. */
export async function requestToJoin(
  ctx: AppContext,
  actor: Actor,
  who: Joiner,
  town: TownSlug,
  role: PartnershipRole,
): Promise<Result<JoinRequest, AppError>> {
  const name = townBySlug(town).name;
  const seats = await ctx.stores.members.listByPerson(who.aadObjectId);
  if (seats.some((m) => m.town === town))
    return fail(new AppError(ErrorCode.Duplicate, `You are already a member of the ${name} partnership`));
  const id = joinRequestId(town, who.aadObjectId);
  const existing = await ctx.stores.joinRequests.get(id);
  if (existing?.status === 'pending') return ok(existing);
  const request: JoinRequest = {
    id,
    version: existing?.version ?? 1,
    town,
    ...who,
    partnershipRole: role,
    status: 'pending',
    decidedBy: null,
  };
  const entity = { kind: 'join_request' as const, id, label: `${who.displayName} -> ${name}` };
  const event = audit(ctx, {
    actor,
    change: 'join_request.created',
    entity,
    town,
    before: existing,
    after: request,
  });
  if (!existing) {
    await ctx.stores.joinRequests.insert(request, event);
    return ok(request);
  }
  const outcome = await ctx.stores.joinRequests.update(request, existing.version, event);
  return outcome.kind === 'updated'
    ? ok(outcome.value)
    : fail(new AppError(ErrorCode.StaleVersion, 'Please try again'));
}

/** A coordinator of the town approves (the person becomes a member) or declines a pending request. */
export async function decideJoin(
  ctx: AppContext,
  actor: Actor,
  requestId: string,
  approve: boolean,
): Promise<Result<JoinRequest, AppError>> {
  const request = await ctx.stores.joinRequests.get(requestId);
  if (!request) return fail(new AppError(ErrorCode.NotFound, 'That join request no longer exists'));
  const access = await authorise(ctx, actor, request.town, 'coordinate');
  if (!access.ok) return access;
  if (request.status !== 'pending') return ok(request); // decided already (perhaps a repeated click): nothing to do
  const decided: JoinRequest = { ...request, status: approve ? 'approved' : 'declined', decidedBy: actor.id };
  const entity = { kind: 'join_request' as const, id: request.id, label: request.displayName };
  const change = approve ? 'join_request.approved' : 'join_request.declined';
  const outcome = await ctx.stores.joinRequests.update(
    decided,
    request.version,
    audit(ctx, {
      actor,
      change,
      entity,
      town: request.town,
      before: { status: request.status },
      after: { status: decided.status },
    }),
  );
  if (outcome.kind !== 'updated')
    return fail(
      new AppError(ErrorCode.StaleVersion, 'Another coordinator decided this request at the same moment'),
    );
  if (approve) {
    const organisation = PARTNERSHIP_ROLES[request.partnershipRole].organisation;
    const member = newMember(
      {
        town: request.town,
        aadObjectId: request.aadObjectId,
        displayName: request.displayName,
        email: request.email,
        organisation,
        partnershipRole: request.partnershipRole,
        accessRole: 'member',
      },
      ctx.ids.newId(),
    );
    if (!member.ok)
      return fail(AppError.validation(member.error, 'The request could not become a membership'));
    const memberEntity = { kind: 'member' as const, id: member.value.id, label: member.value.displayName };
    await ctx.stores.members.insertIfAbsent(
      member.value,
      audit(ctx, {
        actor,
        change: 'member.joined',
        entity: memberEntity,
        town: request.town,
        before: null,
        after: member.value,
      }),
    );
  }
  return ok(outcome.value);
}
