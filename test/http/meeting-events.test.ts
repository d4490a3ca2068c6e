// A partnership meeting booked through the bot, as Teams reports it in the meeting's chat: at the start the
// agenda card (due since the last meeting, blocked, due before the next, problem-solving plans), at the end
// the outcomes card (what changed on the town's actions while it ran). Other meetings and malformed events
// are left alone, with no 5xx.
import { beforeAll, describe, expect, it } from 'vitest';
import { USERS, cardText, invokeCard, lastCard, useBot } from '../support/bot-harness.js';
import { audit } from '../../src/app/audit-trail.js';
import { listWholeActions } from '../../src/app/whole-actions.js';
import { SYSTEM_ACTOR } from '../../src/domain/entity.js';
import type { Meeting } from '../../src/domain/meeting.js';

const bot = useBot({ REMINDER_SWEEP_SECONDS: '0' });
const JOIN_URL = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_truro%40thread.v2/0';
const MEETING_CHAT = '19:meeting_truro@thread.v2';

function meetingEvent(name: 'meetingStart' | 'meetingEnd', value: unknown, id = `${name}-${Date.now()}`) {
  return bot.post({
    ...bot.personalActivity(USERS.coordinator),
    id,
    type: 'event',
    name: `application/vnd.microsoft.${name}`,
    conversation: { id: MEETING_CHAT, conversationType: 'groupChat', isGroup: true },
    channelData: { tenant: { id: '11111111-2222-4333-8444-555555555555' }, meeting: { id: 'MCMxOTpt' } },
    value,
  });
}

beforeAll(async () => {
  const now = bot.clock.now().toISOString();
  const meeting: Meeting = {
    id: 'meeting-truro-1',
    version: 1,
    town: 'truro',
    kind: 'partnership',
    title: 'Safer Truro partnership meeting',
    agenda: 'Actions due; the CCTV review',
    start: now,
    end: new Date(bot.clock.now().getTime() + 90 * 60_000).toISOString(),
    organiser: {
      aadObjectId: USERS.coordinator.aadObjectId,
      displayName: USERS.coordinator.name,
      email: USERS.coordinator.email,
    },
    attendees: [],
    graphEventId: 'event-1',
    joinUrl: JOIN_URL,
    status: 'scheduled',
    demo: false,
  };
  const event = audit(bot.ctx, {
    actor: SYSTEM_ACTOR,
    change: 'meeting.created',
    entity: { kind: 'meeting', id: meeting.id, label: meeting.title },
    town: 'truro',
    before: null,
    after: meeting,
  });
  await bot.ctx.stores.meetings.insert(meeting, event);
});

describe('a meeting booked through the bot, in its chat', () => {
  it('gets the agenda when it starts, and the outcomes of what changed when it ends', async () => {
    bot.clock.advance(60_000); // the demo data was made at the harness's start time
    bot.connector.clear();
    const value = {
      Id: 'MCMxOTpt',
      JoinUrl: decodeURIComponent(JOIN_URL),
      Title: 'Safer Truro partnership meeting',
      MeetingType: 'Scheduled',
      StartTime: new Date().toISOString(),
    };
    expect((await meetingEvent('meetingStart', value)).status).toBe(200);
    const agenda = cardText(lastCard(bot.connector, MEETING_CHAT));
    expect(agenda).toContain('Agenda: Safer Truro partnership meeting');
    const truro = await listWholeActions(bot.ctx, 'truro');
    const today = bot.clock.now().toISOString().slice(0, 10);
    const overdue = truro.filter((a) => a.dueDate <= today);
    expect(agenda).toContain(`Due since the last meeting (${overdue.length})`);
    for (const a of overdue.slice(0, 12)) expect(agenda).toContain(`${a.ref} ${a.title}`);
    expect(agenda).toContain("The organiser's agenda: Actions due; the CCTV review");
    expect((await bot.ctx.stores.meetings.get('meeting-truro-1'))!.heldFrom).toBeTruthy();

    // During the meeting: one action started from its card.
    const open = truro.find((a) => a.status === 'not_started')!;
    bot.clock.advance(30 * 60_000);
    invokeCard(
      await bot.invoke(USERS.coordinator, 'action.status', {
        actionId: open.id,
        version: open.version,
        status: 'in_progress',
      }),
    );
    bot.clock.advance(30 * 60_000);

    bot.connector.clear();
    expect((await meetingEvent('meetingEnd', { ...value, EndTime: new Date().toISOString() })).status).toBe(
      200,
    );
    const outcomes = cardText(lastCard(bot.connector, MEETING_CHAT));
    expect(outcomes).toContain('Outcomes: Safer Truro partnership meeting');
    expect(outcomes).toContain('What changed (1)');
    expect(outcomes).toContain(`${open.ref} · `);
    expect(outcomes).toContain('moved it from not started to in progress');
  });

  it('leaves other meetings and malformed events alone, with no 5xx', async () => {
    bot.connector.clear();
    for (const value of [
      { JoinUrl: 'https://teams.microsoft.com/l/meetup-join/other', Title: 'Not ours' },
      { JoinUrl: 42 },
      'junk',
      null,
    ]) {
      expect((await meetingEvent('meetingStart', value)).status).toBeLessThan(500);
      expect((await meetingEvent('meetingEnd', value)).status).toBeLessThan(500);
    }
    expect(bot.connector.sent(MEETING_CHAT)).toEqual([]);
  });
});
