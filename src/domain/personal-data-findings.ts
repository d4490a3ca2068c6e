// What the personal-data guard can find, and how each finding is named on a card and replaced in a
// suggestion. The finding itself is made by personal-data.ts.
import { IDENTIFIER_KINDS, type IdentifierKind } from './personal-data-identifiers.js';
import { SENSITIVE_KINDS, type SensitiveKind } from './personal-data-sensitive.js';
import type { PersonKind } from './personal-data-people.js';

export type PersonalDataKind = IdentifierKind | PersonKind | SensitiveKind;

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  /** The words as the person typed them, and where they start in what they typed. */
  match: string;
  index: number;
}

/** clear: nothing found. confirm: a warning the person may override. refuse: never kept as written. */
export type Verdict = 'clear' | 'confirm' | 'refuse';

export interface FieldsScreening {
  verdict: Verdict;
  identifiers: boolean;
  /** Every finding, each naming the field it is in. */
  findings: (PersonalDataFinding & { field: string })[];
  /** For each field with a finding, its text with what was found replaced, to edit. */
  suggestions: Record<string, string>;
}

/** What stands in a suggestion where a finding was (a pronoun stays: alone it names nobody). */
export const PLACEHOLDER: Record<PersonalDataKind, string> = {
  email: '[e-mail]',
  phone: '[phone]',
  ni_number: '[NI number]',
  nhs_number: '[NHS number]',
  vehicle_registration: '[vehicle registration]',
  social_handle: '[social media account]',
  postcode: '[postcode]',
  date_of_birth: '[date of birth]',
  address: '[address]',
  person_name: '[person]',
  lone_name: '[person]',
  age: '[age]',
  relationship: '[relative]',
  child: '[child]',
  description: '[person]',
  pronoun: '',
  health: '[health detail]',
  drug_use: '[drug detail]',
  offending: '[offence detail]',
  safeguarding: '[safeguarding detail]',
  sex_life: '[sex life detail]',
  ethnic_origin: '[ethnic origin]',
  beliefs: '[belief]',
  politics: '[political detail]',
  trade_union: '[union detail]',
  biometric: '[biometric detail]',
  immigration: '[immigration detail]',
};

const DESCRIPTIONS: Record<PersonalDataKind, string> = {
  email: 'an e-mail address',
  phone: 'a phone number',
  ni_number: 'a National Insurance number',
  nhs_number: 'an NHS number',
  vehicle_registration: 'a vehicle registration',
  social_handle: 'a social media account',
  postcode: 'a full postcode',
  date_of_birth: 'a date of birth',
  address: 'a home address',
  person_name: "a person's name",
  lone_name: "a person's name",
  age: "a person's age",
  relationship: "a person's relative",
  child: 'a child',
  description: 'a person',
  pronoun: 'a person',
  health: 'health',
  drug_use: 'drug use',
  offending: 'offending or the courts',
  safeguarding: 'a safeguarding detail',
  sex_life: 'sex life or sexual orientation',
  ethnic_origin: 'racial or ethnic origin',
  beliefs: 'religion or beliefs',
  politics: 'political opinions',
  trade_union: 'trade union membership',
  biometric: 'genetic or biometric data',
  immigration: 'immigration status',
};

/** What a finding is, in words for the card ("a person's name"). */
export const describeKind = (kind: PersonalDataKind) => DESCRIPTIONS[kind];
export const isIdentifier = (kind: PersonalDataKind) =>
  (IDENTIFIER_KINDS as readonly string[]).includes(kind);

/** One sentence for the warning card: what was found and what to do instead. */
export function describeFindings(
  findings: readonly PersonalDataFinding[],
  verdict: Verdict = 'confirm',
): string {
  const listOf = (kinds: readonly PersonalDataKind[]) => {
    const words = [...new Set(kinds.map((k) => DESCRIPTIONS[k]))];
    return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : (words[0] ?? '');
  };
  const sensitive = (k: PersonalDataKind) => (SENSITIVE_KINDS as readonly string[]).includes(k);
  const kinds = findings.map((f) => f.kind);
  const lead =
    verdict === 'refuse'
      ? `This text is about a person (${listOf(kinds.filter((k) => !sensitive(k)))}) and mentions ${listOf(kinds.filter(sensitive))}. Details like these about someone cannot be kept here`
      : `This text looks like it contains ${listOf(kinds)}. Records here are shared across the partnership`;
  return `${lead}: refer to the person by their case-system reference (for example "ECINS 123456") and keep the details in the case system.`;
}

/** A short account for a list of problems: "Title: a person's name with offending; use case-system references". */
export function personalDataSummary(screening: FieldsScreening): string {
  const byField = new Map<string, Set<string>>();
  for (const f of screening.findings) {
    const kinds = byField.get(f.field) ?? new Set<string>();
    kinds.add(DESCRIPTIONS[f.kind]);
    byField.set(f.field, kinds);
  }
  const parts = [...byField].map(([field, kinds]) => `${field}: ${[...kinds].join(', ')}`);
  const advice = screening.verdict === 'refuse' ? 'details about a person cannot be kept' : 'check it';
  return `${parts.join('; ')}; ${advice}, use case-system references`;
}
