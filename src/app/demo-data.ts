// Demo records for trying the bot locally. Every one is flagged `demo: true`, every person's name says
// "(demo)" and every e-mail is on the reserved .invalid domain, so nobody mistakes them for real data.
import type { PartnershipRole, AccessRole } from '../domain/roles.js';
import type { PrioritySource } from '../domain/priority.js';
import type { ActionStatus } from '../domain/action.js';

export interface DemoPerson {
  aadObjectId: string;
  displayName: string;
  email: string;
  organisation: string;
  partnershipRole: PartnershipRole;
  /** Their access role in every town; 'board' sits on the county board instead. */
  accessRole: AccessRole;
}

const person = (
  n: number,
  name: string,
  organisation: string,
  partnershipRole: PartnershipRole,
  accessRole: AccessRole,
): DemoPerson => ({
  aadObjectId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  displayName: `${name} (demo)`,
  email: `${name.toLowerCase().replace(/\s+/g, '.')}@demo.invalid`,
  organisation,
  partnershipRole,
  accessRole,
});

/**
 * Five people, also the users of the local Teams emulator (.m365agentsplayground.yml): a coordinator, owners,
 * a viewer, a board member. The emulator has a sixth, Casey Rule, on purpose without a seat.
 */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  person(1, 'Jo Trelawny', 'Council', 'community_safety_officer', 'coordinator'),
  person(2, 'Sam Penrose', 'Police', 'police_beat_manager', 'member'),
  person(3, 'Alex Nance', 'Council', 'asb_case_worker', 'member'),
  person(4, 'Morgan Hicks', 'Town council', 'town_council_clerk', 'viewer'),
  person(5, 'Kerensa Rowe', 'OPCC', 'pcc_link_officer', 'board'),
];

export const DEMO_PLAN = {
  title: 'Delivery plan 2026-2029',
  periodStart: '2026-04-01',
  periodEnd: '2029-03-31',
};

export const DEMO_PRIORITIES: readonly { title: string; theme: string; source: PrioritySource }[] = [
  {
    title: 'Reduce anti-social behaviour in the town centre',
    theme: 'Anti-social behaviour',
    source: 'county_priority',
  },
  {
    title: 'Tackle street drinking and drug-related harm',
    theme: 'Substance misuse',
    source: 'town_profile',
  },
  {
    title: "Improve residents' confidence in the partnership",
    theme: 'Confidence and engagement',
    source: 'residents_survey',
  },
];

export interface DemoAction {
  title: string;
  measure: string;
  target: string;
  priority: number;
  owners: number[];
  /** Days from today: past (overdue), near and far due dates. */
  dueInDays: number;
  status: ActionStatus;
  blockedReason?: string;
}

export const DEMO_ACTIONS: readonly DemoAction[] = [
  {
    title: 'Run monthly joint patrols of the evening economy',
    measure: 'Joint patrols completed',
    target: '12 patrols a year',
    priority: 0,
    owners: [1],
    dueInDays: -20,
    status: 'in_progress',
  },
  {
    title: 'Install brighter lighting in the bus station underpass',
    measure: 'Lighting columns replaced',
    target: 'All 6 columns',
    priority: 0,
    owners: [0, 2],
    dueInDays: -3,
    status: 'not_started',
  },
  {
    title: 'Run a Have Your Say street survey in the town centre',
    measure: 'Survey responses collected',
    target: '300 responses',
    priority: 2,
    owners: [2],
    dueInDays: 0,
    status: 'in_progress',
  },
  {
    title: 'Hold the partnership launch event in the town square',
    measure: 'Residents attending',
    target: '100 residents',
    priority: 2,
    owners: [0],
    dueInDays: 2,
    status: 'not_started',
  },
  {
    title: 'Agree a Community Protection Notice process with the BID',
    measure: 'Partners signed up to the process',
    target: 'All core partners',
    priority: 1,
    owners: [2],
    dueInDays: 10,
    status: 'blocked',
    blockedReason: 'Waiting for legal advice on the wording',
  },
  {
    title: 'Review CCTV coverage of the main shopping streets',
    measure: 'Streets reviewed and blind spots costed',
    target: 'All 8 streets',
    priority: 0,
    owners: [1, 2],
    dueInDays: 60,
    status: 'not_started',
  },
  {
    title: 'Start a Shopwatch radio scheme with local retailers',
    measure: 'Retailers on the scheme',
    target: '25 retailers',
    priority: 1,
    owners: [1],
    dueInDays: 200,
    status: 'done',
  },
];
