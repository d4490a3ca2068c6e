// SARA's assessment in numbers: police.uk counts at a plan's place before and after, the rest of the town as
// the comparison, the streets within 400 m for displacement or diffusion, and a verdict that says which.
import { describe, expect, it } from 'vitest';
import { placeChoices, placeFiguresOf } from '../../../src/domain/place-assessment.js';
import type { TownCrimeMonth } from '../../../src/domain/crime-aggregate.js';

// Three streets together in the centre, one 200 m away, one 1.5 km away.
const AT = {
  place: { location: 'On or near Lemon Street', lat: 50.2619, lng: -5.0527 },
  alsoPlace: { location: 'On or near Lemon Quay, Truro', lat: 50.2622, lng: -5.0522 },
  near: { location: 'On or near Boscawen Street', lat: 50.2635, lng: -5.0509 },
  far: { location: 'On or near Tregolls Road', lat: 50.2665, lng: -5.031 },
} as const;
type Where = keyof typeof AT;

/** Months with these counts of ASB per street: before (2026-01..03) and after (2026-04..06). */
function months(before: Partial<Record<Where, number>>, after: Partial<Record<Where, number>>) {
  const list: TownCrimeMonth[] = [];
  for (const [month, counts] of [
    ['2026-01', before],
    ['2026-02', before],
    ['2026-03', before],
    ['2026-04', after],
    ['2026-05', after],
    ['2026-06', after],
  ] as const) {
    const streets = (Object.keys(AT) as Where[])
      .filter((w) => counts[w])
      .map((w) => ({ ...AT[w], byType: { 'Anti-social behaviour': counts[w]!, Shoplifting: 1 } }));
    const sum = streets.reduce((n, s) => n + s.byType['Anti-social behaviour'], 0);
    list.push({
      town: 'truro',
      month,
      byType: { 'Anti-social behaviour': sum, Shoplifting: streets.length },
      streets,
    });
  }
  return list;
}

const choice = {
  streets: 'On or near Lemon Street',
  crimeType: 'Anti-social behaviour',
  before: { from: '2026-01', to: '2026-03' },
  after: { from: '2026-04', to: '2026-06' },
};
const NOW = new Date('2026-12-07T10:00:00Z');
function figures(data: TownCrimeMonth[], input: object = choice) {
  const r = placeFiguresOf(input, data, NOW);
  if (!r.ok) throw new Error(r.error.map((i) => i.message).join('; '));
  return r.value;
}

describe('the place against the rest of the town and its neighbours', () => {
  it('counts each period, and calls a fall beyond the town with a rise next door possible displacement', () => {
    const f = figures(months({ place: 10, near: 4, far: 10 }, { place: 4, near: 8, far: 10 }));
    expect(f.place).toEqual({ before: 30, after: 12, percent: -60 });
    expect(f.comparison).toEqual({ before: 30, after: 30, percent: 0 });
    expect(f.neighbours).toEqual({
      before: 12,
      after: 24,
      percent: 100,
      streets: ['On or near Boscawen Street'],
    });
    expect(f.verdict).toBe(
      "Recorded at the place fell 60% (30 to 12); the rest of the town did not change: a fall beyond the town's. " +
        'The neighbouring streets rose 100%: possible displacement.',
    );
    expect(f).toMatchObject({ latest: '2026-06', recordedAt: NOW.toISOString(), missing: [] });
  });

  it('calls a fall next door too a diffusion of benefits', () => {
    const f = figures(months({ place: 10, near: 10, far: 10 }, { place: 5, near: 6, far: 10 }));
    expect(f.verdict).toContain('The neighbouring streets fell 40%: a diffusion of benefits.');
  });

  it('says when the place moved with the town, and when there were too few to tell', () => {
    expect(figures(months({ place: 10, far: 20 }, { place: 9, far: 18 })).verdict).toContain(
      'in line with the town',
    );
    const few = figures(months({ place: 1, far: 20 }, { place: 0, far: 18 }));
    expect(few.place.percent).toBeNull();
    expect(few.verdict).toBe(
      'Too few recorded at the place before the response (3) to tell a change from chance.',
    );
  });

  it('counts one type or all, and names months with no data', () => {
    const data = months({ place: 10 }, { place: 5 }).filter((m) => m.month !== '2026-05');
    const all = figures(data, { ...choice, crimeType: 'all' });
    expect(all.place).toMatchObject({ before: 33, after: 12 }); // ASB and one shoplifting a month
    expect(all.missing).toEqual(['2026-05']);
  });

  it("reads a card's comma-joined choice back into street names, even a name with a comma", () => {
    const f = figures(months({ place: 10, alsoPlace: 2, far: 10 }, { place: 4, alsoPlace: 2, far: 10 }), {
      ...choice,
      streets: 'On or near Lemon Street,On or near Lemon Quay, Truro',
    });
    expect(f.streets).toEqual(['On or near Lemon Street', 'On or near Lemon Quay, Truro']);
    expect(f.place.before).toBe(36);
  });
});

describe('what it refuses', () => {
  const data = months({ place: 10, far: 10 }, { place: 5, far: 10 });
  const refused = (input: object, from = data) => {
    const r = placeFiguresOf(input, from, NOW);
    return r.ok ? [] : r.error.map((i) => i.message);
  };
  it('refuses streets not in the data, no streets, periods out of order or past the data, and no data', () => {
    expect(refused({ ...choice, streets: 'On or near Nowhere' })).toEqual([
      "Choose the place's streets from the town's police.uk streets",
    ]);
    expect(refused({ ...choice, streets: '' })).toEqual(['Choose at least one street']);
    expect(refused({ ...choice, after: { from: '2026-03', to: '2026-06' } })).toEqual([
      'The period after must start after the period before ends',
    ]);
    expect(refused({ ...choice, before: { from: '2026-03', to: '2026-01' } })).toEqual([
      'A period must start before it ends',
    ]);
    expect(refused({ ...choice, after: { from: '2026-04', to: '2026-08' } })).toEqual([
      'The newest month imported is 2026-06: the period after must end by then',
    ]);
    expect(refused({ ...choice, crimeType: 'Jaywalking' })).toEqual(['Choose a crime type, or all']);
    expect(refused({ ...choice, before: { from: 'last year', to: '2026-03' } })).toEqual([
      'Choose a month like 2026-04',
    ]);
    expect(refused(choice, [])).toEqual([
      'No police.uk data for the town has been imported yet: the figures come from it',
    ]);
  });
});

describe('the choices a card offers', () => {
  it('lists streets busiest first over the last twelve months, the types the town has, and its months', () => {
    const c = placeChoices(months({ place: 10, near: 3, far: 5 }, { place: 2, near: 3, far: 5 }))!;
    expect(c.streets.map((s) => s.location)).toEqual([
      'On or near Lemon Street',
      'On or near Tregolls Road',
      'On or near Boscawen Street',
    ]);
    expect(c.streets[0]!.count).toBe(36 + 6); // ASB and a shoplifting a month
    expect(c.types).toEqual(['Anti-social behaviour', 'Shoplifting']);
    expect(c).toMatchObject({
      latest: '2026-06',
      months: ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'],
    });
    expect(placeChoices([])).toBeNull();
  });
});
