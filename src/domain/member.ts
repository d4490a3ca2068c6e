import { z } from 'zod';
import { fail, issue, ok, type Validated } from './result.js';
import { accessRoleSchema, partnershipRoleSchema, type AccessRole, type PartnershipRole } from './roles.js';
import { TEXT_LIMITS, textField } from './text.js';
import { townSlugSchema, type TownSlug } from './towns.js';
import type { Versioned } from './entity.js';

/** The county board is not a town: its members read every town's records. */
export const COUNTY = 'county' as const;
/** Where a seat is: a town's slug, or COUNTY for the strategic board. */
export type MembershipScope = TownSlug;

/** One person's seat in one partnership (or on the county board). A person may sit in several towns. */
export interface Member extends Versioned {
  town: MembershipScope;
  aadObjectId: string;
  displayName: string;
  email: string;
  organisation: string;
  partnershipRole: PartnershipRole;
  accessRole: AccessRole;
  demo: boolean;
}

const memberInputSchema = z.object({
  town: z.union([townSlugSchema, z.literal(COUNTY)]),
  aadObjectId: z
    .string()
    .trim()
    .regex(/^[0-9a-f-]{8,64}$/i, 'must be an Entra (Azure AD) object id'),
  displayName: textField('Display name', TEXT_LIMITS.name),
  email: z.string().trim().toLowerCase().email('must be an e-mail address or user principal name'),
  organisation: textField('Organisation', TEXT_LIMITS.name),
  partnershipRole: partnershipRoleSchema,
  accessRole: accessRoleSchema,
  demo: z.boolean().default(false),
});

export function newMember(input: unknown, id: string): Validated<Member> {
  const parsed = memberInputSchema.safeParse(input);
  if (!parsed.success) return fail(parsed.error.issues.map((i) => issue(i.path.join('.'), i.message)));
  const m = parsed.data;
  const isBoardSeat = m.town === COUNTY;
  if (isBoardSeat !== (m.accessRole === 'board')) {
    return fail([
      issue('accessRole', 'The board role belongs to the county board, and only the board role does'),
    ]);
  }
  return ok({ ...m, id, version: 1 });
}

/** The access role a person holds for a town: their seat there, or board (read-only) from the county. */
export function accessFor(
  memberships: readonly Member[],
  aadObjectId: string,
  town: TownSlug,
): AccessRole | null {
  const mine = memberships.filter((m) => m.aadObjectId === aadObjectId);
  return (
    mine.find((m) => m.town === town)?.accessRole ?? (mine.some((m) => m.town === COUNTY) ? 'board' : null)
  );
}
