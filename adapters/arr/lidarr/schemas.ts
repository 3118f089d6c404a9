/** Lidarr (API v1): the fields of artists and albums the bot reads. */
import { z } from 'zod';
import { flatRatingsSchema, mediaCoverSchema } from '../schemas.js';

const trackFilesSchema = z.object({ trackFileCount: z.number().optional() });

/**
 * Lidarr keeps `addOptions` on a library artist until the scan after its add has applied them
 * (Music/Handlers/ArtistScannedHandler.cs); until then the albums' monitored flags are not final.
 */
const pendingAddSchema = z.looseObject({}).nullish();

/** `foreignArtistId` is the MusicBrainz artist MBID. `id` only on library artists. */
export const artistSchema = z.object({
  id: z.number().int().optional(),
  artistName: z.string(),
  foreignArtistId: z.string(),
  monitored: z.boolean().optional(),
  addOptions: pendingAddSchema,
  overview: z.string().nullish(),
  images: z.array(mediaCoverSchema).nullish(),
  remotePoster: z.string().nullish(),
  ratings: flatRatingsSchema.nullish(),
  statistics: trackFilesSchema.nullish(),
});
export type Artist = z.infer<typeof artistSchema>;
export const artistListSchema = z.array(artistSchema);

/**
 * `foreignAlbumId` is the MusicBrainz release-group MBID. Lookups and library albums embed the
 * credited artist (Lidarr.Api.V1/Albums/AlbumResource.cs ToResource); `artistId` is its library id.
 */
export const albumSchema = z.object({
  id: z.number().int().optional(),
  title: z.string(),
  foreignAlbumId: z.string(),
  artistId: z.number().int().optional(),
  monitored: z.boolean().optional(),
  releaseDate: z.string().nullish(),
  overview: z.string().nullish(),
  images: z.array(mediaCoverSchema).nullish(),
  remoteCover: z.string().nullish(),
  ratings: flatRatingsSchema.nullish(),
  statistics: trackFilesSchema.nullish(),
  artist: z
    .object({
      artistName: z.string().nullish(),
      foreignArtistId: z.string().nullish(),
      monitored: z.boolean().optional(),
      addOptions: pendingAddSchema,
    })
    .nullish(),
});
export type Album = z.infer<typeof albumSchema>;
export const albumListSchema = z.array(albumSchema);

/** POST /command's answer (Lidarr.Api.V1/Commands/CommandResource.cs): only that it was queued is read. */
export const commandSchema = z.object({ id: z.number().int(), name: z.string().nullish() });
