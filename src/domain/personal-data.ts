// The personal-data guard: one function every way in calls before free text is kept or shown. It finds
// identifiers (e-mail, phone, NI number, postcode, date of birth, a house number), references to a person
// (names, ages, relatives, children, descriptions) and special-category or offence terms, and judges them
// together: a person with a sensitive term is refused, a person alone or an identifier is a warning, and a
// sensitive term about a place or a group is the partnership's ordinary work. It is a safety net, not a
// guarantee: docs/DATA-PROTECTION.md says what it finds, what it cannot, and how well it does.
import { AppError, ErrorCode } from '../errors.js';
import { foldText, readLeet, tokenize } from './personal-data-text.js';
import { findIdentifiers } from './personal-data-identifiers.js';
import { findPeople } from './personal-data-people.js';
import { findSensitiveTerms, type SensitiveTerm } from './personal-data-sensitive.js';
import { judge, type Span } from './personal-data-judge.js';
import type { ScreenedText } from './screened-text.js';
import {
  PLACEHOLDER,
  type FieldsScreening,
  type PersonalDataFinding,
  type PersonalDataKind,
  type Verdict,
} from './personal-data-findings.js';

export interface Screening {
  verdict: Verdict;
  findings: PersonalDataFinding[];
  /** Whether any finding is an identifier (today's rules: confirmed on a note or a new action only). */
  identifiers: boolean;
  /** The text with what was found replaced by "[person]", "[age]"..., for the person to edit. */
  suggestion: string;
}

export interface ScreenContext {
  /** Display names of the people the text may name as themselves: the town's members, the author. */
  knownNames?: readonly string[];
}

/** Screens one piece of free text. */
export function screenText(typed: string, context: ScreenContext = {}): Screening {
  const { verdict, spans, identifiers } = analyse(typed, context);
  return {
    verdict,
    findings: spans.map((s) => finding(typed, s)),
    identifiers,
    suggestion: redact(typed, spans),
  };
}

/**
 * Screens the free-text fields of one submission as one text, so that a name in the title and an offence
 * in the measure are judged together; each finding is reported in the field it came from.
 */
export function screenFields(
  fields: Readonly<Record<string, string | undefined>>,
  context: ScreenContext = {},
): FieldsScreening {
  const present = Object.entries(fields).filter((e): e is [string, string] => !!e[1]?.trim());
  const SEPARATOR = '.\n\n';
  const joined = present.map(([, text]) => text).join(SEPARATOR);
  const { verdict, spans, identifiers } = analyse(joined, context);
  const findings: FieldsScreening['findings'] = [];
  const suggestions: Record<string, string> = {};
  let offset = 0;
  for (const [field, text] of present) {
    const own = spans
      .filter((s) => s.start >= offset && s.end <= offset + text.length)
      .map((s) => ({ ...s, start: s.start - offset, end: s.end - offset }));
    if (own.length) {
      findings.push(...own.map((s) => ({ ...finding(text, s), field })));
      suggestions[field] = redact(text, own);
    }
    offset += text.length + SEPARATOR.length;
  }
  return { verdict, identifiers, findings, suggestions };
}

/** Whether text so screened may be kept: never when refused, and after a confirmation when warned. */
export function mayKeep(screening: { verdict: Verdict }, confirmed: boolean): boolean {
  return screening.verdict === 'clear' || (screening.verdict === 'confirm' && confirmed);
}

/** A field left empty: nothing to screen, nothing kept. */
export const NOTHING_TYPED = '' as ScreenedText;

/**
 * Text the bot composes itself from its own words and records' names ("Safer Truro launch"), screened
 * like anything typed: should it ever name someone, it is refused all the same.
 */
export function composedText(text: string): ScreenedText {
  if (screenText(text).verdict !== 'clear')
    throw new AppError(ErrorCode.Validation, 'A text the bot wrote looks like personal details: not kept');
  return text as ScreenedText;
}

/** Screened text without its surrounding spaces (null when nothing is left): as screened as before. */
export function trimmedText(text: ScreenedText | null | undefined): ScreenedText | null {
  return (text?.trim() || null) as ScreenedText | null;
}

/** A screened list typed as one field ("a,b; c"): its parts, each as screened as the whole. */
export function screenedParts(text: ScreenedText | undefined): ScreenedText[] {
  return (text ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean) as ScreenedText[];
}

/**
 * The fields as text the guard let through, when their screening allows keeping them; null otherwise. The
 * one place a ScreenedText is made.
 */
