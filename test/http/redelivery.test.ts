// Teams re-sends a card action it thinks timed out, with the same activity id: it must be applied once.
import { describe, expect, it } from 'vitest';
import { cardText, invokeCard, USERS, useBot } from '../support/bot-harness.js';

describe('the same card action delivered twice', () => {
  const bot = useBot();

  it('creates the action once, and says so the second time', async () => {
    const [plan] = await bot.ctx.stores.plans.listByTown('truro');
    const [priority] = await bot.ctx.stores.priorities.listByPlan(plan!.id);
    const before = (await bot.ctx.stores.actions.listByTown('truro')).length;
    const click = {
      ...bot.personalActivity(USERS.coordinator),
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId: 'form-activity',
      value: {
        action: {
          type: 'Action.Execute',
          verb: 'action.create',
          data: {
            town: 'truro',
            planId: plan!.id,
            priorityId: priority!.id,
            title: 'Fit a second CCTV camera at the Lemon Quay car park entrance',
            measure: 'Camera installed and recording',
            target: 'One camera',
            ownerIds: USERS.caseWorker.aadObjectId,
            dueDate: '2027-02-26',
          },
        },
        trigger: 'manual',
      },
    };
    const first = cardText(invokeCard(await bot.post(click)));
    expect(first).not.toContain('Already received');
    const again = cardText(invokeCard(await bot.post(click)));
    expect(again).toContain('Already received');
    expect((await bot.ctx.stores.actions.listByTown('truro')).length).toBe(before + 1);

    // A new click (a new activity) on the same form is a new request, not a re-delivery.
    const another = cardText(invokeCard(await bot.post({ ...click, id: `${click.id}-2` })));
    expect(another).not.toContain('Already received');
  });

  it('forgets delivered ids after two days, at the sweep', async () => {
    bot.clock.set('2026-11-29T10:00:00Z');
    expect((await bot.sweep()).deliveriesForgotten).toBeGreaterThan(0);
  });
});
