import { z } from 'zod';
import { optionalString, optionalUrl } from './env-helpers.js';

/**
 * Sonarr, Radarr, Lidarr and Overseerr. URLs are the roots users copy from their browser
 * (with any URL base); the bot adds /api/v3 or /api/v1. A backend exists only when its URL and
 * key are both set.
 */
export const arrEnv = z.object({
  SONARR_URL: optionalUrl(),
  SONARR_API_KEY: optionalString(),
  RADARR_URL: optionalUrl(),
  RADARR_API_KEY: optionalString(),
  LIDARR_URL: optionalUrl(),
  LIDARR_API_KEY: optionalString(),
  OVERSEERR_URL: optionalUrl(),
  OVERSEERR_API_KEY: optionalString(),
});
export type ArrEnv = z.infer<typeof arrEnv>;
