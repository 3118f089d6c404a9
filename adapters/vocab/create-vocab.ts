/**
 * The vocabulary feature wired from the environment in one call, for src/upstreams.ts, which hands
 * vocab.service to the core's VocabDesk (src/core/vocab/vocab-desk.ts):
 *
 *   const vocab = await createVocab({ ...config.vocab, ...radarrSonarr, DATA_DIR }, logger, {
 *     titles: tmdb ? catalogTitleResolver(tmdb, tmdb) : undefined,
 *   });
 *
 * The script sources by title: the library (Bazarr and subtitle files beside the media, through
 * Radarr and Sonarr: library-sources.ts), IMSDb and OpenSubtitles, the two sites behind on-disk
 * script caches (DATA_DIR/scripts/ and DATA_DIR/scripts/opensubtitles/: a download counts against
 * the day's quota, so one is never made twice). The core orders them (script-chain.ts). Plus
 * .srt/.vtt attachments, local files for the terminal, the CEFR lists from data/cefr and wink-nlp.
 * Loads the lists and the NLP model here, once, warms the pipeline up, and reports how long each took.
 */
import { join } from 'node:path';
import type { VocabEnv } from '../../src/config/vocab-env.js';
import type { Clock, Logger } from '../../src/core/ports.js';
import type { EnrichmentDesk } from '../../src/core/vocab/enrichment/enrichment-desk.js';
import type { ScriptSource, TitleResolver, VocabStore } from '../../src/core/vocab/ports.js';
import { VocabBuilder } from '../../src/core/vocab/build-vocab.js';
import { createVocabService, type VocabService } from '../../src/core/vocab/vocab-service.js';
import { loadCefrLexicon } from './cefr-lexicon.js';
import { ImsdbScriptSource } from './imsdb-script-source.js';
import { createLibrarySources, type LibraryArrEnv } from './library-sources.js';
import { JsonVocabStore } from '../store/json-vocab-store.js';
import { LocalFileScriptSource } from './local-file-script-source.js';
import { createOpenSubtitlesSource } from './opensubtitles-source.js';
import { CachedScriptSource } from './script-cache.js';
import { SubtitleScriptSource } from './subtitle-script-source.js';
import { warmUp } from './warm-up.js';
import { WinkAnalyzer } from './wink-analyzer.js';

export interface CreateVocabOptions {
  /** TMDb-backed canonical titles; without it the title is used as typed. */
  titles?: TitleResolver;
  clock?: Clock;
  /** Where the two CSV lists are; default data/cefr/ in the checkout. */
  cefrDir?: string;
  fetchImpl?: typeof fetch;
  /** Grade a small built-in script at start (default true); tests may skip it. */
  warmUp?: boolean;
  /** Background translations (adapters/translate/create-enrichment.ts); lists start or join jobs. */
  enrichment?: EnrichmentDesk;
  /** Where analysed vocabularies are kept; default JSON files under DATA_DIR/vocab. */
  store?: VocabStore;
}

export interface VocabWiring {
  service: VocabService;
  /** Milliseconds to load the wink model (0 when already loaded in this process). */
  modelLoadMs: number;
  /** Milliseconds to read and index the CEFR lists. */
  lexiconLoadMs: number;
  /** Milliseconds spent grading a small built-in script so the first real one runs warm. */
  warmupMs: number;
}

export async function createVocab(
  env: VocabEnv & LibraryArrEnv & { DATA_DIR: string },
  logger: Logger,
  opts: CreateVocabOptions = {},
): Promise<VocabWiring> {
  const log = logger.child({ module: 'vocab' });
  const started = performance.now();
  const lexicon = await loadCefrLexicon(opts.cefrDir);
  const lexiconLoadMs = performance.now() - started;
  const analyzer = new WinkAnalyzer();
  const warmupMs = opts.warmUp === false ? 0 : warmUp(new VocabBuilder(lexicon, analyzer));
  log.info(
    {
      lexiconLoadMs: Math.round(lexiconLoadMs),
      modelLoadMs: Math.round(analyzer.loadMs),
      warmupMs: Math.round(warmupMs),
      headwords: lexicon.size,
    },
    'vocabulary lists and NLP model loaded',
  );

  const imsdb = new ImsdbScriptSource({
    baseUrl: env.IMSDB_BASE_URL,
    maxBytes: env.SCRIPT_MAX_BYTES,
    timeoutMs: env.SCRIPT_TIMEOUT_MS,
    logger: log.child({ source: 'imsdb' }),
    ...(opts.fetchImpl ? { fetchImpl: opts.fetchImpl } : {}),
  });
  const scriptsDir = join(env.DATA_DIR, 'scripts');
  const fetchImpl = opts.fetchImpl ? { fetchImpl: opts.fetchImpl } : {};
  const openSubtitles = createOpenSubtitlesSource(env, log, {
    ...fetchImpl,
    ...(opts.clock ? { clock: opts.clock } : {}),
  });
  const sources: ScriptSource[] = [
    ...createLibrarySources(env, log, fetchImpl),
    new CachedScriptSource(imsdb, { dir: scriptsDir, logger: log }),
    ...(openSubtitles
      ? [new CachedScriptSource(openSubtitles, { dir: join(scriptsDir, 'opensubtitles'), logger: log })]
      : []),
  ];
  const service = createVocabService({
    sources,
    lexicon,
    analyzer,
    store: opts.store ?? new JsonVocabStore(join(env.DATA_DIR, 'vocab'), log),
    attachments: new SubtitleScriptSource({ maxChars: env.SCRIPT_MAX_BYTES }),
    files: new LocalFileScriptSource({ maxBytes: env.SCRIPT_MAX_BYTES }),
    logger: log,
    findTimeoutMs: env.SCRIPT_TIMEOUT_MS * 3,
    maxReplyChars: env.VOCAB_REPLY_MAX_CHARS,
    ...(opts.titles ? { titles: opts.titles } : {}),
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.enrichment ? { enrichment: opts.enrichment } : {}),
  });
  return { service, modelLoadMs: analyzer.loadMs, lexiconLoadMs, warmupMs };
}
