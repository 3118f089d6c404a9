/**
 * Part of the composition root: builds a catalog, backend or translator only for what the
 * config names. Nothing is built for an upstream that has no URL or key.
 */
import { MusicBrainzCatalog } from '../adapters/catalog/musicbrainz/musicbrainz-catalog.js';
import { SpotifyCatalog } from '../adapters/catalog/spotify/spotify-catalog.js';
import { TmdbCatalog } from '../adapters/catalog/tmdb/tmdb-catalog.js';
import type { Config } from './config.js';
import type { VocabHandler } from './core/create-core.js';
import type { Logger, MediaBackend, MediaCatalog } from './core/ports.js';

export interface Upstreams {
  catalogs: MediaCatalog[];
  backends: MediaBackend[];
  vocab?: VocabHandler;
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

export async function buildUpstreams(config: Config, logger: Logger): Promise<Upstreams> {
  return { catalogs: buildCatalogs(config, logger), backends: [] };
}
