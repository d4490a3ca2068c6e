import { describe, expect, it } from 'vitest';
import { accessFor, newMember } from '../../../src/domain/member.js';
import { launchPartnership, newPartnership, unlinkChannel } from '../../../src/domain/partnership.js';
import { movePlan, newPlan } from '../../../src/domain/plan.js';
import { newPriority } from '../../../src/domain/priority.js';
import { CORE_ROLES } from '../../../src/domain/roles.js';
import { boardMember, coordinator, members, outsider } from './fixtures.js';

describe('delivery plan', () => {
  const input = {
    town: 'truro',
    title: 'Safer Truro 2026-2029',
    periodStart: '2026-04-01',
    periodEnd: '2029-03-31',
  };

  it('starts in draft and goes through consultation to approval', () => {
    const plan = newPlan(input, 'p1');
    if (!plan.ok) throw new Error('unexpected');
    expect(plan.value.status).toBe('draft');
    const consulted = movePlan(plan.value, 'consultation');
    expect(consulted.ok && consulted.value.status).toBe('consultation');
    if (!consulted.ok) return;
    expect(movePlan(consulted.value, 'draft').ok).toBe(true);
    const approved = movePlan(consulted.value, 'approved');
    expect(approved.ok && approved.value.status).toBe('approved');
    if (!approved.ok) return;
    expect(movePlan(approved.value, 'draft')).toMatchObject({
      ok: false,
      error: [{ message: 'A plan in approved cannot move to draft: an approved plan is locked' }],
    });
    expect(movePlan(plan.value, 'approved')).toMatchObject({
      ok: false,
      error: [{ message: 'A plan in draft cannot move to approved: it can move to consultation' }],
    });
  });

  it('refuses periods that end first or run over three years', () => {
    expect(newPlan({ ...input, periodEnd: '2026-03-01' }, 'p')).toMatchObject({
      ok: false,
      error: [{ field: 'periodEnd' }],
    });
    expect(newPlan({ ...input, periodEnd: '2030-04-01' }, 'p')).toMatchObject({
      ok: false,
      error: [{ message: 'A delivery plan covers at most three years' }],
    });
  });

  it('ties priorities to a source of evidence', () => {
    expect(
      newPriority(
        { town: 'truro', planId: 'p', title: 'Night-time economy', theme: 'ASB', source: 'residents_survey' },
        'x',
      ).ok,
    ).toBe(true);
    const bad = newPriority(
      {
        town: 'truro',
        planId: 'p',
        title: 'Night-time economy',
        theme: 'ASB',
        source: 'gut feeling' as never,
      },
      'x',
    );
    expect(bad).toMatchObject({ ok: false, error: [{ field: 'source' }] });
  });
});

describe('partnership and members', () => {
  it('starts forming with every core seat, launches once', () => {
    const p = newPartnership('bodmin');
    expect(p).toMatchObject({ id: 'bodmin', status: 'forming', channel: null, launchDate: null });
    expect(p.coreRoles).toEqual(CORE_ROLES);
    expect(p.coreRoles).toContain('community_safety_officer');
    const launched = launchPartnership(p, '2027-01-15');
    expect(launched.ok && launched.value).toMatchObject({ status: 'launched', launchDate: '2027-01-15' });
    if (launched.ok) expect(launchPartnership(launched.value, '2027-02-01').ok).toBe(false);
    expect(unlinkChannel(p)).toMatchObject({
      ok: false,
      error: [{ message: 'This town has no linked channel' }],
    });
  });

  const input = {
    town: 'truro',
    aadObjectId: '6f1c2a3b-0000-4000-8000-000000000001',
    displayName: 'Jo Trelawny',
    email: 'Jo.Trelawny@Example.org',
    organisation: 'Council',
    partnershipRole: 'community_safety_officer',
    accessRole: 'coordinator',
  } as const;

  it('validates a member and keeps the board role for the county board', () => {
    expect(newMember(input, 'm1')).toMatchObject({
      ok: true,
      value: { email: 'jo.trelawny@example.org', demo: false },
    });
    expect(newMember({ ...input, accessRole: 'board' }, 'm')).toMatchObject({
      ok: false,
      error: [{ field: 'accessRole' }],
    });
    expect(newMember({ ...input, town: 'county', accessRole: 'board' }, 'm').ok).toBe(true);
    expect(
      newMember({ ...input, email: 'not an email', partnershipRole: 'wizard' as never }, 'm'),
    ).toMatchObject({
      ok: false,
      error: [{ field: 'email' }, { field: 'partnershipRole' }],
    });
  });

  it('works out a person’s access to a town', () => {
    expect(accessFor(members, coordinator.aadObjectId, 'truro')).toBe('coordinator');
    expect(accessFor(members, outsider.aadObjectId, 'truro')).toBeNull();
    expect(accessFor(members, outsider.aadObjectId, 'penzance')).toBe('member');
    expect(accessFor(members, boardMember.aadObjectId, 'saltash')).toBe('board');
    expect(accessFor(members, 'stranger', 'truro')).toBeNull();
  });
});
