/**
 * What Sonarr, Radarr and Lidarr share: system status, quality profiles, root folders, cover
 * images. Only the fields the bot reads; anything else the servers send is ignored.
 */
import { z } from 'zod';

export const systemStatusSchema = z.object({
  /** `4.0.19.2735`; the major number decides Sonarr v3 vs v4 behaviour. */
  version: z.string(),
  appName: z.string().nullish(),
});
export type SystemStatus = z.infer<typeof systemStatusSchema>;

/**
 * `cutoff` was an object in 2020-era servers (`{id, name, …}`) and is an integer now: it is not
 * read, so it is not typed.
 */
export const qualityProfileSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  cutoff: z.unknown().optional(),
});
export const qualityProfilesSchema = z.array(qualityProfileSchema);
export type QualityProfile = z.infer<typeof qualityProfileSchema>;

/** Lidarr's root folders carry defaults for what gets added to them; Sonarr's and Radarr's don't. */
export const rootFolderSchema = z.object({
  id: z.number().int(),
  path: z.string(),
  name: z.string().nullish(),
  accessible: z.boolean().optional(),
  defaultQualityProfileId: z.number().int().optional(),
  defaultMetadataProfileId: z.number().int().optional(),
  defaultMonitorOption: z.string().nullish(),
  defaultNewItemMonitorOption: z.string().nullish(),
});
export const rootFoldersSchema = z.array(rootFolderSchema);
export type RootFolder = z.infer<typeof rootFolderSchema>;

/** Sonarr v3 language profiles and Lidarr metadata profiles: only the id and name are used. */
export const namedIdSchema = z.object({ id: z.number().int(), name: z.string().nullish() });
export const namedIdsSchema = z.array(namedIdSchema);

/**
 * A cover as the *arrs list it: `url` is the remote URL in lookups and a local `/MediaCover/…`
 * path for library items, where `remoteUrl` holds the remote one. Sent back as-is when adding.
 */
export const mediaCoverSchema = z.object({
  coverType: z.string(),
  url: z.string().nullish(),
  remoteUrl: z.string().nullish(),
});
export type MediaCover = z.infer<typeof mediaCoverSchema>;

/** `{votes, value}` in Sonarr and Lidarr (and Radarr before v4). */
export const flatRatingsSchema = z.object({ votes: z.number().optional(), value: z.number().optional() });
