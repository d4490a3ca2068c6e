// The seed fund through the bot's HTTP interface: allocations to actions and events by coordinators and
// board members, never past what remains (not even two at once), spending never past what was allocated,
// and the board view showing allocated, spent and remaining.
import { describe, expect, it } from 'vitest';
import { USERS, cardText, lastCard, useBot, type Response } from '../support/bot-harness.js';
import { SYSTEM_ACTOR } from '../../src/domain/entity.js';
import { auditEvent } from '../../src/domain/audit.js';

const bot = useBot({ SEED_FUND_GBP: '50000' });

function invokeCard(res: Response): string {
  expect(res.status).toBe(200);
  return cardText((res.body as { value: Record<string, unknown> }).value);
}
const fund = async () => (await bot.ctx.stores.seedFund.get('seed-fund'))!;
const allocate = (
  who: (typeof USERS)[keyof typeof USERS],
  ref: string,
  amount: string,
  purpose = 'Radios for the scheme',
) =>
  bot.invoke(who, 'fund.allocate', { recordKind: 'action', ref, fundAmount: amount, fundPurpose: purpose });

describe('the seed fund', () => {
  it('shows the fund to board members and coordinators only', async () => {
    await bot.say(USERS.beatManager, 'fund');
    expect(cardText(lastCard(bot.connector))).toContain(
      'The board view is for board members and coordinators',
    );
    await bot.say(USERS.coordinator, 'fund');
    const text = cardText(lastCard(bot.connector));
    expect(text).toContain('£50,000');
    expect(text).toContain('Remaining to allocate');
  });

  it('allocates to an action by its reference, with an audit record', async () => {
    const text = invokeCard(await allocate(USERS.coordinator, 'TRU-004', '£1,250.50'));
    expect(text).toContain('Allocated from the seed fund.');
    expect(text).toContain('Truro: £1,250.50 to TRU-004');
    expect(text).toContain('£48,749.50');
    const events = await bot.ctx.stores.audit.listForEntity('seed-fund');
    expect(events.map((e) => e.change)).toEqual(['seed_fund.created', 'seed_fund.allocated']);
    expect(events[1]).toMatchObject({ town: 'truro', after: { allocated: 125_050, spent: 0 } });
  });

  it('refuses members, bad amounts and more than remains, and changes nothing', async () => {
    const before = await fund();
    expect(invokeCard(await allocate(USERS.beatManager, 'TRU-004', '100'))).toContain(
      "Only Truro's coordinators and board members manage its seed funding",
    );
    expect(invokeCard(await allocate(USERS.coordinator, 'TRU-004', 'a lot'))).toContain(
      'The allocation must be an amount in pounds',
    );
    expect(invokeCard(await allocate(USERS.coordinator, 'TRU-004', '0'))).toContain('must be more than £0');
    expect(invokeCard(await allocate(USERS.coordinator, 'TRU-004', '60000'))).toContain(
      'Only £48,749.50 of the seed fund remains',
    );
    expect(invokeCard(await allocate(USERS.coordinator, 'TRU-999', '10'))).toContain('TRU-999');
    expect(await fund()).toEqual(before);
  });

  it('never overspends when two allocations come at once: one is applied, the other re-checked', async () => {
    const [a, b] = await Promise.all([
      allocate(USERS.coordinator, 'PNZ-004', '30000', 'Lighting'),
      allocate(USERS.board, 'RED-004', '30000', 'CCTV'),
    ]);
    const texts = [invokeCard(a), invokeCard(b)];
    expect(texts.filter((t) => t.includes('Allocated from the seed fund.'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('Only £18,749.50 of the seed fund remains'))).toHaveLength(1);
    const f = await fund();
    expect(f.allocations.reduce((n, x) => n + x.amountPence, 0)).toBe(3_125_050);
  });

  it('allocates to an event, and records spending up to what was allocated', async () => {
    const meeting = {
      id: 'launch-truro',
      version: 1,
      town: 'truro' as const,
      kind: 'engagement_event' as const,
      title: 'Safer Truro launch event',
      agenda: null,
      start: '2027-01-20T18:00:00.000Z',
      end: '2027-01-20T20:00:00.000Z',
      organiser: {
        aadObjectId: USERS.coordinator.aadObjectId,
        displayName: USERS.coordinator.name,
        email: USERS.coordinator.email,
      },
      attendees: [],
      graphEventId: null,
      joinUrl: null,
      status: 'scheduled' as const,
      demo: false,
    };
    await bot.ctx.stores.meetings.insert(
      meeting,
      auditEvent(
        { actor: SYSTEM_ACTOR, change: 'meeting.created', before: null, after: meeting },
        { kind: 'meeting', id: meeting.id, label: meeting.title },
        'truro',
        { id: 'e-launch', at: new Date() },
      ),
    );
    expect(
      invokeCard(
        await bot.invoke(USERS.board, 'fund.allocate', {
          recordKind: 'event',
          recordId: meeting.id,
          fundAmount: '500',
          fundPurpose: 'Venue and publicity',
        }),
      ),
    ).toContain('£500 to Safer Truro launch event');
    const allocation = (await fund()).allocations.find((x) => x.recordId === meeting.id)!;
    const spend = (spent: string) =>
      bot.invoke(USERS.coordinator, 'fund.spend', {
        allocationId: allocation.id,
        inputId: 'spent_0',
        spent_0: spent,
      });
    expect(invokeCard(await spend('650'))).toContain('£650 is more than the £500 allocated');
    expect(invokeCard(await spend('420.25'))).toContain('Spending recorded.');
    expect((await fund()).allocations.find((x) => x.id === allocation.id)!.spentPence).toBe(42_025);
  });

  it('shows allocated, spent and remaining on the board view, overall and by town', async () => {
    await bot.say(USERS.board, 'board');
    const text = cardText(lastCard(bot.connector));
    expect(text).toContain('Seed fund: £31,750.50 allocated, £420.25 spent, £18,249.50 remaining');
    expect(text).toContain('fund £1,750.50 / £420.25 spent'); // Truro: the action and the event
  });
});
