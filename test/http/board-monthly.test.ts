// The board's monthly report: a board member links the board's channel; the sweep posts the ten towns side
// by side there on the first working day of the month, once, however many sweeps or instances run.
import { describe, expect, it } from 'vitest';
import { USERS, cardText, lastCard, useBot } from '../support/bot-harness.js';
import { firstWorkingDay } from '../../src/app/send-board-report.js';

const bot = useBot();
const BOARD_CHANNEL = '19:strategic-board@thread.tacv2';

describe("the board's monthly report", () => {
  it('finds the first working day of a month', () => {
    expect(firstWorkingDay('2026-12-15')).toBe('2026-12-01'); // a Tuesday
    expect(firstWorkingDay('2026-08-20')).toBe('2026-08-03'); // the 1st is a Saturday
    expect(firstWorkingDay('2026-11-26')).toBe('2026-11-02'); // the 1st is a Sunday
  });

  it('lets only board members choose the board channel', async () => {
    await bot.sayInChannel(USERS.coordinator, 'link board', BOARD_CHANNEL);
    expect(cardText(lastCard(bot.connector))).toContain(
      "Only members of the county board can choose the board's channel",
    );
    await bot.sayInChannel(USERS.board, 'link board', BOARD_CHANNEL);
    expect(bot.connector.sent().at(-1)?.body?.text).toContain("This is now the board's channel");
  });

  it('posts the report on the first working day of the month, from the digest hour, once', async () => {
    bot.clock.set('2026-12-01T08:30:00Z'); // 08:30 in London: before the 09:00 digest hour
    expect((await bot.sweep()).boardReport).toBe('not_due');
    bot.clock.set('2026-12-01T09:30:00Z');
    bot.connector.clear();
    expect((await bot.sweep()).boardReport).toBe('sent');
    const posted = bot.connector.sent(BOARD_CHANNEL);
    expect(posted).toHaveLength(1);
    const text = cardText((posted[0]!.body!.attachments as { content: unknown }[])[0]!.content);
    expect(text).toContain('Monthly report, 2026-12');
    expect(text).toContain('St Austell');
    expect((await bot.sweep()).boardReport).toBe('already_sent');
    expect(bot.connector.sent(BOARD_CHANNEL)).toHaveLength(1);
    bot.clock.set('2026-12-02T09:30:00Z');
    expect((await bot.sweep()).boardReport).toBe('not_due');
  });
});
