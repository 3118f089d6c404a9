/**
 * What enrichment has done in all, for GET /api/vocab/stats: movies stored, movies with a finished
 * job, jobs by language, example sentences translated, and the characters translators billed
 * (counted on each job as its requests come back: worker.ts).
 */
import type { EnrichmentJob } from './enrichment/types.js';

export interface LanguageStats {
  jobs: number;
  ready: number;
  enriching: number;
  paused: number;
  failed: number;
  /** Words translated. */
  words: number;
  /** Example sentences translated. */
  examples: number;
  /** Characters billed: words and sentences. */
  characters: number;
}

export interface VocabStats {
  /** Movie vocabularies stored. */
  movies: number;
  /** Movies with at least one finished job. */
  enrichedMovies: number;
  byLanguage: Record<string, LanguageStats>;
  /** Example sentences translated, every job together. */
  examples: number;
  /** Examples translated per enriched movie (0 when none is). */
  averageExamplesPerMovie: number;
  charactersBilled: { words: number; sentences: number; total: number };
  /** Translation requests sent. */
  requests: number;
}

export function vocabStats(movies: number, jobs: readonly EnrichmentJob[]): VocabStats {
  const byLanguage: Record<string, LanguageStats> = {};
  const enriched = new Set<string>();
  const billed = { words: 0, sentences: 0, total: 0 };
  let examples = 0;
  let requests = 0;
  for (const j of [...jobs].sort((a, b) => a.language.localeCompare(b.language))) {
    const s = (byLanguage[j.language] ??= {
      jobs: 0,
      ready: 0,
      enriching: 0,
      paused: 0,
      failed: 0,
      words: 0,
      examples: 0,
      characters: 0,
    });
    const translated = Object.keys(j.sentences).length;
    s.jobs += 1;
    if (j.status === 'queued' || j.status === 'running') s.enriching += 1;
    else s[j.status] += 1;
    s.words += Object.keys(j.words).length;
    s.examples += translated;
    s.characters += j.chars.words + j.chars.sentences;
    if (j.status === 'ready') enriched.add(j.movieKey);
    examples += translated;
    billed.words += j.chars.words;
    billed.sentences += j.chars.sentences;
    requests += j.requests;
  }
  billed.total = billed.words + billed.sentences;
  const average = enriched.size ? Math.round((examples / enriched.size) * 10) / 10 : 0;
  return {
    movies,
    enrichedMovies: enriched.size,
    byLanguage,
    examples,
    averageExamplesPerMovie: average,
    charactersBilled: billed,
    requests,
  };
}
