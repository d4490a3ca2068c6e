// The word lists behind the name rules, from two packages rather than typed out here: compromise's English
// lexicon (3,000 forenames tagged as such, and the parts of speech of 20,000 everyday words, so that "Will"
// or "Rose" can be told from a name) and humannames' list of 197,000 forenames and surnames (for names
// written in lower case or capitals, where no capital letter points at them). Both are data: nothing here
// reads a file or the network.
import { createRequire } from 'node:module';
import compromise from 'compromise/two';
import { ALL_TOWNS } from './towns.js';

const model = compromise.model() as { one: { lexicon: Record<string, string | string[] | undefined> } };
const lexicon = model.one.lexicon;
const NAME_TAGS = /^(?:MaleName|FemaleName|FirstName)$/;

/** Forenames compromise knows, in lower case ("sarah", "kyle", "kayleigh"). */
const FORENAMES = new Set<string>();
/** Everyday English words (verbs, nouns, adjectives...), each also a reason to doubt a name. */
const EVERYDAY = new Set<string>();
for (const [word, tag] of Object.entries(lexicon)) {
  if (word.includes(' ')) continue;
  const tags = Array.isArray(tag) ? tag : [tag ?? ''];
  if (tags.some((t) => NAME_TAGS.test(t))) FORENAMES.add(word);
  else if (!tags.includes('LastName') && !tags.includes('Person')) EVERYDAY.add(word);
}

/** humannames as one sorted string and its offsets: 2.5 MB in place of a 25 MB object of 197,000 keys. */
const humanNames = (() => {
  const require = createRequire(import.meta.url);
  const path = require.resolve('humannames');
  const names = [
    ...new Set(Object.keys(require(path) as Record<string, number>).map((n) => n.toLowerCase())),
  ].sort();
  delete require.cache[path];
  const offsets = new Uint32Array(names.length + 1);
  let total = 0;
  names.forEach((n, i) => {
    offsets[i] = total;
    total += n.length;
  });
  offsets[names.length] = total;
  return { joined: names.join(''), offsets, count: names.length };
})();

function inHumanNames(word: string): boolean {
  let low = 0;
  let high = humanNames.count - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const name = humanNames.joined.slice(humanNames.offsets[mid], humanNames.offsets[mid + 1]);
    if (name === word) return true;
    if (name < word) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}

// Words compromise does not list that are everyday in this work, and the words of places and bodies.
const WORK_WORDS =
  'street road lane park hill square estate centre center close way avenue terrace place court gardens crescent drive quay market station hall house church chapel school college academy hospital library surgery police council team service services office shop shops store bank pub inn hotel club bar cafe car bus train beach harbour bridge green common field fields moor cross view rise row walk yard precinct arcade parade mall town city village county area ward zone bay head point valley wood woods mill farm cottage cottages flats tower works depot garage centre stadium theatre cinema museum building institute memorial pavilion lodge hostel cove holidays holiday gallery trust foundation partnership board group network forum project programme week month year day night morning evening weekend today tomorrow yesterday christmas easter summer winter spring autumn manager officer inspector sergeant constable coordinator worker lead chair clerk mayor councillor team'.split(
    ' ',
  );
const PLACES =
  'cornwall kernow devon plymouth exeter england uk britain st saint treliske kenwyn pydar moresk malabar trelander highertown threemilestone tolvaddon pool illogan carn brea tuckingmill beacon troon penryn flushing mylor perranporth agnes hayle ives newlyn mousehole marazion heamoor gulval treneere alverton lostwithiel fowey par charlestown mevagissey bugle roche lanivet wadebridge padstow camelford launceston bude callington torpoint looe polperro menheniot dobwalls pensilva carkeel burraton latchbrook boscawen lemon kelly bray trago boots tesco sainsbury sainsburys morrisons lidl aldi asda greggs mcdonald mcdonalds wetherspoon wetherspoons costa iceland argos superdrug primark coop co-op addaction crimestoppers barnardo barnardos shelter mind samaritans nspcc rspca oxfam cornwallhousing kooth childline'.split(
    ' ',
  );
