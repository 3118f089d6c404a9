/**
 * zod schemas of the vocabulary and enrichment records (MovieVocab, EnrichmentJob), checked on
 * every read by both stores: the files under DATA_DIR (json-vocab-store.ts, json-job-store.ts)
 * and PostgreSQL (pg/pg-vocab-store.ts, pg/pg-job-store.ts).
 */
import { z } from 'zod';
import type { EnrichmentJob } from '../../src/core/vocab/enrichment/types.js';
import { CEFR_LEVELS } from '../../src/core/vocab/types.js';

const level = z.enum(CEFR_LEVELS);
const perLevel = z.object({
  A1: z.number(),
  A2: z.number(),
  B1: z.number(),
  B2: z.number(),
  C1: z.number(),
  C2: z.number(),
});

export const storedVocab = z.object({
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

const userRef = z.object({
  platform: z.enum(['telegram', 'discord', 'terminal', 'http']),
  userId: z.string(),
  chatId: z.string(),
  name: z.string().optional(),
  roles: z.array(z.string()).optional(),
});

export const storedJob: z.ZodType<EnrichmentJob> = z.object({
  key: z.string(),
  movieKey: z.string(),
  title: z.string(),
  language: z.string(),
  status: z.enum(['queued', 'running', 'ready', 'failed', 'paused']),
  total: z.number().int(),
  done: z.number().int(),
  reason: z.string().optional(),
  retryAt: z.string().optional(),
  translator: z.string(),
  words: z.record(z.string(), z.string()),
  sentences: z.record(z.string(), z.string()),
  chars: z.object({ words: z.number(), sentences: z.number() }),
  requests: z.number().int(),
  askers: z.array(z.object({ user: userRef, at: z.string(), notified: z.boolean() })),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().optional(),
  pauseNotified: z.boolean().optional(),
});
