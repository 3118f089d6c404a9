/**
 * The parts of Spotify Web API answers the catalog reads: the client-credentials token and
 * `GET /search` paging objects. `popularity` is deprecated in the current spec (2026), so it is
 * optional; search pages have been seen with null entries in `items`, so those are tolerated.
 */
import { z } from 'zod';

export const tokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  /** Seconds the token stays valid (3600). */
  expires_in: z.number().positive(),
});

/** Widest first. */
const images = z.array(z.object({ url: z.string() })).nullish();

export const artistItem = z.object({
  id: z.string(),
  name: z.string(),
  /** 0..100. */
  popularity: z.number().nullish(),
  images,
});
export type SpotifyArtist = z.infer<typeof artistItem>;

export const albumItem = z.object({
  id: z.string(),
  name: z.string(),
  /** album, single, compilation. */
  album_type: z.string().nullish(),
  /** "1997", "1997-05" or "1997-05-21", per `release_date_precision`. */
  release_date: z.string().nullish(),
  images,
  artists: z.array(z.object({ name: z.string() })).nullish(),
});
export type SpotifyAlbum = z.infer<typeof albumItem>;

export const searchResponse = z.object({
  artists: z.object({ items: z.array(artistItem.nullable()) }).optional(),
  albums: z.object({ items: z.array(albumItem.nullable()) }).optional(),
});
