// The tabs in Debian's Chromium, framed by a local Teams host page that answers teams-js as Teams does, with
// single sign-on tokens from the local Entra stand-in and the bot's server checking them: "My actions" (a
// status changed), the town board (filtered, its charts drawn, a status changed, dark and high-contrast
// themes), the set-up page (saved), the meeting side panel (an action proposed) and Help. Each page and theme
// is checked with axe-core for serious accessibility problems. Screenshots go to test-results/e2e/tabs-*.
import { readFileSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { FakeEntra } from '../servers/fake-entra.js';
import { tabBotEnv, tabToken } from '../support/tab-bot.js';
import { USERS, useBot, type TeamsUser } from '../support/bot-harness.js';
import { listWholeActions } from '../../src/app/whole-actions.js';
import { audit } from '../../src/app/audit-trail.js';
import { SYSTEM_ACTOR } from '../../src/domain/entity.js';
import { importCrimeData } from '../../src/app/crime-import.js';
import { streetFilesIn } from '../../src/crime-data/street-files.js';
import { streetCsv } from '../support/police-uk.js';
import { launchChromium } from './support/playground-page.js';
import { TeamsHost, type HostOptions } from './support/teams-host.js';

const ARTIFACTS = resolve('test-results', 'e2e');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const entra = new FakeEntra(inject('graphTls'));
let signedIn: TeamsUser = USERS.coordinator;
const host = new TeamsHost(() => tabToken(entra, signedIn));
beforeAll(async () => {
  await Promise.all([entra.start(), host.start()]);
  await mkdir(ARTIFACTS, { recursive: true });
  for (const file of await readdir(ARTIFACTS)) if (/^tabs-\d/.test(file)) await rm(join(ARTIFACTS, file));
});
afterAll(() => Promise.all([entra.stop(), host.stop()]));

const bot = useBot(() => tabBotEnv(entra, { TAB_HOST_ORIGINS: host.origin }));

let browser: Browser;
let page: Page;
let shot = 0;
beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
}, 60_000);
afterAll(() => browser?.close());

/** Opens a tab in the host page as `user`, and waits for its heading. */
async function open(
  user: TeamsUser,
  options: Omit<HostOptions, 'theme'> & { theme?: HostOptions['theme'] },
  heading: string,
) {
  signedIn = user;
  await page.goto(host.url({ theme: 'default', ...options }));
  const tab = page.frameLocator('#tab');
  await tab.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: 15_000 });
  const frame = page.frames().find((f) => f.url().startsWith(bot.base))!;
  return { tab, frame };
}

const screenshot = async (name: string, top = true) => {
  const frame = page.frames().find((f) => f.url().startsWith(bot.base));
  if (top) await frame?.evaluate('window.scrollTo(0, 0)');
  return page.screenshot({
    path: join(ARTIFACTS, `tabs-${String(++shot).padStart(2, '0')}-${name}.png`),
  });
};

