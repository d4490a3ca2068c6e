// Universal Actions: status, notes and due dates changed from the card, with versions, roles and audit.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNEL_ID, USERS, cardText, guardCard, useBot, type Response } from '../support/bot-harness.js';
import type { Action } from '../../src/domain/action.js';
import { listWholeActions } from '../../src/app/whole-actions.js';

// A connector that does not answer is given up after 5 s and retried (the default is 20 s).
const bot = useBot({ BOT_CONNECTOR_TIMEOUT_SECONDS: '5' });

/** The card of an invoke response. */
function invokeCard(res: Response): Record<string, unknown> {
  expect(res.status).toBe(200);
  const body = res.body as { statusCode: number; type: string; value: Record<string, unknown> };
  expect(body.statusCode).toBe(200);
  expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
  return body.value;
}

async function action(ref: string): Promise<Action> {
  const found = await bot.ctx.stores.actions.getByRef(ref);
  if (!found) throw new Error(`no ${ref}`);
  return found;
}

const changesOf = async (ref: string) =>
  (await bot.ctx.stores.audit.listForEntity((await action(ref)).id)).map((e) => e.change);

beforeAll(async () => {
  await bot.sayInChannel(USERS.coordinator, 'link truro');
  await bot.install(USERS.coordinator); // so the bot can reach the coordinator 1:1
});

