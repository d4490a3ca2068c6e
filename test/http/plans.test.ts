// A delivery plan's life through the bot's HTTP interface: created by a coordinator, priorities added,
// consulted on in the town's channel (comments and concerns until the deadline), approved and locked, then
// revised only with reasons. Roles are enforced at every step and refused calls change nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_ID, USERS, cardText, invokeCard, lastCard, useBot } from '../support/bot-harness.js';
import type { DeliveryPlan } from '../../src/domain/plan.js';

const bot = useBot(); // the clock reads 2026-11-26 10:00 UTC

const plansOf = async () => bot.ctx.stores.plans.listByTown('truro');
async function thePlan(): Promise<DeliveryPlan> {
  const plan = (await plansOf()).find((p) => p.periodStart === '2029-04-01');
  if (!plan) throw new Error('no plan');
  return plan;
}
const changes = async (id: string) => (await bot.ctx.stores.audit.listForEntity(id)).map((e) => e.change);

beforeAll(async () => {
  await bot.sayInChannel(USERS.coordinator, 'link truro');
});

describe('a delivery plan from draft to approved, in Teams', () => {
  it('shows the current plan with progress by priority', async () => {
    await bot.say(USERS.caseWorker, 'plan truro');
    const text = cardText(lastCard(bot.connector));
    expect(text).toContain('Truro · delivery plan');
    expect(text).toContain('Safer Truro Delivery plan 2026-2029');
    expect(text).toMatch(
      /Reduce anti-social behaviour in the town centre.*County priority · \d+ of \d+ done/s,
    );
    await bot.say(USERS.caseWorker, 'summary truro');
    expect(cardText(lastCard(bot.connector))).toContain(
      'Delivery plan: Safer Truro Delivery plan 2026-2029 (draft)',
    );
  });

  it('gives coordinators the new-plan form, and refuses it to members', async () => {
    await bot.say(USERS.coordinator, 'new plan truro');
    expect(cardText(lastCard(bot.connector))).toContain('New delivery plan: Truro');
    await bot.say(USERS.beatManager, 'new plan truro');
    expect(cardText(lastCard(bot.connector))).toContain('Only coordinators can do that');
  });

  it('refuses a plan that overlaps the current one, or ends before it starts, and saves nothing', async () => {
    const before = (await plansOf()).length;
    const overlap = invokeCard(
      await bot.invoke(USERS.coordinator, 'plan.create', {
        town: 'truro',
        title: 'Overlapping',
        periodStart: '2027-01-01',
        periodEnd: '2028-12-31',
      }),
    );
    expect(cardText(overlap)).toContain('already has a plan for 2026-04-01 to 2029-03-31');
    const backwards = invokeCard(
      await bot.invoke(USERS.coordinator, 'plan.create', {
        town: 'truro',
        title: 'Backwards',
        periodStart: '2030-01-01',
        periodEnd: '2029-06-01',
      }),
    );
    expect(cardText(backwards)).toContain('The plan period must end after it starts');
    expect(cardText(backwards)).toContain('New delivery plan: Truro'); // the form again, with the problem
    expect((await plansOf()).length).toBe(before);
  });

  it('creates the next plan as a draft, with its audit event', async () => {
    const card = invokeCard(
      await bot.invoke(USERS.coordinator, 'plan.create', {
        town: 'truro',
        title: 'Safer Truro 2029-2032',
        periodStart: '2029-04-01',
        periodEnd: '2032-03-31',
      }),
    );
    expect(cardText(card)).toContain('Plan created. Add its priorities next.');
    const plan = await thePlan();
    expect(plan).toMatchObject({ status: 'draft', version: 1, title: 'Safer Truro 2029-2032' });
    expect(await changes(plan.id)).toEqual(['plan.created']);
  });

  it('will not consult on a plan with no priorities', async () => {
    const plan = await thePlan();
    const card = invokeCard(
      await bot.invoke(USERS.coordinator, 'plan.consult', {
        planId: plan.id,
        version: 1,
        closes: '2026-12-17',
      }),
    );
    expect(cardText(card)).toContain('Add at least one priority before consulting on the plan');
    expect(await thePlan()).toMatchObject({ status: 'draft', version: 1 });
  });

  it('adds priorities (coordinators only), each tied to its evidence', async () => {
    const plan = await thePlan();
    const refused = invokeCard(
      await bot.invoke(USERS.beatManager, 'plan.priority', {
        planId: plan.id,
        version: 1,
        title: 'Night-time economy',
        theme: 'Alcohol',
        source: 'town_profile',
      }),
    );
    expect(cardText(refused)).toContain('Only coordinators can do that');
    const bad = invokeCard(
      await bot.invoke(USERS.coordinator, 'plan.priority', {
        planId: plan.id,
        version: 1,
        title: 'Night-time economy',
        theme: 'Alcohol',
        source: 'hunch',
      }),
    );
    expect(cardText(bad)).toContain('Source must be a county priority');
    const added = invokeCard(
      await bot.invoke(USERS.coordinator, 'plan.priority', {
        planId: plan.id,
        version: 1,
        title: 'Night-time economy',
        theme: 'Alcohol',
        source: 'town_profile',
      }),
    );
    expect(cardText(added)).toContain('Night-time economy');
    expect(cardText(added)).toContain('Town profile · 0 of 0 done');
    expect(await bot.ctx.stores.priorities.listByPlan(plan.id)).toHaveLength(1);
    expect(await thePlan()).toMatchObject({ version: 2 });
  });

  it('sends the plan out for consultation: the card goes to the town channel', async () => {
    const plan = await thePlan();
    bot.connector.clear();
    const tooSoon = invokeCard(
      await bot.invoke(USERS.coordinator, 'plan.consult', {
        planId: plan.id,
        version: 2,
        closes: '2026-11-28',
      }),
    );
    expect(cardText(tooSoon)).toContain('one week to three months from today');
    const card = invokeCard(
      await bot.invoke(USERS.coordinator, 'plan.consult', {
        planId: plan.id,
        version: 2,
        closes: '2026-12-17',
      }),
    );
    expect(cardText(card)).toContain('In consultation');
    expect(cardText(card)).toContain('Comments until');
    const posted = bot.connector.sent(CHANNEL_ID);
    expect(posted).toHaveLength(1);
    expect(JSON.stringify(posted[0]!.body)).toContain('Safer Truro 2029-2032');
    expect(await bot.ctx.stores.cardPosts.listFor(plan.id)).toHaveLength(1);
  });

  it('takes comments and concerns from members, two at once, and not from viewers', async () => {
    const plan = await thePlan();
    bot.connector.clear();
    const [a, b] = await Promise.all([
      bot.invoke(USERS.beatManager, 'plan.comment', { planId: plan.id, kind: 'comment', text: 'Good focus' }),
      bot.invoke(USERS.caseWorker, 'plan.comment', {
        planId: plan.id,
        kind: 'concern',
        text: 'No action on the bus station yet',
      }),
    ]);
    expect(cardText(invokeCard(a))).toContain('your comment is on the plan');
    expect(cardText(invokeCard(b))).toContain('your comment is on the plan');
    const viewer = invokeCard(
      await bot.invoke(USERS.clerk, 'plan.comment', { planId: plan.id, kind: 'comment', text: 'Me too' }),
    );
    expect(cardText(viewer)).toContain('Viewers and board members can read but not change');
    const personal = invokeCard(
      await bot.invoke(USERS.beatManager, 'plan.comment', {
        planId: plan.id,
        kind: 'comment',
        text: 'Ring 07700 900123 about it',
      }),
    );
    expect(cardText(personal)).toContain('looks like it contains a phone number');
    const saved = await thePlan();
    expect(saved.comments?.map((c) => [c.kind, c.by.displayName])).toEqual(
      expect.arrayContaining([
        ['comment', USERS.beatManager.name],
        ['concern', USERS.caseWorker.name],
      ]),
    );
    expect(saved.comments).toHaveLength(2);
    // The channel copy was updated in place, never posted again. Two comments at once may make one update
    // (the messenger sends only a card's newest version while one is waiting), and that one has both.
    expect(bot.connector.sent(CHANNEL_ID)).toHaveLength(0);
    expect(bot.connector.updated().length).toBeGreaterThanOrEqual(1);
    const last = bot.connector.updated().at(-1)!;
    expect(JSON.stringify(last.body)).toContain('1 comments, 1 concerns');
  });

  it('stops taking comments after the deadline', async () => {
    const plan = await thePlan();
    bot.clock.set(new Date('2026-12-18T09:00:00Z'));
    try {
      const late = invokeCard(
        await bot.invoke(USERS.beatManager, 'plan.comment', {
          planId: plan.id,
          kind: 'comment',
          text: 'Late',
        }),
      );
      expect(cardText(late)).toContain('The consultation closed on 2026-12-17');
    } finally {
      bot.clock.set(new Date('2026-11-26T10:00:00Z'));
    }
    expect((await thePlan()).comments).toHaveLength(2);
  });

  it('approves from a fresh card only; a stale card shows the plan as it is now', async () => {
    const plan = await thePlan();
    const stale = invokeCard(
      await bot.invoke(USERS.coordinator, 'plan.approve', { planId: plan.id, version: 2 }),
    );
    expect(cardText(stale)).toContain('changed while you were looking at it');
    expect((await thePlan()).status).toBe('consultation');
    const member = invokeCard(
      await bot.invoke(USERS.beatManager, 'plan.approve', { planId: plan.id, version: plan.version }),
    );
    expect(cardText(member)).toContain('Only coordinators can do that');
    const approved = invokeCard(
      await bot.invoke(USERS.coordinator, 'plan.approve', { planId: plan.id, version: plan.version }),
    );
    expect(cardText(approved)).toContain('Approved: the plan is now locked.');
    expect(await thePlan()).toMatchObject({ status: 'approved', approvedAt: '2026-11-26T10:00:00.000Z' });
    const again = invokeCard(
      await bot.invoke(USERS.coordinator, 'plan.redraft', { planId: plan.id, version: plan.version + 1 }),
    );
    expect(cardText(again)).toContain('an approved plan is locked');
  });

  it('changes an approved plan only with a reason, recorded as a revision', async () => {
    const plan = await thePlan();
    const noReason = invokeCard(
      await bot.invoke(USERS.coordinator, 'plan.priority', {
        planId: plan.id,
        version: plan.version,
        title: 'Shop theft',
        theme: 'Business crime',
        source: 'partnership',
      }),
    );
    expect(cardText(noReason)).toContain('The plan is approved and locked: say why it changes');
    expect(await bot.ctx.stores.priorities.listByPlan(plan.id)).toHaveLength(1);
    const revised = invokeCard(
      await bot.invoke(USERS.coordinator, 'plan.priority', {
        planId: plan.id,
        version: plan.version,
        title: 'Shop theft',
        theme: 'Business crime',
        source: 'partnership',
        reason: 'The BID reports a rise in shop theft since the summer',
      }),
    );
    expect(cardText(revised)).toContain('Revisions since approval');
    expect(cardText(revised)).toContain('Priority added: Shop theft. Why: The BID reports a rise');
    expect(await bot.ctx.stores.priorities.listByPlan(plan.id)).toHaveLength(2);
    const trail = await changes(plan.id);
    expect(trail.slice(0, 3)).toEqual(['plan.created', 'plan.priority_added', 'plan.consultation']);
    expect(trail.slice(3, 5).sort()).toEqual(['plan.comment', 'plan.concern']); // sent at the same moment
    expect(trail.slice(5)).toEqual(['plan.approved', 'plan.priority_added']);
  });

  it('asks why when an action is added to an approved plan, and keeps the reason', async () => {
    const plan = await thePlan();
    const [priority] = await bot.ctx.stores.priorities.listByPlan(plan.id);
    const action = {
      town: 'truro',
      planId: plan.id,
      priorityId: priority!.id,
      title: 'Joint licensing visits to late bars',
      measure: 'Visits completed',
      target: '12 visits',
      ownerIds: `${USERS.beatManager.aadObjectId},${USERS.caseWorker.aadObjectId}`,
      dueDate: '2029-09-30',
      milestone1: 'First six visits made',
      milestone1Date: '2029-06-30',
    };
    const refused = invokeCard(await bot.invoke(USERS.coordinator, 'action.create', action));
    expect(cardText(refused)).toContain('The plan is approved and locked');
    expect(JSON.stringify(refused)).toContain('"id":"revisionReason"'); // the form asks for it now
    expect(cardText(refused)).toContain('Safer Truro 2029-2032'); // still the plan chosen
    const created = invokeCard(
      await bot.invoke(USERS.coordinator, 'action.create', {
        ...action,
        revisionReason: 'Licensing review asked for joint visits',
      }),
    );
    expect(cardText(created)).toContain('Joint licensing visits to late bars');
    const revisions = (await thePlan()).revisions ?? [];
    expect(revisions.at(-1)?.change).toMatch(/^Action added: TRU-\d+ Joint licensing visits/);
    expect(revisions.at(-1)?.reason).toBe('Licensing review asked for joint visits');
  });
});
