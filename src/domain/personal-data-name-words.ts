// The small word lists the name rules read (personal-data-people.ts): titles, the roles partners are named
// by, and the words around a name that say whether it is a person, a place or a note's subject.
import type { Token } from './personal-data-text.js';

export const TITLES = new Set(['mr', 'mrs', 'ms', 'mx', 'miss', 'master']);
// Partners are named by their role: "PC Hocking", "Cllr Jane Rowe", "Dr Patel" are colleagues, not subjects.
export const ROLE_TITLES = new Set(
  'pc pcso sgt sergeant insp inspector ds dc di dci supt cllr councillor dr prof rev revd reverend constable officer nurse manager director chief'.split(
    ' ',
  ),
);
export const PLACE_BEFORE = new Set(
  'at in on near from to into outside behind around by via past opposite towards'.split(' '),
);
export const HONORIFICS = new Set('st saint sir dame lord king queen prince princess duke'.split(' '));
// What follows a name that opens a quick note: "Gav - PPO", "Jordan LAC", "Tommo on licence".
export const NOTE_AFTER_NAME = new Set('on in back now just still recalled using drinking'.split(' '));
export const CONTACT_BEFORE = new Set(
  'with to met saw see seen visited visit for and told asked about called rang phoned re'.split(' '),
);
export const SUBJECT_VERBS = new Set(
  'was is has had got gets keeps kept says said went goes will would and remains'.split(' '),
);

/** A text written in capitals: its capital letters say nothing about names. */
export function isShouting(tokens: readonly Token[]): boolean {
  const words = tokens.filter((t) => /\p{L}{2}/u.test(t.text));
  return words.length >= 3 && words.filter((t) => t.upper).length / words.length > 0.6;
}
