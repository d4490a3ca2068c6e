// How the guard weighs what it found: a person named or described, with sensitive words said of them in the
// same sentence (or anywhere, for a full name, an age or a relative), is refused; someone at work only when
// the words are said of them ("Helen was arrested", not "Helen the PCSO arrested two youths"). What is
// returned is the spans to report: on their own, a name or an identifier is only a warning.
import { tokenIndexAt, type Token } from './personal-data-text.js';
import { isSubjectOf } from './personal-data-staff.js';
import type { PersonReference } from './personal-data-people.js';
import type { SensitiveTerm } from './personal-data-sensitive.js';
import type { PersonalDataKind } from './personal-data-findings.js';

export interface Span {
  kind: PersonalDataKind;
  start: number;
  end: number;
}

export function judge(
  people: readonly PersonReference[],
  terms: readonly SensitiveTerm[],
  tokens: readonly Token[],
) {
  // Someone at work is a subject only when the sensitive words are said of them ("Helen was arrested").
  const subjects = people.filter(
    (p) =>
      p.strength === 'staff' &&
      terms.some((t) => isSubjectOf(p.lastToken!, tokenIndexAt(tokens, t.start), tokens)),
  );
  const strong = [...people.filter((p) => p.strength === 'strong'), ...subjects];
  const sentenceOf = (index: number) => tokens[tokenIndexAt(tokens, index)]?.sentence ?? 0;
  const linked = people.filter(
    (p) => p.strength === 'linked' && terms.some((t) => sentenceOf(t.start) === p.sentence),
  );
  // "he", "the man": serious when a term is said of them close by (of someone at work only as of their name).
  const tied = people.filter((ref) => {
    if (ref.strength !== 'tied') return false;
    const near = termsTiedTo(ref, terms, tokens, sentenceOf);
    return (ref.kind === 'pronoun' && atWork(ref, people) ? saidOf(ref, near, tokens) : near).length > 0;
  });
  const serious = (strong.length > 0 && terms.length > 0) || linked.length > 0 || tied.length > 0;
  const spans: Span[] = [...strong];
  if (serious) spans.push(...linked, ...terms, ...tied.filter((r) => r.kind !== 'pronoun'));
  return { spans, serious };
}

/** "Owen says he will chase the warrant": a pronoun after someone at work, in their sentence, is them. */
function atWork(pronoun: PersonReference, people: readonly PersonReference[]): boolean {
  const before = people.filter(
    (p) => p.kind !== 'pronoun' && p.sentence === pronoun.sentence && p.end <= pronoun.start,
  );
  return before.at(-1)?.strength === 'staff';
}

/** "Jenna said she was arrested": the terms said of someone at work, as for their name. */
function saidOf(pronoun: PersonReference, terms: readonly SensitiveTerm[], tokens: readonly Token[]) {
  const at = tokenIndexAt(tokens, pronoun.start);
  return terms.filter((t) => isSubjectOf(at, tokenIndexAt(tokens, t.start), tokens));
}

/** The terms said of a pronoun or a description: close by in its sentence (never a term inside it). */
function termsTiedTo(
  ref: PersonReference,
  terms: readonly SensitiveTerm[],
  tokens: readonly Token[],
  sentenceOf: (index: number) => number,
): SensitiveTerm[] {
  const tokenAt = (index: number) => Math.max(0, tokenIndexAt(tokens, index));
  const from = tokenAt(ref.start);
  const to = tokenAt(ref.end - 1);
  return terms.filter((t) => {
    if (sentenceOf(t.start) !== ref.sentence || (t.start >= ref.start && t.end <= ref.end)) return false;
    const at = tokenAt(t.start);
    if (ref.kind !== 'pronoun') return at > to ? at - to <= 10 : from - at <= 3;
    const pronoun = tokens[from]!.base;
    if (['his', 'her'].includes(pronoun) && at > to && at - to <= 2) return true;
    if (['him', 'her'].includes(pronoun) && at < from && from - tokenAt(t.end - 1) <= 2) return true;
    return ['he', 'she', 'hes', 'shes'].includes(pronoun) && at > to && at - to <= 5;
  });
}
