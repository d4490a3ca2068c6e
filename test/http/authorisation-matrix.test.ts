// Who may do what, as one table: every command and every card verb, sent through /api/messages by each access
// role (Truro's coordinator, member, viewer, a board member, someone with no seat, and another town's
// coordinator), against Truro's records. A refused call must answer "Not allowed" and change nothing stored;
// an allowed call must get past authorisation (no "Not allowed", and the record it names was found).
import { streetCsv } from '../support/police-uk.js';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  CHANNEL_ID,
  USERS,
  cardText,
  guardCard,
  invokeCard,
  accessRoles,
  extraUser,
  useBot,
  type TeamsUser,
} from '../support/bot-harness.js';
import { FakeGraph } from '../servers/fake-graph.js';
import { COMMANDS } from '../../src/bot/commands/registry.js';
import { FREE_TEXT_FIELDS, VERB_SCHEMAS } from '../../src/bot/verbs/registry.js';
import { appoint } from '../../src/app/appoint.js';
import { changeTowns } from '../../src/app/programme.js';
import { SYSTEM_ACTOR } from '../../src/domain/entity.js';
import { listWholeActions } from '../../src/app/whole-actions.js';
import { updateAction } from '../../src/app/update-action.js';
import { storedState, changedBetween } from '../support/stored-state.js';
import type { Action } from '../../src/domain/action.js';

const graph = new FakeGraph(inject('graphTls'));
await graph.start();
const bot = useBot({ GRAPH_BASE_URL: graph.baseUrl, REMINDER_SWEEP_SECONDS: '0' });

const ROLES = ['coordinator', 'member', 'viewer', 'board', 'not a member', 'other town'] as const;
type Role = (typeof ROLES)[number];

const person = extraUser;
const OUTSIDER = person(1, 'Pat Outsider');
const PENZANCE_CSO = person(2, 'Lowen Penzance');
const APPLICANTS = [person(3, 'Demelza Joiner'), person(4, 'Tamsin Joiner')] as const;

const AS: Record<Role, TeamsUser> = accessRoles(OUTSIDER, PENZANCE_CSO);

/** Who each rule lets through. */
const EVERYONE = ROLES;
const READ: readonly Role[] = ['coordinator', 'member', 'viewer', 'board'];
const UPDATE: readonly Role[] = ['coordinator', 'member'];
const COORDINATE: readonly Role[] = ['coordinator'];
/** Any seat anywhere, or the board. */
const PARTNERS: readonly Role[] = ['coordinator', 'member', 'viewer', 'board', 'other town'];
/** County-wide views: the board, and coordinators of any town. */
const BOARD_VIEW: readonly Role[] = ['coordinator', 'board', 'other town'];
const TOWN_COORDINATOR_OR_BOARD: readonly Role[] = ['coordinator', 'board'];
const BOARD: readonly Role[] = ['board'];
/** A seat in the town (not the board's county-wide reading). */
const TOWN_SEATS: readonly Role[] = ['coordinator', 'member', 'viewer'];

const BOARD_CHANNEL = '19:board-channel@thread.tacv2';
const SPARE_CHANNEL = '19:spare-channel@thread.tacv2';

interface Row {
  name: string;
  allowed: readonly Role[];
  send: (user: TeamsUser) => Promise<Outcome>;
  /** Puts back what an allowed call changed that later rows rely on. */
  after?: () => Promise<void>;
  /** A card verb's data, valid for the records as they are now. */
  data?: () => Promise<Record<string, unknown>> | Record<string, unknown>;
}

/** What came back: the title of each card (and the text of each message). */
interface Outcome {
  titles: string[];
  text: string;
}

const card = (
  verb: string,
  allowed: readonly Role[],
  data: () => Promise<Record<string, unknown>> | Record<string, unknown>,
): Row => ({
  name: verb,
  allowed,
  data,
  send: async (user: TeamsUser): Promise<Outcome> => {
    const res = await bot.invoke(user, verb, await data());
    expect(res.status, `${verb} answered ${res.status}`).toBe(200);
    const value = (res.body as { value: unknown }).value;
    return { titles: [titleOf(value)], text: cardText(value) };
  },
});

