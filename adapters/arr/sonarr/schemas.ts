/** Sonarr (API v3, served by Sonarr v3 and v4): the fields of a series the bot reads. */
import { z } from 'zod';
import { flatRatingsSchema, mediaCoverSchema } from '../schemas.js';

const countsSchema = z.object({ episodeFileCount: z.number().optional() });

export const seasonSchema = z.object({
  seasonNumber: z.number().int(),
  monitored: z.boolean(),
  statistics: countsSchema.nullish(),
});

/**
 * A lookup result or a library series. Lookup results have no `id` (or 0) unless the series is
 * already in the library. `tmdbId` exists from v4 on. 2020-era v3 servers put
 * `episodeFileCount` on the series itself instead of in `statistics`.
 */
export const seriesSchema = z.object({
  id: z.number().int().optional(),
  title: z.string(),
  tvdbId: z.number().int().optional(),
  tmdbId: z.number().int().optional(),
  imdbId: z.string().nullish(),
  titleSlug: z.string().nullish(),
  year: z.number().int().optional(),
  overview: z.string().nullish(),
  seriesType: z.string().optional(),
  genres: z.array(z.string()).nullish(),
  images: z.array(mediaCoverSchema).nullish(),
  remotePoster: z.string().nullish(),
  seasons: z.array(seasonSchema).nullish(),
  ratings: flatRatingsSchema.nullish(),
  statistics: countsSchema.nullish(),
  episodeFileCount: z.number().optional(),
});
export type Series = z.infer<typeof seriesSchema>;
export const seriesListSchema = z.array(seriesSchema);

/**
 * A library series to PUT back: everything the server sent is kept, only seasons are read.
 * `addOptions` is there until the post-add scan has applied it (Sonarr.Api.V3 SeriesResource).
 */
export const seriesForUpdateSchema = z.looseObject({
  id: z.number().int(),
  seasons: z.array(z.looseObject({ seasonNumber: z.number().int(), monitored: z.boolean() })),
  addOptions: z.looseObject({}).nullish(),
});

export const commandSchema = z.object({
  id: z.number().int(),
  name: z.string().nullish(),
  status: z.string().nullish(),
});
