// A problem-solving plan's police.uk figures at its place -> card data: the section of the write-up (the
// place before and after, the rest of the town, the neighbouring streets, the verdict, the source and its
// caveat), the library's one line, and the assessment's form to choose the place, the type and the periods.
import { monthsBack, monthsBetween, type CrimeMonth } from '../domain/crime-record.js';
import { NEIGHBOUR_METRES, type PlaceChoices, type PlaceFigures } from '../domain/place-assessment.js';
import type { CardData } from './card-data.js';
import { monthName, signedPercent } from './month-names.js';
import { formatDate } from './format.js';

type Section = CardData<'problem'>['sections'][number];

const signed = (percent: number | null) => (percent === null ? 'too few to compare' : signedPercent(percent));
const beforeAfter = (c: { before: number; after: number; percent: number | null }) =>
  `${c.before.toLocaleString('en-GB')} → ${c.after.toLocaleString('en-GB')} (${signed(c.percent)})`;
const periodOf = (p: { from: CrimeMonth; to: CrimeMonth }) =>
  p.from === p.to ? monthName(p.from) : `${monthName(p.from)} to ${monthName(p.to)}`;

export function placeFiguresSection(f: PlaceFigures): Section {
  const near = f.neighbours.streets.length;
  const missing = f.missing.length
    ? ` No data was imported for ${f.missing.map((m) => monthName(m)).join(', ')}.`
    : '';
  return {
    heading: 'Assessment in numbers (police.uk)',
    body: f.verdict,
    facts: [
      { title: 'Place', value: f.streets.join('; ') },
      { title: 'Counted', value: f.crimeType ?? 'All crime and anti-social behaviour' },
      { title: 'Periods', value: `before ${periodOf(f.before)}; after ${periodOf(f.after)}` },
      { title: 'At the place', value: beforeAfter(f.place) },
      { title: 'Rest of the town (comparison)', value: beforeAfter(f.comparison) },
      {
        title: `Neighbouring streets (within ${NEIGHBOUR_METRES} m)`,
        value: near
          ? `${beforeAfter(f.neighbours)} across ${near} street${near === 1 ? '' : 's'}`
          : 'none recorded',
      },
      {
        title: 'Source',
        value: `police.uk open data (Open Government Licence) to ${monthName(f.latest)}, worked out ${formatDate(f.recordedAt.slice(0, 10))}. Locations are approximate: each is a snap point "on or near" a street.${missing}`,
      },
    ],
  };
}

/** The library's line for a plan with figures: "police.uk: 40 → 26 (-35%) at the place; town -4%". */
export function placeHeadline(f: PlaceFigures | null | undefined): string {
  return f
    ? `police.uk: ${beforeAfter(f.place)} at the place; rest of the town ${signed(f.comparison.percent)}`
    : '';
}

/** The assessment's form: the town's streets busiest first, the types it has, its months; periods suggested. */
export function placeForm(
  c: PlaceChoices | null,
  f: PlaceFigures | null | undefined,
): CardData<'problem'>['place'] {
  if (!c) return NO_PLACE_FORM;
  const [afterTo, afterFrom] = [c.latest, monthsBack(c.latest, 6)[5]!];
  const beforeTo = monthsBack(afterFrom, 2)[1]!;
  const sixBefore = monthsBack(beforeTo, monthsBetween(afterFrom, afterTo) + 1).at(-1)!;
  const beforeFrom = sixBefore < c.months[0]! ? c.months[0]! : sixBefore; // no earlier than the data
  return {
    shown: true,
    streets: c.streets.map((s) => ({
      title: `${s.location} (${s.count} in the last 12 months)`,
      value: s.location,
    })),
    types: [
      { title: 'All crime and anti-social behaviour', value: 'all' },
      ...c.types.map((t) => ({ title: t, value: t })),
    ],
    months: [...c.months].reverse().map((m) => ({ title: monthName(m), value: m })),
    values: {
      streets: f ? f.streets.join(',') : '',
      crimeType: f?.crimeType ?? 'all',
      beforeFrom: f?.before.from ?? beforeFrom,
      beforeTo: f?.before.to ?? beforeTo,
      afterFrom: f?.after.from ?? afterFrom,
      afterTo: f?.after.to ?? afterTo,
    },
  };
}

export const NO_PLACE_FORM: CardData<'problem'>['place'] = {
  shown: false,
  streets: [],
  types: [],
  months: [],
  values: { streets: '', crimeType: 'all', beforeFrom: '', beforeTo: '', afterFrom: '', afterTo: '' },
};
