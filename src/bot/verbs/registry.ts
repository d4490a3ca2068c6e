// Every card verb. Adding one: a `defineVerb` entry in its feature's file (or a new file listed here).
import { ACTION_VERBS } from './actions.js';
import { ACTION_EDIT_VERBS } from './action-edits.js';
import { HAND_OVER_VERBS } from './hand-over.js';
import { FUND_VERBS } from './fund.js';
import { GROUP_VERBS } from './groups.js';
import { IMPORT_VERBS } from './import.js';
import { EVIDENCE_VERBS } from './evidence.js';
import { INDICATOR_VERBS } from './indicator.js';
import { JOIN_VERBS } from './join.js';
import { MEETING_VERBS } from './meetings.js';
import { NEW_ACTION_VERBS } from './new-action.js';
import { NOTE_FROM_MESSAGE_VERBS } from './note-from-message.js';
import { PLAN_VERBS } from './plans.js';
import { PROBLEM_VERBS } from './problems.js';
import type { VerbEntry } from './verb.js';

const VERBS: readonly VerbEntry[] = [
  ...ACTION_VERBS,
  ...ACTION_EDIT_VERBS,
  ...HAND_OVER_VERBS,
  ...NEW_ACTION_VERBS,
  ...NOTE_FROM_MESSAGE_VERBS,
  ...MEETING_VERBS,
  ...JOIN_VERBS,
  ...PLAN_VERBS,
  ...INDICATOR_VERBS,
  ...GROUP_VERBS,
  ...PROBLEM_VERBS,
  ...FUND_VERBS,
  ...IMPORT_VERBS,
  ...EVIDENCE_VERBS,
];

const byName = new Map(VERBS.map((v) => [v.name, v]));

/** The verb of that name; undefined for a name no card of ours sends (it is refused by name). */
export const verbNamed = (name: string): VerbEntry | undefined => byName.get(name);

/** Each verb's payload schema, by name (the tests' view of the registry). */
export const VERB_SCHEMAS = Object.fromEntries(VERBS.map((v) => [v.name, v.input]));

/** Each verb's free-text fields, for the verbs that have any. */
export const FREE_TEXT_FIELDS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  VERBS.filter((v) => v.freeText.length).map((v) => [v.name, v.freeText]),
);
