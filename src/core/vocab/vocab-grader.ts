/**
 * Grading and storing one vocabulary: the script's words by level, stored under the movie's key
 * (movie-key.ts), and the stored copy read back when it was made by this version of the analysis.
 */
import type { Clock, Logger } from '../ports.js';
import { ANALYSIS_VERSION, VocabBuilder } from './build-vocab.js';
import type { Lexicon, TextAnalyzer, VocabStore } from './ports.js';
import type { MovieVocab, Script, SeasonParts } from './types.js';

/** What a vocabulary is stored as: its key, and the title and year shown with it. */
export interface Movie {
  key: string;
  title: string;
  year?: number;
}

export interface GraderDeps {
  lexicon: Lexicon;
  analyzer: TextAnalyzer;
  store: VocabStore;
  clock?: Clock;
  logger?: Logger;
}

export class VocabGrader {
  private readonly builder: VocabBuilder;

  constructor(private readonly deps: GraderDeps) {
    this.builder = new VocabBuilder(deps.lexicon, deps.analyzer);
  }

  now(): Date {
    return this.deps.clock ? this.deps.clock.now() : new Date();
  }

  /** The stored vocabulary under `key`, unless an older analysis made it. */
  async stored(key: string): Promise<MovieVocab | undefined> {
    const stored = await this.deps.store.get(key);
    return stored && stored.analysisVersion === ANALYSIS_VERSION ? stored : undefined;
  }

  /** Store `vocab` again as it is (a season's next try moved on). */
  async keep(vocab: MovieVocab): Promise<MovieVocab> {
    await this.deps.store.put(vocab);
    return vocab;
  }

  async grade(movie: Movie, script: Script, season?: SeasonParts): Promise<MovieVocab> {
    const started = Date.now();
    const built = this.builder.build(script);
    const vocab: MovieVocab = {
      key: movie.key,
      title: movie.title,
      script: { source: script.source, format: script.format, characters: script.text.length },
      analysisVersion: ANALYSIS_VERSION,
      analysedAt: this.now().toISOString(),
      profile: built.profile,
      entries: built.entries,
      sentences: built.sentences,
    };
    if (movie.year) vocab.year = movie.year;
    if (script.origin) vocab.script.origin = script.origin;
    if (season) vocab.season = season;
    const analysedMs = Date.now() - started;
    await this.deps.store.put(vocab);
    this.deps.logger?.info(
      {
        key: movie.key,
        analysedMs,
        storedMs: Date.now() - started - analysedMs,
        words: built.profile.runningWords,
        distinct: built.entries.length,
      },
      'vocab: analysed',
    );
    return vocab;
  }
}
