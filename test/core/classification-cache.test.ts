import { describe, expect, it } from 'vitest';
import { ClassificationCache } from '../../src/core/media/classification-cache.js';
import type { Classification, SourceReport } from '../../src/core/types.js';

const ok: SourceReport = { source: 'tmdb', status: 'ok', ms: 100, hits: 3 };
const late: SourceReport = { source: 'musicbrainz', status: 'late', ms: 2000, hits: 0 };

function answer(sources: SourceReport[], type: 'none' | 'unavailable' = 'none'): Classification {
  return { decision: type === 'none' ? { type, closest: [] } : { type }, ranked: [], sources, ms: 100 };
}

describe('the classification cache', () => {
  it('answers the same question, however it is typed, for its lifetime', () => {
    const cache = new ClassificationCache(300_000);
    cache.set({ title: 'The Matrix' }, answer([ok]), 0);
    expect(cache.get({ title: 'matrix' }, 299_000)).toBeDefined();
    expect(cache.get({ title: 'matrix', year: 1999 }, 1000)).toBeUndefined();
    expect(cache.get({ title: 'matrix' }, 300_001)).toBeUndefined();
  });

  it('keeps an answer a source was left out of for one minute only', () => {
    const cache = new ClassificationCache(300_000);
    cache.set({ title: 'Heat' }, answer([ok, late]), 0);
    expect(cache.get({ title: 'Heat' }, 59_000)).toBeDefined();
    expect(cache.get({ title: 'Heat' }, 61_000)).toBeUndefined();
  });

  it('never keeps "no source answered"', () => {
    const cache = new ClassificationCache(300_000);
    cache.set({ title: 'Heat' }, answer([{ ...ok, status: 'failed' }], 'unavailable'), 0);
    expect(cache.get({ title: 'Heat' }, 1)).toBeUndefined();
  });
});
