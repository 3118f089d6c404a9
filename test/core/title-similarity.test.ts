import { describe, expect, it } from 'vitest';
import { normalizeTitle, titleSimilarity } from '../../src/core/media/title-similarity.js';

describe('how alike a typed title and a catalog title are', () => {
  it('ignores case, accents, punctuation, "&" and leading articles', () => {
    expect(titleSimilarity('amelie', 'Amélie')).toBe(1);
    expect(titleSimilarity('matrix', 'The Matrix')).toBe(1);
    expect(titleSimilarity('Matrix, The', 'The Matrix')).toBe(1);
    expect(titleSimilarity('law and order', 'Law & Order')).toBe(1);
    expect(titleSimilarity('dexters laboratory', "Dexter's Laboratory")).toBe(1);
  });

  it('forgives a small typo but ranks it below the exact title', () => {
    const typo = titleSimilarity('Breking Bad', 'Breaking Bad');
    expect(typo).toBeGreaterThan(0.85);
    expect(typo).toBeLessThan(1);
  });

  it('scores extra words lower than the exact title', () => {
    expect(titleSimilarity('Dexter', 'Dexter: New Blood')).toBeLessThan(0.6);
    expect(titleSimilarity('Dune', 'Dune: Part Two')).toBeLessThan(0.6);
  });

  it('scores unrelated titles low', () => {
    expect(titleSimilarity('Dexter', 'Heat')).toBeLessThan(0.3);
    expect(titleSimilarity('', 'Heat')).toBe(0);
  });

  it('normalizes to plain words', () => {
    expect(normalizeTitle('  Léon: The Professional! ')).toBe('leon the professional');
  });
});
