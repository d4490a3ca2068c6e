import type { Versioned } from './entity.js';
import type { PartnershipRole } from './roles.js';
import type { TownSlug } from './towns.js';

/** Someone asking to join a town's partnership; a coordinator of that town approves or declines. */
export interface JoinRequest extends Versioned {
  town: TownSlug;
  aadObjectId: string;
  displayName: string;
  email: string;
  partnershipRole: PartnershipRole;
  status: 'pending' | 'approved' | 'declined';
  decidedBy: string | null;
}

/** One request per person per town: asking again reopens the same request. */
export const joinRequestId = (town: TownSlug, aadObjectId: string) => `${town}:${aadObjectId}`;
