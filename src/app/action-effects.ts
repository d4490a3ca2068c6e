// What a change to actions causes beyond the record: the channel's copy of each card changed or made (a new
// action, a next occurrence), and the people to tell (owners given or taken off an action, by 1:1 card and
// activity feed). Use cases return these with the change; one runner (bot/effect-runner.ts) carries them out
// for every way in, so a change made from a card, a dialog, a tab, the message extension, a meeting's
// outcomes, an import or the scheduler causes the same things.
import type { Action } from '../domain/action.js';
import type { Actor } from '../domain/entity.js';
import type { ImportNotice, OwnerNotice } from './outward-ports.js';

export type ActionEffect =
  /**
   * The channel's copy of the action's card: updated in place, or posted when there is none yet
   * (`existingOnly`: updated if there is one, never posted: the retention run's changes are no news).
   * `by`: who made the change; their own reply says where the card went, so no separate notice is theirs.
   */
  | { kind: 'publish'; action: Action; what: string; existingOnly?: boolean; by?: string }
  /** Owners given the action or taken off it. */
  | { kind: 'tell_owners'; notices: readonly OwnerNotice[] }
  /** Owners of an import's new actions: one message each listing theirs, never a card per action. */
  | { kind: 'tell_imported'; notices: readonly ImportNotice[] };

/** A change to one action as every way in receives it. */
export interface ActionChanged {
  action: Action;
  effects: ActionEffect[];
  /**
   * Whether the person may still change it, for the card they are shown next: known from the change that
   * was just allowed (its owners did not change), so no way in asks again.
   */
  mayEdit: boolean;
}

export const publishEffect = (action: Action, what: string, by?: Actor): ActionEffect => ({
  kind: 'publish',
  action,
  what,
  ...(by ? { by: by.id } : {}),
});

export const tellOwners = (notices: readonly OwnerNotice[]): ActionEffect[] =>
  notices.length ? [{ kind: 'tell_owners', notices }] : [];

/** What carries effects out: the edge's runner in production, a recorder in tests. */
export interface EffectRunner {
  /** Carries them out; says what became of the first card's channel copy (null when none was published). */
  run(effects: readonly ActionEffect[]): Promise<'posted' | 'updated' | 'pending' | 'no_channel' | null>;
}
