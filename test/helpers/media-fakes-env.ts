/** The variables that point reelbot at the fake TMDb, Radarr and (when given) Sonarr, with their keys. */
export function mediaFakesEnv(
  fakes: { tmdb: { url: string }; radarr: { url: string }; sonarr?: { url: string } },
  keys: { tmdb: string; radarr: string; sonarr?: string },
): Record<string, string> {
  return {
    TMDB_API_KEY: keys.tmdb,
    TMDB_BASE_URL: `${fakes.tmdb.url}/3`,
    RADARR_URL: fakes.radarr.url,
    RADARR_API_KEY: keys.radarr,
    ...(fakes.sonarr && keys.sonarr ? { SONARR_URL: fakes.sonarr.url, SONARR_API_KEY: keys.sonarr } : {}),
  };
}
