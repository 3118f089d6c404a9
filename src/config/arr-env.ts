import { z } from 'zod';
import { boolWithDefault, optionalString, optionalUrl } from './env-helpers.js';

/**
 * Sonarr `addOptions.monitor` values we accept in config and from chat. Sonarr v4 says `lastSeason`
 * where v3 said `latestSeason`; the backend maps either to what the server's version understands
 * (adapters/arr/sonarr/monitor-option.ts), and falls back to `all` for v4-only values on v3.
 */
export const SONARR_MONITOR_OPTIONS = [
  'all',
  'future',
  'missing',
  'existing',
  'firstSeason',
  'lastSeason',
  'latestSeason',
  'pilot',
  'recent',
  'monitorSpecials',
  'unmonitorSpecials',
  'none',
  'skip',
] as const;

/** Lidarr `addOptions.monitor` values (Lidarr.Api.V1 MonitorTypes). */
export const LIDARR_MONITOR_OPTIONS = [
  'all',
  'future',
  'missing',
  'existing',
  'latest',
  'first',
  'none',
] as const;

/** Radarr `minimumAvailability`; left out, Radarr stores `tba` (recorded), so we always send one. */
export const RADARR_AVAILABILITY_OPTIONS = ['tba', 'announced', 'inCinemas', 'released'] as const;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    blankToUndefined,
    z.enum(values, { error: `must be one of: ${values.join(', ')}` }).optional(),
  );

const enumWithDefault = <T extends readonly [string, ...string[]]>(values: T, def: T[number]) =>
  z.preprocess(
    blankToUndefined,
    z.enum(values, { error: `must be one of: ${values.join(', ')}` }).default(def),
  );

/**
 * `telegram:123=5,discord:456=7`: which Overseerr user (by its numeric id) acts for which chat user,
 * sent as `X-API-User`. People not listed request as the API key's owner (the Overseerr admin).
 */
const overseerrUserMap = z.preprocess(
  blankToUndefined,
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const map: Record<string, number> = {};
      for (const entry of (raw ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)) {
        const m = /^(telegram|discord|terminal|http):([^=\s]+)=(\d+)$/.exec(entry);
        if (!m) {
          ctx.addIssue({
            code: 'custom',
            message: `"${entry}" is not platform:userId=overseerrUserId (e.g. telegram:123456789=5)`,
          });
          continue;
        }
        map[`${m[1]}:${m[2]}`] = Number(m[3]);
      }
      return map;
    }),
);

/**
 * Sonarr, Radarr, Lidarr and Overseerr. URLs are the roots users copy from their browser
 * (with any URL base); the bot adds /api/v3 or /api/v1. A backend exists only when its URL and
 * key are both set. Profiles and folders are given by name (or numeric id); when unset, the bot
 * uses the root folder's own defaults (Lidarr) or the first quality profile and root folder.
 *
 * Second instances: `*_4K_*` are separate Radarr/Sonarr servers (backends `radarr-4k`,
 * `sonarr-4k`). `SONARR_ANIME_URL` is a separate Sonarr for anime (`sonarr-anime`); when it is
 * set, SONARR_ANIME_ROOT_FOLDER/SONARR_ANIME_QUALITY_PROFILE are that server's folder and profile,
 * otherwise they are where the main Sonarr puts anime (added with seriesType anime either way).
 */
const fields = z.object({
  SONARR_URL: optionalUrl(),
  SONARR_API_KEY: optionalString(),
  SONARR_QUALITY_PROFILE: optionalString(),
  SONARR_ROOT_FOLDER: optionalString(),
  SONARR_MONITOR: enumWithDefault(SONARR_MONITOR_OPTIONS, 'all'),
  SONARR_SEARCH_ON_ADD: boolWithDefault(true),
  SONARR_ANIME_ROOT_FOLDER: optionalString(),
  SONARR_ANIME_QUALITY_PROFILE: optionalString(),
  SONARR_ANIME_URL: optionalUrl(),
  SONARR_ANIME_API_KEY: optionalString(),
  SONARR_4K_URL: optionalUrl(),
  SONARR_4K_API_KEY: optionalString(),
  SONARR_4K_QUALITY_PROFILE: optionalString(),
  SONARR_4K_ROOT_FOLDER: optionalString(),

  RADARR_URL: optionalUrl(),
  RADARR_API_KEY: optionalString(),
  RADARR_QUALITY_PROFILE: optionalString(),
  RADARR_ROOT_FOLDER: optionalString(),
  RADARR_MINIMUM_AVAILABILITY: enumWithDefault(RADARR_AVAILABILITY_OPTIONS, 'released'),
  RADARR_SEARCH_ON_ADD: boolWithDefault(true),
  RADARR_4K_URL: optionalUrl(),
  RADARR_4K_API_KEY: optionalString(),
  RADARR_4K_QUALITY_PROFILE: optionalString(),
  RADARR_4K_ROOT_FOLDER: optionalString(),

  LIDARR_URL: optionalUrl(),
  LIDARR_API_KEY: optionalString(),
  LIDARR_QUALITY_PROFILE: optionalString(),
  LIDARR_METADATA_PROFILE: optionalString(),
  LIDARR_ROOT_FOLDER: optionalString(),
  /** Unset: the root folder's defaultMonitorOption, else `all`. */
  LIDARR_MONITOR: optionalEnum(LIDARR_MONITOR_OPTIONS),
  LIDARR_SEARCH_ON_ADD: boolWithDefault(true),

  OVERSEERR_URL: optionalUrl(),
  OVERSEERR_API_KEY: optionalString(),
  OVERSEERR_USER_MAP: overseerrUserMap,
});

/** Second instances: a URL without its key is a mistake (config.ts checks the main four). */
const SECOND_INSTANCES = ['SONARR_4K', 'SONARR_ANIME', 'RADARR_4K'] as const;
type Parsed = z.infer<typeof fields>;

/** Checked even when other variables are invalid (`when`), so every problem is listed at once. */
export const arrEnv = SECOND_INSTANCES.reduce<z.ZodType<Parsed, Record<string, unknown>>>(
  (schema, prefix) =>
    schema.refine((env) => !(env[`${prefix}_URL`] && !env[`${prefix}_API_KEY`]), {
      path: [`${prefix}_API_KEY`],
      message: `${prefix}_URL is set but ${prefix}_API_KEY is not (Settings → General → API Key)`,
      when: (payload) => typeof payload.value === 'object' && payload.value !== null,
    }),
  fields,
);
export type ArrEnv = z.infer<typeof arrEnv>;
