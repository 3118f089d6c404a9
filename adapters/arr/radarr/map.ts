/** Radarr movie → the core's CatalogHit and LibraryItem. */
import type { LibraryItem } from '../../../src/core/ports.js';
import type { CatalogHit, ExternalIds } from '../../../src/core/types.js';
import { coverUrl } from '../images.js';
import { logScale, TMDB_POPULARITY_CEILING } from '../popularity.js';
import type { Movie } from './schemas.js';

/** Radarr relays TMDb's popularity: the same curve as the TMDb catalog's, so the two compare. */
const POPULARITY_CEILING = TMDB_POPULARITY_CEILING;
/** Vote counts (older Radarr, or no popularity) at or above this count as fully popular. */
const VOTES_CEILING = 100_000;

/** Radarr's `popularity` is TMDb's, log-scaled; without it, the vote count, log-scaled. */
function popularityOf(m: Movie): number | undefined {
  const fromPopularity = logScale(m.popularity, POPULARITY_CEILING);
  if (fromPopularity !== undefined) return fromPopularity;
  const votes = m.ratings?.tmdb?.votes ?? m.ratings?.votes ?? m.ratings?.imdb?.votes;
  return logScale(votes, VOTES_CEILING);
}

export function movieToHit(m: Movie): CatalogHit | undefined {
  if (m.tmdbId <= 0) return undefined;
  const ids: ExternalIds = { tmdb: m.tmdbId };
  if (m.imdbId) ids.imdb = m.imdbId;
  const hit: CatalogHit = { source: 'radarr', kind: 'movie', title: m.title, ids };
  if (m.year && m.year > 0) hit.year = m.year;
  const popularity = popularityOf(m);
  if (popularity !== undefined) hit.popularity = popularity;
  const poster =
    coverUrl(m.images, 'poster') ?? (m.remotePoster?.startsWith('http') ? m.remotePoster : undefined);
  if (poster) hit.posterUrl = poster;
  if (m.overview) hit.overview = m.overview;
  if ((m.id ?? 0) > 0) hit.inLibrary = true;
  return hit;
}

export function movieToItem(m: Movie, id: number): LibraryItem {
  return { id, title: m.title, available: m.hasFile === true };
}
