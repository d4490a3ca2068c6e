// An action's life in Teams, through /api/messages: owners told when given one (once, however often the
// click arrives and however many instances send), edits and hand-overs, history, recurrence and evidence.
import { inject, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  CHANNEL_ID,
  USERS,
  cardText,
  invokeCard,
  keepingWarnings,
  useBot,
  type TeamsUser,
} from '../support/bot-harness.js';
import { FakeGraph } from '../servers/fake-graph.js';
import { sendOwnerNotices } from '../../src/app/owner-notices.js';
import type { Action } from '../../src/domain/action.js';

const graph = new FakeGraph(inject('graphTls'));
await graph.start();
const bot = useBot({
  GRAPH_BASE_URL: graph.baseUrl,
  TEAMS_APP_CATALOG_ID: 'catalog-app-id',
  REMINDER_SWEEP_SECONDS: '0',
});

const personal = (user: TeamsUser) => `a:personal-${user.id}`;
const cardsTo = (user: TeamsUser) =>
  bot.connector
    .sent(personal(user))
    .flatMap((r) =>
      ((r.body!.attachments ?? []) as { content: Record<string, unknown> }[]).map((a) => a.content),
    );
const feedOf = (user: TeamsUser) =>
  graph.requests
    .filter((r) => r.path === `/v1.0/users/${user.aadObjectId}/teamwork/sendActivityNotification`)
    .map(
      (r) => r.body as { activityType: string; topic: { webUrl: string }; previewText: { content: string } },
    );
const byRef = async (ref: string): Promise<Action> => (await bot.ctx.stores.actions.getByRef(ref))!;
const current = async (id: string): Promise<Action> => (await bot.ctx.stores.actions.get(id))!;
/** What the bot answered a click with, as text. */
const answer = async (user: TeamsUser, verb: string, data: Record<string, unknown>) =>
  cardText(invokeCard(await bot.invoke(user, verb, data)));
const changesOf = async (id: string) => (await bot.ctx.stores.audit.listForEntity(id)).map((e) => e.change);

let planId = '';
let priorityId = '';

beforeAll(async () => {
  for (const user of Object.values(USERS)) graph.users.add(user.aadObjectId);
  await bot.sayInChannel(USERS.coordinator, 'link truro');
  await bot.install(USERS.coordinator);
  await bot.install(USERS.caseWorker);
  planId = (await bot.ctx.stores.plans.listByTown('truro'))[0]!.id;
  priorityId = (await bot.ctx.stores.priorities.listByPlan(planId))[0]!.id;
  bot.connector.clear();
  graph.requests.length = 0;
});

async function create(
  ownerIds: string,
  title = 'Monthly patrol of Lemon Quay with licensing officers',
  dueDate = '2026-12-18',
) {
  // The demo's case worker already holds many open actions: the coach says so, and the coordinator keeps it.
  const card = await keepingWarnings(
    (data) => bot.invoke(USERS.coordinator, 'action.create', data),
    {
      town: 'truro',
      planId,
      priorityId,
      title,
      measure: 'Patrols held',
      target: '12 patrols',
      ownerIds,
      dueDate,
      revisionReason: 'Agreed at the November partnership meeting',
    },
    'Agreed with the owner at the partnership meeting',
  );
  const ref = /Created (TRU-\d+)/.exec(cardText(card))?.[1];
  if (!ref) throw new Error(cardText(card));
  return byRef(ref);
}

