// Task-and-finish groups through the bot's HTTP interface: set up by a coordinator, actions added to them
// count for the town, and a group past its end date with open actions is raised with the coordinators once.
import { beforeAll, describe, expect, it } from 'vitest';
import { USERS, cardText, invokeCard, keepingWarnings, lastCard, useBot } from '../support/bot-harness.js';
import type { TaskGroup } from '../../src/domain/task-group.js';

const bot = useBot(); // 2026-11-26 10:00 UTC, a Thursday

const groups = () => bot.ctx.stores.taskGroups.listByTown('truro');
async function theGroup(): Promise<TaskGroup> {
  const [g] = await groups();
  if (!g) throw new Error('no group');
  return g;
}

beforeAll(async () => {
  await bot.install(USERS.coordinator); // so the coordinator can be reached 1:1
});

describe('task-and-finish groups', () => {
  it('shows an empty list, and the form to coordinators only', async () => {
    await bot.say(USERS.caseWorker, 'groups truro');
    expect(cardText(lastCard(bot.connector))).toContain('No task-and-finish groups yet');
    await bot.say(USERS.caseWorker, 'new group truro');
    expect(cardText(lastCard(bot.connector))).toContain('Only coordinators can do that');
    await bot.say(USERS.coordinator, 'new group truro');
    expect(cardText(lastCard(bot.connector))).toContain('New task-and-finish group: Truro');
  });

  it('refuses a group with no members or an end date in the past, and saves nothing', async () => {
    const res = invokeCard(
      await bot.invoke(USERS.coordinator, 'group.create', {
        town: 'truro',
        theme: 'Street drinking in Victoria Gardens',
        memberIds: '',
        endDate: '2026-11-01',
      }),
    );
    const text = cardText(res);
    expect(text).toContain('A task-and-finish group needs at least one member');
    expect(await groups()).toHaveLength(0);
  });

  it('sets a group up, and an action added to it counts for the town and the group', async () => {
    const card = invokeCard(
      await bot.invoke(USERS.coordinator, 'group.create', {
        town: 'truro',
        theme: 'Street drinking in Victoria Gardens',
        memberIds: `${USERS.beatManager.aadObjectId},${USERS.caseWorker.aadObjectId}`,
        endDate: '2026-12-10',
      }),
    );
    expect(cardText(card)).toContain('Group set up');
    const group = await theGroup();
    expect(group).toMatchObject({
      status: 'open',
      endDate: '2026-12-10',
      memberIds: [USERS.beatManager.aadObjectId, USERS.caseWorker.aadObjectId],
    });
    const [plan] = await bot.ctx.stores.plans.listByTown('truro');
    const [priority] = await bot.ctx.stores.priorities.listByPlan(plan!.id);
    const before = (await bot.ctx.stores.actions.listByTown('truro')).length;
    // Due in nine days, and an order usually needs ninety: the coach warns, the coordinator keeps it.
    await keepingWarnings(
      (data) => bot.invoke(USERS.coordinator, 'action.create', data),
      {
        town: 'truro',
        planId: plan!.id,
        priorityId: priority!.id,
        taskGroupId: group.id,
        title: 'Agree a Public Spaces Protection Order review for Victoria Gardens',
        measure: 'Review completed',
        target: 'Review agreed by the council',
        ownerIds: USERS.caseWorker.aadObjectId,
        dueDate: '2026-12-05',
      },
      'The review only confirms the order already in place',
    );
    await bot.say(USERS.caseWorker, 'summary truro');
    expect(cardText(lastCard(bot.connector))).toContain(`${before + 1} actions`);
    expect(cardText(lastCard(bot.connector))).toContain('1 task-and-finish group open');
    await bot.say(USERS.caseWorker, 'groups truro');
    expect(cardText(lastCard(bot.connector))).toContain('0 of 1 actions done (0%), 1 open');
  });

  // The sweep also sends that Monday's real reminders (the demo actions are overdue by then): Teams' pace.
  it(
    'raises an overrun group with its coordinators once, who can extend it',
    { timeout: 120_000 },
    async () => {
      bot.clock.set('2026-12-14T10:00:00Z'); // a Monday, after the end date, with the action still open
      bot.connector.clear();
      expect((await bot.sweep()).groupsOverrun).toBe(1);
      const told = bot.connector
        .sent()
        .filter((r) => JSON.stringify(r.body).includes('Street drinking in Victoria Gardens'));
      expect(told.length).toBeGreaterThanOrEqual(1);
      expect(JSON.stringify(told[0]!.body)).toContain('close it, or extend it');
      expect((await bot.sweep()).groupsOverrun).toBe(0); // once per end date

      const group = await theGroup();
      const member = invokeCard(
        await bot.invoke(USERS.beatManager, 'group.extend', {
          groupId: group.id,
          version: group.version,
          endDate: '2027-01-31',
        }),
      );
      expect(cardText(member)).toContain('Only coordinators can do that');
      const early = invokeCard(
        await bot.invoke(USERS.coordinator, 'group.extend', {
          groupId: group.id,
          version: group.version,
          endDate: '2026-12-01',
        }),
      );
      expect(cardText(early)).toContain('Choose an end date after 2026-12-10 and after today');
      const extended = invokeCard(
        await bot.invoke(USERS.coordinator, 'group.extend', {
          groupId: group.id,
          version: group.version,
          endDate: '2027-01-31',
        }),
      );
      expect(cardText(extended)).toContain('Extended.');
      expect(await theGroup()).toMatchObject({ endDate: '2027-01-31', version: group.version + 1 });
    },
  );

  it('closes a group from a fresh card only, with its audit trail', async () => {
    const group = await theGroup();
    const stale = invokeCard(
      await bot.invoke(USERS.coordinator, 'group.close', { groupId: group.id, version: 1 }),
    );
    expect(cardText(stale)).toContain('changed while you were looking at it');
    const closed = invokeCard(
      await bot.invoke(USERS.coordinator, 'group.close', { groupId: group.id, version: group.version }),
    );
    expect(cardText(closed)).toContain('Closed');
    expect((await theGroup()).status).toBe('closed');
    const trail = (await bot.ctx.stores.audit.listForEntity(group.id)).map((e) => e.change);
    expect(trail).toEqual(['task_group.created', 'task_group.extended', 'task_group.closed']);
  });
});
