// The tabs in local mode (no app id), as a newcomer opens them after `npm run dev`: straight in the browser
// on this machine, outside Teams, acting as the demo coordinator and saying so; a `?theme=` is honoured.
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { USERS, useBot } from '../support/bot-harness.js';
import { launchChromium } from './support/playground-page.js';

const bot = useBot({ REMINDER_SWEEP_SECONDS: '0' });
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(() => browser?.close());

it('opens My actions and the town board outside Teams, as the demo coordinator, and says so', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${bot.base}/tab/my-actions`);
  await page
    .getByText(
      `Local mode: no sign-in on this machine, so this page acts as the demo user ${USERS.coordinator.name}.`,
    )
    .waitFor();
  await page.goto(`${bot.base}/tab/board?town=truro&theme=dark`);
  await page.getByRole('heading', { level: 1, name: 'Truro town board' }).waitFor();
  expect(await page.evaluate<string>('document.documentElement.dataset.theme')).toBe('dark');
  await page.screenshot({
    path: join(resolve('test-results', 'e2e'), 'tabs-local-board-dark.png'),
    fullPage: true,
  });
});
