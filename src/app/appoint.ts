// The first seats of a deployment. In Teams only a town's coordinator can let people in, so somebody has to
// name the first coordinators (the Community Safety Officers) and the board: the council's IT team does it
// from the command line (`npm run appoint`), and the audit trail records it as theirs. Idempotent.
import { z } from 'zod';
import { AppError, ErrorCode } from '../errors.js';
import { COUNTY, newMember, type Member } from '../domain/member.js';
import { PARTNERSHIP_ROLES, type PartnershipRole } from '../domain/roles.js';
import { countOfTowns, findTown } from '../domain/towns.js';
import { fail, issue, ok, type Result } from '../domain/result.js';
import { audit } from './audit-trail.js';
import type { Actor } from '../domain/entity.js';
import type { AppContext } from './context.js';

export const OPERATOR: Actor = { kind: 'system', id: 'operator:cli', name: 'IT operator (npm run appoint)' };

const appointmentSchema = z.object({
  /** A town's name, or "board" for a seat on the county's strategic board. */
  town: z.string().trim().min(1),
  aadObjectId: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.string().default('community_safety_officer'),
});

export interface Appointed {
  member: Member;
  added: boolean;
}

export async function appoint(ctx: AppContext, input: unknown): Promise<Result<Appointed, AppError>> {
  const parsed = appointmentSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => issue(i.path.join('.'), i.message));
    return fail(AppError.validation(issues, 'The appointment is incomplete'));
  }
  const { town: where, aadObjectId, name, email, role } = parsed.data;
  const board = where.toLowerCase() === 'board';
  const town = board ? COUNTY : findTown(where)?.slug;
  if (!town)
    return fail(
      new AppError(ErrorCode.Validation, `"${where}" is not one of the ${countOfTowns()} towns, nor "board"`),
    );
  if (!Object.hasOwn(PARTNERSHIP_ROLES, role)) {
    const roles = Object.keys(PARTNERSHIP_ROLES).join(', ');
    return fail(new AppError(ErrorCode.Validation, `"${role}" is not a partnership role; one of: ${roles}`));
  }
  const seat = newMember(
    {
      town,
      aadObjectId,
      displayName: name,
      email,
      organisation: PARTNERSHIP_ROLES[role as PartnershipRole].organisation,
      partnershipRole: role,
      accessRole: board ? 'board' : 'coordinator',
    },
    `seat-${town}-${aadObjectId.toLowerCase()}`,
  );
  if (!seat.ok) return fail(AppError.validation(seat.error, 'The appointment is not valid'));

  const existing = (await ctx.stores.members.listByPerson(seat.value.aadObjectId)).find(
    (m) => m.town === town,
  );
  if (existing) return ok({ member: existing, added: false });
  const member = seat.value;
  const added = await ctx.stores.members.insertIfAbsent(
    member,
    audit(ctx, {
      actor: OPERATOR,
      change: 'member.appointed',
      entity: { kind: 'member', id: member.id, label: member.displayName },
      town,
      before: null,
      after: member,
    }),
  );
  return ok({ member, added });
}