const FIXED_PLACE_WORDS = new Set([...WORK_WORDS, ...PLACES]);
/** The place words, with the words of the programme's towns as they are now (towns are data). */
const PLACE_WORDS = {
  has: (w: string) => FIXED_PLACE_WORDS.has(w) || townWords().has(w),
};
let townWordsOf: { towns: unknown; words: Set<string> } = { towns: null, words: new Set() };
function townWords(): Set<string> {
  if (townWordsOf.towns !== ALL_TOWNS) {
    const words = ALL_TOWNS.flatMap((t) => [t.name, ...t.aliases].flatMap((n) => n.toLowerCase().split(' ')));
    townWordsOf = { towns: ALL_TOWNS, words: new Set(words) };
  }
  return townWordsOf.words;
}
const CALENDAR = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun'.split(
    ' ',
  ),
);

/** A forename compromise knows that is not also an everyday word or a month ("Sarah", not "Will" or "May"). */
export const isClearForename = (w: string) => FORENAMES.has(w) && !EVERYDAY.has(w) && !CALENDAR.has(w);
/** A forename that is also an everyday word ("Will", "Grace", "Frank", "Dean"): a name only with company. */
export const isForename = (w: string) => FORENAMES.has(w) || (inHumanNames(w) && !isEveryday(w));
/** In humannames and not an everyday word, a place or a month: "pascoe", "trewin", not "street" or "the". */
export const isLikelySurname = (w: string) => inHumanNames(w) && !isEveryday(w) && !isPlaceOrCalendarWord(w);
/** Everyday words that are also forenames as nouns or modals ("Lily", "Will"), never adjectives ("Public"). */
const NOUN_LIKE = /^(?:Singular|Noun|Modal|Uncountable|FirstName)$/;
/** In a name list, even if also an everyday noun: a forename only before a surname ("Lily Rowe"). */
export const isInNameList = (w: string) => {
  if (FORENAMES.has(w)) return true;
  const tag = lexicon[w];
  return inHumanNames(w) && (!EVERYDAY.has(w) || (typeof tag === 'string' && NOUN_LIKE.test(tag)));
};
export const isEveryday = (w: string) => EVERYDAY.has(w) || CALENDAR.has(w) || PLACE_WORDS.has(w);
/** A word of a place, a venue, a body or a calendar: "Street", "Boots", "Truro", "May". */
export const isPlaceOrCalendarWord = (w: string) =>
  PLACE_WORDS.has(w) || CALENDAR.has(w) || (w.endsWith('s') && PLACE_WORDS.has(w.slice(0, -1)));
const VERB_TAGS = /Verb|Tense|Modal|Copula|Auxiliary|Infinitive|Participle/;
/** A verb, as the lexicon tags it, or a word ending as a past tense does ("disclosed", "relapsed"). */
export const isVerbLike = (w: string): boolean => {
  const tag = lexicon[w];
  const tags = Array.isArray(tag) ? tag : tag ? [tag] : [];
  if (tags.some((t) => VERB_TAGS.test(t))) return true;
  // "disclosed": a past tense.
  return /ed$/.test(w) && !EVERYDAY.has(w.slice(0, -2));
};

/** An adjective, as the lexicon tags it ("tiny", "mad"). */
export const isAdjective = (w: string) => {
  const tag = lexicon[w];
  return (Array.isArray(tag) ? tag : tag ? [tag] : []).some((t) => /Adjective|Comparable/.test(t));
};

/** A word no list knows ("Tommo", "Smudgey"): in a note's opening place, likely a nickname. */
export const isUnknownWord = (w: string) =>
  !EVERYDAY.has(w) && !FORENAMES.has(w) && !lexicon[w] && !inHumanNames(w) && !isPlaceOrCalendarWord(w);
const PROPER = /^(?:Country|City|Place|Region|Organization|FirstName|MaleName|FemaleName|LastName|Person)$/;
/** A name in a list that is no everyday word but another proper noun at most ("jordan", "chad", not "see"). */
export const isProperName = (w: string) => {
  if (!FORENAMES.has(w) && !inHumanNames(w)) return false;
  const tag = lexicon[w];
  return !tag || (Array.isArray(tag) ? tag : [tag]).every((t) => PROPER.test(t));
};
