// Scheduling through the bot: the form, Graph's documented requests (on the HTTPS stand-in), the channel
// card with the join link, moving and cancelling, and a retry that never books twice.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { CHANNEL_ID, USERS, cardText, lastCard, useBot, type Response } from '../support/bot-harness.js';
import { FakeGraph } from '../servers/fake-graph.js';

const graph = new FakeGraph(inject('graphTls'));
await graph.start();
const bot = useBot({ GRAPH_BASE_URL: graph.baseUrl, REMINDER_SWEEP_SECONDS: '0' });

const card = (res: Response) => (res.body as { value: Record<string, unknown> }).value;
let form: { requestId: string; town: string };
const values = {
  kind: 'partnership',
  title: 'Safer Truro partnership meeting',
  date: '2026-12-03',
  time: '10:00',
  duration: '90',
  agenda: 'Actions due\nLaunch event',
  attendeeIds: '',
};

beforeAll(async () => {
  for (const user of Object.values(USERS)) graph.users.add(user.aadObjectId);
  await bot.sayInChannel(USERS.coordinator, 'link truro');
  await bot.say(USERS.coordinator, 'schedule meeting truro');
  const submit = (lastCard(bot.connector).actions as { data: { requestId: string; town: string } }[])[0]!
    .data;
  form = submit;
  values.attendeeIds = [USERS.coordinator, USERS.beatManager, USERS.caseWorker]
    .map((u) => u.aadObjectId)
    .join(',');
});

describe('meetings', () => {
  it('refuses a date in the past with the form and the problem, booking nothing', async () => {
    const res = await bot.invoke(USERS.coordinator, 'meeting.create', {
      ...form,
      ...values,
      date: '2026-11-01',
    });
    expect(cardText(card(res))).toContain('The meeting must start in the future');
    expect(graph.requests).toHaveLength(0);
  });

  it('books an online Teams meeting on the organiser’s calendar and posts its card to the channel', async () => {
    bot.connector.clear();
    const res = await bot.invoke(USERS.coordinator, 'meeting.create', { ...form, ...values });
    expect(cardText(card(res))).toContain('Scheduled: the invitations are on their way.');
    const [request] = graph.requests;
    expect(request).toMatchObject({
      method: 'POST',
      path: `/v1.0/users/${USERS.coordinator.aadObjectId}/events`,
    });
    expect(request!.body).toMatchObject({
      subject: 'Safer Truro partnership meeting',
      start: { dateTime: '2026-12-03T10:00:00.000', timeZone: 'UTC' }, // 10:00 in London in December is 10:00 UTC
      end: { dateTime: '2026-12-03T11:30:00.000', timeZone: 'UTC' },
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      body: { contentType: 'HTML', content: '<p>Actions due<br>Launch event</p>' },
    });
    expect((request!.body!.attendees as unknown[]).length).toBe(3);
    const posted = bot.connector.sent(CHANNEL_ID).at(-1)!;
    const channelCard = (posted.body!.attachments as { content: Record<string, unknown> }[])[0]!.content;
    expect(JSON.stringify(channelCard)).toContain('https://teams.microsoft.com/l/meetup-join/');
    expect(cardText(channelCard)).toContain('Actions due before the meeting');
    expect(cardText(channelCard)).toMatch(/TRU-00\d .*: due/);
  });

  it('does not book twice when the same request comes again', async () => {
    const before = graph.requests.length;
    const res = await bot.invoke(USERS.coordinator, 'meeting.create', { ...form, ...values });
    expect(cardText(card(res))).toContain('Safer Truro partnership meeting');
    expect(graph.requests.length).toBe(before);
    expect(await bot.ctx.stores.meetings.listByTown('truro')).toHaveLength(1);
  });

  it('moves the meeting (PATCH) and cancels it (cancel), updating the channel card each time', async () => {
    const meeting = (await bot.ctx.stores.meetings.get(form.requestId))!;
    bot.connector.clear();
    const moved = await bot.invoke(USERS.coordinator, 'meeting.reschedule', {
      meetingId: meeting.id,
      version: meeting.version,
      date: '2026-12-04',
      time: '14:00',
      duration: 90,
    });
    expect(cardText(card(moved))).toContain('Moved');
    expect(graph.requests.at(-1)).toMatchObject({
      method: 'PATCH',
      path: `/v1.0/users/${USERS.coordinator.aadObjectId}/events/${meeting.graphEventId}`,
      body: {
        start: { dateTime: '2026-12-04T14:00:00.000', timeZone: 'UTC' },
        end: { dateTime: '2026-12-04T15:30:00.000', timeZone: 'UTC' },
      },
    });
    expect(bot.connector.updated()).toHaveLength(1);

    const current = (await bot.ctx.stores.meetings.get(meeting.id))!;
    const byMember = await bot.invoke(USERS.beatManager, 'meeting.cancel', {
      meetingId: current.id,
      version: current.version,
      reason: 'No',
    });
    expect(cardText(card(byMember))).toContain(
      'Only the organiser and the town’s coordinators can change this meeting',
    );
    const cancelled = await bot.invoke(USERS.coordinator, 'meeting.cancel', {
      meetingId: current.id,
      version: current.version,
      reason: 'Moved to January',
    });
    expect(cardText(card(cancelled))).toContain('Cancelled');
    expect(graph.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: `/v1.0/users/${USERS.coordinator.aadObjectId}/events/${meeting.graphEventId}/cancel`,
      body: { comment: 'Moved to January' },
    });
    expect((await bot.ctx.stores.meetings.get(meeting.id))!.status).toBe('cancelled');
    expect((await bot.ctx.stores.audit.listForEntity(meeting.id)).map((e) => e.change)).toEqual([
      'meeting.created',
      'meeting.scheduled',
      'meeting.rescheduled',
      'meeting.cancelled',
    ]);
  });

  it('names the missing Graph permission, and keeps the request so a retry books it once', async () => {
    await bot.say(USERS.coordinator, 'schedule meeting truro');
    const second = (lastCard(bot.connector).actions as { data: { requestId: string; town: string } }[])[0]!
      .data;
    graph.faults = [{ status: 403, times: 1 }];
    const refused = await bot.invoke(USERS.coordinator, 'meeting.create', {
      ...second,
      ...values,
      title: 'Workshop on the night-time economy',
    });
    expect(cardText(card(refused))).toContain('Calendars.ReadWrite');
    const retried = await bot.invoke(USERS.coordinator, 'meeting.create', {
      ...second,
      ...values,
      title: 'Workshop on the night-time economy',
    });
    expect(cardText(card(retried))).toContain('Scheduled');
    expect(graph.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/events')).length).toBe(3); // first meeting, refused, retried
  });

  it('tells the organiser when Graph stays unavailable through its retries, and books once when asked again', async () => {
    await bot.say(USERS.coordinator, 'schedule meeting truro');
    const request = (lastCard(bot.connector).actions as { data: { requestId: string; town: string } }[])[0]!
      .data;
    const posts = () =>
      graph.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/events')).length;
    const before = posts();
    // The Graph client tries a 503 four times in all (three retries): every one fails.
    graph.faults = [{ status: 503, times: 4, headers: { 'retry-after': '0' } }];
    const form = { ...request, ...values, title: 'Walkabout with the licensing team' };
    const refused = await bot.invoke(USERS.coordinator, 'meeting.create', form);
    expect(cardText(card(refused))).toContain('Please try again shortly');
    expect(cardText(card(refused))).toContain('it will be tried again later');
    expect(posts() - before).toBe(4);
    const retried = await bot.invoke(USERS.coordinator, 'meeting.create', form);
    expect(cardText(card(retried))).toContain('Scheduled');
    expect(posts() - before).toBe(5);
    const booked = (await bot.ctx.stores.meetings.listByTown('truro')).filter(
      (m) => m.title === 'Walkabout with the licensing team',
    );
    expect(booked).toHaveLength(1);
  });

  it('shows upcoming meetings in the town summary', async () => {
    await bot.say(USERS.coordinator, 'summary truro');
    expect(cardText(lastCard(bot.connector))).toContain('Workshop on the night-time economy');
  });

  it("asked in the town's own channel: its card is posted there once, and the form becomes one line", async () => {
    await bot.sayInChannel(USERS.coordinator, 'schedule meeting');
    const asked = (lastCard(bot.connector).actions as { data: typeof form }[])[0]!.data; // in the thread
    bot.connector.clear();
    const res = await bot.invoke(
      USERS.coordinator,
      'meeting.create',
      { ...asked, ...values, title: 'Channel meeting', date: '2026-12-17' },
      'channel',
    );
    const answer = cardText(card(res));
    expect(answer).toContain('The card of Channel meeting, with its join link, is posted in this channel');
    expect(answer).not.toContain('Join the meeting');
    const posts = bot.connector.sent(CHANNEL_ID);
    expect(posts).toHaveLength(1);
    expect(JSON.stringify(posts[0]!.body)).toContain('Join the meeting');
  });
});

