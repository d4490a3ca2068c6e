import { fail, issue, ok, type Validated } from './result.js';
import { CORE_ROLES, type PartnershipRole } from './roles.js';
import type { LocalDate } from './dates.js';
import type { Versioned } from './entity.js';
import type { TownSlug } from './towns.js';

type PartnershipStatus = 'forming' | 'launched';

/** Where the partnership works in Teams: the channel linked by a coordinator. */
export interface ChannelBinding {
  teamId: string;
  channelId: string;
  tenantId: string | null;
  linkedBy: string;
  linkedAt: string;
}

/** A town's Safer Town partnership, accountable to the county Community Safety Partnership. */
export interface Partnership extends Versioned {
  town: TownSlug;
  status: PartnershipStatus;
  launchDate: LocalDate | null;
  channel: ChannelBinding | null;
  /** The seats of the core membership this partnership expects to fill. */
  coreRoles: PartnershipRole[];
}

/** Partnerships are keyed by town: one per town. */
export function newPartnership(
  town: TownSlug,
  coreRoles: readonly PartnershipRole[] = CORE_ROLES,
): Partnership {
  return {
    id: town,
    version: 1,
    town,
    status: 'forming',
    launchDate: null,
    channel: null,
    coreRoles: [...coreRoles],
  };
}

export function launchPartnership(p: Partnership, date: LocalDate): Validated<Partnership> {
  if (p.status === 'launched')
    return fail([issue('status', `The partnership launched on ${p.launchDate ?? 'an earlier date'}`)]);
  return ok({ ...p, status: 'launched', launchDate: date });
}

export function linkChannel(p: Partnership, channel: ChannelBinding): Partnership {
  return { ...p, channel };
}

export function unlinkChannel(p: Partnership): Validated<Partnership> {
  if (!p.channel) return fail([issue('channel', 'This town has no linked channel')]);
  return ok({ ...p, channel: null });
}