describe('owners told when given an action', () => {
  it('sends each new owner the card 1:1 with its buttons and a feed notification that opens it', async () => {
    const action = await create(`${USERS.coordinator.aadObjectId},${USERS.caseWorker.aadObjectId}`);
    await vi.waitFor(() => expect(cardsTo(USERS.caseWorker)).toHaveLength(1));
    const card = cardsTo(USERS.caseWorker)[0]!;
    expect(cardText(card)).toContain(`Jo Trelawny (demo) made you an owner of ${action.ref}`);
    expect((card.actions as { title: string }[]).map((a) => a.title)).toContain('Start');
    await vi.waitFor(() => expect(feedOf(USERS.caseWorker)).toHaveLength(1));
    const [feed] = feedOf(USERS.caseWorker);
    expect(feed!.activityType).toBe('actionAssigned');
    expect(feed!.topic.webUrl).toContain(`message=${encodeURIComponent(`show ${action.ref}`)}`);
    // The creator owns it too, but their reply ("Created ...") is their one message about it.
    expect(cardsTo(USERS.coordinator).map(cardText).join()).not.toContain(action.ref);
  });

  it('reaches an owner the bot has never talked to by installing the app and a channel mention', async () => {
    graph.requests.length = 0;
    const action = await create(
      USERS.beatManager.aadObjectId,
      'Weekly test purchasing visit to River Street shops',
    );
    await vi.waitFor(() =>
      expect(
        bot.connector.sent(CHANNEL_ID).some((r) => String(r.body!.text).includes(`owner of ${action.ref}`)),
      ).toBe(true),
    );
    expect(
      graph.requests.some(
        (r) => r.path === `/v1.0/users/${USERS.beatManager.aadObjectId}/teamwork/installedApps`,
      ),
    ).toBe(true);
  });

  it('tells an owner once when the same click arrives twice, and once across two instances', async () => {
    const click = {
      ...bot.personalActivity(USERS.coordinator),
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId: 'form',
      value: {
        action: {
          type: 'Action.Execute',
          verb: 'action.create',
          data: {
            town: 'truro',
            planId,
            priorityId,
            title: 'Quarterly lighting audit of the Kenwyn Street alleys',
            measure: 'Audits done',
            target: '4 audits',
            ownerIds: USERS.caseWorker.aadObjectId,
            dueDate: '2027-01-15',
            revisionReason: 'Agreed at the November partnership meeting',
          },
        },
        trigger: 'manual',
      },
    };
    bot.connector.clear();
    await bot.post(click);
    await bot.post(click);
    const created = (await bot.ctx.stores.actions.listByTown('truro')).filter((a) =>
      a.title.startsWith('Quarterly lighting'),
    );
    expect(created).toHaveLength(1);
    await vi.waitFor(() => expect(cardsTo(USERS.caseWorker)).toHaveLength(1));
    // Two instances both trying the same notices (a second sender on the same database): sent once.
    const action = await current(created[0]!.id);
    const notice = {
      action,
      person: action.owners[0]!,
      kind: 'owner_added' as const,
      by: { kind: 'user' as const, id: 'x', name: 'X' },
    };
    let delivered = 0;
    const delivery = {
      deliver: async () => {
        delivered++;
        return 'sent' as const;
      },
    };
    const [a, b] = await Promise.all([
      sendOwnerNotices(bot.ctx, delivery, [notice], { worker: 'instance-a', leaseMs: 60_000 }),
      sendOwnerNotices(bot.ctx, delivery, [notice], { worker: 'instance-b', leaseMs: 60_000 }),
    ]);
    // Already sent by the bot: neither sends again.
    expect(delivered).toBe(0);
    expect(a.duplicate + b.duplicate).toBe(2);
    const fresh = { ...notice, kind: 'owner_removed' as const };
    const [c, d] = await Promise.all([
      sendOwnerNotices(bot.ctx, delivery, [fresh], { worker: 'instance-a', leaseMs: 60_000 }),
      sendOwnerNotices(bot.ctx, delivery, [fresh], { worker: 'instance-b', leaseMs: 60_000 }),
    ]);
    expect(delivered).toBe(1);
    expect(c.sent + d.sent).toBe(1);
  });
});

