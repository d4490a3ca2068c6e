// The identifiers that need more than a pattern: phone numbers in every written form (libphonenumber-js,
// Google's rules for numbering plans, rather than a hand-made UK pattern), NHS numbers by their check digit,
// vehicle registrations only near a word about a vehicle, and social media handles and profile links.
import { findNumbers, type NumberFound } from 'libphonenumber-js/max';

export interface Found {
  start: number;
  end: number;
}

// Organisations' numbers, not people's: freephone and 03 (08, 03), and short codes (101, 111, 999).
const PERSONAL_UK = /^[127]/;

/** Phone numbers: UK numbers written any way (07700 900461, 07700.900.461, +44 7700 900461, 0044 ...) and foreign ones with "+". */
export function findPhones(text: string): Found[] {
  const found: Found[] = [];
  const numbers = findNumbers(text, {
    defaultCountry: 'GB',
    v2: true,
    leniency: 'POSSIBLE',
  } as never) as unknown as NumberFound[];
  for (const n of numbers) {
    const raw = text.slice(n.startsAt, n.endsAt);
    // A reference written with slashes ("CR/2026/004512") or inside a longer run of digits is not a phone.
    if (/\//.test(raw) || /[\d/]/.test(text[n.startsAt - 1] ?? '') || /[\d/]/.test(text[n.endsAt] ?? ''))
      continue;
    // Written as a number to dial: a trunk 0, a "+" or "00" (not "2026-118", a year and a count).
    if (!/^(?:\+|\(?0)/.test(raw.trim())) continue;
    const uk = n.number.countryCallingCode === '44';
    if (uk && !PERSONAL_UK.test(n.number.nationalNumber)) continue;
    if (!uk && !/^(?:\+|00)/.test(raw.trim())) continue;
    found.push({ start: n.startsAt, end: n.endsAt });
  }
  return found;
}

/** NHS numbers: ten digits whose last is the check digit of the other nine (modulus 11). */
function isNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  const sum = [...digits.slice(0, 9)].reduce((total, d, i) => total + Number(d) * (10 - i), 0);
  const check = (11 - (sum % 11)) % 11;
  return check !== 10 && check === Number(digits[9]);
}

const NHS_GROUPED = /\b\d{3}[ -]\d{3}[ -]\d{4}\b/g;
const NHS_LABELLED = /\bnhs(?:\s*(?:number|no\.?|num|#))?[\s:.-]*(\d{3}[ -]?\d{3}[ -]?\d{4})\b/gi;

/** NHS numbers: after "NHS" in any form, or written in their 3-3-4 groups, with a valid check digit. */
export function findNhsNumbers(text: string): Found[] {
  const found: Found[] = [];
  for (const m of text.matchAll(NHS_LABELLED)) {
    const start = m.index + m[0].length - m[1]!.length;
    if (isNhsNumber(m[1]!.replace(/\D/g, ''))) found.push({ start, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(NHS_GROUPED))
    if (isNhsNumber(m[0].replace(/\D/g, '')) && !found.some((f) => f.start === m.index))
      found.push({ start: m.index, end: m.index + m[0].length });
  return found;
}

// Current (AB12 CDE), prefix (A123 BCD) and suffix (ABC 123D) registrations, in capitals.
const REGISTRATION = /\b(?:[A-Z]{2}\d{2}\s?[A-Z]{3}|[A-Z]\d{1,3}\s?[A-Z]{3}|[A-Z]{3}\s?\d{1,3}[A-Z])\b/g;
const VEHICLE_WORDS =
  /\b(?:car|cars|van|vehicle|reg|registration|vrm|plates?|number plate|bmw|audi|ford|vauxhall|corsa|astra|fiesta|focus|golf|polo|clio|transit|moped|motorbike|motorcycle|bike|scooter|taxi|lorry|truck|merc|mercedes|land rover|range rover|toyota|nissan|kia|honda|seat|skoda|peugeot|renault|citroen|fiat|mini|jeep|volvo|hatchback|driver|driving|parked)\b/i;

/** Vehicle registrations: a registration's shape, with a word about a vehicle in the same stretch of text. */
export function findRegistrations(text: string): Found[] {
  const found: Found[] = [];
  for (const m of text.matchAll(REGISTRATION)) {
    const around = text.slice(Math.max(0, m.index - 50), m.index + m[0].length + 50);
    if (VEHICLE_WORDS.test(around)) found.push({ start: m.index, end: m.index + m[0].length });
  }
  return found;
}

const PLATFORM_LINK =
  /\b(?:https?:\/\/)?(?:www\.|m\.)?(?:facebook|fb|instagram|tiktok|twitter|x|snapchat|youtube|linkedin|threads)\.com\/[^\s,;)]+/gi;
const HANDLE = /(?<![\w.@])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?/g;
const NAMED_HANDLE =
  /\b(?:snap(?:chat)?|insta(?:gram)?|tiktok|twitter|facebook|fb)(?:\s+(?:handle|name|username|account))?(?:\s+is|:)\s+(?!@)([A-Za-z0-9_.]{3,30})\b/gi;

/** Social media handles (@name, "snap: name") and profile links (instagram.com/name). */
export function findSocialHandles(text: string): Found[] {
  const found: Found[] = [];
  for (const m of text.matchAll(PLATFORM_LINK)) found.push({ start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(HANDLE)) found.push({ start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(NAMED_HANDLE)) {
    const start = m.index + m[0].length - m[1]!.length;
    found.push({ start, end: m.index + m[0].length });
  }
  return found;
}