const say =
  (text: string | (() => Promise<string>), where: 'personal' | 'channel' | 'board channel' = 'personal') =>
  async (user: TeamsUser): Promise<Outcome> => {
    bot.connector.clear();
    const words = typeof text === 'string' ? text : await text();
    const res =
      where === 'personal'
        ? await bot.say(user, words)
        : await bot.sayInChannel(user, words, where === 'channel' ? CHANNEL_ID : BOARD_CHANNEL);
    expect(res.status).toBe(200);
    return replies();
  };

function replies(): Outcome {
  const sent = bot.connector.sent();
  expect(sent.length, 'the bot answered').toBeGreaterThan(0);
  const cards = sent.flatMap((s) =>
    ((s.body?.attachments ?? []) as { content: unknown }[]).map((a) => a.content),
  );
  return {
    titles: cards.map(titleOf),
    text: [
      ...sent.map((s) => (typeof s.body?.text === 'string' ? s.body.text : '')),
      ...cards.map(cardText),
    ].join('\n'),
  };
}

/** The card's first text, depth first (a coloured heading sits in a container of its colour). */
function titleOf(card: unknown): string {
  const first = (node: unknown): string | undefined => {
    if (Array.isArray(node)) return node.map(first).find((t) => t !== undefined);
    const element = node as { type?: string; text?: string; items?: unknown } | null;
    if (element?.type === 'TextBlock') return element.text ?? '';
    return element?.items ? first(element.items) : undefined;
  };
  return first((card as { body?: unknown } | null)?.body ?? []) ?? '';
}

// The records the rows act on, found or made before the table runs.
let memberAction: Action;
let otherAction: Action;
let planId = '';
let groupId = '';
let problemId = '';
let meetingId = '';
let allocationId = '';
let sheetUrl = '';
let crimeUrl = '';
let meetingForm = 0;
let files: Server;
let downloads = 0;

const current = {
  action: async () => (await bot.ctx.stores.actions.get(memberAction.id))!,
  plan: async () => (await bot.ctx.stores.plans.get(planId))!,
  group: async () => (await bot.ctx.stores.taskGroups.get(groupId))!,
  problem: async () => (await bot.ctx.stores.problems.get(problemId))!,
  meeting: async () => (await bot.ctx.stores.meetings.get(meetingId))!,
  indicator: async () => (await bot.ctx.stores.indicators.get('truro'))!,
};
const onAction = async (extra: Record<string, unknown> = {}) => {
  const a = await current.action();
  return { actionId: a.id, version: a.version, ...extra };
};
const onPlan = async (extra: Record<string, unknown> = {}) => {
  const p = await current.plan();
  return { planId: p.id, version: p.version, ...extra };
};
const onGroup = async (extra: Record<string, unknown> = {}) => {
  const g = await current.group();
  return { groupId: g.id, version: g.version, ...extra };
};
const onProblem = async (extra: Record<string, unknown> = {}) => {
  const p = await current.problem();
  return { problemId: p.id, version: p.version, ...extra };
};
const onMeeting = async (extra: Record<string, unknown> = {}) => {
  const m = await current.meeting();
  return { meetingId: m.id, version: m.version, ...extra };
};
const onIndicator = async (extra: Record<string, unknown>) => ({
  town: 'truro',
  version: (await current.indicator()).version,
  ...extra,
});
const relinkTruro = async () => {
  await bot.sayInChannel(USERS.coordinator, 'link truro');
};

