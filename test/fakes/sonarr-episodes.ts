/**
 * What a real Sonarr does to a series after it answers the POST: a background refresh creates the
 * episodes, then a disk scan applies `addOptions` (which seasons and episodes are monitored) and
 * queues the searches they ask for. Until then the series has no episodes, so a search finds
 * nothing. Every rule here is taken from Sonarr's source (branches main = v4, v3), file named beside
 * it. The fake's series have ended, so every episode has aired, long ago.
 */

export interface Episode {
  /** Sonarr's episode id, unique across the server (its Episodes table). */
  id: number;
  monitored: boolean;
  hasFile: boolean;
  /** The imported file's id; absent until a file arrives (sonarr-files.ts). */
  fileId?: number;
}

export interface SeasonFlag {
  seasonNumber: number;
  monitored: boolean;
}

/** Episodes by season number. */
export type Episodes = Map<number, Episode[]>;

export interface AddOptionsJson {
  monitor?: unknown;
  ignoreEpisodesWithFiles?: unknown;
  ignoreEpisodesWithoutFiles?: unknown;
  searchForMissingEpisodes?: unknown;
  searchForCutoffUnmetEpisodes?: unknown;
}

/** src/NzbDrone.Core/Tv/MonitoringOptions.cs (main); v3 lacks lastSeason … skip. */
export const MONITOR_TYPES = {
  3: ['all', 'future', 'missing', 'existing', 'firstSeason', 'latestSeason', 'pilot', 'none'],
  4: [
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
  ],
} as const;

/** Episodes per regular season in the fake (specials: 2). */
export function episodeCount(seasonNumber: number): number {
  return seasonNumber === 0 ? 2 : 10;
}

/**
 * The refresh: one episode list per season, monitored as its season is
 * (src/NzbDrone.Core/Tv/RefreshEpisodeService.cs GetMonitoredStatus), each with an id from `nextId`.
 */
export function refreshEpisodes(seasons: readonly SeasonFlag[], nextId: () => number): Episodes {
  return new Map(
    seasons.map((s) => [
      s.seasonNumber,
      Array.from({ length: episodeCount(s.seasonNumber) }, () => ({
        id: nextId(),
        monitored: s.monitored,
        hasFile: false,
      })),
    ]),
  );
}

/** .NET reads enum strings case-insensitively; absent is MonitorTypes.Unknown. */
function monitorOf(options: AddOptionsJson): string {
  return typeof options.monitor === 'string' ? options.monitor.toLowerCase() : 'unknown';
}

/**
 * The scan's post-add step: src/NzbDrone.Core/Tv/EpisodeMonitoredService.cs
 * SetEpisodeMonitoredStatus, including the v2 "legacy" path when no monitor type was sent.
 * Changes `episodes` and `seasons` in place.
 */
export function applyAddOptions(seasons: SeasonFlag[], episodes: Episodes, options: AddOptionsJson): void {
  const monitor = monitorOf(options);
  if (monitor === 'unknown') return legacy(seasons, episodes, options);
  // "Skip episode level monitoring and use season information when series was added" (v4 only).
  if (monitor === 'skip') return;
  const numbers = seasons.map((s) => s.seasonNumber);
  const firstSeason = Math.min(...numbers.filter((n) => n > 0));
  const lastSeason = Math.max(...numbers);
  const toggle = (keep: (season: number, index: number, e: Episode) => boolean) => {
    for (const [season, list] of episodes) list.forEach((e, i) => (e.monitored = keep(season, i, e)));
  };
  switch (monitor) {
    case 'all':
      toggle((s) => s > 0);
      break;
    case 'future':
    case 'recent':
      // Every episode of the fake's ended series aired more than 90 days ago.
      toggle(() => false);
      break;
    case 'missing':
      toggle((s, _i, e) => s > 0 && !e.hasFile);
      break;
    case 'existing':
      toggle((s, _i, e) => s > 0 && e.hasFile);
      break;
    case 'pilot':
      toggle((s, i) => s === firstSeason && i === 0);
      break;
    case 'firstseason':
      toggle((s) => s === firstSeason);
      break;
    case 'lastseason':
    case 'latestseason':
      toggle((s) => s > 0 && s === lastSeason);
      break;
    case 'monitorspecials':
    case 'unmonitorspecials':
      for (const e of episodes.get(0) ?? []) e.monitored = monitor === 'monitorspecials';
      break;
    case 'none':
      toggle(() => false);
      break;
  }
  for (const season of seasons) {
    const n = season.seasonNumber;
    const anyMonitored = (episodes.get(n) ?? []).some((e) => e.monitored);
    if (n > 0 && n === lastSeason && monitor === 'all') season.monitored = true;
    else if (n === firstSeason && monitor === 'pilot') season.monitored = false;
    else season.monitored = anyMonitored;
  }
}

