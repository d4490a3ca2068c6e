import { z } from 'zod';

/** The core membership of a Safer Town partnership: the seats a partnership expects to fill. */
export const PARTNERSHIP_ROLES = {
  community_safety_officer: { label: 'Community Safety Officer', organisation: 'Council' },
  asb_case_worker: { label: 'ASB case worker', organisation: 'Council' },
  community_link_officer: { label: 'Community Link Officer', organisation: 'Council' },
  communications_lead: { label: 'Communications lead', organisation: 'Council' },
  bid_manager: { label: 'Business Improvement District manager', organisation: 'BID' },
  chamber_of_commerce: { label: 'Chamber of Commerce', organisation: 'Chamber of Commerce' },
  housing: { label: 'Housing', organisation: 'Housing provider' },
  pcc_link_officer: { label: "Police and Crime Commissioner's link officer", organisation: 'OPCC' },
  police_sector_inspector: { label: 'Police sector inspector', organisation: 'Police' },
  police_neighbourhood_team_leader: { label: 'Neighbourhood team leader', organisation: 'Police' },
  police_beat_manager: { label: 'Beat manager', organisation: 'Police' },
  police_problem_solver: { label: 'Police problem solver', organisation: 'Police' },
  drug_alcohol_service: { label: 'Drug and alcohol service', organisation: 'Drug and alcohol service' },
  town_council_clerk: { label: 'Town council clerk', organisation: 'Town council' },
  councillor: { label: 'Councillor', organisation: 'Council' },
  offender_management: { label: 'Offender management', organisation: 'Probation' },
  fire_prevention_watch_manager: { label: 'Fire prevention watch manager', organisation: 'Fire and rescue' },
  fire_station_manager: { label: 'Fire station manager', organisation: 'Fire and rescue' },
  adult_social_care: { label: 'Adult social care', organisation: 'Council' },
  licensing: { label: 'Licensing', organisation: 'Council' },
  environmental_protection: { label: 'Environmental protection', organisation: 'Council' },
  neighbourhood_watch: { label: 'Neighbourhood Watch', organisation: 'Voluntary sector' },
  crimestoppers: { label: 'Crimestoppers', organisation: 'Voluntary sector' },
  education_lead: { label: 'Education lead', organisation: 'Education' },
  other: { label: 'Other partner', organisation: 'Other' },
} as const;

export type PartnershipRole = keyof typeof PARTNERSHIP_ROLES;
const PARTNERSHIP_ROLE_KEYS = Object.keys(PARTNERSHIP_ROLES) as [PartnershipRole, ...PartnershipRole[]];
/** Every seat but "other" is part of the core membership seeded for each town. */
export const CORE_ROLES = PARTNERSHIP_ROLE_KEYS.filter((r) => r !== 'other');

export const partnershipRoleSchema = z.enum(PARTNERSHIP_ROLE_KEYS, {
  error: () => 'must be one of the partnership roles (see `roles`)',
});

/**
 * What a person may do. coordinator: manage the town's plan, members and channel; member: own and update
 * actions; viewer: read only; board: read every town (a county-level role, not a town seat).
 */
const ACCESS_ROLES = ['coordinator', 'member', 'viewer', 'board'] as const;
export type AccessRole = (typeof ACCESS_ROLES)[number];
export const accessRoleSchema = z.enum(ACCESS_ROLES, {
  error: () => `must be one of ${ACCESS_ROLES.join(', ')}`,
});

/** May this access role change a town's actions (status, notes, due dates of its own)? */
export function canUpdateActions(role: AccessRole): boolean {
  return role === 'coordinator' || role === 'member';
}

export function canCoordinate(role: AccessRole): boolean {
  return role === 'coordinator';
}