describe('changing an action from its card', () => {
  it('applies a status change by an owner, answers with the refreshed card and posts it to the channel', async () => {
    const before = await action('TRU-004');
    bot.connector.clear();
    const res = await bot.invoke(USERS.coordinator, 'action.status', {
      actionId: before.id,
      version: 1,
      status: 'in_progress',
    });
    const card = invokeCard(res);
    expect(cardText(card)).toContain('In progress');
    expect(cardText(card)).toContain('Version 2');
    // The card says which of the plan's priorities the action serves.
    const priority = await bot.ctx.stores.priorities.get(before.priorityId);
    expect(cardText(card)).toContain(`Priority\n${priority!.title}`);
    expect(await action('TRU-004')).toMatchObject({ status: 'in_progress', version: 2 });
    expect(await changesOf('TRU-004')).toEqual(['action.seeded', 'action.status']);
    const posted = bot.connector.sent(CHANNEL_ID);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.activityId).toBeNull(); // a new post in the channel, not a reply
    expect(await bot.ctx.stores.cardPosts.listFor(before.id)).toHaveLength(1);
  });

  it('updates the channel copy in place on the next change, with a refresh for the owners', async () => {
    const current = await action('TRU-004');
    const [post] = await bot.ctx.stores.cardPosts.listFor(current.id);
    bot.connector.clear();
    invokeCard(
      await bot.invoke(
        USERS.coordinator,
        'action.note',
        { actionId: current.id, version: current.version, note: 'Venue booked for the launch' },
        'channel',
        post!.activityId,
      ),
    );
    const [put] = bot.connector.updated();
    expect(put).toMatchObject({ conversationId: CHANNEL_ID, activityId: post!.activityId });
    const card = (put!.body!.attachments as { content: Record<string, unknown> }[])[0]!.content;
    expect(cardText(card)).toContain('Latest note: Venue booked for the launch');
    expect(card.refresh).toMatchObject({
      action: { verb: 'action.refresh' },
      userIds: [USERS.coordinator.id],
    });
    expect(bot.connector.sent(CHANNEL_ID)).toHaveLength(0);
  });

  it.each([
    ['503 twice', { status: 503, count: 2 }],
    ['429 with Retry-After', { status: 429, count: 1, retryAfterSeconds: 1 }],
  ])('keeps the channel copy current when the connector first answers %s', async (_, fault) => {
    const current = await action('TRU-004');
    bot.connector.clear();
    bot.connector.failNext = { ...fault }; // a copy: the stand-in counts it down
    const note = `Checked after a ${fault.status} at ${Date.now()}`;
    invokeCard(
      await bot.invoke(USERS.coordinator, 'action.note', {
        actionId: current.id,
        version: current.version,
        note,
      }),
    );
    bot.connector.failNext = null;
    // On a slow machine the retries may outlast the click's wait: the copy then catches up after it.
    const statuses = [...Array<number>(fault.count).fill(fault.status), 200];
    await vi.waitFor(() => expect(bot.connector.updated().map((p) => p.status)).toEqual(statuses), {
      timeout: 15_000,
      interval: 100,
    });
    const puts = bot.connector.updated();
    const card = (puts.at(-1)!.body!.attachments as { content: Record<string, unknown> }[])[0]!.content;
    expect(cardText(card)).toContain(`Latest note: ${note}`);
  });

  it('answers the click without waiting for a connector that hangs; the channel copy catches up after a retry', async () => {
    const current = await action('TRU-004');
    bot.connector.clear();
    bot.connector.hangNext = 1; // the channel update is never answered: given up after 5 s, then retried
    const note = `Checked while the connector hung, at ${Date.now()}`;
    const answer = cardText(
      invokeCard(
        await bot.invoke(USERS.coordinator, 'action.note', {
          actionId: current.id,
          version: current.version,
          note,
        }),
      ),
    );
    expect(answer).toContain(`Latest note: ${note}`); // saved, and said so
    expect(answer).toContain("The channel's copy of this card will catch up shortly.");
    await vi.waitFor(() => expect(bot.connector.updated().map((p) => p.status)).toEqual([0, 200]), {
      timeout: 15_000,
      interval: 100,
    });
    const put = bot.connector.updated().at(-1)!;
    const card = (put.body!.attachments as { content: Record<string, unknown> }[])[0]!.content;
    expect(cardText(card)).toContain(`Latest note: ${note}`);
  });

  it('lets exactly one of two people acting on the same version win; the other gets the current card', async () => {
    const current = await action('TRU-006');
    const [a, b] = await Promise.all([
      bot.invoke(USERS.beatManager, 'action.status', {
        actionId: current.id,
        version: current.version,
        status: 'in_progress',
      }),
      bot.invoke(USERS.caseWorker, 'action.status', {
        actionId: current.id,
        version: current.version,
        status: 'done',
      }),
    ]);
    const texts = [cardText(invokeCard(a)), cardText(invokeCard(b))];
    expect(
      texts.filter((t) => t.includes('Someone changed this action after your card was shown')),
    ).toHaveLength(1);
    const after = await action('TRU-006');
    expect(after.version).toBe(current.version + 1);
    expect((await changesOf('TRU-006')).filter((c) => c === 'action.status')).toHaveLength(1);
  });

  it('applies a repeated delivery of the same click once, without calling it a conflict', async () => {
    const current = await action('TRU-002');
    const click = { actionId: current.id, version: current.version, status: 'in_progress' };
    const first = cardText(invokeCard(await bot.invoke(USERS.caseWorker, 'action.status', click)));
    const again = cardText(invokeCard(await bot.invoke(USERS.caseWorker, 'action.status', click)));
    expect(first).toContain('In progress');
    expect(again).toContain('In progress');
    expect(again).not.toContain('Someone changed');
    expect((await action('TRU-002')).version).toBe(current.version + 1);
    expect((await changesOf('TRU-002')).filter((c) => c === 'action.status')).toHaveLength(1);
  });

  it('needs a reason to block, and says so on the card without changing anything', async () => {
    const current = await action('TRU-003');
    const text = cardText(
      invokeCard(
        await bot.invoke(USERS.caseWorker, 'action.status', {
          actionId: current.id,
          version: current.version,
          status: 'blocked',
          reason: ' ',
        }),
      ),
    );
    expect(text).toContain('Not changed: Say what is blocking the action');
    expect(await action('TRU-003')).toEqual(current);
  });

  it('changes the due date', async () => {
    const current = await action('TRU-003');
    invokeCard(
      await bot.invoke(USERS.coordinator, 'action.due', {
        actionId: current.id,
        version: current.version,
        dueDate: '2027-02-15',
      }),
    );
    expect((await action('TRU-003')).dueDate).toBe('2027-02-15');
  });

  it('warns about personal data in a note and saves it only when confirmed', async () => {
    const current = await action('TRU-005');
    const note = 'Spoke to the resident on 07700 900123';
    const warning = invokeCard(
      await bot.invoke(USERS.caseWorker, 'action.note', {
        actionId: current.id,
        version: current.version,
        note,
      }),
    );
    expect(cardText(warning)).toContain('a phone number: "07700 900123"');
    expect(await action('TRU-005')).toEqual(current);
    const confirm = guardCard(warning).confirm!;
    expect(confirm).toMatchObject({
      verb: 'action.note',
      data: { personalDataConfirmed: true, version: current.version },
    });
    invokeCard(await bot.invoke(USERS.caseWorker, 'action.note', confirm.data));
    expect((await action('TRU-005')).notes.at(-1)?.text).toBe(note);
  });

  it('marks an action done with a closing note, screened like any note, kept as its last progress note', async () => {
    const current = await action('TRU-006');
    const refused = invokeCard(
      await bot.invoke(USERS.coordinator, 'action.done', {
        actionId: current.id,
        version: current.version,
        closingNote: 'Done; John Smith of 14 Lemon Street was moved on',
      }),
    );
    expect(JSON.stringify(refused)).toMatch(/personal|person/i);
    expect(await action('TRU-006')).toEqual(current);
    const done = invokeCard(
      await bot.invoke(USERS.coordinator, 'action.done', {
        actionId: current.id,
        version: current.version,
        closingNote: 'Blind spots costed for all 8 streets; report to the BID',
      }),
    );
    const after = await action('TRU-006');
    expect(after.status).toBe('done');
    expect(after.notes.at(-1)?.text).toBe('Blind spots costed for all 8 streets; report to the BID');
    expect(cardText(done)).toContain('Blind spots costed for all 8 streets');
    // Done and nothing to say: as before, one click on the form's button.
    const other = await action('TRU-004');
    invokeCard(
      await bot.invoke(USERS.coordinator, 'action.done', { actionId: other.id, version: other.version }),
    );
    expect((await action('TRU-004')).status).toBe('done');
  });
});

