// Words that point at one person: a name, an age, a relative, a child, a description, a pronoun. Each is
// graded by how surely it identifies someone, for personal-data.ts to judge with the sensitive terms.
import { tokenIndexAt, type Token } from './personal-data-text.js';
import {
  isClearForename,
  isEveryday,
  isForename,
  isInNameList,
  isLikelySurname,
  isPlaceOrCalendarWord,
} from './personal-data-lexicon.js';

export const PERSON_KINDS = [
  'person_name',
  'age',
  'relationship',
  'lone_name',
  'child',
  'description',
  'pronoun',
] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

/**
 * strong: identifies someone by itself (a full name, an age, a relative): a finding alone, and with a
 * sensitive term anywhere in the text the most serious one. linked: one name alone ("Kyle", "Pascoe") or a
 * child, serious with a sensitive term in the same sentence. weak: "a man", "he": only a warning, and only tied to such a term.
 */
export type Strength = 'strong' | 'linked' | 'weak';

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
const RELATIVES =
  'mum|mother|mam|mom|dad|father|son|daughter|brother|sister|partner|boyfriend|girlfriend|husband|wife|ex|ex-partner|fiance|fiancee|nan|nanna|nana|gran|granny|grandma|grandad|grandpa|grandmother|grandfather|grandson|granddaughter|uncle|aunt|auntie|cousin|nephew|niece|stepdad|stepmum|stepfather|stepmother|stepson|stepdaughter|child|baby|kid|kids|children|family|carer|social worker|key worker|probation officer|gp|landlord|neighbour';
const PLACE_BEFORE = new Set(
  'at in on near from to into outside behind around by via past opposite towards'.split(' '),
);
const SUBJECT_VERBS = new Set(
  'was is has had got gets keeps kept says said went goes will would and remains'.split(' '),
);
const GROUP_BEFORE =
  /\b(?:people|persons|youths|children|kids|teenagers|teens|pupils|students|residents|adults|men|women|boys|girls|lads|males|females|groups?|those|anyone|cohort|members|volunteers|families|users|sleepers|drinkers|offenders|victims)\b[^.;\n]{0,30}$/;

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
      const relative = next && sameSentence(t, next) && new RegExp(`^(?:${RELATIVES})$`).test(next.base);
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

  findAges(text, found, add);
  findRelatives(text, add);
  findDescriptions(text, add);
  return found;
}

function isShouting(tokens: readonly Token[]): boolean {
  const words = tokens.filter((t) => /\p{L}{2}/u.test(t.text));
  return words.length >= 3 && words.filter((t) => t.upper).length / words.length > 0.6;
}

type Add = (kind: PersonKind, start: number, end: number) => void;

function findAges(text: string, found: readonly PersonReference[], add: Add): void {
  const lower = text.toLowerCase();
  const each = (pattern: RegExp, keep: (m: RegExpMatchArray) => boolean = () => true) => {
    for (const m of lower.matchAll(pattern))
      if (keep(m) && !GROUP_BEFORE.test(lower.slice(Math.max(0, m.index - 40), m.index)))
        add('age', m.index, m.index + m[0].length);
  };
  each(/\baged?\s*:?\s*\d{1,3}\b(?!\s*(?:-|to|and|or|\+|plus)\s*\d)(?!\s*(?:\+|plus|and over|and under))/g);
  each(
    /\b\d{1,2}\s*-?\s*(?:years?|yrs?)\s*-?\s*old\b(?!s)(?!\s+(?:boys|girls|lads|youths|children|kids|pupils|students|teenagers|males|females|people))/g,
  );
  each(/\b\d{1,2}\s*(?:yo|y\/o|yrs?)\b(?!\s+(?:boys|girls|lads|youths|children|kids|pupils))/g);
  each(
    /\b(?:a|an|one|is in|in)\s+year\s*\d{1,2}\b(?!\s+(?:pupils|students|children|classes|groups|assembly|assemblies|cohort|boys|girls))/g,
  );
  each(
    /\bin (?:his|her) (?:early |mid |mid-|late )?(?:teens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|\d0'?s)\b/g,
  );
  // "Mr Pascoe, 34," and "Sarah Trewin (15)": an age straight after a name.
  for (const ref of found)
    if (ref.kind === 'person_name' || ref.kind === 'lone_name') {
      const m = /^\s*(?:,\s*|\(\s*)(\d{1,2}|1[01]\d)\s*(?=[,)]|\s+(?:is|was|has|from|of|who|and)\b)/.exec(
        lower.slice(ref.end, ref.end + 16),
      );
      if (m) add('age', ref.end + m[0].indexOf(m[1]!), ref.end + m[0].indexOf(m[1]!) + m[1]!.length);
    }
}

function findRelatives(text: string, add: Add): void {
  const lower = text.toLowerCase();
  const plural = /^(?:kids|children|family|parents|siblings)$/;
  const pattern = new RegExp(
    `\\b(his|her|their)\\s+(?:(?:ex|step|older|younger|little|big|elder|new|former|current|late|own|\\d{1,2}[- ]?year[- ]old)[- ]?)?(${RELATIVES}|parents|siblings)\\b`,
    'g',
  );
  for (const m of lower.matchAll(pattern))
    if (!(m[1] === 'their' && plural.test(m[2]!))) add('relationship', m.index, m.index + m[0].length);
  const someone = new RegExp(
    `\\b(?:the|a|an|this|that)\\s+(?:${CHILDREN}|${ADULTS})'s?\\s+(?:${RELATIVES})\\b`,
    'g',
  );
  for (const m of lower.matchAll(someone)) add('relationship', m.index, m.index + m[0].length);
  for (const m of lower.matchAll(/\b(?:mother|father|mum|dad) of (?:one|two|three|four|five|six|\d)\b/g))
    add('relationship', m.index, m.index + m[0].length);
}

const CHILDREN =
  'girl|boy|child|teenager|teen|toddler|baby|infant|schoolgirl|schoolboy|pupil|juvenile|minor|young person|youngster|kid|student';
const ADULTS =
  'man|woman|male|female|lad|bloke|guy|resident|tenant|individual|person|client|neighbour|service user|gentleman|lady|rough sleeper|beggar|occupant|mother|father|pensioner|suspect|victim|offender|patient|customer|shoplifter|dealer|user';

function findDescriptions(text: string, add: Add): void {
  const lower = text.toLowerCase();
  const one = `\\b(?:a|an|the|this|that|one|same)\\s+(?:[a-z'-]+\\s+){0,2}?`;
  for (const m of lower.matchAll(
    new RegExp(
      `${one}(?:${CHILDREN})\\b(?![-'](?:s\\b|friendly))(?!\\s+(?:protection|sexual|criminal|exploitation|services|safeguarding))`,
      'g',
    ),
  ))
    add('child', m.index, m.index + m[0].length);
  for (const m of lower.matchAll(
    new RegExp(`${one}(?:${ADULTS})\\b(?![-'](?:s\\b|made))(?!\\s+(?:responsible for|in charge))`, 'g'),
  ))
    add('description', m.index, m.index + m[0].length);
  for (const m of lower.matchAll(/\b(?:he|she|him|his|her|hers|himself|herself)\b/g))
    add('pronoun', m.index, m.index + m[0].length);
}
