// A detector of likely personal data in free text. It is a safety net that prompts a warning and a
// confirmation, not a guarantee: it cannot recognise names or descriptions that identify someone.

export const PERSONAL_DATA_KINDS = ['email', 'phone', 'ni_number', 'postcode', 'date_of_birth'] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  match: string;
  index: number;
}

const DESCRIPTIONS: Record<PersonalDataKind, string> = {
  email: 'an e-mail address',
  phone: 'a phone number',
  ni_number: 'a National Insurance number',
  postcode: 'a full postcode',
  date_of_birth: 'a date of birth',
};

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// UK numbers: 0 or +44, then 9-10 digits with optional spaces or dashes between them.
const PHONE = /(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?|\(?0)(?:\d[\s)-]{0,2}){8,9}\d(?![\d-])/g;
// National Insurance: two prefix letters (with the excluded letters and pairs), six digits, suffix A-D.
const NI_NUMBER =
  /\b(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b/gi;
const POSTCODE_AREAS =
  'AB|AL|BA|BB|BD|BH|BL|BN|BR|BS|BT|B|CA|CB|CF|CH|CM|CO|CR|CT|CV|CW|DA|DD|DE|DG|DH|DL|DN|DT|DY|EC|EH|EN|EX|E|FK|FY|GL|GU|GY|G|HA|HD|HG|HP|HR|HS|HU|HX|IG|IM|IP|IV|JE|KA|KT|KW|KY|LA|LD|LE|LL|LN|LS|LU|L|ME|MK|ML|M|NE|NG|NN|NP|NR|NW|N|OL|OX|PA|PE|PH|PL|PO|PR|RG|RH|RM|SA|SE|SG|SK|SL|SM|SN|SO|SP|SR|SS|ST|SW|SY|S|TA|TD|TF|TN|TQ|TR|TS|TW|UB|WA|WC|WD|WF|WN|WR|WS|WV|W|YO|ZE';
// A full postcode (outward and inward parts): an outward part alone ("TR1") names an area, not a home.
const POSTCODE = new RegExp(`\\b(?:${POSTCODE_AREAS})\\d[A-Z\\d]?\\s?\\d[ABD-HJLNP-UW-Z]{2}\\b`, 'gi');
const ORDINAL_INWARD = /\s?\d(?:st|nd|rd|th)$/;
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*';
const DATE = `(?:\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+\\d{4}|(?:19|20)\\d{2})`;
// A date counts as a date of birth only next to words that say so: due dates are everywhere in plans.
const DATE_OF_BIRTH = new RegExp(
  `\\b(?:d\\.?o\\.?b\\.?|date of birth|born(?:\\s+(?:on|in))?|birthday)[\\s:,-]*${DATE}`,
  'gi',
);

export function detectPersonalData(text: string): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];
  const collect = (kind: PersonalDataKind, pattern: RegExp, keep: (m: string) => boolean = () => true) => {
    for (const m of text.matchAll(pattern))
      if (keep(m[0])) findings.push({ kind, match: m[0], index: m.index });
  };
  collect('email', EMAIL);
  collect('phone', PHONE, isUkPhone);
  collect('ni_number', NI_NUMBER);
  collect('postcode', POSTCODE, (m) => !ORDINAL_INWARD.test(m));
  collect('date_of_birth', DATE_OF_BIRTH);
  // An e-mail's digits are not also a phone number, and so on: keep the first finding at each place.
  return findings
    .sort((a, b) => a.index - b.index)
    .filter((f, i, all) => i === 0 || f.index >= all[i - 1]!.index + all[i - 1]!.match.length);
}

function isUkPhone(match: string): boolean {
  const digits = match.replace(/\D/g, '');
  const national =
    digits.startsWith('44') && match.trim().startsWith('+') ? digits.slice(2) : digits.replace(/^0/, '');
  return (national.length === 9 || national.length === 10) && /^[1235789]/.test(national);
}

/** One sentence for the warning card: what was found and what to do instead. */
export function describeFindings(findings: readonly PersonalDataFinding[]): string {
  const kinds = [...new Set(findings.map((f) => DESCRIPTIONS[f.kind]))];
  const list = kinds.length > 1 ? `${kinds.slice(0, -1).join(', ')} and ${kinds.at(-1)}` : kinds[0];
  return (
    `This text looks like it contains ${list}. Records here are shared across the partnership: ` +
    'replace personal details with a case-system reference (for example "ECINS 123456").'
  );
}
