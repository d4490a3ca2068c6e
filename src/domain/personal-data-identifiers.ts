// Identifiers in free text: e-mail addresses, UK phone numbers, National Insurance numbers, full postcodes,
// dates of birth and house or flat numbers with a street. Read from the folded text, so invisible characters
// and look-alike digits cannot split them.

export const IDENTIFIER_KINDS = [
  'email',
  'phone',
  'ni_number',
  'nhs_number',
  'postcode',
  'date_of_birth',
  'address',
  'vehicle_registration',
  'social_handle',
] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

import {
  findNhsNumbers,
  findPhones,
  findRegistrations,
  findSocialHandles,
} from './personal-data-identifier-checks.js';

export interface Identifier {
  kind: IdentifierKind;
  start: number;
  end: number;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// National Insurance: two prefix letters (with the excluded letters and pairs), six digits, suffix A-D.
const NI_NUMBER =
  /\b(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b/gi;
// A number named as an NI number is one even with a prefix HMRC never issues (QQ 12 34 56 C, the example).
const NI_LABELLED =
  /\b(?:ni|nino|national insurance|nat(?:ional)?\.? ?ins(?:urance)?\.?)(?:\s+(?:number|no\.?))?[\s:]*[a-z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[a-d]?\b/gi;
const POSTCODE_AREAS =
  'AB|AL|BA|BB|BD|BH|BL|BN|BR|BS|BT|B|CA|CB|CF|CH|CM|CO|CR|CT|CV|CW|DA|DD|DE|DG|DH|DL|DN|DT|DY|EC|EH|EN|EX|E|FK|FY|GL|GU|GY|G|HA|HD|HG|HP|HR|HS|HU|HX|IG|IM|IP|IV|JE|KA|KT|KW|KY|LA|LD|LE|LL|LN|LS|LU|L|ME|MK|ML|M|NE|NG|NN|NP|NR|NW|N|OL|OX|PA|PE|PH|PL|PO|PR|RG|RH|RM|SA|SE|SG|SK|SL|SM|SN|SO|SP|SR|SS|ST|SW|SY|S|TA|TD|TF|TN|TQ|TR|TS|TW|UB|WA|WC|WD|WF|WN|WR|WS|WV|W|YO|ZE';
// A full postcode (outward and inward parts): an outward part alone ("TR1") names an area, not a home.
const POSTCODE = new RegExp(`\\b(?:${POSTCODE_AREAS})\\d[A-Z\\d]?\\s?\\d[ABD-HJLNP-UW-Z]{2}\\b`, 'gi');
const ORDINAL_INWARD = /\s?\d(?:st|nd|rd|th)$/;
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*';
const DATE = `(?:\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+\\d{4}|(?:19|20)\\d{2})`;
// A date counts as a date of birth only next to words that say so: due dates are everywhere in plans.
const DATE_OF_BIRTH = new RegExp(
  `(?:\\b(?:d\\.?o\\.?b\\.?|date of birth|born(?:\\s+(?:on|in))?|birthday)(?:\\s+(?:is|was))?|(?<![\\w.])b\\.)[\\s:,-]*${DATE}`,
  'gi',
);

// A house number and a street ("14 Lemon Street", "3a Chapel Row") or a flat: a home, where a street alone is a place.
const STREET_WORDS =
  'Street|St|Road|Rd|Lane|Ln|Avenue|Ave|Close|Crescent|Drive|Terrace|Place|Way|Gardens|Court|Hill|Row|Walk|Parade|Square|View|Rise|Mews|Meadow|Meadows|Estate';
const HOUSE_NUMBER = new RegExp(
  `\\b\\d{1,4}[a-z]?,?\\s+(?:[A-Z][a-z']+\\s+){1,3}(?:${STREET_WORDS})\\b`,
  'g',
);
// "lives at 5 chapel street": typed in lower case, a home all the same after words that say so.
const HOME_LOWER = new RegExp(
  `\\b(?:lives|living|staying|stays|moved|moving|address|resides|home)\\b[^.\\n\\d]{0,12}\\b\\d{1,4}[a-z]?,?\\s+(?:[a-z']+\\s+){1,3}(?:${STREET_WORDS.toLowerCase()})\\b`,
  'gi',
);
const FLAT = /\b(?:flat|apartment|apt|(?:at|from|of|in|lives at) (?:number|no\.?))\s*\d{1,4}[a-z]?\b/gi;

export function findIdentifiers(text: string): Identifier[] {
  const findings: Identifier[] = [];
  const collect = (kind: IdentifierKind, pattern: RegExp, keep: (m: string) => boolean = () => true) => {
    for (const m of text.matchAll(pattern))
      if (keep(m[0])) findings.push({ kind, start: m.index, end: m.index + m[0].length });
  };
  collect('email', EMAIL);
  for (const f of findPhones(text)) findings.push({ kind: 'phone', ...f });
  for (const f of findNhsNumbers(text)) findings.push({ kind: 'nhs_number', ...f });
  for (const f of findRegistrations(text)) findings.push({ kind: 'vehicle_registration', ...f });
  for (const f of findSocialHandles(text))
    if (!findings.some((e) => e.kind === 'email' && e.start <= f.start && f.end <= e.end))
      findings.push({ kind: 'social_handle', ...f });
  collect('ni_number', NI_NUMBER);
  collect('ni_number', NI_LABELLED);
  collect('postcode', POSTCODE, (m) => !ORDINAL_INWARD.test(m));
  collect('date_of_birth', DATE_OF_BIRTH);
  collect('address', HOUSE_NUMBER);
  collect('address', FLAT);
  for (const m of text.matchAll(HOME_LOWER)) {
    const number = /\d/.exec(m[0])!.index;
    findings.push({ kind: 'address', start: m.index + number, end: m.index + m[0].length });
  }
  // An e-mail's digits are not also a phone number, and so on: keep the first finding at each place.
  return findings
    .sort((a, b) => a.start - b.start)
    .filter((f, i, all) => i === 0 || f.start >= all[i - 1]!.end);
}
