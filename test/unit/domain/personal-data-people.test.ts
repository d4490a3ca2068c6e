// The guard's judgement, case by case: people, sensitive terms, both together, and text written to get past it.
import { describe, expect, it } from 'vitest';
import { screenFields, screenText } from '../../../src/domain/personal-data.js';

const kinds = (text: string, knownNames: string[] = []) =>
  screenText(text, { knownNames }).findings.map((f) => f.kind);
const verdict = (text: string, knownNames: string[] = []) => screenText(text, { knownNames }).verdict;

describe('people in free text', () => {
  it.each([
    ['Sarah Trewin asked for the bench to be moved', 'person_name'],
    ['Spoke to Mr Hocking about closing time', 'person_name'],
    ["Mr Polglase's complaint went to highways", 'person_name'],
    ['Aged 14, he hangs around the skate park', 'age'],
    ['A 15-year-old was on the roof', 'age'],
    ['a year 9 pupil climbed the fence', 'age'],
    ['Her mum called about the noise', 'relationship'],
    ["The teenager's mum asked for a meeting", 'relationship'],
    ['14 Lemon Street reported the light', 'address'],
  ])('finds %j (%s), and only warns', (text, kind) => {
    expect(kinds(text)).toContain(kind);
    expect(verdict(text)).toBe('confirm');
  });

  it('does not count roles, partners, places or the members themselves', () => {
    for (const text of [
      'PCSO Hocking and the BID manager to walk Fore Street',
      'Cllr Jane Rowe asked about speeding on Moorland Road',
      'Devon and Cornwall Police and Addaction at Victoria Square',
      'Young people aged 12 to 16 meet at the tennis courts',
      'Groups of 15-year-olds ride bikes through the precinct',
      'Meeting at the Passmore Edwards building',
    ])
      expect(verdict(text), text).toBe('clear');
    expect(verdict('Jo Trelawny to chase the council', ['Jo Trelawny (demo)'])).toBe('clear');
    expect(verdict('Jo Trelawny to chase the council')).toBe('confirm');
  });
});

describe('people judged with sensitive terms', () => {
  it('refuses a person with health, drug, offending or safeguarding details', () => {
    for (const text of [
      'Sarah Trewin was sectioned last week',
      'Mr Pascoe is using heroin again',
      "Dean's brother was arrested for burglary",
      'A 15-year-old girl was seen with older men at the station',
      'Kyle went missing from home again',
      'Pascoe was arrested again',
    ])
      expect(verdict(text), text).toBe('refuse');
  });

  it('lets the same terms pass when they are about a place, a group or a service', () => {
    for (const text of [
      'Drug dealing in the car park behind Lemon Street Market',
      'Rough sleepers in the town centre',
      'Mental health team and the probation service to attend',
      'Naloxone training for the hostel staff',
      'Tackling shoplifting on Fore Street',
      'Dealing reported at Tregolls and Penhale',
    ])
      expect(verdict(text), text).toBe('clear');
  });

  it('refuses "he" or "the man" tied to the term; "a man" alone identifies nobody', () => {
    expect(verdict('A man was arrested for dealing at the station')).toBe('clear');
    expect(verdict('He was arrested again last night')).toBe('refuse');
    expect(verdict('The man was arrested again last night')).toBe('refuse');
    expect(verdict('A woman at number 12 was arrested again')).toBe('refuse');
    expect(verdict('He said the patrols would help with the dealing reported at the station')).toBe('clear');
  });

  it('judges the fields of one submission together, reporting each finding in its own field', () => {
    const screened = screenFields({ title: 'Support for Mr Pascoe', measure: 'Probation appointments kept' });
    expect(screened.verdict).toBe('refuse');
    expect(screened.findings.map((f) => [f.field, f.kind])).toEqual([
      ['title', 'person_name'],
      ['measure', 'offending'],
    ]);
    expect(screened.suggestions).toEqual({
      title: 'Support for [person]',
      measure: '[offence detail] appointments kept',
    });
  });

  it('offers the text with what was found replaced', () => {
    expect(screenText('Mr Pascoe, 34, is using heroin again').suggestion).toBe(
      '[person], [age], is [drug detail] again',
    );
  });
});

describe('text written to get past the guard', () => {
  it.each([
    ['look-alike letters', 'Mr P\u0430sc\u043ee is on probation'],
    ['zero-width characters', 'Sa\u200brah Tre\u200cwin was sec\u200dtioned'],
    ['spaced letters', 'S a r a h Trewin was s e c t i o n e d'],
    ['capitals', 'SARAH TREWIN WAS SECTIONED'],
    ['lower case', 'sarah trewin was sectioned'],
    ['digits for letters', 'Mr Pascoe is on her0in again'],
    ['emoji inside words', 'Mr Pas😀coe is on hero😀in again'],
    ['accents', 'Mr Pascoé is on bäil'],
    ['full-width letters', 'Ｍｒ Ｐａｓｃｏｅ is on bail'],
  ])('%s: still refused', (_what, text) => {
    expect(verdict(text)).toBe('refuse');
  });

  it('quotes the words as they were typed, invisible characters and all', () => {
    const [name] = screenText('Sa\u200brah Trewin was sectioned').findings;
    expect(name).toMatchObject({ kind: 'person_name', match: 'Sa\u200brah Trewin', index: 0 });
  });

  it('answers quickly and without error for long, odd and non-English text', () => {
    for (const text of [
      'Gwell yw gwir es gow: an event in Cornish at the library',
      'Croeso i bawb! Mae’r cyfarfod nesaf yn Neuadd y Dref',
      '😀'.repeat(2000),
      'a'.repeat(5000),
      'Mr '.repeat(3000),
      '\u200b'.repeat(3000),
      '',
    ]) {
      const started = performance.now();
      expect(['clear', 'confirm', 'refuse']).toContain(verdict(text));
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });
});
