/**
 * VocabStore as one JSON file per movie under DATA_DIR/vocab/, written atomically and durably. A
 * file that does not parse or has the wrong shape is moved aside with an error line and reads as
 * absent, so the movie is analysed again (atomic-json.ts, readRecordFile).
 */
import { join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../../src/core/ports.js';
import type { VocabStore } from '../../src/core/vocab/ports.js';
import { CEFR_LEVELS, type MovieVocab } from '../../src/core/vocab/types.js';
import { fileNameFor, readRecordFile, writeJsonAtomic } from './atomic-json.js';

const level = z.enum(CEFR_LEVELS);
const perLevel = z.object({
  A1: z.number(),
  A2: z.number(),
  B1: z.number(),
  B2: z.number(),
  C1: z.number(),
  C2: z.number(),
});

const movieVocab = z.object({
  key: z.string(),
  title: z.string(),
  year: z.number().int().optional(),
  script: z.object({
    source: z.string(),
    origin: z.string().optional(),
    format: z.enum(['screenplay', 'transcript']),
    characters: z.number(),
  }),
  season: z
    .object({
      season: z.number().int(),
      episodes: z.array(z.object({ episode: z.number().int(), words: z.number(), source: z.string() })),
      missing: z.array(
        z.object({ episode: z.number().int(), gap: z.enum(['not_found', 'unusable', 'quota', 'down']) }),
      ),
      quotaResetsAt: z.string().optional(),
      openEnded: z.boolean().optional(),
      retryAfter: z.string().optional(),
    })
    .optional(),
  analysisVersion: z.number(),
  analysedAt: z.string(),
  profile: z.object({
    runningWords: z.number(),
    distinctWords: z.number(),
    perLevel,
    estimated: z.number(),
    unlisted: z.number(),
    coverage: perLevel,
  }),
  entries: z.array(
    z.object({
      lemma: z.string(),
      pos: z.enum(['noun', 'verb', 'adjective', 'adverb', 'phrase', 'other']),
      level: level.optional(),
      source: z.enum(['CEFR-J', 'Octanove', 'estimated', 'unlisted']),
      count: z.number(),
      forms: z.array(z.string()),
      sentences: z.array(z.number().int()),
      uncertain: z.boolean().optional(),
    }),
  ),
  sentences: z.array(
    z.object({
      text: z.string(),
      kind: z.enum(['heading', 'dialogue', 'action', 'parenthetical']),
      speaker: z.string().optional(),
    }),
  ),
});

export class JsonVocabStore implements VocabStore {
  /** `dir` is DATA_DIR/vocab. */
  constructor(
    private readonly dir: string,
    private readonly logger?: Logger,
  ) {}

  async get(key: string): Promise<MovieVocab | undefined> {
    const found = await readRecordFile(this.path(key), movieVocab, 'key', this.logger);
    // A file renamed by hand, or one written for another key, is not this movie's vocabulary.
    return found?.key === key ? found : undefined;
  }

  async put(vocab: MovieVocab): Promise<void> {
    await writeJsonAtomic(this.path(vocab.key), vocab);
  }

  private path(key: string): string {
    return join(this.dir, fileNameFor(key));
  }
}
