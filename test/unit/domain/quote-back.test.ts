import { describe, expect, it } from 'vitest';
import { quoteBack } from '../../../src/domain/quote-back.js';

describe('quoteBack', () => {
  it('repeats a short text the guard passes', () => {
    expect(quoteBack(' exeter ', 'that')).toBe('"exeter"');
  });

  it('refers without the words to text the guard holds, or to a long one', () => {
    expect(quoteBack('Darren Nance', 'that town')).toBe('that town');
    expect(quoteBack('07700 900123', 'that')).toBe('that');
    expect(quoteBack('a'.repeat(61), 'that')).toBe('that');
    expect(quoteBack('   ', 'that')).toBe('that');
  });
});