const COMMAND_ROWS: Row[] = [
  { name: 'help', allowed: EVERYONE, send: say('help') },
  { name: 'summary', allowed: READ, send: say('summary truro') },
  { name: 'board', allowed: BOARD_VIEW, send: say('board') },
  { name: 'actions', allowed: READ, send: say('actions truro overdue') },
  { name: 'my actions', allowed: EVERYONE, send: say('my actions') },
  { name: 'new action', allowed: UPDATE, send: say('new action truro') },
  { name: 'plan', allowed: READ, send: say('plan truro') },
  { name: 'new plan', allowed: COORDINATE, send: say('new plan truro') },
  { name: 'groups', allowed: READ, send: say('groups truro') },
  { name: 'new group', allowed: COORDINATE, send: say('new group truro') },
  { name: 'problems', allowed: READ, send: say('problems truro') },
  { name: 'new problem', allowed: UPDATE, send: say('new problem truro') },
  {
    name: 'problem',
    allowed: READ,
    send: say(async () => `problem ${(await current.problem()).ref}`),
  },
  { name: 'library', allowed: PARTNERS, send: say('library') },
  { name: 'public summary', allowed: READ, send: say('public summary truro') },
  {
    name: 'public',
    allowed: COORDINATE,
    send: say(() => Promise.resolve(`public ${otherAction.ref} on`)),
  },
  {
    name: 'import',
    allowed: COORDINATE,
    send: async (user) => {
      bot.connector.clear();
      await bot.post({
        ...bot.personalActivity(user),
        type: 'message',
        text: 'import truro',
        attachments: [
          {
            contentType: 'application/vnd.microsoft.teams.file.download.info',
            name: 'truro-plan.xlsx',
            content: { downloadUrl: sheetUrl, uniqueId: 'matrix', fileType: 'xlsx' },
          },
        ],
      });
      return replies();
    },
  },
  { name: 'fund', allowed: BOARD_VIEW, send: say('fund') },
  { name: 'report', allowed: BOARD_VIEW, send: say('report') },
  { name: 'indicator', allowed: READ, send: say('indicator truro') },
  { name: 'profile', allowed: READ, send: say('profile truro') },
  {
    name: 'crime data',
    allowed: BOARD_VIEW,
    send: async (user) => {
      bot.connector.clear();
      await bot.post({
        ...bot.personalActivity(user),
        type: 'message',
        text: 'crime data',
        attachments: [
          {
            contentType: 'application/vnd.microsoft.teams.file.download.info',
            name: '2026-09-devon-and-cornwall-street.csv',
            content: { downloadUrl: crimeUrl, uniqueId: 'matrix-crime', fileType: 'csv' },
          },
        ],
      });
      return replies();
    },
  },
  { name: 'area', allowed: BOARD, send: say('area truro E01018899 E01018900') },
  { name: 'show', allowed: READ, send: say(() => Promise.resolve(`show ${otherAction.ref}`)) },
  { name: 'schedule meeting', allowed: UPDATE, send: say('schedule meeting truro') },
  { name: 'members', allowed: READ, send: say('members truro') },
  { name: 'join', allowed: EVERYONE, send: say('join truro as councillor') },
  {
    name: 'link',
    allowed: COORDINATE,
    send: async (user) => {
      bot.connector.clear();
      await bot.sayInChannel(user, 'link truro', SPARE_CHANNEL);
      return replies();
    },
    after: relinkTruro,
  },
  { name: 'unlink', allowed: COORDINATE, send: say('unlink', 'channel'), after: relinkTruro },
  { name: 'link board', allowed: BOARD, send: say('link board', 'board channel') },
  { name: 'digest', allowed: EVERYONE, send: say('digest off') },
  { name: 'launch plan', allowed: COORDINATE, send: say('launch plan 2027-01-11 truro') },
  { name: 'towns', allowed: EVERYONE, send: say('towns') },
  { name: 'add town', allowed: BOARD, send: say('add town Newton NWT') },
  {
    name: 'rename town',
    allowed: BOARD,
    send: say('rename town matrixton to matrixville'),
    after: async () => {
      await changeTowns(bot.ctx, SYSTEM_ACTOR, { kind: 'rename', town: 'matrixton', name: 'Matrixton' });
    },
  },
  { name: 'retire town', allowed: BOARD, send: say('retire town retireton') },
  { name: 'hand over', allowed: COORDINATE, send: say('hand over truro') },
  { name: 'actions to review', allowed: COORDINATE, send: say('actions to review truro') },
];

