// The HTTP edge: health, bad input (4xx, never 5xx, nothing stored), tenants and authentication.
import { describe, expect, it } from 'vitest';
import { TENANT, USERS, cardText, guardCard, lastCard, useBot } from '../support/bot-harness.js';

describe('health and malformed requests', () => {
  const bot = useBot();

  it('reports liveness and readiness', async () => {
    expect(await (await fetch(`${bot.base}/healthz`)).json()).toEqual({ status: 'alive', turnsInFlight: 0 });
    const ready = await fetch(`${bot.base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      sweep: {
        intervalSeconds: 300,
        lastStartedAt: null,
        lastFinishedAt: null,
        lastResult: null,
        lastSent: 0,
        late: false,
      },
    });
  });

  it('answers malformed JSON with 400', async () => {
    const res = await bot.post(null, '{"type": "message", ');
    expect(res.status).toBe(400);
  });

  it('answers an activity with missing fields with 400 and says which', async () => {
    const res = await bot.post({ type: 'message', text: 'hi' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('serviceUrl');
    const noType = await bot.post({
      ...bot.personalActivity(USERS.coordinator),
      type: undefined,
      text: 'hi',
    });
    expect(noType.status).toBe(400);
    const wrongTypes = await bot.post({
      ...bot.personalActivity(USERS.coordinator),
      type: 'message',
      from: 'me',
      text: 5,
    });
    expect(wrongTypes.status).toBe(400);
  });

  it('refuses a body over the size limit with 413', async () => {
    const res = await bot.post({
      ...bot.personalActivity(USERS.coordinator),
      type: 'message',
      text: 'x'.repeat(300_000),
    });
    expect(res.status).toBe(413);
  });

  it('refuses a reply address off this machine in local mode', async () => {
    const res = await bot.post({
      ...bot.personalActivity(USERS.coordinator),
      serviceUrl: 'https://smba.example.com/',
      type: 'message',
      text: 'help',
    });
    expect(res.status).toBe(400);
  });

  it('answers an unknown invoke with 400 (not the SDK’s 501) and a non-Execute card action with 400', async () => {
    const unknown = await bot.post({
      ...bot.personalActivity(USERS.coordinator),
      type: 'invoke',
      name: 'composeExtension/explode',
      value: {},
    });
    expect(unknown.status).toBe(400);
    const submit = await bot.post({
      ...bot.personalActivity(USERS.coordinator),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Submit', data: {} } },
    });
    expect(submit.status).toBe(400);
  });

  it('survives text with unicode edge cases and markup', async () => {
    for (const text of [
      '\u0000\u202e summary truro',
      '🙂'.repeat(500),
      '<script>alert(1)</script>',
      'show TRU-\u0661\u0662',
    ]) {
      expect((await bot.say(USERS.coordinator, text)).status).toBe(200);
    }
  });
});

describe('the new-action form and joining', () => {
  const bot = useBot();

  it('creates an action from the form and posts nothing half-done on bad input', async () => {
    await bot.say(USERS.caseWorker, 'new action truro');
    const form = lastCard(bot.connector);
    expect(cardText(form)).toContain('New action for Truro');
    const submit = (form.actions as { data: Record<string, unknown> }[])[0]!.data;
    const priority = (await bot.ctx.stores.priorities.listByPlan(String(submit.planId)))[0]!;
    const values = {
      title: 'Run a youth outreach session at the skate park',
      measure: 'Sessions run',
      target: '10 sessions',
      ownerIds: `${USERS.caseWorker.aadObjectId},${USERS.beatManager.aadObjectId}`,
      dueDate: '2027-03-31',
      priorityId: priority.id,
    };

    const refused = await bot.invoke(USERS.caseWorker, 'action.create', {
      ...submit,
      ...values,
      title: 'Skate',
      dueDate: '2020-01-01',
    });
    const refusedCard = (refused.body as { value: Record<string, unknown> }).value;
    expect(cardText(refusedCard)).toContain('Make the title specific');
    expect(cardText(refusedCard)).toContain('The due date 2020-01-01 is in the past');
    expect(JSON.stringify(refusedCard)).toContain('"value":"Skate"'); // what was typed is kept
    expect((await bot.ctx.stores.actions.listByTown('truro')).length).toBe(7);

    const created = await bot.invoke(USERS.caseWorker, 'action.create', { ...submit, ...values });
    expect(cardText((created.body as { value: unknown }).value)).toContain('TRU-008');
    const action = await bot.ctx.stores.actions.getByRef('TRU-008');
    expect(action?.owners.map((o) => o.displayName)).toEqual(['Alex Nance (demo)', 'Sam Penrose (demo)']);
  });

  it('holds back a new action whose text looks like personal data until it is edited or confirmed', async () => {
    await bot.say(USERS.caseWorker, 'new action truro');
    const submit = (lastCard(bot.connector).actions as { data: Record<string, unknown> }[])[0]!.data;
    const priority = (await bot.ctx.stores.priorities.listByPlan(String(submit.planId)))[0]!;
    const values = {
      ...submit,
      title: 'Visit the flat at TR1 2AB about the noise',
      measure: 'Visits made',
      target: '1 visit',
      ownerIds: USERS.caseWorker.aadObjectId,
      dueDate: '2027-01-31',
      priorityId: priority.id,
    };
    const before = (await bot.ctx.stores.actions.listByTown('truro')).length;
    const warning = (await bot.invoke(USERS.caseWorker, 'action.create', values)).body as {
      value: Record<string, unknown>;
    };
    expect(cardText(warning.value)).toContain('a full postcode: "TR1 2AB"');
    expect((await bot.ctx.stores.actions.listByTown('truro')).length).toBe(before);
    const { save, confirm, inputs } = guardCard(warning.value);
    expect(inputs).toEqual({ edited_title: 'Visit the flat at [postcode] about the noise' });
    const title = 'Visit the flat (ECINS 123456) about the noise';
    const edited = (await bot.invoke(USERS.caseWorker, save.verb, { ...save.data, edited_title: title }))
      .body as {
      value: Record<string, unknown>;
    };
    expect(cardText(edited.value)).toMatch(/Created[\s\S]*TRU-0\d\d/);
    const actions = await bot.ctx.stores.actions.listByTown('truro');
    expect(actions.map((a) => a.title)).toContain(title);
    const saved = (await bot.invoke(USERS.caseWorker, confirm!.verb, confirm!.data)).body as {
      value: Record<string, unknown>;
    };
    expect(cardText(saved.value)).toMatch(/Created[\s\S]*TRU-0\d\d/);
    expect((await bot.ctx.stores.actions.listByTown('truro')).length).toBe(before + 2);
  });

  it('lets a person ask to join and a coordinator approve from the card', async () => {
    const newcomer = {
      id: '29:newcomer',
      name: 'Pat Newcomer',
      aadObjectId: '00000000-0000-4000-8000-000000000042',
      email: 'pat@demo.invalid',
    };
    bot.connector.roster.set(newcomer.id, { ...newcomer, userPrincipalName: newcomer.email });
    await bot.install(USERS.coordinator);
    bot.connector.clear();
    await bot.say(newcomer, 'join Liskeard as licensing');
    const reply = bot.connector.sent(`a:personal-${newcomer.id}`).at(-1)!;
    expect(String(reply.body!.text)).toContain(
      'Your request to join Safer Liskeard went to its coordinators',
    );
    const toCoordinator = bot.connector.sent(`a:personal-${USERS.coordinator.id}`).at(-1)!;
    const card = (toCoordinator.body!.attachments as { content: Record<string, unknown> }[])[0]!.content;
    const approve = (card.actions as { verb: string; data: Record<string, unknown> }[]).find(
      (a) => a.verb === 'join.approve',
    )!;

    const byOther = await bot.invoke(USERS.beatManager, 'join.approve', approve.data);
    expect(cardText((byOther.body as { value: unknown }).value)).toContain('Only coordinators can do that');
    const approved = await bot.invoke(USERS.coordinator, 'join.approve', approve.data);
    expect(cardText((approved.body as { value: unknown }).value)).toContain('Approved: now a member');
    const seats = await bot.ctx.stores.members.listByPerson(newcomer.aadObjectId);
    expect(seats).toMatchObject([
      { town: 'liskeard', partnershipRole: 'licensing', accessRole: 'member', email: 'pat@demo.invalid' },
    ]);
    const again = await bot.invoke(USERS.coordinator, 'join.approve', approve.data); // a repeated click
    expect(cardText((again.body as { value: unknown }).value)).toContain('Approved');
    expect(await bot.ctx.stores.members.listByPerson(newcomer.aadObjectId)).toHaveLength(1);
  });
});

describe('tenants', () => {
  const bot = useBot({ ALLOWED_TENANT_IDS: TENANT });

  it('serves an allowed tenant and refuses any other with 403, storing nothing', async () => {
    expect((await bot.say(USERS.coordinator, 'help')).status).toBe(200);
    const stranger = { ...bot.personalActivity(USERS.caseWorker), type: 'message', text: 'help' };
    stranger.conversation.tenantId = '99999999-9999-4999-8999-999999999999';
    stranger.channelData.tenant.id = '99999999-9999-4999-8999-999999999999';
    const res = await bot.post(stranger);
    expect(res.status).toBe(403);
    expect(await bot.ctx.stores.conversations.findPersonal(USERS.caseWorker.aadObjectId)).toBeNull();
  });
});

// Authentication with an app id: test/http/authentication.test.ts (against a local key set).

describe('graceful shutdown', () => {
  const bot = useBot();

  it('finishes a turn in flight, then takes no more requests', async () => {
    bot.connector.delayMs = 500; // the reply to Teams is slow, so the turn is still running
    const inFlight = bot.say(USERS.coordinator, 'help');
    await new Promise((r) => setTimeout(r, 150));
    const drained = bot.drain(5_000);
    expect((await inFlight).status).toBe(200);
    await drained;
    expect(bot.connector.sent()).toHaveLength(1);
    // A kept-alive connection gets 503; a new one is refused: either way, no new turn starts.
    const late = await fetch(`${bot.base}/api/messages`, { method: 'POST' }).then(
      (r) => r.status,
      () => 'refused',
    );
    expect([503, 'refused']).toContain(late);
  });
});
