// Words that point at one person: a name, an age, a relative, a child, a description, a pronoun. Each is
// graded by how surely it identifies someone, for personal-data.ts to judge with the sensitive terms.
import { tokenIndexAt, type Token } from './personal-data-text.js';
import {
  findAges,
  findDescriptions,
  findRelatives,
  isRelative,
  type DescribedKind,
} from './personal-data-described.js';
import {
  isClearForename,
  isEveryday,
  isForename,
  isInNameList,
  isLikelySurname,
  isPlaceOrCalendarWord,
} from './personal-data-lexicon.js';

export type PersonKind = 'person_name' | 'lone_name' | DescribedKind;

/**
 * strong: identifies someone by itself (a full name, an age, a relative): a finding alone, and with a
 * sensitive term anywhere in the text the most serious one. linked: one name alone ("Kyle", "Pascoe") or a
 * child, serious with a sensitive term in the same sentence. weak: "a man", "he": only a warning, and only tied to such a term.
 */
type Strength = 'strong' | 'linked' | 'weak';

export interface PersonReference {
  kind: PersonKind;
  strength: Strength;
  start: number;
  end: number;
  sentence: number;
}

const STRENGTH: Record<PersonKind, Strength> = {
  person_name: 'strong',
  age: 'strong',
  relationship: 'strong',
  lone_name: 'linked',
  child: 'linked',
  description: 'weak',
  pronoun: 'weak',
};

