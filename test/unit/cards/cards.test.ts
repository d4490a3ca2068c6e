// Every template in cards/ renders with realistic data and parses as an Adaptive Card 1.5 with the SDK.
import { profileCard } from '../../../src/cards/profile-views.js';
import { changeOf, townProfile } from '../../../src/domain/town-profile.js';
import type { TownCrimeMonth } from '../../../src/domain/crime-aggregate.js';
import type { ProfileShown } from '../../../src/domain/town-profile.js';
import { readdirSync } from 'node:fs';
import * as AC from 'adaptivecards';
import { describe, expect, it } from 'vitest';
import { CARD_NAMES, type CardName } from '../../../src/cards/card-data.js';
import { contrast, TEAMS_PALETTES, textsOf } from '../../support/teams-palettes.js';
import { CardRenderer, cardsDirectory, type Card } from '../../../src/cards/render.js';
import { actionCard, actionsListCard, digestCard, reminderCard } from '../../../src/cards/views.js';
import { boardCard, membersCard, townSummaryCard } from '../../../src/cards/town-views.js';
import { personalDataCard } from '../../../src/cards/personal-data-views.js';
import { meetingCard } from '../../../src/cards/meeting-views.js';
import { actionFormCard, errorCard, joinRequestCard, meetingFormCard } from '../../../src/bot/replies.js';
import { helpCard, welcomeCard } from '../../../src/bot/commands/help-cards.js';
import { COMMANDS } from '../../../src/bot/commands/registry.js';
import { parseCommand } from '../../../src/bot/commands/parse.js';
import { AppError, ErrorCode } from '../../../src/errors.js';
import { screenFields } from '../../../src/domain/personal-data.js';
import { newIndicator } from '../../../src/domain/indicator.js';
import { townSummary } from '../../../src/domain/summary.js';
import { weeklyDigest } from '../../../src/domain/digest.js';
import { TOWNS } from '../../../src/domain/towns.js';
import { planProgress } from '../../../src/domain/plan-progress.js';
import { planCard, planFormCard } from '../../../src/cards/plan-views.js';
import { indicatorCard } from '../../../src/cards/indicator-views.js';
import { groupCard, groupFormCard, groupsCard } from '../../../src/cards/group-views.js';
import { fundCard } from '../../../src/cards/fund-views.js';
import { problemCard, problemFormCard, problemsCard } from '../../../src/cards/problem-views.js';
import { newProblemPlan } from '../../../src/domain/problem.js';
import { actionEditCard, handOverCard } from '../../../src/cards/action-edit-views.js';
import { anAction } from '../../contract/builders.js';
import { coordinator, member, plan, priority } from '../domain/fixtures.js';
import { reviewCard } from '../../../src/cards/review-views.js';

const cards = new CardRenderer();
const view = { today: '2026-11-26', timeZone: 'Europe/London', dueSoonDays: 3 };
const actions = [
  anAction({
    ref: 'TRU-001',
    status: 'in_progress',
    dueDate: '2026-11-20',
    notes: [
      { at: '2026-11-25T09:00:00Z', by: { aadObjectId: 'a', displayName: 'Sam' }, text: 'Patrol done' },
    ],
  }),
  anAction({
    ref: 'TRU-002',
    status: 'blocked',
    blockedReason: 'Waiting for legal advice',
    dueDate: '2027-01-10',
  }),
  anAction({ ref: 'TRU-003', status: 'done', dueDate: '2026-10-01' }),
];
const indicator = {
  ...newIndicator('truro'),
  baseline: { year: 2017, value: 46, sampleSize: 400 },
  target: { year: 2021, value: 54 },
  readings: [
    {
      year: 2019,
      value: 49,
      sampleSize: 150,
      source: 'Have Your Say',
      proxy: true,
      caveat: 'Indicative only',
    },
  ],
};
const summary = townSummary({
  town: 'truro',
  today: view.today,
  now: new Date('2026-11-26T10:00:00Z'),
  dueSoonDays: 3,
  actions,
  meetings: [],
  problems: [],
  indicator,
});