const VERB_ROWS: Row[] = [
  card('action.refresh', READ, () => ({ actionId: memberAction.id })),
  card('action.show', READ, () => ({ ref: memberAction.ref })),
  card('action.status', UPDATE, async () =>
    onAction({ status: (await current.action()).status === 'in_progress' ? 'not_started' : 'in_progress' }),
  ),
  card('action.note', UPDATE, () => onAction({ note: 'Radios handed out to six shops' })),
  // Reopened first, so each role allowed to finish it does so afresh.
  card('action.done', UPDATE, async () => {
    const action = await current.action();
    if (action.status === 'done')
      await updateAction(bot.ctx, SYSTEM_ACTOR, {
        actionId: action.id,
        expectedVersion: action.version,
        change: { kind: 'status', status: 'in_progress' },
      });
    return onAction({ closingNote: 'All six shops on the radio scheme' });
  }),
  card('action.due', UPDATE, () => onAction({ dueDate: '2027-02-26' })),
  card('action.snooze', UPDATE, () => onAction({ days: 7 })),
  card('action.history', TOWN_SEATS, () => ({ actionId: memberAction.id, page: 0 })),
  card('action.edit_form', UPDATE, () => ({ actionId: memberAction.id })),
  // An owner may change the owners only: the case worker joins, then leaves, the beat manager staying.
  card('action.edit', UPDATE, async () => {
    const owners = (await current.action()).owners.map((o) => o.aadObjectId);
    const alex = USERS.caseWorker.aadObjectId;
    const next = owners.includes(alex) ? owners.filter((id) => id !== alex) : [...owners, alex];
    return onAction({ ownerIds: next.join(',') });
  }),
  card('handover.form', COORDINATE, () => ({ town: 'truro' })),
  card('handover.preview', COORDINATE, () => ({
    town: 'truro',
    fromId: USERS.beatManager.aadObjectId,
    toId: USERS.caseWorker.aadObjectId,
  })),
  card('action.form', UPDATE, () => ({ town: 'truro' })),
  card('meeting.form', UPDATE, () => ({ town: 'truro' })),
  // The note dialog lists only what the person may add a note to: anyone may open it.
  card('note.pick', EVERYONE, () => ({ note: 'Radios handed out', q: 'TRU' })),
  card('note.add', UPDATE, async () => {
    const a = await current.action();
    return { choice: `${a.id}:${a.version}`, note: 'Radios handed out to four more shops' };
  }),
  card('action.create', UPDATE, async () => ({
    town: 'truro',
    planId,
    priorityId: (await bot.ctx.stores.priorities.listByPlan(planId))[0]!.id,
    title: 'Walkabout with licensing on Friday nights',
    measure: 'Walkabouts held',
    target: '4 walkabouts',
    ownerIds: USERS.beatManager.aadObjectId,
    dueDate: '2027-01-29',
  })),
  card('meeting.create', UPDATE, () => ({
    requestId: `00000000-0000-4000-8000-${String(++meetingForm).padStart(12, '0')}`,
    town: 'truro',
    kind: 'partnership',
    title: 'Town centre walkabout planning',
    date: '2026-12-08',
    time: '10:00',
    duration: '60',
    agenda: 'Routes',
    attendeeIds: USERS.beatManager.aadObjectId,
  })),
  card('meeting.reschedule', COORDINATE, () =>
    onMeeting({ date: '2026-12-09', time: '11:00', duration: 60 }),
  ),
  card('join.approve', COORDINATE, () => ({ requestId: `truro:${APPLICANTS[0].aadObjectId}` })),
  card('join.decline', COORDINATE, () => ({ requestId: `truro:${APPLICANTS[1].aadObjectId}` })),
  card('plan.refresh', READ, () => ({ planId })),
  card('plan.comment', UPDATE, () => ({ planId, kind: 'comment', text: 'Add the night-time economy' })),
  card('plan.priority', COORDINATE, () =>
    onPlan({ title: 'Safer evenings', theme: 'Night-time economy', source: 'partner_data', reason: 'Data' }),
  ),
  card('plan.create', COORDINATE, () => ({
    town: 'truro',
    title: 'Delivery plan 2029-2032',
    periodStart: '2029-04-01',
    periodEnd: '2032-03-31',
  })),
  card('plan.consult', COORDINATE, () => onPlan({ closes: '2026-12-20' })),
  card('plan.approve', COORDINATE, () => onPlan()),
  card('plan.redraft', COORDINATE, () => onPlan()),
  card('indicator.refresh', READ, () => ({ town: 'truro' })),
  card('indicator.reading', COORDINATE, () =>
    onIndicator({ readingYear: '2026', readingValue: '61', readingSampleSize: '300', source: 'Survey' }),
  ),
  card('indicator.baseline', COORDINATE, () =>
    onIndicator({ baselineYear: '2025', baselineValue: '55', baselineSampleSize: '400' }),
  ),
  card('indicator.target', BOARD, () => onIndicator({ targetYear: '2028', targetValue: '65' })),
  card('indicator.cycle', BOARD, async () =>
    onIndicator({
      cycleYear: String(((await current.indicator()).baseline?.year ?? 2025) + 1),
      ...{ cycleValue: '50', cycleSampleSize: '400', cycleTargetValue: '58' },
    }),
  ),
  card('group.refresh', READ, () => ({ groupId })),
  card('group.show', READ, () => ({ groupId })),
  card('group.create', COORDINATE, () => ({
    town: 'truro',
    theme: 'Shop theft in Lemon Street',
    memberIds: USERS.beatManager.aadObjectId,
    endDate: '2027-03-31',
  })),
  card('group.extend', COORDINATE, () => onGroup({ endDate: '2027-06-30' })),
  card('import.apply', COORDINATE, () => ({ town: 'truro', downloadUrl: sheetUrl, name: 'truro-plan.xlsx' })),
  card('crime.apply', BOARD_VIEW, () => ({
    downloadUrl: crimeUrl,
    name: '2026-09-devon-and-cornwall-street.csv',
  })),
  card('fund.refresh', BOARD_VIEW, () => ({})),
  card('fund.allocate', TOWN_COORDINATOR_OR_BOARD, () => ({
    recordKind: 'action',
    ref: otherAction.ref,
    fundAmount: '50',
    fundPurpose: 'Leaflets',
  })),
  card('fund.spend', TOWN_COORDINATOR_OR_BOARD, () => ({ allocationId, inputId: 'spent_0', spent_0: '20' })),
  card('problem.refresh', READ, () => ({ problemId })),
  card('problem.show', READ, () => ({ problemId })),
  card('problem.create', UPDATE, () => ({
    town: 'truro',
    type: 'place',
    title: 'Cycling on the pavement in Boscawen Street',
    hotspot: 'Boscawen Street',
    objective: 'Halve complaints within six months',
    caseRefs: '',
  })),
  card('problem.scan', UPDATE, () => onProblem({ evidence: '30 complaints in three months' })),
  card('problem.analyse', UPDATE, () =>
    onProblem({ place: 'Dark corner of the car park', hypothesis: 'Poor lighting draws groups at night' }),
  ),
  card('problem.measure', UPDATE, () =>
    onProblem({ measureName: 'ASB reports a month', measureBaseline: '12', measureTarget: '6' }),
  ),
  card('problem.link', UPDATE, () => onProblem({ actionId: otherAction.id })),
  card('problem.assess', UPDATE, () =>
    onProblem({ delivered: 'true', outcome: 'Reports fell to 5', displacement: 'None seen' }),
  ),
  card('problem.place', UPDATE, () =>
    onProblem({
      placeStreets: 'On or near Lemon Street',
      placeType: 'all',
      beforeFrom: '2026-01',
      beforeTo: '2026-03',
      afterFrom: '2026-04',
      afterTo: '2026-06',
    }),
  ),
  card('problem.lessons', UPDATE, () => onProblem({ lessons: 'Lighting first' })),
  card('problem.advance', UPDATE, () => onProblem()),
  card('problem.publish', COORDINATE, () => onProblem({ theme: 'Lighting' })),
  // Last, as they end the records the rows above act on.
  card('group.close', COORDINATE, () => onGroup()),
  card('meeting.cancel', COORDINATE, () => onMeeting({ reason: 'Moved' })),
  // Late, since it closes the action; reinstated first, so each role allowed to cancels it afresh.
  card('action.cancel', UPDATE, async () => {
    const action = await current.action();
    if (action.status === 'cancelled') {
      const change = { kind: 'status', status: 'not_started' } as const;
      await updateAction(bot.ctx, SYSTEM_ACTOR, {
        actionId: action.id,
        expectedVersion: action.version,
        change,
      });
    }
    return onAction({ cancelReason: 'Duplicates the county-wide Shopwatch scheme' });
  }),
  // Hands all the beat manager's open actions on, so after every row that needs them to own one.
  card('handover.confirm', COORDINATE, async () => ({
    town: 'truro',
    fromId: USERS.beatManager.aadObjectId,
    toId: USERS.caseWorker.aadObjectId,
    actionIds: (await listWholeActions(bot.ctx, 'truro'))
      .filter((a) => a.owners.some((o) => o.aadObjectId === USERS.beatManager.aadObjectId))
      .map((a) => a.id)
      .join(','),
  })),
];