/** axe-core in the tab's frame: the serious and critical violations, by rule and element. */
async function seriousViolations(frame: Frame): Promise<string[]> {
  await frame.evaluate(AXE); // evaluated by the browser's debugger: the page's policy does not apply
  type Violation = { id: string; impact: string; nodes: { target: string[] }[] };
  const result = await frame.evaluate<{ violations: Violation[] }>(
    "axe.run(document, { resultTypes: ['violations'] })",
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the tabs in a Teams host', () => {
  it('My actions: the owner changes a status, as on the card', async () => {
    const { tab, frame } = await open(
      USERS.beatManager,
      { tabUrl: `${bot.base}/tab/my-actions`, frameContext: 'content' },
      'My actions',
    );
    await tab.getByText(`Signed in as ${USERS.beatManager.name}.`).waitFor();
    const mine = (await listWholeActions(bot.ctx, 'truro')).find(
      (a) =>
        a.status === 'not_started' && a.owners.some((o) => o.aadObjectId === USERS.beatManager.aadObjectId),
    )!;
    const item = tab.locator('li.action', { hasText: `${mine.ref} ${mine.title}` });
    // Nothing is chosen for the person: pressing the button first asks, beside the action.
    expect(await tab.getByLabel(`Status of ${mine.ref}`).inputValue()).toBe('');
    await item.getByRole('button', { name: 'Change status' }).click();
    await item.getByText(`Choose the new status of ${mine.ref} first.`).waitFor();
    await tab.getByLabel(`Status of ${mine.ref}`).selectOption('in_progress');
    await item.getByRole('button', { name: 'Change status' }).click();
    // Said beside the action (as it is drawn after the change) as well as at the top of the page.
    await tab
      .locator('li.action', { hasText: `${mine.ref} ${mine.title}` })
      .getByText(`${mine.ref} is now In progress.`)
      .waitFor();
    const after = (await listWholeActions(bot.ctx, 'truro')).find((a) => a.id === mine.id)!;
    expect(after).toMatchObject({ status: 'in_progress', version: mine.version + 1 });
    await screenshot('my-actions');
    expect(await seriousViolations(frame)).toEqual([]);
  });

  it('Town board: filtered, charts drawn, a status changed, in light, dark and high-contrast themes', async () => {
    const { tab, frame } = await open(
      USERS.coordinator,
      {
        tabUrl: `${bot.base}/tab/board?town=truro`,
        frameContext: 'content',
        context: { entityId: 'truro', teamId: '19:team' },
      },
      'Truro town board',
    );
    const truro = (await listWholeActions(bot.ctx, 'truro')).filter((a) => !a.redactedAt);
    await tab.getByText(`${truro.length} of ${truro.length} actions shown.`).waitFor();
    // Three charts, each drawn by Chart.js on its canvas, each with its figures as a table.
    await expect
      .poll(() =>
        frame.evaluate<number>(
          "[...document.querySelectorAll('canvas')].filter((c) => window.Chart.getChart(c)).length",
        ),
      )
      .toBe(3);
    expect(await tab.locator('figure.chart table').count()).toBe(3);

    await tab.getByLabel('Agency').selectOption('Police');
    const police = new Set(
      (await bot.ctx.stores.members.listByTown('truro'))
        .filter((m) => m.organisation === 'Police')
        .map((m) => m.aadObjectId),
    );
    const shown = truro.filter((a) => a.owners.some((o) => police.has(o.aadObjectId)));
    await tab.getByText(`${shown.length} of ${truro.length} actions shown.`).waitFor();
    expect(await tab.locator('.board li.card').count()).toBe(shown.length);
    await screenshot('board-filtered');

    const blocked = shown.find((a) => a.status === 'not_started' || a.status === 'in_progress')!;
    await tab.getByLabel(`Status of ${blocked.ref}`).selectOption('blocked');
    await tab
      .locator('li.card', { hasText: blocked.ref })
      .getByLabel('Reason (needed to block or cancel)')
      .fill('Waiting for the CCTV contract');
    await tab
      .locator('li.card', { hasText: blocked.ref })
      .getByRole('button', { name: 'Change status' })
      .click();
    await tab
      .locator('li.card', { hasText: blocked.ref })
      .getByText(`${blocked.ref} is now Blocked.`)
      .waitFor();
    expect((await listWholeActions(bot.ctx, 'truro')).find((a) => a.id === blocked.id)!.status).toBe(
      'blocked',
    );
    // Drawn again from the server, with the filter still chosen.
    expect(await tab.getByLabel('Agency').inputValue()).toBe('Police');
    await tab.getByText(`${shown.length} of ${truro.length} actions shown.`).waitFor();
    expect(await seriousViolations(frame)).toEqual([]);

    for (const theme of ['dark', 'contrast'] as const) {
      await page.evaluate(`setTheme('${theme}')`);
      await expect.poll(() => frame.evaluate<string>('document.documentElement.dataset.theme')).toBe(theme);
      await screenshot(`board-${theme}`);
      expect(await seriousViolations(frame), theme).toEqual([]);
    }
  });

  it('Town board: the town profile from police.uk, its chart drawn with its table, accessible', async () => {
    for (const [i, month] of ['2026-07', '2026-08', '2026-09'].entries()) {
      const csv = streetCsv({ month, rows: 600, seed: i + 5 });
      const result = await importCrimeData(
        bot.ctx,
        SYSTEM_ACTOR,
        streetFilesIn(`${month}-devon-and-cornwall-street.csv`, Buffer.from(csv)),
        { dryRun: false },
      );
      if (!result.ok) throw result.error;
    }
    const { tab, frame } = await open(
      USERS.coordinator,
      {
        tabUrl: `${bot.base}/tab/board?town=truro`,
        frameContext: 'content',
        context: { entityId: 'truro', teamId: '19:team' },
      },
      'Truro town board',
    );
    const section = tab.locator('section', {
      has: tab.getByRole('heading', { name: 'Town profile (police.uk)' }),
    });
    await section.getByText('Data to September 2026').waitFor();
    await expect
      .poll(() =>
        frame.evaluate<number>(
          "[...document.querySelectorAll('canvas')].filter((c) => window.Chart.getChart(c)).length",
        ),
      )
      .toBe(4);
    expect(await section.locator('table caption', { hasText: 'By type' }).count()).toBe(1);
    expect(await section.getByText('On or near Lemon Street').count()).toBeGreaterThan(0);
    await section.scrollIntoViewIfNeeded();
    await screenshot('board-town-profile', false);
    expect(await seriousViolations(frame)).toEqual([]);
  });

  it('the accessibility check finds what it should (a control with no label)', async () => {
    const { frame } = await open(
      USERS.coordinator,
      { tabUrl: `${bot.base}/tab/help`, frameContext: 'content' },
      'Help',
    );
    await frame.evaluate("document.querySelector('main').append(document.createElement('select'))");
    expect((await seriousViolations(frame)).join('\n')).toContain('select-name');
  });

  it('the board for a town the person may not see is the same "no such board"', async () => {
    const { tab } = await open(
      USERS.coordinator,
      { tabUrl: `${bot.base}/tab/board?town=atlantis`, frameContext: 'content' },
      'Town board',
    );
    await tab.getByText('There is no such town board, or it is not one you may see.').waitFor();
  });

  it('the set-up page: a coordinator picks the town and Teams saves the tab', async () => {
    const { tab, frame } = await open(
      USERS.coordinator,
      { tabUrl: `${bot.base}/tab/config`, frameContext: 'settings' },
      'Set up the town board',
    );
    await tab.getByLabel('Which board?').selectOption('truro');
    await expect.poll(() => page.evaluate<unknown>('host.validity')).toBe(true);
    await page.evaluate('save()');
    await expect.poll(() => page.evaluate<unknown>('host.saveResult')).toBe('success');
    const saved = await page.evaluate<Record<string, string>>('host.saved');
    expect(saved).toMatchObject({
      entityId: 'truro',
      contentUrl: `${bot.base}/tab/board?town=truro`,
      suggestedDisplayName: 'Truro board',
    });
    await screenshot('config');
    expect(await seriousViolations(frame)).toEqual([]);
  });

  it('the meeting side panel: the agenda, and an action proposed during the meeting', async () => {
    const now = bot.clock.now();
    const meeting = {
      id: 'meeting-e2e',
      version: 1,
      town: 'truro' as const,
      kind: 'partnership' as const,
      title: 'Safer Truro partnership meeting',
      agenda: null,
      start: now.toISOString(),
      end: new Date(now.getTime() + 3_600_000).toISOString(),
      organiser: {
        aadObjectId: USERS.coordinator.aadObjectId,
        displayName: USERS.coordinator.name,
        email: USERS.coordinator.email,
      },
      attendees: [],
      graphEventId: null,
      joinUrl: 'https://teams.microsoft.com/l/meetup-join/e2e',
      status: 'scheduled' as const,
      demo: false,
    };
    await bot.ctx.stores.meetings.insert(
      meeting,
      audit(bot.ctx, {
        actor: SYSTEM_ACTOR,
        change: 'meeting.created',
        entity: { kind: 'meeting', id: meeting.id, label: meeting.title },
        town: 'truro',
        before: null,
        after: meeting,
      }),
    );
    const { tab, frame } = await open(
      USERS.beatManager,
      {
        tabUrl: `${bot.base}/tab/meeting?town=truro`,
        frameContext: 'sidePanel',
        context: { entityId: 'truro', meetingId: 'MCMxOTpt', chatId: '19:meeting_e2e@thread.v2' },
      },
      meeting.title,
    );
    await tab.getByText('On now.').waitFor();
    await tab.getByRole('heading', { name: /^Blocked \(\d+\)$/ }).waitFor();
    await tab.getByLabel('What will be done, and where').fill('Two extra evening patrols on Lemon Quay');
    await tab.getByLabel('Target').fill('8 patrols');
    await tab.getByRole('button', { name: 'Propose' }).click();
    await tab.getByText('Two extra evening patrols on Lemon Quay (for the organiser to confirm)').waitFor();
    expect((await bot.ctx.stores.meetings.get('meeting-e2e'))!.proposals![0]).toMatchObject({
      title: 'Two extra evening patrols on Lemon Quay',
      savedAs: null,
    });
    await screenshot('meeting-panel', false);
    expect(await seriousViolations(frame)).toEqual([]);
  });

  it('Help: what the bot understands, from its registry', async () => {
    const { tab, frame } = await open(
      USERS.clerk,
      { tabUrl: `${bot.base}/tab/help`, frameContext: 'content', theme: 'dark' },
      'Help',
    );
    await tab.getByText('schedule meeting [town]').waitFor();
    await screenshot('help-dark');
    expect(await seriousViolations(frame)).toEqual([]);
  });
});
