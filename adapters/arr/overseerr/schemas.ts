/** Overseerr (API v1): the fields of media details and requests the bot reads. */
import { z } from 'zod';

/**
 * Overseerr's MediaStatus: 1 unknown, 2 pending, 3 processing, 4 partially available,
 * 5 available (later versions add 6 blocklisted/deleted).
 */
export const MEDIA_STATUS = { PENDING: 2, PROCESSING: 3, PARTIALLY_AVAILABLE: 4, AVAILABLE: 5 } as const;

/**
 * `GET /movie/{tmdbId}` and `/tv/{tmdbId}`: TMDb details plus Overseerr's `mediaInfo` (absent or
 * null until requested). A show's `seasons` are TMDb's, Specials (season 0) included.
 */
export const detailsSchema = z.object({
  id: z.number().int(),
  title: z.string().optional(),
  name: z.string().optional(),
  seasons: z.array(z.object({ seasonNumber: z.number().int() })).optional(),
  mediaInfo: z.object({ id: z.number().int().optional(), status: z.number().int() }).nullish(),
});
export type Details = z.infer<typeof detailsSchema>;

/**
 * `POST /request`: 201 with the MediaRequest (`status` 1 pending approval, 2 approved), or 202
 * `{message: "No seasons available to request"}` when every season was already requested.
 */
export const requestResultSchema = z.object({
  id: z.number().int().optional(),
  status: z.number().int().optional(),
  message: z.string().optional(),
});

/** `GET /user/{id}` and `/auth/me`: an Overseerr user (`displayName` is set on load, User.ts). */
export const userSchema = z.object({
  id: z.number().int(),
  displayName: z.string().optional(),
});
