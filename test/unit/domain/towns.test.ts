import { describe, expect, it } from 'vitest';
import { findTown, TOWNS, townSlugSchema } from '../../../src/domain/towns.js';

describe('towns', () => {
  it('are the ten Safer Towns, each with a unique three-letter code', () => {
    expect(TOWNS.map((t) => t.name)).toEqual([
      'Penzance',
      'Redruth',
      'Camborne',
      'Falmouth',
      'Truro',
      'Newquay',
      'St Austell',
      'Bodmin',
      'Liskeard',
      'Saltash',
    ]);
    expect(new Set(TOWNS.map((t) => t.code)).size).toBe(10);
    expect(TOWNS.every((t) => /^[A-Z]{3}$/.test(t.code))).toBe(true);
  });

  it.each(['st austell', 'St. Austell', 'staustell', 'ST-AUSTELL', 'Saint Austell', ' st  austell '])(
    'finds St Austell from %j',
    (input) => expect(findTown(input)?.slug).toBe('st-austell'),
  );

  it('finds towns regardless of case and ignores unknown names', () => {
    expect(findTown('TRURO')?.slug).toBe('truro');
    expect(findTown('Plymouth')).toBeUndefined();
    expect(findTown('')).toBeUndefined();
    expect(findTown('red')).toBeUndefined(); // codes are not names: "red" is a RAG colour
  });

  it('validates slugs with a message naming the ten towns', () => {
    const result = townSlugSchema.safeParse('exeter');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('Penzance, Redruth');
  });
});