async function planSheet(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Plan');
  ws.addRow(['Priority', 'Action', 'Measure', 'Target', 'Owner e-mails', 'Due date', 'Status']);
  ws.addRow([
    'Tackle shop theft',
    'Set up a Shopwatch radio scheme in Lemon Street',
    'Shops on the radio net',
    '20 shops',
    USERS.beatManager.email,
    '2027-03-31',
    'Not started',
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

beforeAll(async () => {
  // Two towns of the matrix's own, to rename and to retire.
  for (const [name, code] of [
    ['Matrixton', 'MTX'],
    ['Retireton', 'RTR'],
  ] as const)
    await changeTowns(bot.ctx, SYSTEM_ACTOR, { kind: 'add', name, code });
  const sheet = await planSheet();
  const crime = streetCsv({ month: '2026-09', rows: 20, seed: 3 });
  files = createServer((req, res) => {
    downloads++;
    res.end(req.url?.endsWith('-street.csv') ? crime : sheet);
  }); // the file's OneDrive download link, in local mode
  await new Promise<void>((ready) => files.listen(0, '127.0.0.1', ready));
  sheetUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}/truro-plan.xlsx`;
  crimeUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}/2026-09-devon-and-cornwall-street.csv`;

  const newcomers = [OUTSIDER, PENZANCE_CSO, ...APPLICANTS];
  for (const u of newcomers) bot.connector.roster.set(u.id, { ...u, userPrincipalName: u.email });
  for (const u of [...Object.values(USERS), ...newcomers]) graph.users.add(u.aadObjectId);
  const { name, email, aadObjectId } = PENZANCE_CSO;
  expect((await appoint(bot.ctx, { town: 'Penzance', name, email, aadObjectId })).ok).toBe(true);
  await relinkTruro();
  // Everyone has spoken to the bot in each place once: the conversation references a turn stores exist.
  for (const user of Object.values(AS)) {
    await bot.say(user, 'help');
    for (const channel of [CHANNEL_ID, SPARE_CHANNEL, BOARD_CHANNEL])
      await bot.sayInChannel(user, 'help', channel);
  }

  const actions = await listWholeActions(bot.ctx, 'truro');
  const sams = (a: Action) => a.owners.some((o) => o.aadObjectId === USERS.beatManager.aadObjectId);
  memberAction = actions.find((a) => sams(a) && a.status !== 'done')!;
  otherAction = actions.find((a) => !sams(a) && a.status !== 'done')!;
  expect(memberAction && otherAction).toBeTruthy();
  planId = (await bot.ctx.stores.plans.listByTown('truro'))[0]!.id;

  await bot.invoke(USERS.coordinator, 'group.create', {
    town: 'truro',
    theme: 'Night-time economy',
    memberIds: USERS.beatManager.aadObjectId,
    endDate: '2027-03-31',
  });
  groupId = (await bot.ctx.stores.taskGroups.listByTown('truro'))[0]!.id;
  await bot.invoke(USERS.caseWorker, 'problem.create', {
    town: 'truro',
    type: 'place',
    title: 'Groups gathering at the bus station at night',
    hotspot: 'Truro bus station',
    objective: 'Halve ASB reports at the bus station within six months',
    caseRefs: 'ECINS 123456',
  });
  problemId = (await bot.ctx.stores.problems.listByTown('truro'))[0]!.id;
  await bot.invoke(USERS.coordinator, 'meeting.create', {
    requestId: '00000000-0000-4000-8000-999999999999',
    town: 'truro',
    kind: 'partnership',
    title: 'Safer Truro partnership meeting',
    date: '2026-12-03',
    time: '10:00',
    duration: '90',
    agenda: 'Actions due',
    attendeeIds: USERS.beatManager.aadObjectId,
  });
  meetingId = (await bot.ctx.stores.meetings.listByTown('truro'))[0]!.id;
  for (const applicant of APPLICANTS) await bot.say(applicant, 'join truro as councillor');
  await bot.invoke(USERS.board, 'fund.allocate', {
    recordKind: 'action',
    ref: memberAction.ref,
    fundAmount: '200',
    fundPurpose: 'Radios',
  });
  allocationId = (await bot.ctx.stores.seedFund.get('seed-fund'))!.allocations[0]!.id;
  for (const id of [groupId, problemId, meetingId, allocationId]) expect(id).toBeTruthy();
});

afterAll(async () => {
  await new Promise<void>((done) => files.close(() => done()));
  await graph.stop();
});

const REFUSED = 'Not allowed';
/** Answers that mean the call never reached the rule being tested. */
const NOT_REACHED = ['Not found', 'Something went wrong', 'That card sent data I cannot use'];

describe('the personal-data guard', () => {
  const PHONE = 'Ring Pat Smith on 07700 900123';
  const cases = Object.entries(FREE_TEXT_FIELDS).flatMap(([verb, fields]) =>
    fields.map((f) => [verb, f] as const),
  );

  it.each(cases)('%s: refuses or warns about personal data in "%s", saving nothing', async (verb, field) => {
    const row = VERB_ROWS.find((r) => r.name === verb)!;
    const before = await storedState(bot.db);
    const res = await bot.invoke(AS[row.allowed[0]!], verb, { ...(await row.data!()), [field]: PHONE });
    const text = cardText((res.body as { value: unknown }).value);
    expect(text).toContain("looks like it contains a person's name and a phone number");
    expect(changedBetween(before, await storedState(bot.db))).toEqual([]);
  });

  const SENSITIVE = 'Mr Pascoe is on bail for shoplifting';
  it.each(cases)(
    '%s: refuses a person with an offence in "%s", even when "confirmed"',
    async (verb, field) => {
      const row = VERB_ROWS.find((r) => r.name === verb)!;
      const before = await storedState(bot.db);
      const data = {
        ...(await row.data!()),
        [field]: SENSITIVE,
        personalDataConfirmed: true,
        personalDataReason: 'ok',
      };
      const card = guardCard(invokeCard(await bot.invoke(AS[row.allowed[0]!], verb, data)));
      expect(card.title).toBe('Personal details: not saved');
      expect(card.confirm).toBeNull();
      expect(changedBetween(before, await storedState(bot.db))).toEqual([]);
    },
  );
});

describe('the authorisation matrix', () => {
  it('has a row for every command and every card verb', () => {
    expect(COMMAND_ROWS.map((r) => r.name).sort()).toEqual(COMMANDS.map((c) => c.name).sort());
    expect(VERB_ROWS.map((r) => r.name).sort()).toEqual(Object.keys(VERB_SCHEMAS).sort());
  });

  it('refuses an import before fetching the file', async () => {
    const before = downloads;
    const refused = await VERB_ROWS.find((r) => r.name === 'import.apply')!.send(USERS.clerk);
    expect(refused.titles).toEqual([REFUSED]);
    expect(downloads).toBe(before);
  });

  for (const [kind, rows] of [
    ['command', COMMAND_ROWS],
    ['card verb', VERB_ROWS],
  ] as const) {
    for (const row of rows) {
      it(`${kind} "${row.name}": allowed for ${row.allowed.join(', ')}; refused for the rest, changing nothing`, async () => {
        const refused = ROLES.filter((r) => !row.allowed.includes(r));
        const before = await storedState(bot.db);
        for (const role of refused) {
          const out = await row.send(AS[role]);
          expect(out.titles, `${row.name} as ${role}: ${out.text.slice(0, 300)}`).toContain(REFUSED);
        }
        expect(changedBetween(before, await storedState(bot.db)), `${row.name}: refused calls wrote`).toEqual(
          [],
        );
        for (const role of row.allowed) {
          const out = await row.send(AS[role]);
          for (const title of [REFUSED, ...NOT_REACHED])
            expect(out.titles, `${row.name} as ${role}: ${out.text.slice(0, 300)}`).not.toContain(title);
        }
        await row.after?.();
      });
    }
  }
});
