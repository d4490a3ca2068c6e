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
  isProperName,
  isUnknownWord,
} from './personal-data-lexicon.js';
import {
  findLabelledPeople,
  isLowerCaseForename,
  lowerCaseNameHere,
  opensNote,
  isMonthSurname,
} from './personal-data-labels.js';
import { roleOf } from './personal-data-staff.js';
import {
  HONORIFICS,
  PLACE_BEFORE,
  ROLE_TITLES,
  SUBJECT_VERBS,
  TITLES,
  isShouting,
} from './personal-data-name-words.js';

export type PersonKind = 'person_name' | 'lone_name' | DescribedKind;

/**
 * strong: identifies someone by itself (a full name, an age, a relative): a finding alone, and with a
 * sensitive term anywhere in the text the most serious one. linked: one name alone ("Kyle", "Pascoe") or a
 * child, or someone described by where they live ("the lad above the chippy"): serious with a sensitive term in
 * the same sentence. tied: "he", "the man": serious with a term close by. weak: "a man": only a warning, and
 * only with a term close by.
 */
type Strength = 'strong' | 'linked' | 'tied' | 'weak';

export interface PersonReference {
  kind: PersonKind;
  /** staff: a member or a name with its role, at work; a finding only when the sensitive words are said of them. */
  strength: Strength | 'staff';
  /** For staff, the last token of the name and its role phrase. */
  lastToken?: number;
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

/** Every reference to a person in the text (folded, with digits read as letters) and its words. */
export function findPeople(
  text: string,
  tokens: readonly Token[],
  known: ReadonlySet<string>,
): PersonReference[] {
  const found: PersonReference[] = [];
  const used = new Set<number>();
  const sentenceAt = (index: number) => tokens[tokenIndexAt(tokens, index)]?.sentence ?? 0;
  const add = (kind: PersonKind, start: number, end: number, how?: 'definite' | 'located') => {
    const strength = how === 'located' ? 'linked' : how === 'definite' ? 'tied' : STRENGTH[kind];
    found.push({ kind, strength, start, end, sentence: sentenceAt(start) });
  };
  const span = (from: number, to: number, kind: PersonKind) => {
    const words = tokens.slice(from, to + 1);
    for (let k = from; k <= to; k++) used.add(k);
    const names = words.filter((w) => !TITLES.has(w.base));
    // A member (the author, an owner) or a name with a role: someone at work, judged by what is said of them.
    const member = names.length > 0 && names.every((w) => known.has(w.base));
    const role = kind === 'person_name' || kind === 'lone_name' ? roleOf(tokens, from, to, text) : null;
    if (member || role !== null) {
      const lastToken = role ?? to;
      for (let k = to + 1; k <= lastToken; k++) used.add(k);
      const start = words[0]!.start;
      found.push({
        kind,
        strength: 'staff',
        start,
        end: words.at(-1)!.end,
        sentence: sentenceAt(start),
        lastToken,
      });
      return;
    }
    add(kind, words[0]!.start, words.at(-1)!.end);
  };
  const shouting = isShouting(tokens);
  // In a text with no capital letters at all, a known forename before an unknown word is read as a name.
  const caseless = !/\p{Lu}/u.test(text);
  const capital = (t: Token | undefined) => !!t && (t.capitalised || (shouting && t.upper));
  const sameSentence = (a: Token, b: Token | undefined) => !!b && a.sentence === b.sentence;
  // "St Mary's", "Sir Humphry Davy", "King Edward": saints, knights and kings name places here, not subjects.
  const afterSaint = (i: number) =>
    (i > 0 && HONORIFICS.has(tokens[i - 1]!.base)) ||
    (i > 1 && HONORIFICS.has(tokens[i - 2]!.base) && !!tokens[i - 1]!.capitalised);
  findLabelledPeople(text, tokens, used, (start, end) => add('lone_name', start, end));

  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i)) continue;
    const t = tokens[i]!;
    const next = tokens[i + 1];
    const nameWord = (n: Token | undefined) =>
      !!n && sameSentence(t, n) && /^\p{L}/u.test(n.base) && !isPlaceOrCalendarWord(n.base);
    if (ROLE_TITLES.has(t.base) && nameWord(next) && (capital(next) || isLikelySurname(next!.base))) {
      const last = capital(tokens[i + 2]) && nameWord(tokens[i + 2]) ? i + 2 : i + 1;
      for (let k = i; k <= last; k++) used.add(k);
      const start = t.start;
      found.push({
        kind: 'person_name',
        strength: 'staff',
        start,
        end: tokens[last]!.end,
        sentence: sentenceAt(start),
        lastToken: last,
      });
      continue;
    }
    const titleHere =
      TITLES.has(t.base) &&
      (!['miss', 'master'].includes(t.base) || (t.capitalised && !/\p{L}\s*$/u.test(text.slice(0, t.start))));
    if (titleHere && nameWord(next)) {
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
    if (
      !afterSaint(i) &&
      !(next && isPlaceOrCalendarWord(next.base)) &&
      ((capital(t) && loneName(i)) ||
        (isLowerCaseForename(t) && lowerCaseNameHere(tokens, text, i, caseless)) ||
        (!capital(t) && opensNote(tokens, text, i)))
    )
      span(i, i, 'lone_name');
  }

  /** "Kyle" anywhere, or "Pascoe" where a place would not stand: not after "at", and opening a sentence only as its subject. */
  function loneName(i: number): boolean {
    const t = tokens[i]!;
    // "outside Marks and Spencer", "at Tregolls and Penhale": the second of two places joined after a preposition.
    const joined = tokens[i - 1]?.base === 'and' && !!tokens[i - 2]?.capitalised;
    if (
      joined &&
      tokens.slice(Math.max(0, i - 5), i - 2).some((b) => sameSentence(t, b) && PLACE_BEFORE.has(b.base))
    )
      return false;
    if (isClearForename(t.base)) return true;
    if (opensNote(tokens, text, i)) return true;
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
    const monthName = isMonthSurname(first, second, text);
    if (isPlaceOrCalendarWord(first.base) || (isPlaceOrCalendarWord(second.base) && !monthName)) return null;
    const bothCapital = capital(first) && capital(second);
    const bothLower = !first.capitalised && !first.upper && !second.capitalised && !second.upper;
    let ok = false;
    if (bothCapital && monthName) ok = true;
    else if (bothCapital)
      ok =
        (isClearForename(first.base) && !second.possessive) ||
        (isInNameList(first.base) && isLikelySurname(second.base));
    else if (bothLower)
      // "jordan trevail" opening a note: any forename list's word before a surname, even "jordan" or "chad".
      ok =
        (isClearForename(first.base) &&
          (isLikelySurname(second.base) ||
            (caseless && second.base.length > 3 && !isEveryday(second.base) && !/\d/.test(second.base)))) ||
        (first.opensSentence &&
          first.base.length > 2 &&
          (isProperName(first.base) || isInNameList(first.base)) &&
          (isLikelySurname(second.base) || isUnknownWord(second.base)));
    if (!ok || HONORIFICS.has(first.base)) return null;
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