describe('edits and hand-overs from the card', () => {
  const edit = async (user: TeamsUser, action: Action, fields: Record<string, unknown>) =>
    await answer(user, 'action.edit', { actionId: action.id, version: action.version, ...fields });

  it('opens the form: a coordinator edits everything, an owner only the owners, others nothing', async () => {
    const action = await create(
      USERS.caseWorker.aadObjectId,
      'Fortnightly outreach walk along Victoria Gardens',
    );
    const form = (user: TeamsUser) =>
      invokeCard(bot.invoke(user, 'action.edit_form', { actionId: action.id }) as never);
    const asCoordinator = invokeCard(
      await bot.invoke(USERS.coordinator, 'action.edit_form', { actionId: action.id }),
    );
    expect(cardText(asCoordinator)).toContain(`Edit ${action.ref}`);
    expect(JSON.stringify(asCoordinator)).toContain('"id":"title"');
    const asOwner = invokeCard(
      await bot.invoke(USERS.caseWorker, 'action.edit_form', { actionId: action.id }),
    );
    expect(cardText(asOwner)).toContain(`Hand over ${action.ref}`);
    expect(JSON.stringify(asOwner)).not.toContain('"id":"title"');
    void form;
    for (const user of [USERS.beatManager, USERS.clerk, USERS.board]) {
      const refused = await answer(user, 'action.edit_form', { actionId: action.id });
      expect(refused).toMatch(/owners and the town's coordinators|can read but not change/);
    }
  });

  it('lets a coordinator correct the title, measure, target and visibility: SMART-checked, versioned, audited, with a reason in an approved plan', async () => {
    // Due in three months: physical works need six weeks or more (the SMART coach).
    const action = await create(
      USERS.caseWorker.aadObjectId,
      'Install lighting on the Moresk Road footpath',
      '2027-02-26',
    );
    // The plan goes to consultation and is approved: a change to what it says then needs a reason.
    const plan0 = (await bot.ctx.stores.plans.get(planId))!;
    await bot.invoke(USERS.coordinator, 'plan.consult', {
      planId,
      version: plan0.version,
      closes: '2026-12-20',
    });
    const plan1 = (await bot.ctx.stores.plans.get(planId))!;
    await bot.invoke(USERS.coordinator, 'plan.approve', { planId, version: plan1.version });
    expect((await bot.ctx.stores.plans.get(planId))!.status).toBe('approved');
    const noReason = await edit(USERS.coordinator, action, {
      title: 'Install LED lighting on the Moresk Road footpath',
    });
    expect(noReason).toContain('say why it changes');
    expect((await current(action.id)).version).toBe(1);
    const saved = await edit(USERS.coordinator, action, {
      title: 'Install LED lighting on the Moresk Road footpath',
      target: '8 columns',
      public: 'true',
      revisionReason: 'LED agreed with highways',
    });
    expect(saved).toContain('Saved: title, target, public summary changed.');
    const after = await current(action.id);
    expect(after).toMatchObject({
      version: 2,
      title: 'Install LED lighting on the Moresk Road footpath',
      target: '8 columns',
      public: true,
    });
    const [event] = (await bot.ctx.stores.audit.listForEntity(action.id)).slice(-1);
    expect(event).toMatchObject({
      change: 'action.edit',
      before: { title: 'Install lighting on the Moresk Road footpath', target: '12 patrols' },
      after: {
        title: 'Install LED lighting on the Moresk Road footpath',
        target: '8 columns',
        public: true,
        reason: 'LED agreed with highways',
      },
    });
    const plan = (await bot.ctx.stores.plans.get(planId))!;
    expect(plan.revisions?.at(-1)).toMatchObject({ reason: 'LED agreed with highways' });
    expect(plan.revisions?.at(-1)?.change).toContain(`Action ${action.ref} edited (title, target, public)`);

    // A stale card gets the current one; nothing changes.
    const stale = await edit(USERS.coordinator, action, { title: 'Something else entirely here' });
    expect(stale).toContain('Someone changed this action after your card was shown');
    expect((await current(action.id)).version).toBe(2);
  });

  it.each([
    ['a vague title', { title: 'Lighting' }, 'Make the title specific'],
    ['an empty measure', { measure: ' ' }, 'Measure is required'],
    ['a priority of another plan', { priorityId: 'not-a-priority' }, "not one of Truro's plan priorities"],
    ['no owner', { ownerIds: '' }, 'Name at least one owner'],
    ['a viewer as owner', { ownerIds: USERS.clerk.aadObjectId }, 'is a viewer in Truro'],
    [
      'a board-only seat as owner',
      { ownerIds: USERS.board.aadObjectId },
      'is not a member of the Truro partnership',
    ],
    [
      'someone from nowhere',
      { ownerIds: '99999999-aaaa-4bbb-8ccc-dddddddddddd' },
      'is not a member of the Truro partnership',
    ],
  ])('refuses %s with the form and its problem, saving nothing', async (_, fields, message) => {
    const action = await byRef('TRU-004');
    const before = await bot.ctx.stores.audit.listForEntity(action.id);
    const card = await edit(USERS.coordinator, action, {
      revisionReason: 'Correction agreed at the meeting',
      ...fields,
    });
    expect(card).toContain(message);
    expect(await current(action.id)).toEqual(action);
    expect(await bot.ctx.stores.audit.listForEntity(action.id)).toHaveLength(before.length);
  });

  it('screens every edited field for personal data before anything is saved', async () => {
    const action = await byRef('TRU-004');
    const card = await edit(USERS.coordinator, action, {
      title: 'Visit John Smith at 14 Lemon Street about his drinking',
      revisionReason: 'Correction agreed at the meeting',
    });
    expect(card).toMatch(/personal|person/i);
    expect(await current(action.id)).toEqual(action);
  });

  it('keeps owners to what they may do: hand over, not edit the title', async () => {
    const action = await create(
      USERS.caseWorker.aadObjectId,
      'Door-knock the flats above Boscawen Street shops',
    );
    const refused = await edit(USERS.caseWorker, action, {
      title: 'Door-knock every flat above Boscawen Street',
    });
    expect(refused).toContain("Only the town's coordinators can edit");
    bot.connector.clear();
    const handed = await edit(USERS.caseWorker, action, { ownerIds: USERS.coordinator.aadObjectId });
    expect(handed).toContain('Saved: owners changed.');
    expect((await current(action.id)).owners.map((o) => o.aadObjectId)).toEqual([
      USERS.coordinator.aadObjectId,
    ]);
    expect(await changesOf(action.id)).toEqual(['action.created', 'action.owners']);
    // The new owner gets the card; the one who took themselves off has their reply, and nothing more.
    await vi.waitFor(() =>
      expect(cardsTo(USERS.coordinator).map(cardText).join()).toContain(`made you an owner of ${action.ref}`),
    );
    expect(cardsTo(USERS.caseWorker).map(cardText).join()).not.toContain(action.ref);
  });

  it("hands a leaver's open actions to another member in one step, after showing the list", async () => {
    const mine = (await bot.ctx.stores.actions.listByTown('truro')).filter(
      (a) =>
        ['not_started', 'in_progress', 'blocked'].includes(a.status) &&
        a.owners.some((o) => o.aadObjectId === USERS.beatManager.aadObjectId),
    );
    expect(mine.length).toBeGreaterThan(0);
    const form = await answer(USERS.coordinator, 'handover.form', { town: 'truro' });
    expect(form).toContain('Hand over actions in Truro');
    const people = {
      town: 'truro',
      fromId: USERS.beatManager.aadObjectId,
      toId: USERS.caseWorker.aadObjectId,
    };
    const preview = invokeCard(await bot.invoke(USERS.coordinator, 'handover.preview', people));
    expect(cardText(preview)).toContain(`Sam Penrose (demo)'s ${mine.length} open action`);
    for (const a of mine) expect(cardText(preview)).toContain(a.ref);
    for (const a of mine) expect((await current(a.id)).version).toBe(a.version); // nothing changed yet
    const confirm = (preview.actions as { verb: string; data: Record<string, string> }[]).find(
      (a) => a.verb === 'handover.confirm',
    )!;
    const done = await answer(USERS.coordinator, 'handover.confirm', { ...confirm.data });
    expect(done).toContain(`Handed over ${mine.length} action`);
    for (const a of mine) {
      const now = await current(a.id);
      expect(now.owners.map((o) => o.aadObjectId)).toContain(USERS.caseWorker.aadObjectId);
      expect(now.owners.map((o) => o.aadObjectId)).not.toContain(USERS.beatManager.aadObjectId);
      expect((await changesOf(a.id)).at(-1)).toBe('action.owners');
    }
    // The one taking over is told of each they did not own already, by whom.
    await vi.waitFor(() => {
      const told = cardsTo(USERS.caseWorker).map(cardText).join();
      const alex = USERS.caseWorker.aadObjectId;
      for (const a of mine.filter((m) => !m.owners.some((o) => o.aadObjectId === alex)))
        expect(told).toContain(`Jo Trelawny (demo) made you an owner of ${a.ref}`);
    });
    // Again: nothing left to hand over.
    const again = await answer(USERS.coordinator, 'handover.confirm', { ...confirm.data });
    expect(again).toContain('owns no open actions in Truro');
  });

  it.each([
    [
      'to oneself',
      { fromId: USERS.caseWorker.aadObjectId, toId: USERS.caseWorker.aadObjectId },
      'that is the same person',
    ],
    [
      'to a viewer',
      { fromId: USERS.caseWorker.aadObjectId, toId: USERS.clerk.aadObjectId },
      'is a viewer in Truro',
    ],
    [
      'to someone of another town',
      { fromId: USERS.caseWorker.aadObjectId, toId: '99999999-aaaa-4bbb-8ccc-dddddddddddd' },
      'is not a member of the Truro partnership',
    ],
  ])('refuses a hand-over %s, changing nothing', async (_, people, message) => {
    const before = await bot.ctx.stores.actions.listByTown('truro');
    const card = await answer(USERS.coordinator, 'handover.preview', { town: 'truro', ...people });
    expect(card).toContain(message);
    const confirm = await answer(USERS.coordinator, 'handover.confirm', {
      town: 'truro',
      ...people,
      actionIds: before.map((a) => a.id).join(','),
    });
    expect(confirm).toContain(message);
    expect(await bot.ctx.stores.actions.listByTown('truro')).toEqual(before);
  });

  it('lets only coordinators hand over, and only in their own town', async () => {
    const people = {
      town: 'truro',
      fromId: USERS.caseWorker.aadObjectId,
      toId: USERS.coordinator.aadObjectId,
    };
    for (const user of [USERS.caseWorker, USERS.clerk, USERS.board])
      expect(await answer(user, 'handover.preview', people)).toMatch(
        /Only coordinators|can read but not change/,
      );
  });
});

describe('history on the card', () => {
  it('shows who did what and when, newest first, a page at a time, to members of the town only', async () => {
    const action = await create(
      USERS.caseWorker.aadObjectId,
      'Review CCTV coverage of the Lemon Quay taxi rank',
    );
    let version = action.version;
    for (let i = 1; i <= 9; i++) {
      const res = await bot.invoke(USERS.caseWorker, 'action.note', {
        actionId: action.id,
        version,
        note: `Camera survey step ${i} done`,
      });
      invokeCard(res);
      version++;
    }
    const page0 = invokeCard(
      await bot.invoke(USERS.clerk, 'action.history', { actionId: action.id, page: 0 }),
    );
    const text0 = cardText(page0);
    expect(text0).toContain('History, newest first');
    expect(text0.indexOf('Camera survey step 9 done')).toBeLessThan(
      text0.indexOf('Camera survey step 8 done'),
    );
    expect(text0).toContain('Alex Nance (demo): added a note: Camera survey step 9 done');
    expect(text0).not.toContain('created the action');
    const older = JSON.stringify(page0).includes('"title":"Older"');
    expect(older).toBe(true);
    const page1 = await answer(USERS.clerk, 'action.history', { actionId: action.id, page: 1 });
    expect(page1).toContain('Jo Trelawny (demo): created the action');
    expect(page1).toContain('Newer');
    // The board reads the county's summaries, not who did what; another town's partners see nothing.
    for (const user of [USERS.board])
      expect(await answer(user, 'action.history', { actionId: action.id, page: 0 })).toContain(
        "An action's history is for the members of the Truro partnership",
      );
    const forged = await answer(USERS.clerk, 'action.history', { actionId: 'no-such-action', page: 0 });
    expect(forged).toContain('That action no longer exists');
  });
});

describe('recurring actions', () => {
  it('makes the next occurrence when a recurring action is done: same owners, due a month on, linked, in the channel', async () => {
    const action = await create(
      USERS.caseWorker.aadObjectId,
      'Monthly patrol of Boscawen Street with licensing officers',
    );
    const edited = await answer(USERS.coordinator, 'action.edit', {
      actionId: action.id,
      version: 1,
      recurrence: 'monthly',
    });
    expect(edited).toContain('Saved: repetition changed.');
    expect(edited).toContain('Repeats: Every month');
    // An owner may not make it repeat.
    const byOwner = await answer(USERS.caseWorker, 'action.edit', {
      actionId: action.id,
      version: 2,
      recurrence: 'weekly',
    });
    expect(byOwner).toContain("Only the town's coordinators can edit");
    bot.connector.clear();
    const done = await answer(USERS.caseWorker, 'action.status', {
      actionId: action.id,
      version: 2,
      status: 'done',
    });
    const next = (await current(action.id)).next!;
    expect(done).toContain(`It repeats: ${next.ref} is next, due 18 Jan 2027.`);
    expect(await current(next.id)).toMatchObject({
      status: 'not_started',
      dueDate: '2027-01-18',
      owners: action.owners,
      recurrence: 'monthly',
      previous: { id: action.id, ref: action.ref },
      version: 1,
    });
    expect(await changesOf(next.id)).toEqual(['action.recurred']);
    await vi.waitFor(() =>
      expect(bot.connector.sent(CHANNEL_ID).some((r) => JSON.stringify(r.body).includes(next.ref))).toBe(
        true,
      ),
    );
    // Reopened and done again: no second occurrence.
    const reopened = await bot.invoke(USERS.caseWorker, 'action.status', {
      actionId: action.id,
      version: 3,
      status: 'in_progress',
    });
    invokeCard(reopened);
    invokeCard(
      await bot.invoke(USERS.caseWorker, 'action.status', {
        actionId: action.id,
        version: 4,
        status: 'done',
      }),
    );
    const occurrences = (await bot.ctx.stores.actions.listByTown('truro')).filter(
      (a) => a.title === action.title,
    );
    expect(occurrences).toHaveLength(2);
    // The reminders follow the new one: the done one is not open any more.
    expect((await bot.ctx.stores.actions.listOpenDueBy('2027-12-31')).map((a) => a.id)).not.toContain(
      action.id,
    );
  });

  it('refuses to make a cancelled action repeat', async () => {
    const action = await create(
      USERS.caseWorker.aadObjectId,
      'Quarterly residents survey at the Truro farmers market',
    );
    invokeCard(
      await bot.invoke(USERS.coordinator, 'action.cancel', {
        actionId: action.id,
        version: 1,
        cancelReason: 'The market survey moved to the county team',
      }),
    );
    const card = await answer(USERS.coordinator, 'action.edit', {
      actionId: action.id,
      version: 2,
      recurrence: 'quarterly',
    });
    expect(card).toContain('is cancelled: reinstate it before making it repeat');
    expect((await current(action.id)).recurrence ?? null).toBeNull();
  });
});

describe('evidence links on notes', () => {
  it('keeps a link to the partnership SharePoint, shown on the card and in the history', async () => {
    const action = await create(USERS.caseWorker.aadObjectId, 'Publish the Truro night-time economy audit');
    const link = 'https://cornwall.sharepoint.com/sites/SaferTruro/Shared%20Documents/NTE%20audit%202026.pdf';
    const card = invokeCard(
      await bot.invoke(USERS.caseWorker, 'action.note', {
        actionId: action.id,
        version: 1,
        note: 'Audit published',
        link,
      }),
    );
    expect(JSON.stringify(card)).toContain(`[Evidence](${link})`);
    expect((await current(action.id)).notes.at(-1)).toMatchObject({ text: 'Audit published', link });
    const history = invokeCard(
      await bot.invoke(USERS.caseWorker, 'action.history', { actionId: action.id, page: 0 }),
    );
    expect(JSON.stringify(history)).toContain(`[Evidence](${link})`);
  });

  it.each([
    ['another host', 'https://dropbox.example.com/s/audit.pdf', 'not dropbox.example.com'],
    [
      'another tenant',
      'https://othercouncil.sharepoint.com/sites/x/a.pdf',
      'not othercouncil.sharepoint.com',
    ],
    ['plain http', 'http://cornwall.sharepoint.com/sites/x/a.pdf', 'must start with https://'],
    ['not a link', 'see the shared drive', 'not a web address'],
  ])('refuses a link to %s with a clear message, keeping nothing', async (_, link, message) => {
    const action = await byRef('TRU-005');
    const card = await answer(USERS.coordinator, 'action.note', {
      actionId: action.id,
      version: action.version,
      note: 'Evidence attached',
      link,
    });
    expect(card).toContain(message);
    expect(await current(action.id)).toEqual(action);
  });

  it("screens a document's name for personal data", async () => {
    const action = await byRef('TRU-005');
    const link =
      'https://cornwall.sharepoint.com/sites/SaferTruro/Shared%20Documents/Referral%20for%20John%20Smith%20DOB%2012-03-1990.docx';
    const card = await answer(USERS.coordinator, 'action.note', {
      actionId: action.id,
      version: action.version,
      note: 'Referral made',
      link,
    });
    expect(card).toMatch(/date of birth|person/i);
    expect(await current(action.id)).toEqual(action);
  });
});
