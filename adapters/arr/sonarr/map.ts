/** Sonarr series → the core's CatalogHit and LibraryItem. */
import type { LibraryItem } from '../../../src/core/ports.js';
import type { CatalogHit, ExternalIds } from '../../../src/core/types.js';
import { coverUrl } from '../images.js';
import { logScale } from '../popularity.js';
import type { Series } from './schemas.js';

/** Lookup `ratings.votes` (TheTVDB/Trakt votes) reaching this many count as fully popular. */
const VOTES_CEILING = 100_000;

export function isAnime(s: Pick<Series, 'seriesType' | 'genres'>): boolean {
  return s.seriesType === 'anime' || (s.genres ?? []).some((g) => g.toLowerCase() === 'anime');
}

/** A lookup result as a catalog hit; undefined when it has no TVDB id (Sonarr could not add it). */
export function seriesToHit(s: Series): CatalogHit | undefined {
  if (!s.tvdbId || s.tvdbId <= 0) return undefined;
  const ids: ExternalIds = { tvdb: s.tvdbId };
  if (s.tmdbId && s.tmdbId > 0) ids.tmdb = s.tmdbId;
  if (s.imdbId) ids.imdb = s.imdbId;
  const hit: CatalogHit = { source: 'sonarr', kind: 'series', title: s.title, ids };
  if (s.year && s.year > 0) hit.year = s.year;
  // Sonarr has no popularity figure; its lookup's vote count is the closest signal, log-scaled.
  const popularity = logScale(s.ratings?.votes, VOTES_CEILING);
  if (popularity !== undefined) hit.popularity = popularity;
  const poster =
    coverUrl(s.images, 'poster') ?? (s.remotePoster?.startsWith('http') ? s.remotePoster : undefined);
  if (poster) hit.posterUrl = poster;
  if (s.overview) hit.overview = s.overview;
  if (isAnime(s)) hit.anime = true;
  if ((s.id ?? 0) > 0) hit.inLibrary = true;
  return hit;
}

/**
 * Media is on disk for what is monitored: any episode file in a monitored season when the server
 * gives per-season statistics, else any episode file at all.
 */
export function seriesAvailable(s: Series): boolean {
  const monitored = (s.seasons ?? []).filter((x) => x.monitored && x.statistics);
  if (monitored.length > 0) return monitored.some((x) => (x.statistics?.episodeFileCount ?? 0) > 0);
  return (s.statistics?.episodeFileCount ?? s.episodeFileCount ?? 0) > 0;
}

export function seriesToItem(s: Series & { id: number }): LibraryItem {
  return { id: s.id, title: s.title, available: seriesAvailable(s) };
}
