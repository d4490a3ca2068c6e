// Drives Microsoft 365 Agents Playground in Debian's Chromium the way a person would: pick a chat or channel,
// type into the compose box (with an @mention in channels), click buttons on cards. Screenshots go to the
// artifacts folder, one per step.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Flags for a machine with no internet: no background calls home, no sandbox for root in CI. */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}. Install Debian's: sudo apt-get install -y chromium (or set CHROMIUM_PATH).`,
    );
  }
  // playwright-core gives each launch a fresh, empty profile folder.
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

const CARD = '.ac-adaptiveCard';
const COMPOSE = '[data-lexical-editor="true"][role="textbox"]';

export class PlaygroundPage {
  private step = 0;

  constructor(
    readonly page: Page,
    private readonly url: string,
    private readonly artifacts: string,
    private readonly botName: string,
  ) {}

  async open(): Promise<void> {
    await mkdir(this.artifacts, { recursive: true });
    await this.page.goto(this.url);
    await this.page.getByText('Personal Chat', { exact: true }).waitFor();
  }

  /** A chat or channel from the left rail: 'Personal Chat', 'General', 'Partnership', the group's name. */
  async openConversation(name: string): Promise<void> {
    await this.page.getByText(name, { exact: true }).first().click();
    await this.page.locator(COMPOSE).first().waitFor();
  }

  /** A message in a chat: typed into the compose box and sent with Enter. */
  async say(text: string): Promise<void> {
    const box = this.page.locator(COMPOSE).last();
    await box.click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  /** A new post in a channel, @mentioning the bot (channel bots only hear messages that mention them). */
  async post(text: string): Promise<void> {
    const box = this.page.locator(COMPOSE).first();
    await box.click();
    await this.page.keyboard.type(`@${this.botName.split(' ')[0]}`);
    await this.page.locator('#typeahead-menu').getByRole('menuitem', { name: this.botName }).click();
    await this.page.keyboard.type(` ${text}`);
    await this.page.getByRole('button', { name: 'Post', exact: true }).click();
  }

  /** The last card on screen whose text contains `text`, once it has appeared. */
  async card(text: string | RegExp, timeout = 15_000): Promise<Locator> {
    const card = this.page.locator(CARD).filter({ hasText: text }).last();
    await card.waitFor({ timeout });
    // The playground redraws a card just after it arrives: a scroll caught between the two finds the first
    // copy detached, so it tries again on the card as it is now.
    for (let attempt = 1; ; attempt++) {
      try {
        await card.scrollIntoViewIfNeeded({ timeout: 5_000 });
        return card;
      } catch (error) {
        if (attempt >= 3) throw error;
        await this.page.waitForTimeout(250);
      }
    }
  }

  /** Waits for a plain-text reply containing `text`. */
  async reply(text: string, timeout = 15_000): Promise<void> {
    await this.page.getByText(text).last().waitFor({ timeout });
  }

  /**
   * Toggles options of a card's choice set (Fluent's combobox: open it, click each, close it). In a dialog
   * Escape would close the dialog too, so there the list is closed by clicking the combobox again.
   */
  async choose(card: Locator, label: RegExp, options: readonly string[], inDialog = false): Promise<void> {
    const box = card.getByRole('combobox', { name: label });
    await box.click();
    for (const option of options) await this.page.getByText(option, { exact: true }).last().click();
    if (inDialog) {
      if ((await box.getAttribute('aria-expanded')) === 'true') await box.click();
    } else await this.page.keyboard.press('Escape');
  }

  /** Picks that day of next month in a card's date input (Fluent's calendar). */
  async pickDate(card: Locator, label: RegExp, day: number): Promise<void> {
    await card.getByRole('combobox', { name: label }).click();
    await this.page.getByTitle(/^Next month/).click();
    const next = new Date();
    next.setDate(1);
    next.setMonth(next.getMonth() + 1);
    const month = next.toLocaleString('en-GB', { month: 'long' });
    await this.page.getByRole('button', { name: `${day}, ${month}, ${next.getFullYear()}` }).click();
  }

  /** The message extension's search (the compose box's "Trigger Message Extension App" > Search Command). */
  async searchExtension(commandId: string, parameter: string, text: string): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Trigger Message Extension App' }).click();
    await this.page.getByText('Search Command', { exact: true }).click();
    await this.page.getByText('Specify Command ID or Parameter').click();
    await this.page.getByPlaceholder('Command ID').fill(commandId);
    await this.page.getByPlaceholder('Parameter name').fill(parameter);
    await this.page.getByPlaceholder('Enter a search term').fill(text);
    await this.page.keyboard.press('Enter');
    return this.page.getByText('Search-Based Message Extension').locator('xpath=../..');
  }

  /** An action command's dialog, fetched from the bot (Action Command > Adaptive Cards). */
  async actionExtension(commandId: string): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Trigger Message Extension App' }).click();
    await this.page.getByText('Action Command', { exact: true }).click();
    await this.page.getByPlaceholder('Input command id or leave blanks').fill(commandId);
    await this.page.getByRole('button', { name: 'Create', exact: true }).click();
    return this.page.getByRole('dialog');
  }

  /** Link unfurling: the URL as if pasted, and the card the bot unfurled it to, before it is sent. */
  async unfurl(url: string): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Trigger Message Extension App' }).click();
    await this.page.getByText('Link Unfurling', { exact: true }).click();
    await this.page.getByRole('dialog').getByRole('textbox').first().click();
    await this.page.keyboard.type(url);
    return this.page.getByRole('dialog').locator(CARD);
  }

  /** Sends what the message extension put in the compose box. */
  async sendComposed(): Promise<void> {
    await this.page.getByRole('button', { name: 'Send Message' }).click();
  }

  cards(text: string | RegExp): Locator {
    return this.page.locator(CARD).filter({ hasText: text });
  }

  async screenshot(name: string): Promise<string> {
    const path = join(this.artifacts, `${String(++this.step).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path, fullPage: true });
    return path;
  }
}
