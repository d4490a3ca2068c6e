// The one place a change's effects are carried out (app/action-effects.ts), whichever way the change came
// in: owners told after the person has their answer (OwnerNotifier, in the background), each card's channel
// copy posted or updated (Messenger, which waits only briefly and finishes a slow post in the background).
import type { ActionEffect, EffectRunner } from '../app/action-effects.js';
import type { Messenger, PublishOutcome } from './messenger.js';
import type { OwnerNotifier } from './owner-notifier.js';

export class ChangeEffects implements EffectRunner {
  constructor(
    private readonly messenger: Messenger,
    private readonly owners: OwnerNotifier,
  ) {}

  async run(effects: readonly ActionEffect[]): Promise<Exclude<PublishOutcome, 'failed'> | null> {
    const copies: Promise<PublishOutcome>[] = [];
    for (const effect of effects) {
      if (effect.kind === 'tell_owners') this.owners.tell(effect.notices);
      else if (effect.kind === 'tell_imported') this.owners.tellImported(effect.notices);
      else copies.push(this.publish(effect));
    }
    const [first] = await Promise.all(copies);
    // A failed copy is retried by the messenger's dispatcher; to the person it is one that will catch up.
    return first === 'failed' ? 'pending' : (first ?? null);
  }

  private async publish(effect: Extract<ActionEffect, { kind: 'publish' }>): Promise<PublishOutcome> {
    if (effect.existingOnly && !(await this.messenger.hasChannelCopy(effect.action.id))) return 'no_channel';
    return this.messenger.publishAction(effect.action, effect.what, effect.by);
  }
}
