// People written the way quick notes write them: initials ("JT", "K.M."), a label and a letter ("Child D",
// "Client X", "Woman Y"), a nickname ("Big Mick", "Little Jay") and a forename typed in lower case
// ("darren was arrested"). personal-data-people.ts adds them to the names it finds. The acronyms of the work
// are data (ACRONYMS): two or three capitals that are not one of them are read as someone's initials.
import { ALL_TOWNS } from './towns.js';
import { CONTACT_BEFORE, NOTE_AFTER_NAME, SUBJECT_VERBS } from './personal-data-name-words.js';
import {
  isClearForename,
  isForename,
  isUnknownWord,
  isVerbLike,
  isAdjective,
  isInNameList,
  isLikelySurname,
  isPlaceOrCalendarWord,
} from './personal-data-lexicon.js';
import type { Token } from './personal-data-text.js';

/** Capitals that are the work's words, never a person's initials. A reviewer extends this list. */
const ACRONYMS = new Set(
  `asb bid pcso pc cctv cso csp pspo cpn cpw nhs mash marac dash yot cse cce lac cin cp hmp yoi nfa mh dv da su
  ppo mappa cmht camhs rso gp uk btp ecins nte mp cdp ae asap tbc tbd fyi aob eta rag sara smart kpi npt snt dcc
  cc cfrs frs rnli bt ee dwp hmrc dvla rspca nspcc opcc pcc cps sia sos bbc itv nb ps pto re fao it hr ceo md qa
  ai tv pa am pm lgbt lgbtq send senco dsl taf ehcp cic cpted hmo ha la od id dna gps ukba ho dc ds di dci dcs
  acc npcc iopc foi gdpr dpo dpia ico isp iso ok asbo cbo gbh abh pwits mdma hiv adhd ptsd sti rta rtc anpr
  wc pr ngo cic cio vcs vcse fe he ucas ofsted dfe moj mod hse rsl rp rsp mhclg dluhc ons lsoa msoa imd ward
  op ops sgt insp cllr dr st rd ave ltd plc llp co uk uae usa eu un vat pin sms url www com org gov nhsmail
  rag bme bame esol eal fsm sen ks vrm reg dob ni nino nrpf brp ilr eea efl cctvs pcsos bids cpns cpws asbs`
    .split(/\s+/)
    .filter(Boolean),
);
const townCodes = () => new Set(ALL_TOWNS.map((t) => t.code.toLowerCase()));

/** Words that, before a single capital letter, make it stand for one person: "Child D", "Client X". */
const LABELS = new Set(
  'child client subject person youth woman man male female boy girl victim suspect offender resident tenant patient user pupil adult family young'.split(
    ' ',
  ),
);
/** Words that make the capitalised word after them a nickname: "Big Mick", "Little Jay". */
/** Words after a surname that make it one family: "the Lee family", "the Kowalski brothers". */
const KIN_AFTER = new Set('family brothers sisters twins household boys girls clan'.split(' '));
const NICKNAME_BEFORE = new Set('big little young old fat tiny mad crazy skinny baby lil'.split(' '));

type Add = (start: number, end: number) => void;

/**
 * Initials, labels with a letter and nicknames, each one person. `add` receives the span of each;
 * `used` marks the tokens taken, so the name rules do not read them twice.
 */
export function findLabelledPeople(
  text: string,
  tokens: readonly Token[],
  used: Set<number>,
  add: Add,
): void {
  // Dotted initials: "K.M.", "L.B", "J. T."
  for (const m of text.matchAll(/(?<![\p{L}.])\p{Lu}\.\s?\p{Lu}\b\.?/gu)) add(m.index, m.index + m[0].length);
  const codes = townCodes();
  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i)) continue;
    const t = tokens[i]!;
    const next = tokens[i + 1];
    const sameSentence = !!next && next.sentence === t.sentence;
    // "JT", "RP": two or three capitals, no digits, not an acronym of the work or a town's code.
    // A reference's letters ("CR/2026/0045", "AB-12") are no one's initials.
    const reference = /^[/-]?\d/.test(text.slice(t.end, t.end + 2)) || /[\d/-]$/.test(text.slice(0, t.start));
    if (
      /^\p{Lu}{2,3}$/u.test(t.text) &&
      !ACRONYMS.has(t.base) &&
      !codes.has(t.base) &&
      !reference &&
      !shouted(tokens, i)
    ) {
      used.add(i);
      add(t.start, t.end);
      continue;
    }
    // "Child D", "Young person G", "Client B": a label and one capital letter (not the article "A" of a sentence).
    const label = LABELS.has(t.base) && !t.upper;
    const letterAfter = (k: number) => {
      const n = tokens[k];
      return !!n && n.sentence === t.sentence && /^\p{Lu}$/u.test(n.text);
    };
    if (
      label &&
      (letterAfter(i + 1) || (t.base === 'young' && tokens[i + 1]?.base === 'person' && letterAfter(i + 2)))
    ) {
      const last = letterAfter(i + 1) ? i + 1 : i + 2;
      for (let k = i; k <= last; k++) used.add(k);
      add(t.start, tokens[last]!.end);
      continue;
    }
    // "the Smiths", "the Lee family": one family by its surname.
    const surname = (w: string) => isLikelySurname(w) || isInNameList(w);
    if (t.base === 'the' && sameSentence && next.capitalised && !isPlaceOrCalendarWord(next.base)) {
      const after = tokens[i + 2];
      const plural = next.base.endsWith('s') && surname(next.base.slice(0, -1));
      const kin = !!after && after.sentence === t.sentence && KIN_AFTER.has(after.base) && surname(next.base);
      if (plural || kin) {
        const last = kin ? i + 2 : i + 1;
        for (let k = i + 1; k <= last; k++) used.add(k);
        add(next.start, tokens[last]!.end);
        continue;
      }
    }
    // "Kirsty P", "Ben T": a forename and the initial of a surname.
    const initial = sameSentence && /^\p{Lu}$/u.test(next.text) && !['A', 'I'].includes(next.text);
    if (t.capitalised && initial && (isForename(t.base) || isClearForename(t.base))) {
      used.add(i);
      used.add(i + 1);
      add(t.start, next.end);
      continue;
    }
    // "Smudge from the Tolvaddon lot": someone known by the crowd they run with.
    const crowd = /^ from the (?:\p{Lu}\p{L}+ )?(?:lot|crew|gang|lads|boys|mob|family)\b/u.test(
      text.slice(t.end, t.end + 40),
    );
    if (t.capitalised && crowd && !isPlaceOrCalendarWord(t.base)) {
      used.add(i);
      add(t.start, t.end);
      continue;
    }
    // "Big Mick", "Little Jay": a nickname and the capitalised word it goes with.
    if (
      NICKNAME_BEFORE.has(t.base) &&
      t.capitalised &&
      sameSentence &&
      next.capitalised &&
      !isPlaceOrCalendarWord(next.base)
    ) {
      used.add(i);
      used.add(i + 1);
      add(t.start, next.end);
    }
  }
}

