/**
 * Part of the composition root: builds a catalog, backend or translator only for what the
 * config names. Nothing is built for an upstream that has no URL or key.
 */
import { createBackends } from '../adapters/arr/create-backends.js';
import { MusicBrainzCatalog } from '../adapters/catalog/musicbrainz/musicbrainz-catalog.js';
import { SpotifyCatalog } from '../adapters/catalog/spotify/spotify-catalog.js';
import { TmdbCatalog } from '../adapters/catalog/tmdb/tmdb-catalog.js';
import { systemClock, systemTimers } from '../adapters/schedule/timers.js';
import { createEnrichment, type EnrichmentStores } from '../adapters/translate/create-enrichment.js';
import { createVocab } from '../adapters/vocab/create-vocab.js';
import type { Config } from './config.js';
import { isAdmin, type AccessRules } from './core/access/access.js';
import type { VocabHandler } from './core/create-core.js';
import type { Logger, MediaBackend, MediaCatalog, Notifier } from './core/ports.js';
import { catalogTitleResolver } from './core/vocab/catalog-titles.js';
import { VocabDesk } from './core/vocab/vocab-desk.js';
import { VocabQueries } from './core/vocab/vocab-queries.js';
import type { VocabService } from './core/vocab/vocab-service.js';

/** The background translation jobs, as the composition root drives and reports them. */
export interface EnrichmentControl {
  /** Resume jobs a crash left running (at start). */
  resume(): Promise<number>;
  stop(): Promise<void>;
  /** Jobs queued or running, and characters billed by translators so far (for /metrics). */
  stats(): Promise<{ waiting: number; characters: number }>;
}

export interface Upstreams {
  catalogs: MediaCatalog[];
  backends: MediaBackend[];
  vocab?: VocabHandler;
  /** Background translation jobs: resume those a crash left running (at start), stop at shutdown. */
  enrichment?: EnrichmentControl;
  /** The vocabulary API's queries (/api/vocab). */
  vocabQueries?: VocabQueries;
}

export function buildCatalogs(config: Config, logger: Logger): MediaCatalog[] {
  const c = config.catalog;
  const timeoutMs = c.CATALOG_TIMEOUT_MS;
  const catalogs: MediaCatalog[] = [];
  if (c.TMDB_API_KEY) {
    catalogs.push(
      new TmdbCatalog({
        apiKey: c.TMDB_API_KEY,
        baseUrl: c.TMDB_BASE_URL,
        imageBase: c.TMDB_IMAGE_BASE,
        timeoutMs,
        logger: logger.child({ module: 'tmdb' }),
      }),
    );
  }
  if (c.MUSICBRAINZ_ENABLED) {
    catalogs.push(
      new MusicBrainzCatalog({
        baseUrl: c.MUSICBRAINZ_BASE_URL,
        minIntervalMs: c.MUSICBRAINZ_MIN_INTERVAL_MS,
        timeoutMs,
        logger: logger.child({ module: 'musicbrainz' }),
        ...(c.MUSICBRAINZ_CONTACT ? { contact: c.MUSICBRAINZ_CONTACT } : {}),
      }),
    );
  }
  if (c.SPOTIFY_CLIENT_ID && c.SPOTIFY_CLIENT_SECRET) {
    catalogs.push(
      new SpotifyCatalog({
        clientId: c.SPOTIFY_CLIENT_ID,
        clientSecret: c.SPOTIFY_CLIENT_SECRET,
        apiBase: c.SPOTIFY_API_BASE,
        accountsBase: c.SPOTIFY_ACCOUNTS_BASE,
        timeoutMs,
        logger: logger.child({ module: 'spotify' }),
      }),
    );
  }
  return catalogs;
}

/**
 * "vocab …": the core's VocabDesk over the vocabulary service, built on first use (the NLP model
 * and the CEFR lists), and the background translations, built at once: they need no model, and
 * jobs a crash left running resume at start.
 */
function lazyVocab(
  config: Config,
  logger: Logger,
  tmdb: TmdbCatalog | undefined,
  notifier: Notifier,
  access: AccessRules,
  stores: EnrichmentStores | undefined,
): { handler: VocabHandler; enrichment: EnrichmentControl; queries: VocabQueries } {
  const { RADARR_URL, RADARR_API_KEY, SONARR_URL, SONARR_API_KEY } = config.arr;
  // Radarr and Sonarr say where the media (and the subtitles beside it) is, for the library sources.
  const env = {
    ...config.vocab,
    RADARR_URL,
    RADARR_API_KEY,
    SONARR_URL,
    SONARR_API_KEY,
    DATA_DIR: config.core.DATA_DIR,
  };
  const enrichment = createEnrichment(env, logger, {
    isAdmin: (user) => isAdmin(access, user),
    notifier,
    clock: systemClock,
    timers: systemTimers,
    ...(stores ? { stores } : {}),
  });
  let service: Promise<VocabService> | undefined;
  const load = () =>
    (service ??= createVocab(env, logger, {
      ...(tmdb ? { titles: catalogTitleResolver(tmdb, tmdb, logger.child({ module: 'vocab' })) } : {}),
      enrichment: enrichment.desk,
      ...(stores ? { store: stores.vocabs } : {}),
    }).then(
      (w) => w.service,
      (err: unknown) => {
        service = undefined; // let the next "vocab …" try again (lists missing, disk full …)
        throw err;
      },
    ));
  const handler: VocabHandler = new VocabDesk(enrichment.desk, load);
  const queries = new VocabQueries({
    vocabs: enrichment.vocabs,
    movies: enrichment.movies,
    jobs: enrichment.queue,
    lists: load,
    logger: logger.child({ module: 'vocab-api' }),
  });
  return {
    handler,
    queries,
    enrichment: {
      resume: () => enrichment.queue.resume(),
      stop: () => enrichment.queue.stop(),
      async stats() {
        const jobs = await enrichment.queue.list();
        return {
          waiting: jobs.filter((j) => j.status === 'queued' || j.status === 'running').length,
          characters: jobs.reduce((n, j) => n + j.chars.words + j.chars.sentences, 0),
        };
      },
    },
  };
}

/**
 * `access`: the one access rule (app.ts builds it from the config), for the vocabulary desk's admin
 * commands. `stores`: where vocabularies and jobs are kept (PostgreSQL); default the files in DATA_DIR.
 */
export async function buildUpstreams(
  config: Config,
  logger: Logger,
  notifier: Notifier,
  access: AccessRules,
  stores?: EnrichmentStores,
): Promise<Upstreams> {
  const catalogs = buildCatalogs(config, logger);
  // No short timeout here: a real Sonarr POST /series fetches metadata and can take seconds.
  const arr = createBackends(config.arr, logger);
  const tmdb = catalogs.find((c): c is TmdbCatalog => c instanceof TmdbCatalog);
  const vocab = lazyVocab(config, logger, tmdb, notifier, access, stores);
  return {
    catalogs: [...catalogs, ...arr.catalogs],
    backends: arr.backends,
    vocab: vocab.handler,
    enrichment: vocab.enrichment,
    vocabQueries: vocab.queries,
  };
}
