// The Graph stand-in `npm run dev` books meetings against: Graph's shapes over plain HTTP on 127.0.0.1, join
// links that open a page saying what was booked (escaped), and events kept across a restart.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { freePort } from '../../scripts/guarded-child.js';
import { startLocalGraph } from '../../scripts/local-graph/local-graph.js';

const dir = await mkdtemp(join(tmpdir(), 'local-graph-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

it('books, shows, keeps across a restart, moves and cancels an event', async () => {
  const options = {
    eventsFile: join(dir, 'events.json'),
    botUrl: 'http://127.0.0.1:3978',
    port: await freePort(),
  };
  let graph = await startLocalGraph(options);
  const user = `${graph.url}v1.0/users/00000000-0000-4000-8000-000000000001`;
  const created = await fetch(`${user}/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer local-stand-in' },
    body: JSON.stringify({
      subject: 'Safer Truro <b>meeting</b>',
      body: { contentType: 'HTML', content: '<p>Lighting &amp; CCTV<br>The survey</p>' },
      start: { dateTime: '2027-01-11T10:00:00.000', timeZone: 'UTC' },
      end: { dateTime: '2027-01-11T11:00:00.000', timeZone: 'UTC' },
      attendees: [{ emailAddress: { address: 'sam.penrose@demo.invalid', name: 'Sam Penrose (demo)' } }],
    }),
  });
  expect(created.status).toBe(201);
  const event = (await created.json()) as { id: string; onlineMeeting: { joinUrl: string } };
  expect(event.onlineMeeting.joinUrl).toBe(`${graph.url}meetings/${event.id}`);

  await graph.stop();
  graph = await startLocalGraph(options); // the link saved on the card still opens after a restart
  const page = await fetch(event.onlineMeeting.joinUrl);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('Safer Truro &#60;b&#62;meeting&#60;/b&#62;');
  expect(html).not.toContain('<b>meeting</b>');
  expect(html).toContain('Lighting &#38; CCTV\nThe survey');
  expect(html).toContain('Monday, 11 January 2027, 10:00–11:00 (UK time)');
  expect(html).toContain('Sam Penrose (demo)');
  expect(html).toContain('application/vnd.microsoft.meetingEnd');

  const moved = await fetch(`${user}/events/${event.id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ start: { dateTime: '2027-01-12T10:00:00.000', timeZone: 'UTC' } }),
  });
  expect(moved.status).toBe(200);
  const second = await fetch(`${user}/events`, { method: 'POST', body: '{}' });
  expect(((await second.json()) as { id: string }).id).not.toBe(event.id); // ids are not given out again
  expect((await fetch(`${user}/events/${event.id}/cancel`, { method: 'POST', body: '{}' })).status).toBe(202);
  expect((await fetch(event.onlineMeeting.joinUrl)).status).toBe(404);
  expect((await fetch(`${user}/events`, { method: 'POST', body: 'not json' })).status).toBe(400);
  expect((await fetch(`${graph.url}v1.0/me/messages`)).status).toBe(501);
  await graph.stop();
});
