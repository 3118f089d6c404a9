/**
 * Which seasons a show request names. Overseerr's `seasons: 'all'` is every season TMDb lists,
 * Specials (season 0) included, and each counts against the person's season quota
 * (sct/overseerr server/entity/MediaRequest.ts), so the bot always sends a list of regular seasons.
 */
import type { AddOptions } from '../../../src/core/ports.js';

/**
 * `options.season` alone when the person named one (none when the show lacks it); else the season
 * question's answer (request-options.ts); else every regular season. Overseerr requests whole
 * seasons, so "future episodes only" is the latest season, where new episodes air.
 */
export function seasonsToRequest(
  tmdbSeasons: readonly number[],
  options: Pick<AddOptions, 'season' | 'monitor'>,
): number[] | 'no_such_season' {
  const regular = [...new Set(tmdbSeasons.filter((n) => n > 0))].sort((a, b) => a - b);
  if (options.season !== undefined)
    return regular.includes(options.season) ? [options.season] : 'no_such_season';
  const first = regular.slice(0, 1);
  const latest = regular.slice(-1);
  switch (options.monitor) {
    case 'firstSeason':
      return first;
    case 'latestSeason':
    case 'lastSeason':
    case 'future':
      return latest;
    default:
      return regular;
  }
}
