import { describe, expect, it } from 'vitest';
import { SendDispatcher, TEAMS_LIMITS } from '../../../src/bot/dispatcher.js';

describe('SendDispatcher.wouldWait (a click is not held for a channel Teams is holding back)', () => {
  it('is false for an idle conversation, true while sends are queued or its second is used up', async () => {
    let now = 1_000_000;
    const dispatcher = new SendDispatcher(
      TEAMS_LIMITS,
      async () => undefined,
      () => now,
    );
    expect(dispatcher.wouldWait('channel')).toBe(false);
    let finish!: () => void;
    const held = dispatcher.dispatch('channel', () => new Promise<void>((r) => (finish = r)));
    expect(dispatcher.wouldWait('channel')).toBe(true); // one in flight: the next would queue
    expect(dispatcher.wouldWait('another')).toBe(false);
    await new Promise((r) => setTimeout(r, 0)); // the send has started
    finish();
    await held;
    await new Promise((r) => setTimeout(r, 0)); // the idle conversation is forgotten
    for (let i = 1; i < TEAMS_LIMITS.perConversationPerSecond; i++)
      await dispatcher.dispatch('channel', async () => i);
    await new Promise((r) => setTimeout(r, 0));
    expect(dispatcher.wouldWait('channel')).toBe(true); // seven sent this second
    now += 1_100;
    expect(dispatcher.wouldWait('channel')).toBe(false);
  });
});
