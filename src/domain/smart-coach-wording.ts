// The coach's checks of what an action says (Specific and Measurable): the title's opening and place, the
// target's quantity, the measure's countability. English only: other languages are left alone.
import {
  BARE_COMPARISON,
  CONCRETE_DEED,
  DATE_WORDS,
  DELIBERATIVE_OPENING,
  DELIVERABLE,
  DESK_WORK,
  DONE_WORDS,
  ENGLISH_WORDS,
  NAMED_PLACE,
  NOT_A_PLACE,
  PLACE_BASED,
  PLACE_WORD,
  QUANTITY,
  TARGET_QUANTITY,
  THEME_NOT_PLACE,
  TIME_PHRASE,
  VAGUE_OPENING,
  WATCHING,
} from './smart-coach-words.js';
import { countableMeasure } from './smart-coach-measure.js';
import type { CoachFinding } from './smart-checks.js';

/** What the wording checks read of an action. */
interface Wording {
  title: string;
  measure: string;
  target: string;
}

export const lower = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');

const clip = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}...` : text);

/** The Specific and Measurable warnings, or none for text the coach cannot read. */
export function wordingFindings(input: Wording): CoachFinding[] {
  return readsEnglish(input) ? findings(input) : [];
}

/**
 * The word checks read English: text mostly in another script (Cornish and Welsh are Latin) is left to the
 * checks that need no words, so a good action in Polish or Arabic is never flagged for its wording.
 */
function readsEnglish(input: Wording): boolean {
  const text = `${input.title} ${input.measure} ${input.target}`;
  const letters = text.match(/\p{L}/gu) ?? [];
  const latin = letters.filter((c) => /\p{Script=Latin}/u.test(c)).length;
  if (!letters.length || latin / letters.length < 0.6) return false;
  // Latin script is not English (Polish, Welsh, Cornish): an English plan says "in", "the", "of"...
  const words = lower(text);
  // A short English action may have none of those words ("Attend Pubwatch meetings regularly"): two words
  // with English endings (-ing, -ed, -tion, -ment, -ly, a plural -s) say it as well.
  const endings = words.match(/\b[a-z]{3,}(?:ings?|ed|tions?|ments?|ly|ness|[^s]s)\b/g) ?? [];
  return ENGLISH_WORDS.test(words) || endings.length >= 2 || VAGUE_OPENING.test(lower(input.title));
}

function findings(input: Wording): CoachFinding[] {
  const findings: CoachFinding[] = [];
  const title = lower(input.title);
  const vague = VAGUE_OPENING.exec(title)?.[0];
  const rest = title.slice(vague?.length ?? 0);
  const weighing = DELIBERATIVE_OPENING.test(title);
  // "a" is no number here: "Work towards a safer Falmouth" names no deed and no count.
  const counted = QUANTITY.test(rest.replace(/\ba\b/g, ''));
  const deed = !WATCHING.test(title) && CONCRETE_DEED.test(rest);
  if (vague && (weighing || (!deed && !counted)))
    findings.push({
      code: 'vague_opening',
      check: 'specific',
      field: 'title',
      message: `"${vague}" says what the partnership hopes for, not what it will do`,
      suggestion:
        'Start with the deed and its object: e.g. "Run 12 joint patrols of Lemon Street on Friday nights" or "Serve CPWs on the 3 premises linked to street drinking"',
    });
  // The title's own words decide: a theme like street drinking also holds case conferences and referrals.
  // A day or a season says when, not where ("Patrol on Friday nights").
  const untimed = input.title.normalize('NFKC').replace(TIME_PHRASE, ' ');
  const placeWork = DESK_WORK.test(title) ? title.replace(THEME_NOT_PLACE, '') : title;
  if (
    PLACE_BASED.test(placeWork) &&
    !PLACE_WORD.test(lower(untimed).replace(NOT_A_PLACE, '')) &&
    !NAMED_PLACE.test(untimed)
  )
    findings.push({
      code: 'no_place',
      check: 'specific',
      field: 'title',
      message: 'This is work that happens somewhere, but the title does not say where',
      suggestion:
        'Name the street, area or venue: e.g. "in Lemon Street car park", "along the seafront" or "in the town centre"',
    });
  findings.push(...targetFindings(input.target));
  if (!countableMeasure(lower(input.measure)))
    findings.push({
      code: 'measure_not_countable',
      check: 'measurable',
      field: 'measure',
      message: `Nobody could count or see "${clip(input.measure)}" to know how the action is doing`,
      suggestion:
        'Measure something countable or visible: e.g. "number of street drinking reports to police", "cameras installed and recording", "protocol signed by all partners"',
    });
  return findings;
}

function targetFindings(raw: string): CoachFinding[] {
  // What a target is compared with is not its quantity: "fewer than last summer" names no number.
  const target = lower(raw)
    .replace(/\bthan\b(?![^\d]*\d).*$/, '')
    .replace(/\bas (?:in |at )?(?:last|this|previous|the same)\b[^\d]*$/, '');
  const quantified = TARGET_QUANTITY.test(target) || DATE_WORDS.test(target) || /%/.test(target);
  if (quantified) return [];
  if (BARE_COMPARISON.test(target) && !(DELIVERABLE.test(target) && DONE_WORDS.test(target)))
    return [
      {
        code: 'bare_comparison',
        check: 'measurable',
        field: 'target',
        message: `"${clip(raw)}" has no quantity: nobody can tell when it is reached`,
        suggestion:
          'Say by how much and against what: e.g. "20% fewer reports than in 2025/26" or "12 patrols a month"',
      },
    ];
  // "As needed" or "where possible" is no deliverable, whatever its participle.
  const done = target.replace(
    /\b(?:as|when|where|if)(?: and when)? (?:needed|required|necessary|appropriate)\b/g,
    '',
  );
  if (DELIVERABLE.test(done) || DONE_WORDS.test(done)) return [];
  return [
    {
      code: 'target_not_checkable',
      check: 'measurable',
      field: 'target',
      message: `"${clip(raw)}" is not a number, a date or a named deliverable`,
      suggestion:
        'Give a number, a percentage, a count of things or a deliverable: e.g. "6 cameras", "30%", "a signed CPN protocol"',
    },
  ];
}
