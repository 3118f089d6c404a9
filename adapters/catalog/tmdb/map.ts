/** TMDb rows → CatalogHit. */
import type { CatalogHit, ExternalIds, MediaKind } from '../../../src/core/types.js';
import { fame } from '../log-scale.js';
import { yearOf } from '../year-of.js';
import type { TmdbSearchRow, TmdbTvExternalIds } from './schemas.js';

/**
 * TMDb popularity at which a general audience knows a work (0.5 on the shared scale, log-scale.ts
 * `fame`). The number is unbounded and moves daily with trending; in the 2020 "The Matrix"
 * recording (flexget.search-movie.the-matrix) the sequels sit at 15–16 and The Animatrix at 10.4,
 * the making-of documentaries nobody asks for at 1–5. 9 puts the line between them; the ceiling
 * it implies (99) is where the hits people mean sit (Fight Club 73, Game of Thrones 112–640).
 */
export const TMDB_KNOWN_AT = 9;
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
  if (typeof row.popularity === 'number') hit.popularity = fame(row.popularity, TMDB_KNOWN_AT);
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
