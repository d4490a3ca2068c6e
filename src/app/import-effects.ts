// What a plan import causes beyond its records, as every other change does (app/action-effects.ts): each
// updated action's channel card kept in step (updated where the channel has one, never posted: a bulk load
// is no channel news), owners added or taken off an updated action told as any owner change is, and each
// owner of new actions told once with the list of theirs (one message per person, not a card per action).
// The person importing owns what they imported knowingly: they are not told.
import { noticesFor } from './owner-notices.js';
import { tellOwners, type ActionEffect } from './action-effects.js';
import type { Action } from '../domain/action.js';
import type { Actor, PersonRef } from '../domain/entity.js';
import type { ImportNotice } from './outward-ports.js';

export function importEffects(
  created: readonly Action[],
  updated: readonly { before: Action; after: Action }[],
  by: Actor,
): ActionEffect[] {
  const effects: ActionEffect[] = updated.map(({ after }) => ({
    kind: 'publish',
    action: after,
    what: 'imported',
    existingOnly: true,
  }));
  // noticesFor leaves out the importer: their own reply says what changed.
  effects.push(...tellOwners(updated.flatMap(({ before, after }) => noticesFor(before, after, by))));
  const notices = importNotices(created, by);
  if (notices.length) effects.push({ kind: 'tell_imported', notices });
  return effects;
}

function importNotices(created: readonly Action[], by: Actor): ImportNotice[] {
  const byPerson = new Map<string, { person: PersonRef; actions: Action[] }>();
  for (const action of created)
    for (const person of action.owners) {
      if (person.aadObjectId === by.id) continue;
      const entry = byPerson.get(person.aadObjectId) ?? { person, actions: [] };
      entry.actions.push(action);
      byPerson.set(person.aadObjectId, entry);
    }
  return [...byPerson.values()].map(({ person, actions }) => ({
    town: actions[0]!.town,
    person,
    actions,
    by,
  }));
}

/** Who an import's effects tell and which channel cards they keep in step, for the person importing. */
export function importReach(effects: readonly ActionEffect[]): { people: number; cards: number } {
  const people = new Set<string>();
  let cards = 0;
  for (const effect of effects) {
    if (effect.kind === 'publish') cards++;
    else for (const n of effect.notices) people.add(n.person.aadObjectId);
  }
  return { people: people.size, cards };
}