const TITLES = new Set(['mr', 'mrs', 'ms', 'mx', 'miss', 'master']);
// Partners are named by their role: "PC Hocking", "Cllr Jane Rowe", "Dr Patel" are colleagues, not subjects.
const ROLE_TITLES = new Set(
  'pc pcso sgt sergeant insp inspector ds dc di dci supt cllr councillor dr prof rev revd reverend constable officer nurse manager director chief'.split(
    ' ',
  ),
);
const PLACE_BEFORE = new Set(
  'at in on near from to into outside behind around by via past opposite towards'.split(' '),
);
const SUBJECT_VERBS = new Set(
  'was is has had got gets keeps kept says said went goes will would and remains'.split(' '),
);
/** Every reference to a person in the text (folded, with digits read as letters) and its words. */
export function findPeople(
  text: string,
  tokens: readonly Token[],
  known: ReadonlySet<string>,
): PersonReference[] {
  const found: PersonReference[] = [];
  const used = new Set<number>();
  const sentenceAt = (index: number) => tokens[tokenIndexAt(tokens, index)]?.sentence ?? 0;
  const add = (kind: PersonKind, start: number, end: number) =>
    found.push({ kind, strength: STRENGTH[kind], start, end, sentence: sentenceAt(start) });
  const span = (from: number, to: number, kind: PersonKind) => {
    const words = tokens.slice(from, to + 1);
    for (let k = from; k <= to; k++) used.add(k);
    const names = words.filter((w) => !TITLES.has(w.base));
    if (names.length && names.every((w) => known.has(w.base))) return; // a member: the author or an owner
    add(kind, words[0]!.start, words.at(-1)!.end);
  };
  const shouting = isShouting(tokens);
  // In a text with no capital letters at all, a known forename before an unknown word is read as a name.
  const caseless = !/\p{Lu}/u.test(text);
  const capital = (t: Token | undefined) => !!t && (t.capitalised || (shouting && t.upper));
  const sameSentence = (a: Token, b: Token | undefined) => !!b && a.sentence === b.sentence;
  const afterSaint = (i: number) => i > 0 && ['st', 'saint'].includes(tokens[i - 1]!.base);

  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i)) continue;
    const t = tokens[i]!;
    const next = tokens[i + 1];
    const nameWord = (n: Token | undefined) =>
      !!n && sameSentence(t, n) && /^\p{L}/u.test(n.base) && !isPlaceOrCalendarWord(n.base);
    if (ROLE_TITLES.has(t.base) && nameWord(next) && (capital(next) || isLikelySurname(next!.base))) {
      const last = capital(tokens[i + 2]) && nameWord(tokens[i + 2]) ? i + 2 : i + 1;
      for (let k = i; k <= last; k++) used.add(k);
      continue;
    }
    if (TITLES.has(t.base) && (t.base !== 'miss' || t.capitalised) && nameWord(next)) {
      if (capital(next) || isLikelySurname(next!.base) || isForename(next!.base)) {
        const third = tokens[i + 2];
        span(
          i,
          capital(third) && nameWord(third) && isLikelySurname(third!.base) ? i + 2 : i + 1,
          'person_name',
        );
        continue;
      }
    }
    if (t.text.length === 1 && /\p{Lu}/u.test(t.text) && capital(next) && nameWord(next)) {
      const dotted = text[t.end] === '.';
      if ((dotted || !['A', 'I'].includes(t.text)) && isLikelySurname(next!.base)) {
        span(i, i + 1, 'person_name');
        continue;
      }
    }
    const full = fullName(i);
    if (full !== null) {
      span(i, full, 'person_name');
      continue;
    }
    if (
      t.possessive &&
      (capital(t) || isForename(t.base)) &&
      !afterSaint(i) &&
      !isPlaceOrCalendarWord(t.base)
    ) {
      const relative = next && sameSentence(t, next) && isRelative(next.base);
      const named =
        isClearForename(t.base) || (!isEveryday(t.base) && (isLikelySurname(t.base) || isForename(t.base)));
      if (relative || (named && capital(t))) {
        span(i, i, 'person_name');
        if (relative) add('relationship', t.start, next.end);
        continue;
      }
    }
    if (capital(t) && !afterSaint(i) && !(next && isPlaceOrCalendarWord(next.base)) && loneName(i))
      span(i, i, 'lone_name');
  }

  /** "Kyle" anywhere, or "Pascoe" where a place would not stand: not after "at", and opening a sentence only as its subject. */
  function loneName(i: number): boolean {
    const t = tokens[i]!;
    if (isClearForename(t.base)) return true;
    // "at Tregolls and Penhale": a word after a place preposition, or in a list that follows one, is a place.
    const before = tokens.slice(Math.max(0, i - 3), i).filter((b) => sameSentence(t, b));
    if (!isLikelySurname(t.base) || before.some((b) => PLACE_BEFORE.has(b.base))) return false;
    const next = tokens[i + 1];
    return !t.opensSentence || (!!next && sameSentence(t, next) && SUBJECT_VERBS.has(next.base));
  }

  function fullName(i: number): number | null {
    const first = tokens[i]!;
    const second = tokens[i + 1];
    if (!second || !sameSentence(first, second) || afterSaint(i) || !/^\p{L}/u.test(second.base)) return null;
    if (isPlaceOrCalendarWord(first.base) || isPlaceOrCalendarWord(second.base)) return null;
    const bothCapital = capital(first) && capital(second);
    const bothLower = !first.capitalised && !first.upper && !second.capitalised && !second.upper;
    let ok = false;
    if (bothCapital)
      ok =
        (isClearForename(first.base) && !second.possessive) ||
        (isInNameList(first.base) && isLikelySurname(second.base));
    else if (bothLower)
      ok =
        isClearForename(first.base) &&
        (isLikelySurname(second.base) ||
          (caseless && second.base.length > 3 && !isEveryday(second.base) && !/\d/.test(second.base)));
    if (!ok) return null;
    let last = i + 1;
    const third = tokens[i + 2];
    if (bothCapital && third && capital(third) && sameSentence(first, third) && isLikelySurname(third.base))
      last = i + 2;
    const after = tokens[last + 1];
    return after && sameSentence(first, after) && isPlaceOrCalendarWord(after.base) ? null : last; // "Passmore Edwards building"
  }

  findAges(
    text,
    found.filter((f) => f.kind === 'person_name' || f.kind === 'lone_name'),
    add,
  );
  findRelatives(text, add);
  findDescriptions(text, add);
  return found;
}

function isShouting(tokens: readonly Token[]): boolean {
  const words = tokens.filter((t) => /\p{L}{2}/u.test(t.text));
  return words.length >= 3 && words.filter((t) => t.upper).length / words.length > 0.6;
}
