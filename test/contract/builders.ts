// Valid records for store tests, built through the domain so they are always well-formed.
import { completeAction, type Action } from '../../src/domain/action.js';
import { auditEvent, type AuditEvent } from '../../src/domain/audit.js';
import { SYSTEM_ACTOR } from '../../src/domain/entity.js';
import type { Member } from '../../src/domain/member.js';
import type { TownSlug } from '../../src/domain/towns.js';

let n = 0;
const uid = (prefix: string) => `${prefix}-${++n}-${Math.random().toString(36).slice(2, 8)}`;

export function anAction(over: Partial<Action> = {}): Action {
  const town: TownSlug = over.town ?? 'truro';
  const base = completeAction(
    {
      town,
      planId: 'plan-1',
      priorityId: 'priority-1',
      taskGroupId: null,
      title: 'Install brighter lighting in the bus station underpass',
      measure: 'Lighting columns replaced',
      target: 'All 6 columns',
      owners: [{ aadObjectId: 'aad-owner-1', displayName: 'Sam Penrose' }],
      dueDate: '2027-03-31',
      status: 'not_started',
      blockedReason: null,
      notes: [],
      demo: false,
    },
    {
      id: uid('action'),
      ref: `TRU-${String(++n).padStart(3, '0')}`,
      now: new Date('2026-11-26T10:00:00Z'),
      actor: SYSTEM_ACTOR,
    },
  );
  return { ...base, ...over };
}

export function aMember(over: Partial<Member> = {}): Member {
  return {
    id: uid('member'),
    version: 1,
    town: 'truro',
    aadObjectId: uid('aad'),
    displayName: 'Jo Trelawny',
    email: 'jo@example.org',
    organisation: 'Council',
    partnershipRole: 'community_safety_officer',
    accessRole: 'coordinator',
    demo: false,
    ...over,
  };
}

export function anAudit(
  entityId: string,
  change = 'test.change',
  town: TownSlug | null = 'truro',
): AuditEvent {
  return auditEvent(
    { actor: SYSTEM_ACTOR, change, before: null, after: { note: 'x' } },
    { kind: 'action', id: entityId, label: entityId },
    town,
    { id: uid('audit'), at: new Date() },
  );
}
