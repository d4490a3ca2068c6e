import type { ActionContext } from '../../../src/domain/action.js';
import type { Member } from '../../../src/domain/member.js';
import type { DeliveryPlan } from '../../../src/domain/plan.js';
import type { Priority } from '../../../src/domain/priority.js';

export const plan: DeliveryPlan = {
  id: 'plan-truro',
  version: 1,
  town: 'truro',
  title: 'Safer Truro delivery plan',
  periodStart: '2026-04-01',
  periodEnd: '2029-03-31',
  status: 'approved',
  demo: false,
};

export const priority: Priority = {
  id: 'priority-asb',
  version: 1,
  town: 'truro',
  planId: plan.id,
  title: 'Reduce anti-social behaviour in the city centre',
  theme: 'ASB',
  source: 'county_priority',
  demo: false,
};

const seat = (n: number, accessRole: Member['accessRole'], town: Member['town'] = 'truro'): Member => ({
  id: `m-${n}-${town}`,
  version: 1,
  town,
  aadObjectId: `0000000${n}-aaaa-4000-8000-000000000000`,
  displayName: `Person ${n}`,
  email: `person${n}@example.org`,
  organisation: 'Council',
  partnershipRole: 'asb_case_worker',
  accessRole,
  demo: false,
});

export const coordinator = seat(1, 'coordinator');
export const member = seat(2, 'member');
export const viewer = seat(3, 'viewer');
export const outsider = seat(4, 'member', 'penzance');
export const boardMember = seat(5, 'board', 'county');
export const members = [coordinator, member, viewer, outsider, boardMember];

export const validInput = {
  town: 'truro',
  planId: plan.id,
  priorityId: priority.id,
  title: 'Install brighter lighting at Lemon Quay',
  measure: 'Lighting columns replaced',
  target: 'All 6 columns',
  ownerIds: [member.aadObjectId],
  dueDate: '2027-03-31',
};

export const context: ActionContext = {
  today: '2026-11-26',
  plan,
  priorities: [priority],
  members,
  taskGroup: null,
};
