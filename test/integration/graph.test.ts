// The real @microsoft/microsoft-graph-client against the HTTPS Graph stand-in: documented requests,
// retries that honour Retry-After, and Graph errors turned into errors a person can act on.
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { ErrorCode } from '../../src/errors.js';
import { GraphActivityFeed } from '../../src/graph/activity-feed.js';
import { GraphCalendar } from '../../src/graph/calendar.js';
import { createGraphClient } from '../../src/graph/client.js';
import { FakeGraph } from '../servers/fake-graph.js';

const graph = new FakeGraph(inject('graphTls'));
const organiser = 'jo.trelawny@demo.invalid';
let calendar: GraphCalendar;
let feed: GraphActivityFeed;

beforeAll(async () => {
  await graph.start();
  const client = createGraphClient({
    baseUrl: graph.baseUrl,
    tokens: { getAccessToken: async () => 'test-token' },
    maxRetries: 3,
  });
  calendar = new GraphCalendar(client);
  feed = new GraphActivityFeed(client, 'app-catalog-id');
  graph.users.add(organiser).add('user-2');
});
afterAll(() => graph.stop());
beforeEach(() => {
  graph.requests.length = 0;
  graph.faults = [];
});

const meeting = {
  organiser,
  subject: 'Safer Truro partnership meeting',
  agendaHtml: '<p>1. Actions due</p>',
  start: '2026-12-03T10:00:00.000Z',
  end: '2026-12-03T11:30:00.000Z',
  attendees: [{ aadObjectId: 'a', displayName: 'Sam Penrose', email: 'sam.penrose@demo.invalid' }],
};

describe('calendar', () => {
  it('creates an online Teams meeting on the organiser’s calendar with the documented request', async () => {
    const created = await calendar.createOnlineMeeting(meeting);
    expect(created).toEqual({
      eventId: expect.stringMatching(/^event-/) as string,
      joinUrl: expect.stringContaining('https://teams.microsoft.com/l/meetup-join/') as string,
    });
    const [request] = graph.requests;
    expect(request).toMatchObject({
      method: 'POST',
      path: `/v1.0/users/${encodeURIComponent(organiser)}/events`,
      authorization: 'Bearer test-token',
    });
    expect(request!.body).toEqual({
      subject: 'Safer Truro partnership meeting',
      body: { contentType: 'HTML', content: '<p>1. Actions due</p>' },
      start: { dateTime: '2026-12-03T10:00:00.000', timeZone: 'UTC' },
      end: { dateTime: '2026-12-03T11:30:00.000', timeZone: 'UTC' },
      attendees: [
        { emailAddress: { address: 'sam.penrose@demo.invalid', name: 'Sam Penrose' }, type: 'required' },
      ],
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      allowNewTimeProposals: false,
    });
  });

  it('reschedules with PATCH and cancels with the cancel action', async () => {
    const { eventId } = await calendar.createOnlineMeeting(meeting);
    await calendar.reschedule(organiser, eventId, '2026-12-04T10:00:00Z', '2026-12-04T11:00:00Z');
    await calendar.cancel(organiser, eventId, 'Moved to the town council offices');
    expect(
      graph.requests.slice(1).map((r) => [r.method, r.path.replace(/^\/v1\.0\/users\/[^/]+/, ''), r.body]),
    ).toEqual([
      [
        'PATCH',
        `/events/${eventId}`,
        {
          start: { dateTime: '2026-12-04T10:00:00.000', timeZone: 'UTC' },
          end: { dateTime: '2026-12-04T11:00:00.000', timeZone: 'UTC' },
        },
      ],
      ['POST', `/events/${eventId}/cancel`, { comment: 'Moved to the town council offices' }],
    ]);
  });

  it('names the missing permission on 403 and reports an unknown user on 404', async () => {
    graph.faults = [{ status: 403, times: 1 }];
    await expect(calendar.createOnlineMeeting(meeting)).rejects.toMatchObject({
      code: ErrorCode.Forbidden,
      message: expect.stringContaining('Calendars.ReadWrite') as string,
    });
    await expect(
      calendar.createOnlineMeeting({ ...meeting, organiser: 'nobody@demo.invalid' }),
    ).rejects.toMatchObject({ code: ErrorCode.NotFound });
    await expect(
      calendar.reschedule(organiser, 'event-missing', meeting.start, meeting.end),
    ).rejects.toMatchObject({ code: ErrorCode.NotFound });
  });
});

describe('retries', () => {
  it('retries 429 after the Retry-After the server asked for, then succeeds', async () => {
    graph.faults = [{ status: 429, headers: { 'Retry-After': '1' }, times: 2 }];
    await calendar.createOnlineMeeting(meeting);
    expect(graph.requests).toHaveLength(3);
    const gaps = graph.requests.slice(1).map((r, i) => r.at - graph.requests[i]!.at);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(950);
    expect(graph.requests[1]!.authorization).toBe('Bearer test-token');
  });

  it('gives up after a bounded number of retries on 503 and says it will be tried later', async () => {
    graph.faults = [{ status: 503, headers: { 'Retry-After': '0' }, times: 10 }];
    await expect(calendar.createOnlineMeeting(meeting)).rejects.toMatchObject({
      code: ErrorCode.Unavailable,
    });
    expect(graph.requests).toHaveLength(4); // the first try and three retries
  });
});

describe('activity feed and installation', () => {
  it('sends an activity notification with the documented body', async () => {
    await feed.notify('user-2', {
      activityType: 'actionOverdue',
      topic: 'TRU-014 is overdue',
      webUrl: 'https://teams.microsoft.com/l/entity/app/actions',
      preview: 'Due 20 Nov',
      templateParameters: { ref: 'TRU-014' },
    });
    expect(graph.requests[0]).toMatchObject({
      method: 'POST',
      path: '/v1.0/users/user-2/teamwork/sendActivityNotification',
      body: {
        topic: {
          source: 'text',
          value: 'TRU-014 is overdue',
          webUrl: 'https://teams.microsoft.com/l/entity/app/actions',
        },
        activityType: 'actionOverdue',
        previewText: { content: 'Due 20 Nov' },
        templateParameters: [{ name: 'ref', value: 'TRU-014' }],
      },
    });
  });

  it('installs the app for a user once, and treats "already installed" as done', async () => {
    expect(await feed.installFor('user-2')).toBe('installed');
    expect(graph.requests[0]!.body).toEqual({
      'teamsApp@odata.bind': 'https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/app-catalog-id',
    });
    expect(await feed.installFor('user-2')).toBe('already');
  });
});
