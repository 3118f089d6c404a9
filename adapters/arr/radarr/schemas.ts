/** Radarr (API v3, Radarr v3–v5): the fields of a movie the bot reads. */
import { z } from 'zod';
import { mediaCoverSchema } from '../schemas.js';

const votesSchema = z.object({ votes: z.number().optional() });

/**
 * A lookup result or a library movie. `id` only on library movies. `ratings` was `{votes, value}`
 * before Radarr v4 and is per source (`{tmdb: {votes, value}, imdb: …}`) since; `popularity`
 * (TMDb's figure) exists from v4 on. A movie with no release date has `year: 0`.
 */
export const movieSchema = z.object({
  id: z.number().int().optional(),
  title: z.string(),
  tmdbId: z.number().int(),
  imdbId: z.string().nullish(),
  titleSlug: z.string().nullish(),
  year: z.number().int().optional(),
  overview: z.string().nullish(),
  images: z.array(mediaCoverSchema).nullish(),
  remotePoster: z.string().nullish(),
  hasFile: z.boolean().nullish(),
  popularity: z.number().optional(),
  ratings: z
    .object({ votes: z.number().optional(), tmdb: votesSchema.optional(), imdb: votesSchema.optional() })
    .nullish(),
});
export type Movie = z.infer<typeof movieSchema>;
export const movieListSchema = z.array(movieSchema);
