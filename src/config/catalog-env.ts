import { z } from 'zod';
import { boolWithDefault, intWithDefault, optionalString, urlWithDefault } from './env-helpers.js';

/** Metadata sources. TMDb and Spotify need keys; MusicBrainz is public. */
export const catalogEnv = z.object({
  /** A v3 API key, or a v4 read access token (a JWT starting "eyJ"), sent as a Bearer header. */
  TMDB_API_KEY: optionalString(),
  TMDB_BASE_URL: urlWithDefault('https://api.themoviedb.org/3'),
  TMDB_IMAGE_BASE: urlWithDefault('https://image.tmdb.org/t/p/w342'),
  MUSICBRAINZ_ENABLED: boolWithDefault(true),
  MUSICBRAINZ_BASE_URL: urlWithDefault('https://musicbrainz.org/ws/2'),
  MUSICBRAINZ_MIN_INTERVAL_MS: intWithDefault(1000, 0, 60_000),
  /** Contact for the User-Agent MusicBrainz requires (an email or URL). */
  MUSICBRAINZ_CONTACT: optionalString(),
  SPOTIFY_CLIENT_ID: optionalString(),
  SPOTIFY_CLIENT_SECRET: optionalString(),
  SPOTIFY_API_BASE: urlWithDefault('https://api.spotify.com/v1'),
  SPOTIFY_ACCOUNTS_BASE: urlWithDefault('https://accounts.spotify.com'),
  /** Per-request timeout for catalogs, ms. */
  CATALOG_TIMEOUT_MS: intWithDefault(4000, 100, 60_000),
});
export type CatalogEnv = z.infer<typeof catalogEnv>;
