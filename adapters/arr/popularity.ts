/**
 * A count (votes, TMDb popularity) → 0..1 on a log scale, 1 at `ceiling` and above. Counts are
 * spread over orders of magnitude (40 votes vs 47,000), so a linear scale would flatten all but the
 * biggest hits to 0. Absent or non-positive counts give undefined: "no signal", not "unpopular".
 *
 * The result is on the scale every source shares (adapters/catalog/log-scale.ts `fame`): the
 * curve is 0.5 at √(ceiling + 1) − 1, so a ceiling says where "a general audience knows it" sits
 * for that count. TMDb's own popularity, as Radarr relays it, takes TMDb's ceiling.
 */
/** (1 + 9)² − 1: TMDb popularity 9 is "known", as in adapters/catalog/tmdb/map.ts TMDB_KNOWN_AT. */
export const TMDB_POPULARITY_CEILING = 99;

export function logScale(count: number | null | undefined, ceiling: number): number | undefined {
  if (count === null || count === undefined || !Number.isFinite(count) || count <= 0) return undefined;
  return Math.min(1, Math.log10(count + 1) / Math.log10(ceiling + 1));
}
