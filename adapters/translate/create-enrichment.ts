/**
 * Background enrichment wired from the environment: the translators the config names (DeepL,
 * LibreTranslate, Apertium APy, FreeDict files in DICTIONARY_DIR; per language the first that
 * supports it), the job store (DATA_DIR/jobs, or PostgreSQL's: opts.stores), and the queue and
 * desk on top. Cheap: no NLP model, so the composition root
 * can build it at start and resume jobs a crash left running.
 */
import type { VocabEnv } from '../../src/config/vocab-env.js';
import type { ClusterLocks, Clock, Logger, Notifier, Timers } from '../../src/core/ports.js';
import type { UserRef } from '../../src/core/types.js';
import { EnrichmentDesk } from '../../src/core/vocab/enrichment/enrichment-desk.js';
import { EnrichmentQueue } from '../../src/core/vocab/enrichment/queue.js';
import type { JobStore, Translator } from '../../src/core/vocab/enrichment/types.js';
import type { VocabStore } from '../../src/core/vocab/ports.js';
import { fileVocabStores } from '../store/file-vocab-stores.js';
import { ApertiumTranslator } from './apertium.js';
import { DeeplTranslator } from './deepl.js';
import { FreeDictTranslator } from './freedict.js';
import { LibreTranslator } from './libretranslate.js';
import { TranslatorChain } from './translator-chain.js';

export interface EnrichmentWiring {
  queue: EnrichmentQueue;
  desk: EnrichmentDesk;
  translator?: Translator;
  /** The stored vocabularies the jobs read (DATA_DIR/vocab, or PostgreSQL), and their keys. */
  vocabs: VocabStore;
  movies: () => Promise<string[]>;
}

/** Where vocabularies and jobs are kept when not in the files under DATA_DIR (PostgreSQL). */
export interface EnrichmentStores {
  vocabs: VocabStore;
  jobs: JobStore;
  /** The keys of the stored vocabularies. */
  movies: () => Promise<string[]>;
  /** Locks shared with the other instances on this store: one run and one ask per job among them. */
  locks?: ClusterLocks;
}

export interface CreateEnrichmentOptions {
  notifier: Notifier;
  /** Admins may backfill and are not bound by ENRICH_PER_HOUR. */
  isAdmin: (user: UserRef) => boolean;
  clock: Clock;
  /** Paused jobs' wake-ups and request deadlines (adapters/schedule/timers.ts). */
  timers: Timers;
  fetchImpl?: typeof fetch;
  /** Default: JSON files under DATA_DIR/vocab and DATA_DIR/jobs. */
  stores?: EnrichmentStores;
}

/** Minutes a job waits after the translator stayed unreachable or rate-limited. */
const RETRY_MINUTES = 5;

/**
 * Every configured translator, in this order: DeepL, LibreTranslate, Apertium APy, an offline
 * dictionary. One is used as it is; several become a chain that picks, per language, the first
 * that supports it.
 */
export function createTranslator(
  env: VocabEnv,
  logger: Logger,
  fetchImpl?: typeof fetch,
): Translator | undefined {
  const common = {
    timeoutMs: env.TRANSLATE_TIMEOUT_MS,
    maxConcurrent: env.ENRICH_CONCURRENCY,
    ...(fetchImpl ? { fetchImpl } : {}),
  };
  const all: Translator[] = [];
  if (env.DEEPL_API_KEY) {
    all.push(
      new DeeplTranslator({
        apiKey: env.DEEPL_API_KEY,
        ...(env.DEEPL_BASE_URL ? { baseUrl: env.DEEPL_BASE_URL } : {}),
        logger: logger.child({ module: 'deepl' }),
        ...common,
      }),
    );
  }
  if (env.LIBRETRANSLATE_URL) {
    all.push(
      new LibreTranslator({
        baseUrl: env.LIBRETRANSLATE_URL,
        ...(env.LIBRETRANSLATE_API_KEY ? { apiKey: env.LIBRETRANSLATE_API_KEY } : {}),
        maxTexts: env.LIBRETRANSLATE_BATCH,
        logger: logger.child({ module: 'libretranslate' }),
        ...common,
      }),
    );
  }
  if (env.APERTIUM_URL) {
    all.push(
      new ApertiumTranslator({
        baseUrl: env.APERTIUM_URL,
        logger: logger.child({ module: 'apertium' }),
        ...common,
      }),
    );
  }
  if (env.DICTIONARY_DIR) all.push(new FreeDictTranslator(env.DICTIONARY_DIR));
  if (all.length <= 1) return all[0];
  return new TranslatorChain(all);
}

export function createEnrichment(
  env: VocabEnv & { DATA_DIR: string },
  logger: Logger,
  opts: CreateEnrichmentOptions,
): EnrichmentWiring {
  const log = logger.child({ module: 'enrichment' });
  const translator = createTranslator(env, log, opts.fetchImpl);
  const { vocabs, jobs, movies, locks }: EnrichmentStores = opts.stores ?? fileVocabStores(env.DATA_DIR, log);
  const queue = new EnrichmentQueue({
    jobs,
    vocabs,
    translator,
    notifier: opts.notifier,
    clock: opts.clock,
    timers: opts.timers,
    logger: log,
    ...(locks ? { locks } : {}),
    settings: {
      concurrency: env.ENRICH_CONCURRENCY,
      perHour: env.ENRICH_PER_HOUR,
      quotaPauseMinutes: env.ENRICH_QUOTA_PAUSE_MINUTES,
      scanIntervalMs: env.ENRICH_TAKEOVER_SECONDS * 1000,
      retryMinutes: RETRY_MINUTES,
      // One request with the HTTP client's retries and their back-off.
      requestTimeoutMs: env.TRANSLATE_TIMEOUT_MS * 4,
    },
  });
  log.info({ translator: translator?.name ?? 'none' }, 'enrichment ready');
  const desk = new EnrichmentDesk({ queue, vocabs, isAdmin: opts.isAdmin, movies, logger: log });
  return { queue, desk, vocabs, movies, ...(translator ? { translator } : {}) };
}