/** A forename typed in lower case ("darren", "leanne"): a name all the same, when it is not an everyday word. */
export function isLowerCaseForename(t: Token): boolean {
  return !t.capitalised && !t.upper && /^\p{Ll}/u.test(t.text) && isClearForename(t.base);
}

/** In a text written in capitals, "JT" is just another word. */
function shouted(tokens: readonly Token[], i: number): boolean {
  const words = tokens.filter((t) => t.sentence === tokens[i]!.sentence && /\p{L}{2}/u.test(t.text));
  return words.length >= 3 && words.filter((t) => t.upper).length / words.length > 0.6;
}

/** Where a forename typed in lower case stands as a name: opening a note, after "with" or "met", before "was". */
export function lowerCaseNameHere(
  tokens: readonly Token[],
  text: string,
  i: number,
  caseless: boolean,
): boolean {
  const t = tokens[i]!;
  const before = tokens[i - 1];
  const next = tokens[i + 1];
  if (t.opensSentence || caseless) return true;
  if (before?.sentence === t.sentence && CONTACT_BEFORE.has(before.base)) return true;
  return (
    next?.sentence === t.sentence &&
    (SUBJECT_VERBS.has(next.base) || /^[\s]*[,-]/.test(text.slice(t.end, next.start)))
  );
}

/** "wears the", "keeps his": a word in -s before a determiner is a verb in the present. */
function presentVerb(tokens: readonly Token[], k: number): boolean {
  const after = tokens[k + 1];
  return /s$/.test(tokens[k]!.base) && !!after && /^(?:the|a|an|his|her|their|my|our|some)$/.test(after.base);
}

/** A name-like word opening a note and followed by a dash, a comma, shorthand or its state: "Gav - PPO". */
export function opensNote(tokens: readonly Token[], text: string, i: number): boolean {
  const t = tokens[i]!;
  const next = tokens[i + 1];
  // An acronym opening a note ("CSO update:") is the work's word, not a name.
  if (
    !t.opensSentence ||
    next?.sentence !== t.sentence ||
    /ing$/.test(t.base) ||
    t.base.length < 3 ||
    t.upper
  )
    return false;
  const nameLike = isForename(t.base) || isInNameList(t.base) || isUnknownWord(t.base);
  const between = text.slice(t.end, next.start);
  const follows =
    /[-,(\u2013]/.test(between) ||
    (next.upper && next.base.length <= 5) ||
    NOTE_AFTER_NAME.has(next.base) ||
    SUBJECT_VERBS.has(next.base) ||
    ((isForename(t.base) || isUnknownWord(t.base)) && (isVerbLike(next.base) || presentVerb(tokens, i + 1)));
  // "Tiny has just come out": an adjective opening a sentence as its subject is a nickname.
  const adjectiveName = isAdjective(t.base) && /^(?:has|is|was|had|got|just|says|said)$/.test(next.base);
  return (nameLike || adjectiveName) && follows && !isPlaceOrCalendarWord(t.base);
}

const MONTH_SURNAMES = new Set(['may', 'june', 'april', 'august']);

/** "Lucy May," and "Kerry June was": a forename and a surname that is also a month (not "14 May 2027"). */
export function isMonthSurname(first: Token, second: Token, text: string): boolean {
  return (
    isClearForename(first.base) &&
    MONTH_SURNAMES.has(second.base) &&
    !/^\s*\d/.test(text.slice(second.end, second.end + 3)) &&
    !/\d\s*$/.test(text.slice(0, first.start))
  );
}