describe('who may change what', () => {
  it('refuses a viewer and a board member, changing nothing', async () => {
    const current = await action('TRU-001');
    for (const user of [USERS.clerk, USERS.board]) {
      const text = cardText(
        invokeCard(
          await bot.invoke(user, 'action.status', {
            actionId: current.id,
            version: current.version,
            status: 'done',
          }),
        ),
      );
      expect(text).toContain('Viewers and board members can read but not change actions');
    }
    expect(await action('TRU-001')).toEqual(current);
  });

  it("refuses a member of another town acting on Truro's action", async () => {
    const current = await action('TRU-001');
    const outsider = {
      id: '29:outsider',
      name: 'Penzance partner',
      aadObjectId: '00000000-0000-4000-8000-000000000099',
      email: 'p@demo.invalid',
    };
    const res = await bot.invoke(outsider, 'action.status', {
      actionId: current.id,
      version: current.version,
      status: 'done',
    });
    expect(cardText(invokeCard(res))).toContain('You are not a member of the Truro partnership');
    expect(await action('TRU-001')).toEqual(current);
  });
});

describe('forged or broken card data', () => {
  it.each([
    ['an unknown status', { status: 'finished' }],
    ['a version that is text', { version: '1' }],
    ['an action id that is an operator', { actionId: { $ne: null } }],
    ['an oversized reason', { status: 'blocked', reason: 'x'.repeat(5_000) }],
  ])('refuses %s with an error card and changes nothing', async (_what, patch) => {
    const current = await action('TRU-001');
    const res = await bot.invoke(USERS.coordinator, 'action.status', {
      actionId: current.id,
      version: current.version,
      status: 'done',
      ...patch,
    });
    expect(cardText(invokeCard(res))).toContain('That card sent data I cannot use');
    expect(await action('TRU-001')).toEqual(current);
  });

  it('treats operator-looking strings as plain text', async () => {
    const res = await bot.invoke(USERS.coordinator, 'action.refresh', { actionId: '{"$gt":""}' });
    expect(cardText(invokeCard(res))).toContain('That action no longer exists');
  });

  // An unknown verb is refused by name: test/unit/bot/dispatch.test.ts (no HTTP needed).
});

describe('a town without a channel', () => {
  it('saves the change, tells the person, and tells the coordinators 1:1', async () => {
    const current = await action('BOD-001');
    bot.connector.clear();
    const text = cardText(
      invokeCard(
        await bot.invoke(USERS.beatManager, 'action.status', {
          actionId: current.id,
          version: current.version,
          status: 'done',
        }),
      ),
    );
    expect(text).toContain('The town has no linked channel yet');
    expect((await action('BOD-001')).status).toBe('done');
    const toCoordinator = bot.connector.sent(`a:personal-${USERS.coordinator.id}`);
    expect(toCoordinator).toHaveLength(1);
    expect(toCoordinator[0]!.body!.text).toContain('Bodmin has no linked channel');

    // The next change that day is saved and said to the person, but the coordinators are not told again.
    const next = await action('BOD-002');
    bot.connector.clear();
    const again = await bot.invoke(USERS.coordinator, 'action.note', {
      actionId: next.id,
      version: next.version,
      note: 'Visited the site with the landlord',
    });
    expect(cardText(invokeCard(again))).toContain('The town has no linked channel yet');
    expect(bot.connector.sent(`a:personal-${USERS.coordinator.id}`)).toHaveLength(0);
  });

  it("does not tell a coordinator separately when their own change's reply already says so", async () => {
    const current = (await listWholeActions(bot.ctx, 'saltash')).find((a) => a.status === 'not_started')!;
    bot.connector.clear();
    const reply = await bot.invoke(USERS.coordinator, 'action.status', {
      actionId: current.id,
      version: current.version,
      status: 'in_progress',
    });
    expect(cardText(invokeCard(reply))).toContain('The town has no linked channel yet');
    await new Promise((settled) => setTimeout(settled, 300)); // the notice would go in the background
    expect(bot.connector.sent(`a:personal-${USERS.coordinator.id}`)).toHaveLength(0);
  });
});