const sara = (() => {
  const p = newProblemPlan(
    {
      town: 'truro',
      type: 'place',
      title: 'Repeat ASB at the harbour car park at night',
      hotspot: 'Harbour car park',
      objective: 'Halve ASB reports in six months',
      caseRefs: ['ECINS 123456'],
    },
    { id: 'p1', seq: 1 },
  );
  if (!p.ok) throw new Error('fixture');
  return p.value;
})();
const taskGroup = {
  id: 'group-1',
  version: 1,
  town: 'truro' as const,
  theme: 'Street drinking in Victoria Gardens',
  memberIds: [coordinator.aadObjectId, member.aadObjectId],
  endDate: '2026-11-01',
  status: 'open' as const,
  demo: false,
};
const consulting = {
  ...plan,
  version: 4,
  status: 'consultation' as const,
  consultationCloses: '2026-12-10',
  comments: [
    {
      kind: 'comment' as const,
      by: { aadObjectId: 'a', displayName: 'Sam' },
      text: 'Good',
      at: '2026-11-25T09:00:00Z',
    },
    {
      kind: 'concern' as const,
      by: { aadObjectId: 'b', displayName: 'Alex' },
      text: 'Too few',
      at: '2026-11-25T10:00:00Z',
    },
  ],
};
const planView = (p: typeof plan) => ({
  plan: p,
  progress: planProgress(
    [priority],
    actions.map((a) => ({ ...a, priorityId: priority.id })),
    view.today,
  ),
});

const truroMonths: TownCrimeMonth[] = ['2026-08', '2026-09'].map((month, i) => ({
  town: 'truro',
  month,
  byType: { 'Anti-social behaviour': 20 + i, Shoplifting: 12, Drugs: 3 },
  streets: [
    { location: 'On or near Lemon Street', lat: 50.26, lng: -5.05, byType: { Shoplifting: 10 } },
    { location: 'On or near Boscawen Street', lat: 50.26, lng: -5.05, byType: { Drugs: 3 } },
  ],
}));
const profileShown: ProfileShown = {
  profile: townProfile('truro', truroMonths, '2026-09'),
  compared: [{ town: 'truro', total: changeOf(70, 0), coveredBefore: 0 }],
  area: {
    kind: 'polygon',
    approximate: true,
    source: '2 km round the town centre',
    setBy: null,
    at: null,
  },
  latest: '2026-09',
};

