/**
 * The OpenSubtitles REST API v1 answers reelbot reads, as zod schemas. Shapes from the official
 * reference (staging.opensubtitles.com/demos/api-docs.html, saved in
 * opensubtitles-dev/service.subtitles.opensubtitles-com docs/opensubtitles_api_reference.html):
 * only the fields used are required; the rest of each answer passes through unread. Real answers
 * carry nulls where the reference shows values (uploader_id, comments), so nothing unused is strict.
 */
import { z } from 'zod';

/** POST /login. `base_url` is a host name (api.opensubtitles.com or vip-api.opensubtitles.com). */
export const loginAnswer = z.object({
  token: z.string().min(1),
  base_url: z.string().regex(/^[a-z0-9.-]+(?::\d+)?$/i),
  user: z.object({ level: z.string().optional(), allowed_downloads: z.number().optional() }).optional(),
});

export const subtitleFile = z.object({
  file_id: z.number().int(),
  cd_number: z.number().int().nullish(),
  file_name: z.string().nullish(),
});

export const subtitleAttributes = z.object({
  language: z.string().nullish(),
  download_count: z.number().nullish(),
  hearing_impaired: z.boolean().nullish(),
  foreign_parts_only: z.boolean().nullish(),
  ai_translated: z.boolean().nullish(),
  machine_translated: z.boolean().nullish(),
  release: z.string().nullish(),
  feature_details: z
    .object({
      title: z.string().nullish(),
      parent_title: z.string().nullish(),
      season_number: z.number().nullish(),
      episode_number: z.number().nullish(),
    })
    .nullish(),
  files: z.array(subtitleFile),
});

/** GET /subtitles. */
export const searchAnswer = z.object({
  total_count: z.number().optional(),
  data: z.array(z.object({ id: z.string(), attributes: subtitleAttributes })),
});

/** POST /download: a temporary link, and what is left of the day's downloads. */
export const downloadAnswer = z.object({
  link: z.url(),
  file_name: z.string().nullish(),
  remaining: z.number(),
  reset_time_utc: z.string().nullish(),
});

/** GET /infos/formats: the cheapest call that needs a valid Api-Key. */
export const formatsAnswer = z.object({ data: z.object({ output_formats: z.array(z.string()) }) });

/** GET /infos/user (Bearer): the account's level and downloads left today. */
export const userAnswer = z.object({
  data: z.object({
    level: z.string().optional(),
    allowed_downloads: z.number(),
    remaining_downloads: z.number(),
    reset_time_utc: z.string().optional(),
  }),
});

export type SubtitleHit = z.infer<typeof searchAnswer>['data'][number];
