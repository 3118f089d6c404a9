/**
 * Sonarr as a MediaBackend for series. Works with Sonarr v3 and v4 (both speak API v3); the
 * differences are that v3 requires a `languageProfileId` (v4 ignores and deprecates it) and that
 * the two spell some monitor options differently.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { UpstreamError } from '../../../src/core/errors.js';
import type { AddOptions, AddResult, LibraryItem, Logger, MediaBackend } from '../../../src/core/ports.js';
import type { Candidate, MediaKind } from '../../../src/core/types.js';
import { addOrAlreadyPresent, isNotFound } from '../already-added.js';
import { coversForAdd } from '../images.js';
import { Memo } from '../memo.js';
import { pickProfile } from '../pick-target.js';
import { namedIdsSchema } from '../schemas.js';
import type { ServarrClient, TargetPrefs } from '../servarr-client.js';
import { lookupSeries } from './lookup.js';
import { isAnime, seriesToItem } from './map.js';
import { monitorFor } from './monitor-option.js';
import { commandSchema, seriesForUpdateSchema, seriesSchema, type Series } from './schemas.js';

export interface SonarrSettings {
  qualityProfile?: string | undefined;
  rootFolder?: string | undefined;
  /** Where anime goes on this server (falls back to the two above). */
  animeQualityProfile?: string | undefined;
  animeRootFolder?: string | undefined;
  /** Default `addOptions.monitor` (our names; see monitor-option.ts). */
  monitor: string;
  /** Ask Sonarr to search for missing episodes as soon as the series is added. */
  searchOnAdd: boolean;
}

export interface SonarrBackendOptions {
  name: string;
  label: string;
  client: ServarrClient;
  settings: SonarrSettings;
  logger: Logger;
  /** How long monitorSeason waits for Sonarr's post-add scan (default 15 s). */
  scanWaitMs?: number;
}

export type MonitorSeasonOutcome = 'monitored' | 'already_monitored' | 'no_such_season';

export class SonarrBackend implements MediaBackend {
  readonly name: string;
  readonly label: string;
  readonly kinds = ['series'] as const;
  private readonly client: ServarrClient;
  private readonly settings: SonarrSettings;
  private readonly logger: Logger;
  private readonly languageProfileId = new Memo<number>(10 * 60_000);
  private readonly scanWaitMs: number;

  constructor(opts: SonarrBackendOptions) {
    this.name = opts.name;
    this.label = opts.label;
    this.client = opts.client;
    this.settings = opts.settings;
    this.logger = opts.logger;
    this.scanWaitMs = opts.scanWaitMs ?? 15_000;
  }

  canAdd(candidate: Candidate): boolean {
    return candidate.kind === 'series' && tvdbOf(candidate) !== undefined;
  }

  /**
   * `tvdb:` lookups are answered from the library first, so an added series comes back with its
   * id; its statistics then come from `GET /series/{id}`, which always carries them.
   */
  async find(candidate: Candidate, signal: AbortSignal): Promise<LibraryItem | null> {
    const tvdb = tvdbOf(candidate);
    if (tvdb === undefined) return null;
    const copy = (await lookupSeries(this.client, `tvdb:${tvdb}`, signal)).find(
      (s) => s.tvdbId === tvdb && (s.id ?? 0) > 0,
    );
    return copy?.id ? this.status(copy.id, 'series', signal) : null;
  }

  async add(candidate: Candidate, options: AddOptions, signal: AbortSignal): Promise<AddResult> {
    const tvdb = tvdbOf(candidate);
    if (tvdb === undefined) throw this.refused(`"${candidate.title}" has no TVDB id, which Sonarr needs`);
    const [found, major] = await Promise.all([
      lookupSeries(this.client, `tvdb:${tvdb}`, signal).then((all) => all.find((s) => s.tvdbId === tvdb)),
      this.client.major(signal),
    ]);
    if (!found) throw this.refused(`Sonarr's metadata server does not know TVDB id ${tvdb}`);
    if ((found.id ?? 0) > 0) return { outcome: 'already_present', itemId: found.id, searching: false };
    const season = options.season;
    if (season !== undefined && !(found.seasons ?? []).some((x) => x.seasonNumber === season))
      return { outcome: 'no_such_season', searching: false };

    const anime = candidate.anime === true || isAnime(found);
    const body = await this.addBody(found, tvdb, anime, major, options, signal);
    return addOrAlreadyPresent(
      () => this.client.http.json({ method: 'POST', path: '/series', body, schema: seriesSchema, signal }),
      () => this.find(candidate, signal),
      body.addOptions.searchForMissingEpisodes && body.addOptions.monitor !== 'none',
    );
  }

  /**
   * What Sonarr applies after its background refresh and scan (SeriesScannedHandler →
   * EpisodeMonitoredService.SetEpisodeMonitoredStatus), not at the POST. For one season, the posted
   * season flags must survive that: v4's `skip` keeps them, and v3, which has no `skip`, keeps them
   * when no monitor type is sent (the legacy path, the one Overseerr uses). The scan then searches
   * the monitored, missing episodes: that season.
   */
  private addOptionsFor(options: AddOptions, major: number, monitor: string) {
    if (options.season === undefined)
      return {
        monitor,
        searchForMissingEpisodes: this.settings.searchOnAdd,
        searchForCutoffUnmetEpisodes: false,
      };
    const base = { searchForMissingEpisodes: true, searchForCutoffUnmetEpisodes: false };
    return major >= 4
      ? { monitor: 'skip', ...base }
      : { ignoreEpisodesWithFiles: false, ignoreEpisodesWithoutFiles: false, ...base };
  }