/** Each card rendered from the views the bot really uses. */
const rendered: Record<CardName, Card> = {
  welcome: welcomeCard(cards, COMMANDS, 'your partnerships', false),
  help: helpCard(cards, COMMANDS),
  error: errorCard(cards, AppError.validation([{ field: 'title', message: 'Title is required' }])),
  action: cards.render(
    'action',
    actionCard(actions[1]!, {
      ...view,
      canEdit: true,
      notice: 'Someone changed this action',
      refreshUserIds: ['29:a'],
    }),
  ),
  'action-edit': cards.render(
    'action-edit',
    actionEditCard(
      {
        action: actions[1]!,
        canEditAll: true,
        plan: { ...plan, status: 'approved' },
        priorities: [priority],
        owners: [coordinator, member],
        taskGroups: [],
      },
      [{ message: 'Make the title specific' }],
    ),
  ),
  'hand-over': cards.render(
    'hand-over',
    handOverCard({
      town: 'truro',
      holders: [{ aadObjectId: member.aadObjectId, displayName: member.displayName }],
      members: [coordinator, member],
      preview: {
        from: { aadObjectId: member.aadObjectId, displayName: member.displayName },
        to: { aadObjectId: coordinator.aadObjectId, displayName: coordinator.displayName },
        actions,
      },
    }),
  ),
  'action-form': actionFormCard(
    cards,
    { town: 'truro', plan, priorities: [priority], owners: [coordinator, member], taskGroups: [] },
    view.today,
    [{ message: 'Title is required' }],
  ),
  'note-picker': cards.render('note-picker', {
    note: 'Met the licensing team about the late bars',
    query: '',
    leftOut: "I left out what looked like personal data (a person's name): it shows as [person].",
    heading: 'Your open actions',
    choices: [{ title: 'TRU-001 Late bar checks (In progress, due 3 Dec 2026)', value: 'a1:2' }],
    empty: '',
  }),
  'actions-list': cards.render('actions-list', actionsListCard('Truro: actions (3)', actions, view)),
  'town-summary': cards.render('town-summary', townSummaryCard(summary, view)),
  'board-summary': cards.render(
    'board-summary',
    boardCard(
      TOWNS.map(() => summary),
      view,
    ),
  ),
  reminder: cards.render('reminder', reminderCard(actions[0]!, 'overdue', view)),
  digest: cards.render(
    'digest',
    digestCard('Safer Truro: the week', weeklyDigest(actions, view.today, 3), view, 'Every Monday'),
  ),
  'meeting-form': meetingFormCard(cards, 'truro', [coordinator, member], view.today, 'request-1'),
  meeting: cards.render(
    'meeting',
    meetingCard(
      {
        id: 'm1',
        version: 2,
        town: 'truro',
        kind: 'partnership',
        title: 'Partnership meeting',
        agenda: 'Actions due',
        start: '2026-12-03T10:00:00.000Z',
        end: '2026-12-03T11:30:00.000Z',
        organiser: { aadObjectId: 'a', displayName: 'Jo', email: 'jo@example.org' },
        attendees: [],
        graphEventId: 'e1',
        joinUrl: 'https://teams.microsoft.com/l/meetup-join/e1',
        status: 'scheduled',
        demo: false,
      },
      actions,
      { ...view, canManage: true },
    ),
  ),
  members: cards.render(
    'members',
    membersCard('truro', [coordinator, member], ['community_safety_officer', 'licensing']),
  ),
  'join-request': joinRequestCard(cards, {
    id: 'truro:x',
    version: 1,
    town: 'truro',
    aadObjectId: 'x',
    displayName: 'Pat',
    email: 'p@example.org',
    partnershipRole: 'licensing',
    status: 'pending',
    decidedBy: null,
  }),
  group: cards.render(
    'group',
    groupCard(
      { group: taskGroup, actions: actions.map((a) => ({ ...a, taskGroupId: taskGroup.id })) },
      [coordinator, member],
      view.today,
      { canManage: true, notice: 'Past its end date' },
    ),
  ),
  groups: cards.render('groups', groupsCard('truro', [{ group: taskGroup, actions }], view.today)),
  'group-form': cards.render(
    'group-form',
    groupFormCard('truro', [coordinator, member], view.today, ['Theme is required']),
  ),
  problem: cards.render(
    'problem',
    problemCard(
      {
        ...sara,
        stage: 'assessment',
        scanningEvidence: '40 ASB reports in six months, mostly Friday nights',
        analysis: {
          offender: 'Groups of young people (ECINS 123456)',
          victim: 'Car park users',
          place: 'Harbour car park',
          handler: 'Youth service',
          guardian: 'Car park staff',
          manager: 'Harbour authority',
          hypothesis: 'Unlit and unmanaged at night',
        },
        measures: [{ name: 'ASB reports a month', baseline: 7, target: 3, after: null }],
        responseActionIds: [actions[0]!.id],
      },
      actions,
      { canEdit: true, canPublish: true },
    ),
  ),
  'problem-form': cards.render('problem-form', problemFormCard('truro', ['Hotspot is required'])),
  problems: cards.render(
    'problems',
    problemsCard(
      'Library',
      [
        {
          ...sara,
          library: { publishedAt: '2026-11-01T00:00:00Z', publishedBy: 'Jo', theme: 'Car park ASB' },
        },
      ],
      'none',
      true,
    ),
  ),
  'actions-review': cards.render(
    'actions-review',
    reviewCard({
      town: 'truro',
      plan,
      actions: [
        {
          ...actions[0]!,
          warnings: {
            warnings: [{ code: 'vague_opening', check: 'specific', field: 'title', message: 'Vague' }],
            reason: 'Agreed at the partnership meeting as a first step',
            by: { aadObjectId: 'x', displayName: 'Jo Coordinator' },
            at: '2026-11-26T10:00:00Z',
          },
        },
      ],
      quality: {
        withWarnings: 1,
        accepted: 1,
        unreviewed: 0,
        prioritiesWithoutActions: ['Night-time economy'],
      },
      proposals: [
        {
          meeting: {
            id: 'm1',
            version: 3,
            town: 'truro',
            kind: 'partnership',
            title: 'Partnership meeting',
            agenda: null,
            start: '2026-12-03T10:00:00.000Z',
            end: '2026-12-03T11:30:00.000Z',
            organiser: { aadObjectId: 'a', displayName: 'Jo', email: 'jo@example.org' },
            attendees: [],
            graphEventId: 'e1',
            joinUrl: null,
            status: 'scheduled',
            demo: false,
          },
          proposal: {
            id: 'p1',
            title: 'Audit the lighting on Lemon Street',
            measure: 'Lamps audited',
            target: '',
            ownerIds: [],
            dueDate: '',
            priorityId: null,
            proposedBy: { aadObjectId: 'a', displayName: 'Jo' },
            at: '2026-12-03T10:20:00.000Z',
            savedAs: null,
          },
        },
      ],
    }),
  ),
  'import-preview': cards.render('import-preview', {
    heading: 'Import truro.xlsx into Safer Truro?',
    subtitle: 'Into "Safer Truro Delivery plan 2026-2029"',
    lines: [{ line: '1 actions would be created: Set up a Shopwatch scheme' }],
    warnings: [
      { line: 'Row 2 (Look into shop theft): Specific: "look into" says what the partnership hopes for' },
    ],
    warningsNote: 'The SMART coach has warnings on 1 new action.',
    footer: 'Nothing has been written yet.',
    applyVerb: 'import.apply',
    canApply: true,
    town: 'truro',
    downloadUrl: 'https://cornwall-my.sharepoint.com/x',
    name: 'truro.xlsx',
  }),
  fund: cards.render(
    'fund',
    fundCard(
      {
        fund: {
          id: 'seed-fund',
          version: 2,
          totalPence: 5_000_000,
          allocations: [
            {
              id: 'a1',
              town: 'truro',
              recordKind: 'action',
              recordId: 'x',
              label: 'TRU-001 Patrols',
              purpose: 'Radios',
              amountPence: 125_050,
              spentPence: 0,
              by: { aadObjectId: 'a', displayName: 'Jo' },
              at: '2026-11-26T10:00:00Z',
            },
          ],
        },
        totals: { allocated: 125_050, spent: 0, remaining: 4_874_950 },
        towns: TOWNS.map((t) => ({ town: t.slug, allocated: t.slug === 'truro' ? 125_050 : 0, spent: 0 })),
      },
      { canManage: true },
    ),
  ),
  indicator: cards.render(
    'indicator',
    indicatorCard(indicator, { canRecord: true, canTarget: true, thisYear: 2026 }),
  ),
  plan: cards.render('plan', planCard(planView(consulting), view, { canComment: true, canCoordinate: true })),
  'plan-form': cards.render(
    'plan-form',
    planFormCard('truro', view.today, ['The plan period must end after it starts']),
  ),
  'personal-data': cards.render(
    'personal-data',
    personalDataCard(
      screenFields({ note: 'Mr Pascoe said call 07700 900123' }),
      {
        verb: 'action.note',
        data: { actionId: 'a', version: 1 },
        fields: { note: 'Mr Pascoe said call 07700 900123' },
      },
      { allowed: true, reasonRequired: true, reasonProblem: 'Say why' },
    ),
  ),
  profile: cards.render('profile', profileCard(profileShown)),
};

