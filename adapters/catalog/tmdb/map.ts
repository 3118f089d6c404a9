/** TMDb rows → CatalogHit. */
import type { CatalogHit, ExternalIds, MediaKind } from '../../../src/core/types.js';
import { logScale } from '../log-scale.js';
import { yearOf } from '../year-of.js';
import type { TmdbSearchRow, TmdbTvExternalIds } from './schemas.js';

/**
 * TMDb popularity at which a work counts as fully popular. The number is unbounded and moves daily
 * with trending; in the recordings a long-running hit sits at 100–650, a known film at 30–100,
 * an obscure short below 2. log1p(p)/log1p(300) gives 1 for the big hits, ~0.7 for p=50, ~0.4
 * for p=8 and ~0.1 for p=1, which separates "the one people mean" from the obscure namesakes.
 */
const POPULARITY_CEILING = 300;
/** TMDb genre id for Animation. */
const ANIMATION = 16;

/** The kind a row stands for, or undefined for people and anything else. */
export function rowKind(row: TmdbSearchRow, endpointKind?: MediaKind): MediaKind | undefined {
  if (endpointKind) return endpointKind;
  if (row.media_type === 'movie') return 'movie';
  if (row.media_type === 'tv') return 'series';
  return undefined;
}

export function toHit(row: TmdbSearchRow, kind: MediaKind, imageBase: string): CatalogHit | undefined {
  const title = (kind === 'movie' ? row.title : row.name) ?? row.title ?? row.name;
  if (!title) return undefined;
  const hit: CatalogHit = { source: 'tmdb', kind, title, ids: { tmdb: row.id } };
  const year = yearOf(kind === 'movie' ? row.release_date : row.first_air_date);
  if (year !== undefined) hit.year = year;
  if (typeof row.popularity === 'number') hit.popularity = logScale(row.popularity, POPULARITY_CEILING);
  if (row.poster_path) hit.posterUrl = imageBase.replace(/\/+$/, '') + row.poster_path;
  if (row.overview) hit.overview = row.overview;
  const original = kind === 'movie' ? row.original_title : row.original_name;
  if (original && original !== title) hit.otherTitles = [original];
  if (kind === 'series' && (row.genre_ids ?? []).includes(ANIMATION) && row.original_language === 'ja') {
    hit.anime = true;
  }
  return hit;
}

/** Only what TMDb actually knows: a null, absent or zero `tvdb_id` is no id. */
export function toExternalIds(ext: TmdbTvExternalIds): ExternalIds {
  const ids: ExternalIds = {};
  if (typeof ext.tvdb_id === 'number' && ext.tvdb_id > 0) ids.tvdb = ext.tvdb_id;
  if (ext.imdb_id) ids.imdb = ext.imdb_id;
  return ids;
}
