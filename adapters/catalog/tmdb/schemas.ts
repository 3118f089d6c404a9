/**
 * The parts of TMDb v3 answers the catalog reads. The official spec marks nothing required or
 * nullable; in practice `poster_path` is null and a missing date is `""`, so everything but `id`
 * is optional here. `search/multi` mixes movie, tv and person rows, told apart by `media_type`;
 * `search/movie` and `search/tv` rows carry no `media_type` at all.
 */
import { z } from 'zod';

export const searchRow = z.object({
  id: z.number().int(),
  media_type: z.string().optional(),
  /** Movies. */
  title: z.string().nullish(),
  /** TV shows (and people). */
  name: z.string().nullish(),
  /** `YYYY-MM-DD`, or `""` when TMDb has no date. */
  release_date: z.string().nullish(),
  first_air_date: z.string().nullish(),
  /** TMDb's own trending-weighted score: unbounded, 0 to several hundred. */
  popularity: z.number().nullish(),
  poster_path: z.string().nullish(),
  overview: z.string().nullish(),
  genre_ids: z.array(z.number()).nullish(),
  original_language: z.string().nullish(),
  /** The title in the work's own language (movies, TV). */
  original_title: z.string().nullish(),
  original_name: z.string().nullish(),
});
export type TmdbSearchRow = z.infer<typeof searchRow>;

export const searchPage = z.object({
  results: z.array(searchRow),
});

/** `GET /tv/{id}/external_ids`: `tvdb_id` is null (or absent) for shows TheTVDB does not know. */
export const tvExternalIds = z.object({
  id: z.number().int(),
  imdb_id: z.string().nullish(),
  tvdb_id: z.number().int().nullish(),
});
export type TmdbTvExternalIds = z.infer<typeof tvExternalIds>;

/**
 * `GET /movie/{id}` (specs/tmdb-v3-openapi.json, example "OK"): the IMDb id is a top-level
 * field, `null` or `""` for films IMDb does not list.
 */
export const movieDetails = z.object({
  id: z.number().int(),
  imdb_id: z.string().nullish(),
});

/**
 * `GET /tv/{id}?append_to_response=external_ids` (specs/tmdb-v3-openapi.json, example "Result";
 * developer.themoviedb.org/docs/append-to-response: each appended request comes back as an object
 * under its own name). `seasons` includes the specials as season 0.
 */
export const tvDetails = z.object({
  id: z.number().int(),
  seasons: z
    .array(z.object({ season_number: z.number().int(), episode_count: z.number().int().nullish() }))
    .nullish(),
  external_ids: z.object({ imdb_id: z.string().nullish(), tvdb_id: z.number().int().nullish() }).nullish(),
});