/** Parses with the SDK at 1.5; returns every parse and validation message. */
function problems(card: Card): string[] {
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  const out: string[] = [];
  for (let i = 0; i < context.eventCount; i++) out.push(context.getEventAt(i).message);
  for (const e of parsed.validateProperties().validationEvents) out.push(e.message);
  return out;
}

describe('card templates', () => {
  it('has one template per card the code knows, and no others', () => {
    const files = readdirSync(cardsDirectory())
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, ''));
    expect(files.sort()).toEqual([...CARD_NAMES].sort());
  });

  it.each(CARD_NAMES)('%s renders to a valid Adaptive Card 1.5 with nothing left unfilled', (name) => {
    const card = rendered[name];
    expect(card.version).toBe('1.5');
    expect(JSON.stringify(card)).not.toMatch(/\$\{|\$data|\$when/);
    const unknownCharts = problems(card).filter((p) => /Unknown element type "Chart\./.test(p));
    expect(problems(card).filter((p) => !unknownCharts.includes(p))).toEqual([]);
    // The Teams charts are unknown to the SDK: each must carry a fallback.
    const charts = JSON.stringify(card).match(/"type":"Chart\.[A-Za-z.]+"/g) ?? [];
    expect(charts.length).toBe(unknownCharts.length);
    if (charts.length) expect(JSON.stringify(card)).toContain('"fallback"');
  });

  it('keeps user text as text: template syntax in data is not evaluated', () => {
    const sneaky = anAction({ title: 'Fix ${$root.actionId} and {{evil}}' });
    const card = cards.render('action', actionCard(sneaky, { ...view, canEdit: false }));
    expect(JSON.stringify(card)).toContain('Fix ${$root.actionId} and {{evil}}');
  });

  it('refuses data that does not fit the card, rather than rendering a broken one', () => {
    expect(() =>
      cards.render('action', { ...actionCard(actions[0]!, { ...view, canEdit: true }), version: 0 }),
    ).toThrow();
    expect(() =>
      cards.render('action', {
        ...actionCard(actions[0]!, { ...view, canEdit: true }),
        refreshUserIds: Array.from({ length: 61 }, (_, i) => `29:${i}`),
      }),
    ).toThrow();
  });

  it('shows buttons only for allowed moves, and none to someone who cannot edit', () => {
    const titles = (card: Card) => ((card.actions ?? []) as { title: string }[]).map((a) => a.title);
    expect(titles(rendered.action)).toEqual([
      'Start',
      'Done…', // its own form: an optional closing note and evidence link
      'Cancel action…',
      'Add note',
      'Change due date',
    ]);
    const done = cards.render('action', actionCard(actions[2]!, { ...view, canEdit: true }));
    expect(titles(done)).toEqual(['Reopen', 'Add note']); // reopened, not started; no date left to move
    expect(titles(cards.render('action', actionCard(actions[0]!, { ...view, canEdit: false })))).toEqual([]);
  });

  it("reads at WCAG 2.2 AA in Teams' light and dark themes: every text's colour on its background", () => {
    const failures: string[] = [];
    for (const [name, card] of Object.entries(rendered))
      for (const t of textsOf(card))
        for (const [theme, palette] of Object.entries(TEAMS_PALETTES)) {
          const styled = t.background !== 'default' && t.background !== 'emphasis';
          const colours = styled ? palette.onStyled : (palette.text[t.color] ?? palette.text.default!);
          const ratio = contrast(
            t.subtle ? colours.subtle : colours.default,
            palette.background[t.background]!,
          );
          if (ratio < 4.5)
            failures.push(
              `${name} (${theme}): "${t.text.slice(0, 40)}" ${t.color} on ${t.background} ${ratio.toFixed(2)}:1`,
            );
          // On a coloured background only the default text colour is defined, so none other may be asked for.
          if (styled && t.color !== 'default')
            failures.push(`${name}: "${t.text.slice(0, 40)}" ${t.color} on ${t.background}`);
        }
    expect(failures).toEqual([]);
    // The check can fail: Teams' own good and warning text on white do.
    expect(contrast(TEAMS_PALETTES.light.text.warning!.default, '#ffffff')).toBeLessThan(4.5);
    expect(
      contrast(TEAMS_PALETTES.dark.text.attention!.default, TEAMS_PALETTES.dark.background.default!),
    ).toBeLessThan(4.5);
  });

  it('says once, where it arrives, that a channel or group chat reaches the bot by @mention', () => {
    const text = (card: Card) => JSON.stringify(card);
    expect(text(welcomeCard(cards, COMMANDS, 'your partnership', false, true))).toContain(
      'start each message with @Safer Towns',
    );
    expect(text(welcomeCard(cards, COMMANDS, 'your partnership', true))).toContain(
      '@Safer Towns summary Truro',
    );
    expect(text(rendered.welcome)).not.toContain('@Safer Towns'); // a 1:1 chat needs no mention
  });

  it('labels the proxy reading and shows RAG counts on the summary', () => {
    const text = JSON.stringify(rendered['town-summary']);
    expect(text).toContain('Local proxy');
    expect(text).toContain('Indicative only');
    expect(text).toContain('"legend":"Red: 2","value":2');
    const board = JSON.stringify(rendered['board-summary']);
    expect(board).toContain('49% (2019, proxy) vs 46% → 54%');
    // The board's bars name each town in full, each with its count; no axis whose ticks could be fractions.
    expect(board).toContain('"type":"Chart.HorizontalBar"');
    expect(board).toContain('"displayMode":"AbsoluteNoAxis"');
    expect(board).toContain('"x":"Truro"');
    // The indicator's line chart fits its data (44-56 here), with the baseline and target in its title.
    const summaryChart = JSON.stringify(rendered['town-summary']);
    expect(summaryChart).toMatch(/"yMin":\d+/);
    expect(summaryChart).toMatch(/"title":"% who agree · baseline \d+% \(\d{4}\) · target \d+% by \d{4}"/);
    expect(errorCard(cards, new Error('boom')).body).toBeDefined();
    expect(JSON.stringify(errorCard(cards, new Error('secret detail')))).not.toContain('secret detail');
    expect(JSON.stringify(errorCard(cards, new AppError(ErrorCode.Forbidden, 'No')))).toContain(
      'Not allowed',
    );
  });

  it('offers each plan the moves of its stage: consult a draft, approve or redraft in consultation', () => {
    const titles = (p: typeof plan, who: { canComment: boolean; canCoordinate: boolean }) =>
      ((cards.render('plan', planCard(planView(p), view, who)).actions ?? []) as { title: string }[]).map(
        (a) => a.title,
      );
    const coordinatorView = { canComment: true, canCoordinate: true };
    const draft = { ...plan, status: 'draft' as const };
    expect(titles(draft, coordinatorView)).toEqual(['Refresh', 'Start consultation…', 'Add priority…']);
    expect(titles(draft, { canComment: true, canCoordinate: false })).toEqual(['Refresh']);
    expect(titles(consulting, coordinatorView)).toEqual([
      'Refresh',
      'Comment…',
      'Approve',
      'Back to draft',
      'Add priority…',
    ]);
    expect(titles(consulting, { canComment: true, canCoordinate: false })).toEqual(['Refresh', 'Comment…']);
    // After the deadline nobody can comment; an approved plan asks for a reason with each new priority.
    const closed = { ...consulting, consultationCloses: '2026-11-20' };
    expect(titles(closed, { canComment: true, canCoordinate: false })).toEqual(['Refresh']);
    const approved = cards.render(
      'plan',
      planCard(planView({ ...plan, status: 'approved' }), view, coordinatorView),
    );
    expect(JSON.stringify(approved)).toContain('why does it change?');
    const text = JSON.stringify(rendered.plan);
    expect(text).toContain('Concern from Alex: Too few');
    expect(text).toContain('1 comments, 1 concerns');
    expect(text).toContain('1 of 3 done');
  });
});