/** EpisodeMonitoredService.LegacySetEpisodeMonitoredStatus: the seasons as posted decide. */
function legacy(seasons: SeasonFlag[], episodes: Episodes, options: AddOptionsJson): void {
  for (const list of episodes.values()) {
    for (const e of list) {
      if (e.hasFile) e.monitored = options.ignoreEpisodesWithFiles !== true;
      else e.monitored = options.ignoreEpisodesWithoutFiles !== true;
    }
  }
  const lastSeason = Math.max(...seasons.map((s) => s.seasonNumber));
  for (const season of seasons) {
    const list = episodes.get(season.seasonNumber) ?? [];
    if (!season.monitored) for (const e of list) e.monitored = false;
    if (season.seasonNumber < lastSeason && list.every((e) => !e.monitored)) season.monitored = false;
  }
}

/**
 * The searches the scan queues (src/NzbDrone.Core/Tv/SeriesScannedHandler.cs): both flags → one
 * SeriesSearch; otherwise MissingEpisodeSearch and/or CutoffUnmetEpisodeSearch.
 */
export function searchesAfterScan(options: AddOptionsJson): string[] {
  const missing = options.searchForMissingEpisodes === true;
  const cutoff = options.searchForCutoffUnmetEpisodes === true;
  if (missing && cutoff) return ['SeriesSearch'];
  return [...(missing ? ['MissingEpisodeSearch'] : []), ...(cutoff ? ['CutoffUnmetEpisodeSearch'] : [])];
}

/**
 * Which episodes a search command covers, by season → count; `undefined` episodes (not refreshed
 * yet) cover nothing. SeasonSearch searches the season's monitored episodes
 * (src/NzbDrone.Core/IndexerSearch/SeasonSearchService.cs: monitoredOnly true); MissingEpisodeSearch
 * the monitored, aired episodes without a file (EpisodeSearchService.cs); SeriesSearch every
 * monitored episode (SeriesSearchService.cs).
 */
export function searched(
  name: string,
  episodes: Episodes | undefined,
  seasonNumber?: number,
): Record<number, number> {
  const out: Record<number, number> = {};
  for (const [season, list] of episodes ?? []) {
    if (name === 'SeasonSearch' && season !== seasonNumber) continue;
    const n = list.filter(
      (e) =>
        e.monitored && (name !== 'MissingEpisodeSearch' || !e.hasFile) && name !== 'CutoffUnmetEpisodeSearch',
    ).length;
    if (n > 0) out[season] = n;
  }
  return out;
}

/**
 * PUT /series: a season whose monitored flag changed sets every episode of it the same way
 * (src/NzbDrone.Core/Tv/SeriesService.cs UpdateSeries, updateEpisodesToMatchSeason).
 */
export function matchEpisodesToSeasons(
  before: readonly SeasonFlag[],
  after: readonly SeasonFlag[],
  episodes: Episodes | undefined,
): void {
  for (const s of after) {
    const old = before.find((b) => b.seasonNumber === s.seasonNumber);
    if (old && old.monitored !== s.monitored)
      for (const e of episodes?.get(s.seasonNumber) ?? []) e.monitored = s.monitored;
  }
}
