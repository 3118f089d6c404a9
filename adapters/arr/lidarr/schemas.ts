/** Lidarr (API v1): the fields of artists and albums the bot reads. */
import { z } from 'zod';
import { flatRatingsSchema, mediaCoverSchema } from '../schemas.js';

const trackFilesSchema = z.object({ trackFileCount: z.number().optional() });

/** `foreignArtistId` is the MusicBrainz artist MBID. `id` only on library artists. */
export const artistSchema = z.object({
  id: z.number().int().optional(),
  artistName: z.string(),
  foreignArtistId: z.string(),
  overview: z.string().nullish(),
  images: z.array(mediaCoverSchema).nullish(),
  remotePoster: z.string().nullish(),
  ratings: flatRatingsSchema.nullish(),
  statistics: trackFilesSchema.nullish(),
});
export type Artist = z.infer<typeof artistSchema>;
export const artistListSchema = z.array(artistSchema);

/** `foreignAlbumId` is the MusicBrainz release-group MBID; lookups embed the credited artist. */
export const albumSchema = z.object({
  id: z.number().int().optional(),
  title: z.string(),
  foreignAlbumId: z.string(),
  releaseDate: z.string().nullish(),
  overview: z.string().nullish(),
  images: z.array(mediaCoverSchema).nullish(),
  remoteCover: z.string().nullish(),
  ratings: flatRatingsSchema.nullish(),
  statistics: trackFilesSchema.nullish(),
  artist: z.object({ artistName: z.string().nullish(), foreignArtistId: z.string().nullish() }).nullish(),
});
export type Album = z.infer<typeof albumSchema>;
export const albumListSchema = z.array(albumSchema);
