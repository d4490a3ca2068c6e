// The text the personal-data guard reads: folded so that look-alike letters, zero-width characters, accents,
// spaced-out letters and digits standing in for letters cannot hide a word, with every folded character
// pointing back to where it stood in what the person typed, so findings quote their own words.

export interface FoldedText {
  /** The folded text: Latin letters without accents, straight apostrophes, no invisible characters. */
  text: string;
  /** origin[i] is the index in the typed text of folded character i; origin[text.length] is its length. */
  origin: number[];
}

// Cyrillic and Greek letters that look like Latin ones (the common confusables), and a few more.
const LOOK_ALIKES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ɡ: 'g',
  һ: 'h',
  ӏ: 'l',
  ԛ: 'q',
  ԝ: 'w',
  ı: 'i',
  ɩ: 'i',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
  α: 'a',
  ο: 'o',
  ν: 'v',
  ρ: 'p',
  τ: 't',
  ι: 'i',
  κ: 'k',
  υ: 'u',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  '\u2018': "'",
  '\u2019': "'",
  '\u02BC': "'",
  '\u2032': "'",
  '`': "'",
  '\u2013': '-',
  '\u2014': '-',
  '\u2010': '-',
  '\u2011': '-',
  '\u00A0': ' ',
  '\u2007': ' ',
  '\u202F': ' ',
  '\u3000': ' ',
};
const INVISIBLE = /[\p{Cf}\p{Mn}\p{Me}]/u;
const EMOJI = /\p{Extended_Pictographic}/u;
const SYMBOL = '\uFFFC';

/** Folds look-alikes, accents and invisible characters; keeps where each character came from. */
export function foldText(typed: string): FoldedText {
  let text = '';
  const origin: number[] = [];
  let index = 0;
  for (const ch of typed) {
    const at = index;
    index += ch.length;
    const code = ch.charCodeAt(0);
    if (code < 0x80 && ch !== '`') {
      // Plain ASCII, nearly every character typed: nothing to fold.
      text += ch;
      origin.push(at);
      continue;
    }
    if (INVISIBLE.test(ch)) continue;
    // An emoji becomes one stand-in character, so that one dropped between two letters joins the word again.
    const mapped = EMOJI.test(ch) ? SYMBOL : (LOOK_ALIKES[ch] ?? ch.normalize('NFKD').replace(/\p{M}/gu, ''));
    for (let k = 0; k < mapped.length; k++) origin.push(at); // one entry for each UTF-16 unit
    text += mapped;
  }
  origin.push(typed.length);
  return dropBetweenLetters(collapseSpacedLetters({ text, origin }));
}

/** "h e r o i n", "S.a.r.a.h": four or more single letters with one separator between each become a word. */
const SPACED_RUN = /(?<![\p{L}\p{N}])\p{L}(?:[ .\-_*]\p{L}(?![\p{L}\p{N}])){3,}/gu;

function collapseSpacedLetters(f: FoldedText): FoldedText {
  const drop = new Set<number>();
  for (const m of f.text.matchAll(SPACED_RUN))
    for (let k = m.index; k < m.index + m[0].length; k++) if (!/\p{L}/u.test(f.text[k]!)) drop.add(k);
  return dropAt(f, drop);
}

/** An emoji or a stray symbol between two letters ("her😀oin") is dropped, so the word is whole again. */
function dropBetweenLetters(f: FoldedText): FoldedText {
  const isLetter = (c: string | undefined) => c !== undefined && /\p{L}/u.test(c);
  const drop = new Set<number>();
  for (let i = 0; i < f.text.length; i++)
    if (/[*_^~|\uFFFC]/.test(f.text[i]!) && isLetter(f.text[i - 1]) && isLetter(f.text[i + 1])) drop.add(i);
  return dropAt(f, drop);
}

function dropAt(f: FoldedText, drop: ReadonlySet<number>): FoldedText {
  if (!drop.size) return f;
  let text = '';
  const origin: number[] = [];
  for (let i = 0; i < f.text.length; i++)
    if (!drop.has(i)) {
      text += f.text[i];
      origin.push(f.origin[i]!);
    }
  origin.push(f.origin[f.text.length]!);
  return { text, origin };
}

// Digits standing in for letters inside a word ("her0in", "m3thadone"); a word with one letter is left be,
// so road numbers (A30) and references (TRU-014) stay as they are.
const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
};

/** The folded text with digits inside words read as the letters they stand for (same length). */
export function readLeet(text: string): string {
  return text.replace(/[\p{L}0-9@$]+/gu, (word) => {
    const letters = word.replace(/[^\p{L}]/gu, '').length;
    if (letters < 2 || letters === word.length || !/\p{L}/u.test(word[0]!)) return word;
    return word.replace(/[0-9@$]/g, (d) => LEET[d] ?? d);
  });
}

export interface Token {
  /** The word as folded, and in lower case with any possessive ending removed. */
  text: string;
  base: string;
  start: number;
  end: number;
  /** Capitalised (Sarah), all capitals (SARAH, ASB), possessive (Dean's, James'). */
  capitalised: boolean;
  upper: boolean;
  possessive: boolean;
  /** First word of a sentence, a line, or after a colon: its capital letter says nothing. */
  opensSentence: boolean;
  /** Which sentence it is in, counted from 0. */
  sentence: number;
}

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)*'?/gu;
const NOT_SENTENCE_END = new Set([
  'mr',
  'mrs',
  'ms',
  'mx',
  'dr',
  'st',
  'no',
  'pc',
  'sgt',
  'insp',
  'cllr',
  'eg',
  'ie',
  'etc',
  'approx',
  'v',
  'vs',
]);

/** The words of the folded text, each knowing its sentence and whether its capital letter means anything. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    const before = text.slice(tokens.at(-1)?.end ?? 0, m.index);
    const previous = tokens.at(-1);
    // "Mr. Pascoe", "K.M. was": a title's or an initial's full stop ends no sentence.
    const abbreviation = previous && (NOT_SENTENCE_END.has(previous.base) || /^\p{Lu}$/u.test(previous.text));
    const breaks = /[.!?;\n]/.test(before) && !(abbreviation && !/\n/.test(before) && /^\.\s?$/.test(before));
    if (previous && breaks) sentence++;
    const opensSentence = !previous || breaks || /[:•]|(?:^|\s)[-*]\s|\s[-*]$/.test(before);
    const possessive = /'s?$/i.test(word) && !/^'/.test(word);
    const bare = possessive ? word.replace(/'s?$/i, '') : word;
    tokens.push({
      text: word,
      base: bare.toLowerCase(),
      start: m.index,
      end: m.index + word.length,
      capitalised: /^\p{Lu}/u.test(bare) && !/^\p{Lu}+$/u.test(bare.length > 1 ? bare : 'a'),
      upper: bare.length > 1 && /^[\p{Lu}\p{N}]+$/u.test(bare) && /\p{Lu}/u.test(bare),
      possessive,
      opensSentence,
      sentence,
    });
  }
  return tokens;
}

/** The index of the first token that ends after `index` (the token at or after it), by binary search. */
export function tokenIndexAt(tokens: readonly Token[], index: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (tokens[mid]!.end > index) high = mid;
    else low = mid + 1;
  }
  return Math.min(low, tokens.length - 1);
}
