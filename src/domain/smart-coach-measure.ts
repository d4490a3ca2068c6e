// Whether a measure names something anyone could count or see, judged by its shape rather than a word
// list (issue 35): "Drivers briefed", "number of reports", "% of calls answered", "Map sent" are countable;
// "Improved confidence", "Less ASB", "Residents reassured", "Options explored", "Engagement" are not. The
// word list (COUNTABLE) stays as a backstop a reviewer can extend. Pure; reads lower-cased text.
import { COUNTABLE } from './smart-coach-words.js';

/** "number of", "% of", "metres of": a count by its own words. */
const COUNT_PHRASE =
  /%|\b(?:number|numbers|count|percentage|percent|proportion|share|rate|total|amount|metres|meters|miles|km|kilometres|hours|tonnes|kg|litres)\s+(?:of|per)\b/;

/** A direction or an aim, not a thing: "Improved parenting", "Better outcomes", "Less ASB". */
const AIM =
  /^(?:improv\w*|better|less|more|fewer|reduc\w*|increas\w*|greater|stronger|lower|higher|enhanc\w*|positive)\b/;

/** A feeling, or weighing something up: "Residents reassured", "Options explored". */
const FEELING_OR_WEIGHING =
  /\b(?:reassured|reassurance|satisfied|empowered|valued|respected|happier|explored|considered|discussed|looked (?:at|into)|thought about|scoped)\b/;

/** Qualities and topics rather than things: "Confidence", "Public perception", "Support for retailers". */
const QUALITIES =
  'confidence|awareness|wellbeing|well-being|safety|visibility|perceptions?|cohesion|resilience|coverage|engagement|support|outcomes?|links|ties|partnership|information|reassurance|improvements?|impact|progress|quality|presence|trust|satisfaction|feelings?|sense|spirit|pride|cleanliness|relationships?|relations|communication|co-?operation|collaboration|capacity|effects?|response|knowledge|deterrence|behaviour|understanding|views|opinions';

/** The measure opens with one ("Support for retailers", "Feeling of safety"), or "working" with a partner. */
const ABSTRACT = new RegExp(
  `^(?:(?:the|a|an|our|public|community|residents'?|people'?s?|partner|partnership|general|overall|feeling of|sense of)\\s+)*(?:${QUALITIES}|working)\\b`,
);

/** Or ends with one, English putting the head of a compound last: "Knife crime awareness". */
const ABSTRACT_LAST = new RegExp(`\\b(?:${QUALITIES})$`);

/** Things in the plural: "drivers", "premises", "people", "staff". */
const PLURAL = /\b(?:[a-z]{2,}(?<!ss|us|is|ness)s|people|staff|children|women|men|premises)\b(?!')/;

/** A thing done: a past participle ("sent", "held", "briefed", "marked and registered"). */
const DONE =
  /\b(?:on (?:the |every |each )?(?:[^ ]+ )?agenda|online|gone|in use|[a-z]{2,}ed|sent|held|made|done|run|seen|given|taken|built|put|set|met|kept|paid|sold|bought|brought|caught|shown|drawn|found|cut|fit|shut|hit|written|spoken|chosen|begun|got|lit|spent|heard|told|won|swept|laid|led|dealt|sought|taught|in place|live|open)\b/;

export function countableMeasure(measure: string): boolean {
  if (/\d/.test(measure) || COUNT_PHRASE.test(measure)) return true;
  if (AIM.test(measure) || FEELING_OR_WEIGHING.test(measure)) return false;
  if (ABSTRACT.test(measure) || ABSTRACT_LAST.test(measure.trim())) return false;
  return PLURAL.test(measure) || DONE.test(measure) || COUNTABLE.test(measure);
}
