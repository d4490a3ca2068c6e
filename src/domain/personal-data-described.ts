// People described rather than named: an age, a relative, a child, "a man", "he". personal-data-people.ts
// adds them to the names it finds.

export type DescribedKind = 'age' | 'relationship' | 'child' | 'description' | 'pronoun';

const RELATIVES =
  'mum|mother|mam|mom|dad|father|son|daughter|brother|sister|partner|boyfriend|girlfriend|husband|wife|ex|ex-partner|fiance|fiancee|nan|nanna|nana|gran|granny|grandma|grandad|grandpa|grandmother|grandfather|grandson|granddaughter|uncle|aunt|auntie|cousin|nephew|niece|stepdad|stepmum|stepfather|stepmother|stepson|stepdaughter|child|baby|kid|kids|children|family|carer|social worker|key worker|probation officer|gp|landlord|neighbour';
const GROUP_BEFORE =
  /\b(?:people|persons|youths|children|kids|teenagers|teens|pupils|students|residents|adults|men|women|boys|girls|lads|males|females|groups?|those|anyone|cohort|members|volunteers|families|users|sleepers|drinkers|offenders|victims)\b[^.;\n]{0,30}$/;

/** "mum", "partner", "probation officer": a word for someone close to, or working with, one person. */
export const isRelative = (word: string) => RELATIVE.test(word);
const RELATIVE = new RegExp(`^(?:${RELATIVES})$`);

/** `definite`: "the man", "he" (someone the reader knows); `located`: "the lad above the chippy". */
type Add = (kind: DescribedKind, start: number, end: number, how?: 'definite' | 'located') => void;

export function findAges(text: string, names: readonly { end: number }[], add: Add): void {
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
  for (const ref of names) {
    const m = /^\s*(?:,\s*|\(\s*)(\d{1,2}|1[01]\d)\s*(?=[,)]|\s+(?:is|was|has|from|of|who|and)\b)/.exec(
      lower.slice(ref.end, ref.end + 16),
    );
    if (m) add('age', ref.end + m[0].indexOf(m[1]!), ref.end + m[0].indexOf(m[1]!) + m[1]!.length);
  }
}

export function findRelatives(text: string, add: Add): void {
  const lower = text.toLowerCase();
  const plural = /^(?:kids|children|family|parents|siblings)$/;
  const pattern = new RegExp(
    `\\b(his|her|their)\\s+(?:(?:ex|step|older|younger|little|big|elder|eldest|oldest|youngest|middle|new|former|current|late|own|\\d{1,2}[- ]?year[- ]old)[- ]?)?(${RELATIVES}|parents|siblings)\\b`,
    'g',
  );
  for (const m of lower.matchAll(pattern))
    if (!(m[1] === 'their' && plural.test(m[2]!))) add('relationship', m.index, m.index + m[0].length);
  const someone = new RegExp(
    `\\b(?:the|a|an|this|that)\\s+(?:${CHILDREN}|${ADULTS})'s?\\s+(?:${RELATIVES})\\b`,
    'g',
  );
  for (const m of lower.matchAll(someone)) add('relationship', m.index, m.index + m[0].length);
  const friendOf = new RegExp(
    `\\b(?:my|our|his|her|the)\\s+(?:neighbou?r|friend|mate|colleague|tenant|client)s?'?s?\\s+(?:${RELATIVES})\\b`,
    'g',
  );
  for (const m of lower.matchAll(friendOf)) add('relationship', m.index, m.index + m[0].length);
  for (const m of lower.matchAll(/\b(?:mother|father|mum|dad) of (?:one|two|three|four|five|six|\d)\b/g))
    add('relationship', m.index, m.index + m[0].length);
}

const CHILDREN =
  'girl|boy|child|teenager|teen|toddler|baby|infant|schoolgirl|schoolboy|pupil|juvenile|minor|young person|youngster|kid|student';
const ADULTS =
  'man|woman|male|female|lad|lass|bloke|guy|resident|tenant|individual|person|client|neighbour|service user|gentleman|lady|rough sleeper|beggar|occupant|mother|father|pensioner|suspect|victim|offender|patient|customer|shoplifter|dealer|user|lodger|couple|widow|widower|old boy|family|youngest|eldest|oldest|squatter|landlady|caretaker';
// Where someone lives: what makes "a woman" someone in particular.
const HOME =
  /^\s*,?\s*(?:who (?:lives|lived|stays|is staying)|(?:at|from|of) (?:number|no\.?|flat) ?\d|in flat|above|below|upstairs|downstairs|next door|living|staying)\b/;
// What places a described person: "who lives above", "at number 12", "in the tent behind the church".
const LOCATOR =
  /^\s*,?\s*(?:who|that|at|in|on|from|with|above|below|under|upstairs|downstairs|next (?:door|to)|opposite|outside|behind|by|near|living|staying|round|across)\b/;

export function findDescriptions(text: string, add: Add): void {
  const lower = text.toLowerCase();
  const one = `\\b(a|an|the|this|that|one|same|my|our|your)\\s+(?:[a-z'-]+\\s+){0,2}?`;
  // "the lad in the caravan" is someone the reader can find; "a man in Superdrug" is anyone, unless where
  // they live is said ("a woman at number 12").
  const how = (m: RegExpMatchArray) => {
    const end = m.index! + m[0].length;
    const after = lower.slice(end, end + 30);
    const indefinite = ['a', 'an', 'one'].includes(m[1]!);
    if ((indefinite ? HOME : LOCATOR).test(after)) return 'located' as const;
    return indefinite ? undefined : ('definite' as const);
  };
  for (const m of lower.matchAll(
    new RegExp(
      `${one}(?:${CHILDREN})\\b(?![-'](?:s\\b|friendly))(?!\\s+(?:protection|sexual|criminal|exploitation|services|safeguarding))`,
      'g',
    ),
  ))
    add('child', m.index, m.index + m[0].length, how(m));
  for (const m of lower.matchAll(
    new RegExp(`${one}(?:${ADULTS})\\b(?![-'](?:s\\b|made))(?!\\s+(?:responsible for|in charge))`, 'g'),
  ))
    add('description', m.index, m.index + m[0].length, how(m));
  // "one of the bell ringers", "one of our tenants": one person of a group.
  for (const m of lower.matchAll(
    /\bone of (?:the|our|their|his|her|those) (?:[a-z'-]+ ){0,2}?(?:[a-z]+ers|tenants|residents|lads|girls|boys|men|women|youths|kids|children|neighbours|pupils|students|staff|regulars|clients|patients|parents|members|volunteers)\b/g,
  ))
    add('description', m.index, m.index + m[0].length, 'definite');
  // "tenant at 14", "lad in flat 3": a note's shorthand for the one who lives there.
  for (const m of lower.matchAll(
    /(?<!\b(?:a|an|the|this|that|one|same|my|our|your)\s)\b(?:tenant|resident|neighbour|occupant|lodger|lad|man|woman|girl|boy|family|couple)s? (?:at|in|of|from) (?:number |no\.? ?|flat )?\d{1,4}[a-z]?\b/g,
  ))
    add('description', m.index, m.index + m[0].length, 'located');
  for (const m of lower.matchAll(/\b(?:he|she|hes|shes|him|his|her|hers|himself|herself)\b/g))
    add('pronoun', m.index, m.index + m[0].length, 'definite');
}
