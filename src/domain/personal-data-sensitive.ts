// Special category and criminal offence terms (UK GDPR articles 9 and 10) and safeguarding details. A term
// is only a finding when the text is about a person; "drug dealing in the car park" is the partnership's
// work. A term that names a service or a piece of work ("mental health team", "probation officer",
// "naloxone training", "tackling shoplifting") is a topic, never about anyone.

export const SENSITIVE_KINDS = ['health', 'drug_use', 'offending', 'safeguarding'] as const;
export type SensitiveKind = (typeof SENSITIVE_KINDS)[number];

export interface SensitiveTerm {
  kind: SensitiveKind;
  start: number;
  end: number;
  /** Used as the name of a service, a kind of work or a subject of work, not said of anyone. */
  topic: boolean;
}

const TERMS: Record<SensitiveKind, string[]> = {
  health: [
    'mental health(?: issues?| problems?| crisis| conditions?| difficulties| needs| act)?',
    'mental illness',
    'mentally ill',
    'sectioned',
    'section (?:2|3|135|136)',
    's ?136',
    'detained under',
    'psychosis',
    'psychotic',
    'schizophreni[ac]',
    'bipolar',
    'depression',
    'depressed',
    'suicidal',
    'suicide(?: attempt)?',
    'attempted suicide',
    'took (?:his|her) own life',
    'self[- ]?harm(?:ing|ed)?',
    'overdos(?:e|ed|ing)',
    "od'?d",
    'pregnan(?:t|cy)',
    'miscarri(?:age|ed)',
    'hiv',
    'hepatitis',
    'diabet(?:ic|es)',
    'epilep(?:sy|tic)',
    'dementia',
    'autis(?:m|tic)',
    'adhd',
    'learning disabilit(?:y|ies)',
    'disabled',
    'cancer',
    'ptsd',
    'hospitali[sz]ed',
    'admitted to hospital',
    'taken to (?:hospital|treliske|a ?& ?e)',
    'in hospital',
    'alcoholi(?:c|sm)',
    'alcohol dependen(?:t|ce|cy)',
    'eating disorder',
    'anorexi[ac]',
    'paranoid',
  ],
  drug_use: [
    'heroin',
    'crack(?: cocaine)?',
    'cocaine',
    'cannabis',
    'spice',
    'mamba',
    'mdma',
    'ecstasy',
    'ketamine',
    'methadone',
    'subutex',
    'buprenorphine',
    'fentanyl',
    'nitrous oxide',
    'drug (?:user|addict|habit|debts?)',
    'addict(?:ed|ion)?',
    'injecting',
    'using (?:again|drugs|heroin|crack|cocaine|spice)',
    'relapsed?',
    'rehab',
    'detox',
    'in recovery',
    'on (?:a|his|her) script',
    'smok(?:es|ing) weed',
    'dealing(?! with)',
    'deals? drugs',
    'dealer',
    'county lines',
    'drug runner',
    'run(?:s|ning)? drugs',
    'drunk',
  ],
  offending: [
    'arrest(?:ed|s)?',
    'charged with',
    '(?:was|been|being|is|were) charged',
    'convicted',
    'convictions?',
    'sentenced',
    'prison',
    'jail(?:ed)?',
    'custody',
    'remand(?:ed)?',
    'probation',
    'parole',
    'on licence',
    'released from',
    'bail(?:ed)?',
    'tagged',
    '(?:electronic|curfew|gps) tag',
    'on (?:a|an|his|her) tag',
    'curfew',
    'caution(?:ed)?',
    'criminal record',
    'sex offender',
    'registered offender',
    'rso',
    'offender',
    'offending',
    'reoffend(?:ed|ing)?',
    'mappa',
    'asbo',
    'cbo',
    'criminal behaviour order',
    'injunction',
    'cpn',
    'cpw',
    'community protection (?:notice|warning)',
    'closure order',
    'banned from',
    'stole',
    'stolen',
    'theft',
    'thief',
    'shoplift(?:ing|er|ed|s)?',
    'burglar(?:y|ies|ed)?',
    'burgled',
    'robbery',
    'robbed',
    'assault(?:ed|ing)?',
    'gbh',
    'abh',
    'criminal damage',
    'arson',
    'stalking',
    'harass(?:ed|ment|ing)',
    'possession(?: of| with intent)',
    'knife possession',
    'carr(?:y|ies|ying|ied) a (?:knife|blade|weapon)',
    'pwits',
    'drink[- ]driving',
    'warrant',
    'wanted (?:by|for)',
    'suspected of',
    'accused of',
    'in court',
    'appeared (?:in|at|before)',
    'court (?:date|hearing|appearance)',
    'pleaded guilty',
    'found guilty',
    'fined',
    'known to (?:the )?police',
    'prolific',
    'yot',
    'youth offending',
  ],
  safeguarding: [
    'sexual(?:ly)? exploit(?:ation|ed)',
    'cse',
    'cce',
    'criminal(?:ly)? exploit(?:ation|ed)',
    'exploited',
    'groom(?:ed|ing)',
    'missing from (?:home|care)',
    '(?:reported|went|gone|goes) missing',
    'missing person',
    'missing episodes?',
    'absconded',
    'domestic (?:abuse|violence)',
    'coercive control',
    'abused',
    'abuse',
    'neglect(?:ed)?',
    'child protection',
    'child in need',
    'looked after',
    'in care',
    'care leaver',
    'marac',
    'mash',
    'social services',
    'cuckoo(?:ed|ing)',
    'traffick(?:ed|ing)',
    'modern slavery',
    'fgm',
    'forced marriage',
    'rape',
    'raped',
    'sexual(?:ly)? assault(?:ed)?',
    'indecent',
    'victim of',
    'older (?:men|males)',
    'getting into cars',
    'unknown adults',
    'sle(?:eps|eping|pt) rough',
    'rough sleep(?:er|ing)',
    'homeless',
    'sofa[- ]surf(?:ing|s)',
    'evicted',
    'sle(?:eps|eping|pt) (?:in|at|on|under|by|near|outside|behind)',
    'beg(?:s|ging|ged)',
    'self[- ]neglect',
    'caseload',
  ],
};

