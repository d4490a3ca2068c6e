// Coordinators choose what goes on a town's public page; the page shows only that.
import { describe, expect, it } from 'vitest';
import { USERS, useBot } from '../support/bot-harness.js';

const bot = useBot();
const lastText = () => {
  const text = bot.connector.sent().at(-1)?.body?.text;
  return typeof text === 'string' ? text : '';
};

describe("a town's public page", () => {
  it('shows nothing until a coordinator makes an action public, then only that action', async () => {
    await bot.say(USERS.caseWorker, 'public summary truro');
    expect(lastText()).toContain('0 done, 0 under way, 0 planned');
    await bot.say(USERS.caseWorker, 'public TRU-004 on');
    expect(JSON.stringify(bot.connector.sent().at(-1)?.body)).toContain('Only coordinators can do that');
    await bot.say(USERS.coordinator, 'public tru-004 on');
    expect(lastText()).toContain("TRU-004 is on Safer Truro's public page now");
    await bot.say(USERS.caseWorker, 'public summary truro');
    const page = lastText();
    expect(page).toContain('Hold the partnership launch event in the town square: not started');
    expect(page).not.toContain('Run monthly joint patrols'); // private
    expect(page).not.toContain('(demo)'); // no owners' names
    expect(page).not.toContain('npm'); // offered from Teams: its web address, no operator's command
    expect(page).toMatch(/Its web page.*\/public\/truro/);
    // The same page on the web, for anyone: public records only, no sign-in.
    const web = await fetch(`${bot.base}/public/Truro`);
    expect(web.status).toBe(200);
    expect(web.headers.get('content-type')).toContain('text/html');
    const html = await web.text();
    expect(html).toContain('Hold the partnership launch event in the town square');
    expect(html).not.toContain('Run monthly joint patrols');
    expect(html).not.toContain('(demo)');
    expect((await fetch(`${bot.base}/public/exeter`)).status).toBe(404);
    const trail = (
      await bot.ctx.stores.audit.listForEntity((await bot.ctx.stores.actions.getByRef('TRU-004'))!.id)
    ).map((e) => e.change);
    expect(trail.at(-1)).toBe('action.public');
    await bot.say(USERS.coordinator, 'public TRU-004 off');
    await bot.say(USERS.caseWorker, 'public summary truro');
    expect(lastText()).not.toContain('Hold the partnership launch event');
  });
});