describe('cards you can act from', () => {
  /** The commands a card's buttons send (Teams' messageBack), as typed. */
  const sent = (card: Card): string[] => {
    const out: string[] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const msteams = (node as { msteams?: { type?: string; text?: string } }).msteams;
        if (msteams?.type === 'messageBack' && msteams.text) out.push(msteams.text);
        Object.values(node).forEach(walk);
      }
    };
    walk(card);
    return out;
  };

  it.each(['help', 'welcome', 'town-summary', 'board-summary'] as const)(
    '%s: every button sends a command the bot reads',
    (name) => {
      const commands = sent(rendered[name]);
      expect(commands.length).toBeGreaterThan(0);
      for (const command of commands)
        expect(parseCommand(command).kind, command).not.toMatch(/^(unknown|invalid)$/);
    },
  );

  it("offers the summary's next steps, each town's summary on the board, and help by role", () => {
    expect(sent(rendered['town-summary'])).toEqual([
      'actions Truro overdue',
      'actions Truro due',
      'actions Truro mine',
      'plan Truro',
    ]);
    // The long forms open in dialogs, drawn by their verbs (src/bot/extension/dialogs.ts).
    const dialogs = JSON.stringify(rendered['town-summary']).match(/"dialog":"[a-z.]+"/g);
    expect(dialogs).toEqual(['"dialog":"meeting.form"', '"dialog":"action.form"']);
    expect(sent(rendered['board-summary'])).toContain('summary Truro');
    const help = JSON.stringify(rendered.help);
    for (const heading of ['For everyone', 'For partners', 'For coordinators', 'For the county board'])
      expect(help).toContain(heading);
    expect(sent(rendered.help)[0]).toBe('my actions'); // where most people start
  });

  it('opens each action of the digest from its line', () => {
    const opens: string[] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const action = (node as { selectAction?: { verb?: string; data?: { ref?: string } } }).selectAction;
        if (action?.verb === 'action.show' && action.data?.ref) opens.push(action.data.ref);
        Object.values(node).forEach(walk);
      }
    };
    walk(rendered.digest);
    expect(opens.length).toBeGreaterThan(0);
    expect(opens.every((ref) => /^[A-Z]{3}-\d{3}$/.test(ref))).toBe(true);
  });
});