  async status(itemId: number, _kind: MediaKind, signal: AbortSignal): Promise<LibraryItem | null> {
    try {
      const s = await this.client.http.json({ path: `/series/${itemId}`, schema: seriesSchema, signal });
      return seriesToItem({ ...s, id: s.id ?? itemId });
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
  }

  /**
   * Add a season to a series already in the library: monitor it (GET, edit, PUT the whole series
   * back) and ask Sonarr to search for it now (`SeasonSearch`).
   */
  async monitorSeason(
    itemId: number,
    seasonNumber: number,
    signal: AbortSignal,
  ): Promise<MonitorSeasonOutcome> {
    const series = await this.afterScan(itemId, signal);
    const season = series.seasons.find((s) => s.seasonNumber === seasonNumber);
    if (!season) return 'no_such_season';
    const already = season.monitored;
    if (!already) {
      season.monitored = true;
      await this.client.http.json({
        method: 'PUT',
        path: `/series/${itemId}`,
        body: series,
        schema: seriesForUpdateSchema,
        signal,
      });
    }
    await this.client.http.json({
      method: 'POST',
      path: '/command',
      body: { name: 'SeasonSearch', seriesId: itemId, seasonNumber },
      // A second search for the same season is harmless.
      idempotent: true,
      schema: commandSchema,
      signal,
    });
    return already ? 'already_monitored' : 'monitored';
  }

  /**
   * The series once Sonarr's post-add scan has run. Until then its episodes do not exist (a search
   * finds nothing) and the pending `addOptions` would undo a season we monitor now, since a PUT
   * never changes them (SeriesService.UpdateSeries). A scan that takes longer than `scanWaitMs` is
   * a `busy` failure: the request is kept and the cron tries again.
   */
  private async afterScan(itemId: number, signal: AbortSignal) {
    const started = Date.now();
    for (let wait = 100; ; wait = Math.min(wait * 2, 2000)) {
      const series = await this.client.http.json({
        path: `/series/${itemId}`,
        schema: seriesForUpdateSchema,
        signal,
      });
      if (!series.addOptions) return series;
      if (Date.now() - started + wait > this.scanWaitMs) {
        const detail = 'Sonarr is still loading the episodes of this series';
        throw new UpstreamError(this.client.service, 'busy', `${this.client.service}: ${detail}`, { detail });
      }
      await sleep(wait, undefined, { signal });
    }
  }

  private async addBody(
    found: Series,
    tvdb: number,
    anime: boolean,
    major: number,
    options: AddOptions,
    signal: AbortSignal,
  ) {
    const s = this.settings;
    const prefs: TargetPrefs = anime
      ? {
          qualityProfile: s.animeQualityProfile ?? s.qualityProfile,
          rootFolder: s.animeRootFolder ?? s.rootFolder,
        }
      : { qualityProfile: s.qualityProfile, rootFolder: s.rootFolder };
    const target = await this.client.resolveTarget(prefs, signal);
    const monitor = monitorFor(options.monitor, s.monitor, major);
    if (monitor.substitutedFor) {
      this.logger.warn(
        { backend: this.name, asked: monitor.substitutedFor, used: monitor.value },
        'monitor option unknown to Sonarr v3',
      );
    }
    return {
      tvdbId: tvdb,
      title: found.title,
      ...(found.titleSlug ? { titleSlug: found.titleSlug } : {}),
      ...(found.year ? { year: found.year } : {}),
      images: coversForAdd(found.images),
      seasons: (found.seasons ?? []).map((x) => ({
        seasonNumber: x.seasonNumber,
        monitored: options.season === undefined ? x.monitored : x.seasonNumber === options.season,
      })),
      qualityProfileId: target.qualityProfileId,
      rootFolderPath: target.rootFolderPath,
      seasonFolder: true,
      monitored: true,
      seriesType: anime ? 'anime' : found.seriesType === 'daily' ? 'daily' : 'standard',
      tags: [] as number[],
      addOptions: this.addOptionsFor(options, major, monitor.value),
      // v3 validates it ("Language profile does not exist" for 0 or none); v4 deprecated it, so never send it there.
      ...(major < 4 ? { languageProfileId: await this.v3LanguageProfile(signal) } : {}),
    };
  }

  private v3LanguageProfile(signal: AbortSignal): Promise<number> {
    return this.languageProfileId.get(async () => {
      const profiles = await this.client.http.json({
        path: '/languageprofile',
        schema: namedIdsSchema,
        signal,
      });
      return pickProfile(this.client.service, 'language profile', profiles, undefined).id;
    });
  }

  private refused(detail: string): UpstreamError {
    return new UpstreamError(this.client.service, 'rejected', `${this.client.service}: ${detail}`, {
      detail,
    });
  }
}

function tvdbOf(c: Candidate): number | undefined {
  const id = c.ids.tvdb;
  return typeof id === 'number' && Number.isInteger(id) && id > 0 ? id : undefined;
}