const PATTERNS = Object.entries(TERMS).map(
  ([kind, terms]) => [kind as SensitiveKind, new RegExp(`\\b(?:${terms.join('|')})\\b`, 'g')] as const,
);

// What follows a term that names a service, a role or a piece of work rather than a state of someone.
const TOPIC_AFTER =
  /^[\s-]*(?:and (?:alcohol|substance) |misuse |use |related |awareness )?(?:services?|teams?|workers?|nurses?|clinics?|awareness|training|campaigns?|strateg(?:y|ies)|protocols?|pathways?|support|provision|panels?|meetings?|hubs?|charit(?:y|ies)|partnerships?|boards?|officers?|prevention|hotspots?|problems?|issues|incidents?|reports?|offences|rates?|levels?|figures|data|statistics|referrals|polic(?:y|ies)|forums?|reviews?|units?|first aid|kits?|bins?|amnesty|operations?|op\b|enforcement|patrols?|cohorts?|schemes?|programmes?|responses?|activity|paraphernalia|practitioners?|leads?|coordinators?|managers?|management|liaison|professionals?|specialists?|outreach|provider|trends|sessions?|courses?|leaflets?|posters?|powers?|tactics|tools?|dispersal|numbers|counts?|hot ?spots?|crime|ward|act assessments?|parking|access|toilets?|bays?|spaces?|suite)\b/;
// What comes before a term that makes it the subject of the work: "tackling shoplifting", "reports of dealing".
const TOPIC_BEFORE =
  /(?:\b(?:tackl(?:e|ing)|reduc(?:e|ing)|prevent(?:ing)?|address(?:ing)?|combat(?:ing)?|against|anti|deter(?:ring)?|disrupt(?:ing)?|spot(?:ting)?|recogni[sz](?:e|ing)|identify(?:ing)?|signs of|types of|risk of|fear of|reports of|incidents of|levels of|rates of|hotspots? for|awareness of|training on|concerns? about|linked to|related to|such as|including|re|graffiti|retail|shop|business|vehicle|cycle|bike|car|metal|fuel|street|low[- ]level|wider)[\s-]+)$/;

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
      const topic =
        TOPIC_AFTER.test(lower.slice(end, end + 40)) ||
        TOPIC_BEFORE.test(lower.slice(Math.max(0, start - 30), start)) ||
        (service && kind === 'offending' && !/\bon\s+$/.test(lower.slice(Math.max(0, start - 5), start)));
      terms.push({ kind, start, end, topic });
    }
  return terms.sort((a, b) => a.start - b.start);
}
