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

beforeAll(() => bookMeeting('meeting-truro-1', JOIN_URL));

/** A partnership meeting of Truro booked through the bot, starting now, organised by the coordinator. */
async function bookMeeting(id: string, joinUrl: string) {
  const now = bot.clock.now().toISOString();
  const meeting: Meeting = {
    id,
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
    graphEventId: `event-${id}`,
    joinUrl,
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
}

// The tab API in local mode answers this machine as the demo coordinator (the meetings' organiser).
const tabGet = async (path: string) => {
  const res = await fetch(`${bot.base}${path}`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const tabPost = async (path: string, body: unknown) => {
  const res = await fetch(`${bot.base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

function reviewButtons(card: unknown): { data: Record<string, unknown> }[] {
  const found: { data: Record<string, unknown> }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as { title?: string; data?: Record<string, unknown> };
    if (n.title === 'Review and save' && n.data) found.push(n as never);
    Object.values(node).forEach(walk);
  };
  walk(card);
  return found;
}

/** The data of the dialog form's submit button (the form's own fields: town, plan, proposal). */
function submitData(body: unknown): Record<string, unknown> {
  const card = (
    body as { task: { value: { card: { content: { actions: { data: Record<string, unknown> }[] } } } } }
  ).task.value.card.content;
  const { verb: _verb, ...rest } = card.actions[0]!.data;
  return rest;
}

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

  it('takes new actions proposed in the side panel, and saves each once, when the organiser confirms it', async () => {
    const joinUrl = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_truro2%40thread.v2/0';
    await bookMeeting('meeting-truro-2', joinUrl);
    const propose = (body: unknown) => tabPost('/tab/api/towns/truro/proposals', body);
    // Not on yet: nothing to propose into.
    bot.clock.advance(24 * 3_600_000);
    expect((await propose({ title: 'Extra patrols on Lemon Quay' })).status).toBe(422);
    const started = { JoinUrl: decodeURIComponent(joinUrl), Title: 'Second meeting' };
    expect((await meetingEvent('meetingStart', started)).status).toBe(200);

    const good = {
      title: 'Two extra evening patrols on Lemon Quay',
      measure: 'Patrols done',
      target: '8 patrols',
      dueDate: '2027-03-31',
    };
    const made = await propose(good);
    expect(made.status).toBe(201);
    for (const bad of [
      { title: 'Speak to John Smith about his drinking' }, // a person and their health: refused, never echoed
      { title: '' },
      { title: 'x'.repeat(201) },
      { title: 'Patrols', dueDate: '31/03/2027' },
      'junk',
    ]) {
      const refused = await propose(bad);
      expect(refused.status, JSON.stringify(bad)).toBeGreaterThanOrEqual(400);
      expect(refused.status).toBeLessThan(500);
      expect(JSON.stringify(refused.body)).not.toContain('John Smith');
    }
    const panel = await tabGet('/tab/api/towns/truro/meeting');
    expect(panel.body).toMatchObject({ inProgress: true, proposals: [{ title: good.title, savedAs: null }] });

    bot.connector.clear();
    expect((await meetingEvent('meetingEnd', started)).status).toBe(200);
    const outcomes = lastCard(bot.connector, MEETING_CHAT);
    expect(cardText(outcomes)).toContain('New actions proposed in the meeting (1)');
    const button = reviewButtons(outcomes)[0]!;
    expect(button.data).toMatchObject({
      dialog: 'action.form',
      town: 'truro',
      title: good.title,
      target: '8 patrols',
    });

    // The form opens filled in; a member who is not the organiser cannot save it, the organiser can, once.
    const form = await bot.invokeNamed(USERS.coordinator, 'task/fetch', { data: button.data });
    const submit = submitData(form.body);
    expect(submit.proposal).toBe(button.data['proposal']);
    const inputs = {
      verb: 'action.create',
      ...submit,
      title: good.title,
      measure: good.measure,
      target: good.target,
      dueDate: good.dueDate,
      ownerIds: USERS.beatManager.aadObjectId,
      priorityId: (await bot.ctx.stores.priorities.listByPlan(String(submit.planId)))[0]!.id,
    };
    const before = (await listWholeActions(bot.ctx, 'truro')).length;
    const byMember = await bot.invokeNamed(USERS.beatManager, 'task/submit', { data: inputs });
    expect(JSON.stringify(byMember.body)).toContain("The meeting's organiser or a coordinator");
    const byOrganiser = await bot.invokeNamed(USERS.coordinator, 'task/submit', { data: inputs });
    expect(JSON.stringify(byOrganiser.body)).toContain('Created');
    const again = await bot.invokeNamed(USERS.coordinator, 'task/submit', { data: inputs });
    expect(JSON.stringify(again.body)).toContain('already saved as');
    const truro = await listWholeActions(bot.ctx, 'truro');
    expect(truro.length).toBe(before + 1);
    const saved = truro.find((a) => a.title === good.title)!;
    const meeting = await bot.ctx.stores.meetings.get('meeting-truro-2');
    expect(meeting!.proposals![0]!.savedAs).toBe(saved.ref);
  });

  it("keeps a proposal nobody saved in 'actions to review', whose button opens the same form in the chat", async () => {
    const joinUrl = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_truro3%40thread.v2/0';
    await bookMeeting('meeting-truro-3', joinUrl);
    bot.clock.advance(2 * 24 * 3_600_000);
    const started = { JoinUrl: decodeURIComponent(joinUrl), Title: 'Third meeting' };
    expect((await meetingEvent('meetingStart', started)).status).toBe(200);
    const proposal = { title: 'Audit the lighting on Lemon Street', measure: 'Number of lamps audited' };
    expect((await tabPost('/tab/api/towns/truro/proposals', proposal)).status).toBe(201);
    expect((await meetingEvent('meetingEnd', started)).status).toBe(200);

    await bot.say(USERS.coordinator, 'actions to review truro');
    const review = lastCard(bot.connector);
    expect(cardText(review)).toContain('Proposed in meetings, not saved yet (1)');
    expect(cardText(review)).toContain(`${proposal.title}: proposed by Jo Trelawny (demo) in`);
    // Action.Execute, not a dialog: it answers where dialogs cannot open (Agents Playground), as in Teams.
    const button = reviewButtons(review)[0] as unknown as { verb: string; data: Record<string, unknown> };
    expect(button.verb).toBe('action.form');
    const form = invokeCard(await bot.invoke(USERS.coordinator, button.verb, button.data));
    expect(JSON.stringify(form)).toContain(proposal.title);
    const create = JSON.stringify(form).match(/"verb":"action\.create","data":(\{[^}]*\})/);
    const data = JSON.parse(create![1]!) as Record<string, unknown>;
    expect(data.proposal).toBe(button.data['proposal']);
    const saved = invokeCard(
      await bot.invoke(USERS.coordinator, 'action.create', {
        ...data,
        ...proposal,
        target: '40 lamps',
        dueDate: '2027-03-31',
        ownerIds: USERS.coordinator.aadObjectId,
        priorityId: (await bot.ctx.stores.priorities.listByPlan(String(data.planId)))[0]!.id,
      }),
    );
    const ref = /Truro · (TRU-\d+)/.exec(cardText(saved))![1];
    expect(cardText(saved)).toContain('Created');
    const meeting = await bot.ctx.stores.meetings.get('meeting-truro-3');
    expect(meeting!.proposals![0]!.savedAs).toBe(ref);
    await bot.say(USERS.coordinator, 'actions to review truro');
    expect(cardText(lastCard(bot.connector))).not.toContain('Proposed in meetings');
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
