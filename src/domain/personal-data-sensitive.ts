// Special category and criminal offence terms (UK GDPR articles 9 and 10) and safeguarding details. A term
// is only a finding when the text is about a person; "drug dealing in the car park" is the partnership's
// work. A term that names a service or a piece of work ("mental health team", "probation officer",
// "naloxone training", "tackling shoplifting") is a topic, never about anyone.

import { SPECIAL_CATEGORY_TERMS } from './personal-data-terms.js';
import { OFFENCE_TERMS } from './personal-data-terms-offences.js';
import { SAFEGUARDING_TERMS } from './personal-data-terms-safeguarding.js';
import { TOPIC_FOLLOWERS } from './personal-data-topics.js';

const SENSITIVE_TERMS = { ...SPECIAL_CATEGORY_TERMS, ...OFFENCE_TERMS, ...SAFEGUARDING_TERMS };

export type SensitiveKind = keyof typeof SENSITIVE_TERMS;
export const SENSITIVE_KINDS = Object.keys(SENSITIVE_TERMS) as SensitiveKind[];

export interface SensitiveTerm {
  kind: SensitiveKind;
  start: number;
  end: number;
  /** Used as the name of a service, a kind of work or a subject of work, not said of anyone. */
  topic: boolean;
}

const PATTERNS = Object.entries(SENSITIVE_TERMS).map(
  ([kind, terms]) =>
    [kind as SensitiveKind, new RegExp(`\\b(?:${(terms as readonly string[]).join('|')})\\b`, 'g')] as const,
);

// What follows a term that names a service, a role or a piece of work rather than a state of someone.
const TOPIC_AFTER = new RegExp(
  `^[\\s-]*(?:and (?:alcohol|substance) |misuse |use |related |awareness )?(?:${TOPIC_FOLLOWERS.join('|')})\\b`,
);
const MEMBERSHIP_BEFORE =
  /\b(?:(?:member|members|supporter|leader|organiser|part) of (?:the |a |an )?|(?:is|are|was|were|both|now|still|been) on (?:a |an |the |his |her |their )?)$/;
// What comes before a term that makes it the subject of the work: "tackling shoplifting", "reports of dealing".
const TOPIC_BEFORE =
  /(?:\b(?:tackl(?:e|ing)|reduc(?:e|ing)|prevent(?:ing)?|address(?:ing)?|combat(?:ing)?|against|anti|deter(?:ring)?|disrupt(?:ing)?|spot(?:ting)?|recogni[sz](?:e|ing)|identify(?:ing)?|signs of|types of|risk of|fear of|reports of|incidents of|levels of|rates of|hotspots? for|awareness of|training on|concerns? about|linked to|related to|such as|including|re|graffiti|retail|shop|business|vehicle|cycle|bike|car|metal|fuel|street|low[- ]level|wider)[\s-]+)$/;

// Said of a group, not of one person: "people using drugs", "homeless people", "youths dealing".
const GROUP =
  '(?:people|persons|youths|residents|men|women|lads|teenagers|kids|children|adults|families|users|clients|tenants|visitors|customers|pupils|students|someone|anyone|those|others)';
const GROUP_BEFORE = new RegExp(`\\b${GROUP}\\s+(?:who (?:are|were) )?$`);
const GROUP_AFTER = new RegExp(`^\\s+${GROUP}\\b`);
// The partner's act on others: "arrested 3 people", "has arrested two youths", "cautioned the driver".
const AGENT_VERB =
  /^(?:arrest(?:ed|s)?|caution(?:ed|s)?|charged|fined|evicted|banned|excluded|search(?:ed|es)|stopped|warned|dispersed|reported|sentenced)$/;
const OBJECT_AFTER =
  /^\s+(?:\d+|a|an|the|two|three|four|five|six|some|several|many|more|people|youths|men|women|him|her|them|those|one)\b/;

/** Every sensitive term in the text (folded, lower-cased), each marked as a topic or said of someone. */
export function findSensitiveTerms(text: string): SensitiveTerm[] {
  const lower = text.toLowerCase();
  const terms: SensitiveTerm[] = [];
  for (const [kind, pattern] of PATTERNS)
    for (const m of lower.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      // "Probation" with a capital, not at the start of a sentence, is the Probation Service.
      const service =
        /^[A-Z][a-z]/.test(text.slice(start, end)) && !/(^|[.!?:;\n]\s*)$/.test(text.slice(0, start));
      // "a member of the far right group": the group is the topic, its member is not.
      const member = MEMBERSHIP_BEFORE.test(lower.slice(Math.max(0, start - 30), start));
      const agent = AGENT_VERB.test(m[0]) && OBJECT_AFTER.test(lower.slice(end, end + 12));
      const group =
        GROUP_BEFORE.test(lower.slice(Math.max(0, start - 25), start)) ||
        GROUP_AFTER.test(lower.slice(end, end + 15));
      const topic =
        !member &&
        (agent ||
          group ||
          TOPIC_AFTER.test(lower.slice(end, end + 40)) ||
          TOPIC_BEFORE.test(lower.slice(Math.max(0, start - 30), start)) ||
          (service && kind === 'offending' && !/\bon\s+$/.test(lower.slice(Math.max(0, start - 5), start))));
      terms.push({ kind, start, end, topic });
    }
  return terms.sort((a, b) => a.start - b.start);
}
