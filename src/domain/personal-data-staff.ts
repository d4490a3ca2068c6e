// Partners at work: a name that is one of the partnership's members, or that comes with a role or an
// organisation ("Helen the PCSO", "Leon from the BID", "our youth worker Sian", "the harbour master Pete"),
// is staff doing their job, not the subject of a note. It becomes a subject when the sensitive words are said
// of them ("Helen was arrested", "Leon from the BID is on bail"): personal-data.ts judges that (`isSubjectOf`).
import type { Token } from './personal-data-text.js';

/** Words that name a role: a name next to one is someone at work. A reviewer extends this list. */
const ROLE_WORDS = new Set(
  `pcso pcsos pc officer sergeant sgt inspector insp constable detective dc ds di dci supt superintendent chief
  cllr councillor mayor clerk manager coordinator co-ordinator worker warden ranger pastor chair chairman
  chairwoman lead director head teacher headteacher nurse doctor dr gp paramedic firefighter commander caretaker
  master harbourmaster keeper cso vicar rev reverend volunteer advisor adviser analyst navigator mentor champion
  practitioner specialist receptionist administrator steward marshal`
    .split(/\s+/)
    .filter(Boolean),
);
/** Bodies a partner is "from" or "at": "Leon from the BID", "Kate at We Are With You". */
const ORGANISATIONS = new Set(
  `bid council housing police fire service services health trust hub library school surgery shelter team
  probation nhs office unit station centre partnership charity church college academy hospital pubwatch
  watch highways licensing standards environmental planning ambulance coastguard rnli network board`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Whether the name in tokens `first`..`last` comes with a role or a body: the index of the last token of
 * the name and its role phrase ("Helen the PCSO" ends at "PCSO"), or null when it has none.
 */
export function roleOf(tokens: readonly Token[], first: number, last: number, text: string): number | null {
  return roleAfterName(tokens, last, text) ?? (roleBeforeName(tokens, first, text) ? last : null);
}

/** "Helen the PCSO", "Leon from the BID", "Mike Dunn, the neighbourhood inspector,": the role's last token. */
function roleAfterName(tokens: readonly Token[], last: number, text: string): number | null {
  const at = (k: number) => (tokens[k]?.sentence === tokens[last]!.sentence ? tokens[k] : undefined);
  let k = last + 1;
  const first = at(k);
  if (!first) return null;
  if (['the', 'our', 'their', 'a'].includes(first.base)) {
    for (let j = k + 1; j <= k + 3 && at(j); j++) if (ROLE_WORDS.has(at(j)!.base)) return j;
    return null;
  }
  if (['from', 'at', 'of'].includes(first.base)) {
    k++;
    if (at(k)?.base === 'the') k++;
    const org = at(k);
    if (!org) return null;
    // A body in capitals or capitalised ("the BID", "We Are With You", "Shelter"), or one of the work's words.
    const named = (org.upper || org.capitalised) && !/\n/.test(text.slice(tokens[last]!.end, org.start));
    if (ORGANISATIONS.has(org.base) || named) {
      let end = k;
      while (
        at(end + 1) &&
        (at(end + 1)!.capitalised || at(end + 1)!.upper || ORGANISATIONS.has(at(end + 1)!.base))
      )
        end++;
      return end;
    }
  }
  return null;
}

/** "our youth worker Sian", "the harbour master Pete", "Street pastor coordinator Phil". */
function roleBeforeName(tokens: readonly Token[], first: number, text: string): boolean {
  const before = tokens[first - 1];
  if (!before || before.sentence !== tokens[first]!.sentence) return false;
  const gap = text.slice(before.end, tokens[first]!.start);
  return ROLE_WORDS.has(before.base) && /^[\s,]*$/.test(gap);
}

// Between a name and what is said of it: "Helen was arrested", "Leon has been charged", "Jo is now on bail".
const STATE_WORDS = new Set(
  'was is has had been being got gets were now also just not recently again herself himself still on a an back under in off work sick with'.split(
    ' ',
  ),
);

/** Whether a sensitive term starting at token `term` is said of the one at work whose name and role end at `last`. */
export function isSubjectOf(last: number, term: number, tokens: readonly Token[]): boolean {
  if (term <= last || tokens[term]!.sentence !== tokens[last]!.sentence) return false;
  const between = tokens.slice(last + 1, term);
  return between.length >= 1 && between.length <= 4 && between.every((t) => STATE_WORDS.has(t.base));
}