export function keptText<F extends string>(
  fields: { readonly [K in F]?: string | undefined },
  screening: { verdict: Verdict },
  confirmed: boolean,
): { [K in F]?: ScreenedText } | null {
  if (!mayKeep(screening, confirmed)) return null;
  return Object.fromEntries(
    Object.entries<string | undefined>(fields).map(([k, v]) => [k, v as ScreenedText | undefined]),
  ) as { [K in F]?: ScreenedText };
}

/** Every finding in a text (the guard's whole answer is screenText). */
export function detectPersonalData(text: string, context: ScreenContext = {}): PersonalDataFinding[] {
  return screenText(text, context).findings;
}

/** What the text holds, as spans of the text as typed. */
function analyse(source: string, context: ScreenContext) {
  const folded = foldText(source);
  const identifiers = findIdentifiers(folded.text);
  const words = readLeet(folded.text);
  const tokens = tokenize(words);
  const allTerms = findSensitiveTerms(words);
  // "Gypsy and Traveller liaison": a word that is itself a sensitive term is not also someone's name.
  const people = findPeople(words, tokens, knownWords(context.knownNames ?? [])).filter(
    (p) => p.kind !== 'lone_name' || !allTerms.some((t) => t.start <= p.start && p.end <= t.end),
  );
  const terms = allTerms.filter((t) => !t.topic && !insideIdentifier(t, identifiers));
  // An address, a date of birth or an NI number is always someone's: it counts as naming them.
  const named = identifiers
    .filter((i) => ['address', 'date_of_birth', 'ni_number'].includes(i.kind))
    .map((i) => ({ ...i, kind: 'person_name' as const, strength: 'strong' as const, sentence: 0 }));
  const judged = judge([...people, ...named], terms, tokens);
  const found = judged.spans.filter((s) => !(named as Span[]).includes(s));
  const verdict: Verdict = judged.serious
    ? 'refuse'
    : found.length || identifiers.length
      ? 'confirm'
      : 'clear';
  const at = (i: number) => folded.origin[i] ?? source.length;
  const spans = resolveOverlaps([...identifiers, ...found]).map((s) => ({
    kind: s.kind,
    start: at(s.start),
    end: at(s.end),
  }));
  return { verdict, spans, identifiers: identifiers.length > 0 };
}

const finding = (text: string, s: Span): PersonalDataFinding => ({
  kind: s.kind,
  match: text.slice(s.start, s.end),
  index: s.start,
});

const RANK: Partial<Record<PersonalDataKind, number>> = { relationship: 3, person_name: 2, age: 2, child: 1 };

/** One finding at each place: among spans that overlap, the surer and the longer one wins. */
function resolveOverlaps(spans: readonly Span[]): Span[] {
  const kept: Span[] = [];
  let cluster: Span[] = [];
  let clusterEnd = -1;
  const flush = () => {
    const best: Span[] = [];
    const ordered = cluster.sort(
      (a, b) => (RANK[b.kind] ?? 0) - (RANK[a.kind] ?? 0) || b.end - b.start - (a.end - a.start),
    );
    for (const s of ordered) if (!best.some((k) => s.start < k.end && k.start < s.end)) best.push(s);
    kept.push(...best.sort((a, b) => a.start - b.start));
  };
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start >= clusterEnd && cluster.length) {
      flush();
      cluster = [];
    }
    cluster.push(s);
    clusterEnd = Math.max(clusterEnd, s.end);
  }
  if (cluster.length) flush();
  return kept;
}

function insideIdentifier(
  term: SensitiveTerm,
  identifiers: readonly { start: number; end: number }[],
): boolean {
  return identifiers.some((i) => term.start < i.end && i.start < term.end);
}

function redact(source: string, spans: readonly Span[]): string {
  let out = '';
  let from = 0;
  let last: Span | null = null;
  for (const s of spans) {
    if (!PLACEHOLDER[s.kind]) continue;
    // "using heroin": two terms of one kind side by side are one detail.
    const joined = last?.kind === s.kind && /^\s*$/.test(source.slice(from, s.start));
    out += joined ? '' : source.slice(from, s.start) + PLACEHOLDER[s.kind];
    from = s.end;
    last = s;
  }
  return (out + source.slice(from)).replace(/[ \t]{2,}/g, ' ');
}
function knownWords(names: readonly string[]): Set<string> {
  const words = names.flatMap((n) =>
    foldText(n.replace(/\(.*?\)/g, ' '))
      .text.toLowerCase()
      .split(/[^\p{L}']+/u),
  );
  return new Set(words.filter((w) => w.length > 1));
}