describe('the launch plan', () => {
  it('books the ten launch events on consecutive working days, once, in the order given', async () => {
    const before = graph.requests.length;
    await bot.say(USERS.coordinator, 'launch plan 2027-01-08 Truro, St Austell, Penzance');
    const text = String(bot.connector.sent().at(-1)!.body!.text);
    expect(text).toContain('Launch plan from 8 Jan 2027');
    // Friday 8th, then Monday 11th and Tuesday 12th: weekends are skipped.
    expect(text).toContain('- 8 Jan 2027: Safer Truro launch, scheduled');
    expect(text).toContain('- 11 Jan 2027: Safer St Austell launch, scheduled');
    expect(text).toContain('- 12 Jan 2027: Safer Penzance launch, scheduled');
    const booked = graph.requests
      .slice(before)
      .filter((r) => r.method === 'POST' && r.path.endsWith('/events'));
    expect(booked.map((r) => (r.body as { subject: string }).subject)).toEqual([
      'Safer Truro launch',
      'Safer St Austell launch',
      'Safer Penzance launch',
    ]);
    expect((booked[0]!.body as { start: { dateTime: string } }).start.dateTime).toBe(
      '2027-01-08T18:00:00.000',
    );
    await bot.say(USERS.coordinator, 'launch plan 2027-01-08 Truro, St Austell, Penzance'); // again: nothing new
    expect(
      graph.requests.slice(before).filter((r) => r.method === 'POST' && r.path.endsWith('/events')),
    ).toHaveLength(3);
  });

  it('defaults to all ten towns and refuses members who do not coordinate', async () => {
    await bot.say(USERS.beatManager, 'launch plan 2027-02-01');
    expect(cardText(lastCard(bot.connector))).toContain('Only coordinators can schedule the launch plan');
    await bot.say(USERS.coordinator, 'launch plan 2027-02-01');
    const text = String(bot.connector.sent().at(-1)!.body!.text);
    expect(text.match(/launch, scheduled/g)).toHaveLength(10);
    expect(text).toContain('- 12 Feb 2027: Safer Saltash launch, scheduled');
  });
});
