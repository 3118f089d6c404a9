/**
 * A fake Sonarr (v3 or v4; both serve API v3) over test/fixtures/world.ts. Shapes come from the
 * recorded 3.0.4 exchanges (flexget.series-lookup.*, series-post 201, qualityprofile, rootfolder)
 * and, for v4, the official spec (tmdbId, originalLanguage, monitorNewItems, statistics,
 * languageProfileId 1). What the real server does that the fake copies:
 * - lookup results have no `id` and `added: 0001-01-01T00:00:00Z` unless the series is in the
 *   library, in which case `tvdb:` and title lookups return the library copy (SkyHookProxy);
 * - `tvdb:<id>` resolves by id; v4 also takes `tmdb:` and `imdb:`, v3 finds nothing for them;
 *   a world series without a TVDB id is unknown to Sonarr;
 * - POST /series is checked against SeriesResource from the spec, then the server's own rules
 *   (TvdbId > 0, not already added, profile and root folder exist, v3's language profile), and
 *   answers 201 with the stored series; PUT answers 202; POST /command answers 201;
 * - after the 201 it refreshes and scans the series in the background (sonarr-episodes.ts):
 *   episodes exist only then, `addOptions` is applied then, and a search before it finds nothing;
 * - episodes and their files on disk are listed as sonarr-files.ts describes.
 */
import { matchesQuery, series as worldSeries, yearOf, type WorldSeries } from '../fixtures/world.js';
import type { FakeRequest, FakeResponse } from './fake-http.js';
import {
  MONITOR_TYPES,
  applyAddOptions,
  matchEpisodesToSeasons,
  refreshEpisodes,
  searched,
  searchesAfterScan,
  type AddOptionsJson,
  type Episodes,
  type SeasonFlag,
} from './sonarr-episodes.js';
import { SonarrFiles } from './sonarr-files.js';
import {
  FakeServarr,
  cleanTitle,
  failure,
  fixture,
  idTerm,
  notEmpty,
  slug,
  sortTitle,
  type RootFolderFixture,
  type ValidationFailure,
} from './servarr.js';

export interface FakeSonarrOptions {
  version: 3 | 4;
  apiKey: string;
  series?: WorldSeries[];
  /** How long after a POST the background refresh and scan run (default 40 ms). */
  scanDelayMs?: number;
}

export const SONARR_VERSIONS = { 3: '3.0.10.1567', 4: '4.0.19.2735' } as const;

const GENRES: Record<number, string[]> = {
  16: ['Animation'],
  18: ['Drama'],
  35: ['Comedy'],
  80: ['Crime'],
  99: ['Documentary'],
  9648: ['Mystery'],
  10759: ['Action', 'Adventure'],
  10762: ['Children'],
  10765: ['Science Fiction', 'Fantasy'],
};

type Json = Record<string, unknown>;

interface Stored {
  resource: Json;
  /** Created by the background refresh; undefined until it has run. */
  episodes: Episodes | undefined;
}

export interface SonarrCommand {
  body: Json;
  status: 'queued' | 'failed';
  /** `api` for POST /command, `scan` for a search the post-add scan queued itself. */
  trigger: 'api' | 'scan';
  /** Episodes the search covered, season → count (empty: it found nothing to search for). */
  searched: Record<number, number>;
}

export class FakeSonarr extends FakeServarr {
  readonly major: 3 | 4;
  /** POST /command bodies and the searches scans queued, with what each one covered. */
  readonly commands: SonarrCommand[] = [];
  private readonly world: WorldSeries[];
  private readonly library = new Map<number, Stored>();
  private readonly disk: SonarrFiles;
  private readonly scanDelayMs: number;
  private readonly pendingScans = new Map<number, { timer: NodeJS.Timeout; done: Promise<void> }>();

  constructor(opts: FakeSonarrOptions) {
    super({
      app: 'sonarr',
      apiKey: opts.apiKey,
      apiPath: '/api/v3',
      appName: 'Sonarr',
      version: SONARR_VERSIONS[opts.version],
      qualityProfiles: fixture(
        opts.version === 3
          ? 'sonarr.qualityprofile.v3-2020.flexget.json'
          : 'sonarr.qualityprofile.pyarr.json',
      ),
      rootFolders: fixture<RootFolderFixture[]>('sonarr.rootfolder.flexget.json'),
    });
    this.major = opts.version;
    this.disk = new SonarrFiles(opts.version, this.library);
    this.scanDelayMs = opts.scanDelayMs ?? 40;
    this.world = (opts.series ?? worldSeries).filter((s) => s.tvdb !== undefined);
    const api = this.api;
    this.route('GET', `${api}/series/lookup`, (r) => ({
      status: 200,
      body: this.lookup(r.query.term ?? ''),
    }));
    this.route('GET', `${api}/series`, (r) => ({ status: 200, body: this.list(r.query.tvdbId) }));
    this.route('GET', `${api}/series/:id`, (r) => this.get(Number(r.params.id)));
    this.route('POST', `${api}/series`, (r) => this.post(r));
    this.route('PUT', `${api}/series/:id`, (r) => this.put(r));
    this.route('POST', `${api}/command`, (r) => this.command(r));
    this.route('GET', `${api}/episode`, (r) => this.disk.episodes(r));
    this.route('GET', `${api}/episodefile/:id`, (r) => this.disk.file(Number(r.params.id)));
    this.route('GET', `${api}/languageprofile`, () => ({
      status: 200,
      // v4 keeps the endpoint, deprecated, with one placeholder profile.
      body:
        this.major === 3 ? fixture('sonarr.languageprofile.synthetic.json') : [{ id: 1, name: 'Deprecated' }],
    }));
  }

  /** Put a world series in the library as if added with defaults (or under `rootFolderPath`); returns its id. */
  addToLibrary(
    tvdbId: number,
    opts: { unmonitoredSeasons?: number[]; qualityProfileId?: number; rootFolderPath?: string } = {},
  ): number {
    const w = this.byTvdb(tvdbId);
    if (!w) throw new Error(`no world series with tvdb ${tvdbId}`);
    const shape = this.lookupShape(w);
    const seasons = (shape.seasons as { seasonNumber: number; monitored: boolean }[]).map((s) => ({
      ...s,
      monitored: s.monitored && !(opts.unmonitoredSeasons ?? []).includes(s.seasonNumber),
    }));
    const body: Json = {
      ...shape,
      seasons,
      qualityProfileId: opts.qualityProfileId ?? this.qualityProfiles[0]!.id,
      rootFolderPath: opts.rootFolderPath ?? this.rootFolders[0]!.path,
      monitored: true,
    };
    const id = this.store(body, w);
    const stored = this.library.get(id)!;
    stored.episodes = refreshEpisodes(seasons, this.disk.nextEpisodeId);
    return id;
  }

  /**
   * Someone just added this series in Sonarr's UI with these addOptions: its refresh and scan have
   * not run yet (they run after `scanDelayMs`).
   */
  addPending(tvdbId: number, addOptions: AddOptionsJson): number {
    const w = this.byTvdb(tvdbId);
    if (!w) throw new Error(`no world series with tvdb ${tvdbId}`);
    const body: Json = {
      ...this.lookupShape(w),
      qualityProfileId: this.qualityProfiles[0]!.id,
      rootFolderPath: this.rootFolders[0]!.path,
      monitored: true,
      addOptions,
    };
    const id = this.store(body, w);
    this.scheduleScan(id);
    return id;
  }

  /**
   * Episode files appear: every episode of `season`, or every monitored episode. A series still
   * waiting for its refresh is refreshed and scanned first (files are found by the scan).
   */
  setHasFile(id: number, season?: number): void {
    const s = this.library.get(id);
    if (!s) throw new Error(`no series ${id}`);
    this.refreshAndScan(id);
    for (const [n, list] of s.episodes ?? []) {
      list.forEach((e, i) => {
        if (season === undefined ? !e.monitored : n !== season) return;
        e.hasFile = true;
        this.disk.import(s.resource, n, i + 1, e);
      });
    }
  }

  /** An episode's file as `GET /episodefile/{id}` shows it (`episode` counts from 1). */
  episodeFile(id: number, season: number, episode: number): Record<string, unknown> | undefined {
    return this.disk.fileOf(id, season, episode);
  }

  /** Wait until every background refresh and scan queued so far has run. */
  async settle(): Promise<void> {
    await Promise.all([...this.pendingScans.values()].map((p) => p.done));
  }

  /** Episodes of a stored series by season: [monitored, total]; undefined before its refresh. */
  monitoredEpisodes(id: number): Record<number, [number, number]> | undefined {
    const episodes = this.library.get(id)?.episodes;
    if (!episodes) return undefined;
    return Object.fromEntries(
      [...episodes].map(([n, list]) => [n, [list.filter((e) => e.monitored).length, list.length]]),
    );
  }

  override async close(): Promise<void> {
    for (const p of this.pendingScans.values()) clearTimeout(p.timer);
    this.pendingScans.clear();
    await super.close();
  }

  /** The stored series as GET /series/{id} shows it. */
  series(id: number): Json | undefined {
    const s = this.library.get(id);
    return s && this.withStatistics(s);
  }

  private byTvdb(tvdb: number): WorldSeries | undefined {
    return this.world.find((s) => s.tvdb === tvdb);
  }

  private inLibrary(tvdb: number): Stored | undefined {
    return [...this.library.values()].find((s) => s.resource.tvdbId === tvdb);
  }

  private lookup(term: string): Json[] {
    const found = this.resolveTerm(term);
    return found.map((w) => {
      const copy = this.inLibrary(w.tvdb!);
      return copy ? this.withStatistics(copy) : this.lookupShape(w);
    });
  }

  private resolveTerm(term: string): WorldSeries[] {
    const tvdb = idTerm(term, ['tvdb', 'tvdbid']);
    if (tvdb !== undefined) return this.world.filter((s) => s.tvdb === Number(tvdb));
    const tmdb = idTerm(term, ['tmdb', 'tmdbid']);
    const imdb = idTerm(term, ['imdb', 'imdbid']);
    if (tmdb !== undefined || imdb !== undefined) {
      // v4 asks SkyHook by id (commit c02822261); v3 searches the text "tmdb:1405" and finds nothing.
      if (this.major === 3) return [];
      return this.world.filter((s) => (tmdb !== undefined ? s.tmdb === Number(tmdb) : s.imdb === imdb));
    }
    return this.world.filter((s) => matchesQuery(s.title, term)).sort((a, b) => b.popularity - a.popularity);
  }

  private list(tvdbId: string | undefined): Json[] {
    const all = [...this.library.values()];
    const chosen = tvdbId === undefined ? all : all.filter((s) => s.resource.tvdbId === Number(tvdbId));
    return chosen.map((s) => this.withStatistics(s));
  }

  private get(id: number): FakeResponse {
    const s = this.library.get(id);
    return s
      ? { status: 200, body: this.withStatistics(s) }
      : this.notFound(`Series with ID ${id} does not exist`);
  }

  private post(req: FakeRequest): FakeResponse {
    const bad = this.checkBody(req, 'SeriesResource');
    if (bad) return bad;
    const b = req.body as Json;
    const addOptions = (b.addOptions ?? {}) as Json;
    const failures: (ValidationFailure | undefined)[] = [
      this.qualityProfileRule('QualityProfileId', b.qualityProfileId),
      b.path ? undefined : this.rootFolderRule('RootFolderPath', b.rootFolderPath),
      notEmpty('Title', 'Title', b.title),
      this.tvdbRule(b.tvdbId),
    ];
    if (this.major === 3) {
      if (!(b.languageProfileId === 1)) {
        failures.push(
          failure(
            'LanguageProfileId',
            'Language profile does not exist',
            b.languageProfileId ?? 0,
            'LanguageProfileExistsValidator',
          ),
        );
      }
    }
    const known: readonly string[] = MONITOR_TYPES[this.major];
    if (addOptions.monitor !== undefined && !known.includes(String(addOptions.monitor))) {
      failures.push(
        failure(
          'AddOptions.Monitor',
          `The JSON value could not be converted to MonitorTypes: "${String(addOptions.monitor)}"`,
          addOptions.monitor,
          'JsonException',
        ),
      );
    }
    if (failures.some(Boolean)) return this.logged(req, this.invalid(failures));
    const w = this.byTvdb(b.tvdbId as number);
    if (!w)
      return this.logged(
        req,
        this.invalid([failure('TvdbId', 'A series with this ID was not found.', b.tvdbId, 'SeriesNotFound')]),
      );
    const id = this.store(b, w);
    // src/NzbDrone.Core/Tv/AddSeriesService.cs: monitor "none" unmonitors the series itself.
    if (String(addOptions.monitor).toLowerCase() === 'none') this.library.get(id)!.resource.monitored = false;
    this.scheduleScan(id);
    return this.logged(req, { status: 201, body: this.withStatistics(this.library.get(id)!) });
  }

  private tvdbRule(tvdbId: unknown): ValidationFailure | undefined {
    if (typeof tvdbId !== 'number' || tvdbId <= 0) {
      // Recorded in Sonarr#7565: the FluentValidation GreaterThanValidator answer for a missing tvdbId.
      const [recorded] = fixture<ValidationFailure[]>('sonarr.series-post.400-tvdbid.issue-7565.json');
      return { ...recorded!, attemptedValue: tvdbId ?? 0 };
    }
    return this.inLibrary(tvdbId)
      ? failure('TvdbId', 'This series has already been added', tvdbId, 'SeriesExistsValidator')
      : undefined;
  }

  private put(req: FakeRequest): FakeResponse {
    const id = Number(req.params.id);
    const stored = this.library.get(id);
    if (!stored) return this.logged(req, this.notFound(`Series with ID ${id} does not exist`));
    const bad = this.checkBody(req, 'SeriesResource');
    if (bad) return bad;
    const b = req.body as Json;
    const rule = this.qualityProfileRule('QualityProfileId', b.qualityProfileId);
    if (rule) return this.logged(req, this.invalid([rule]));
    // SeriesService.UpdateSeries: "Never update AddOptions when updating a series".
    const { statistics: _s, added: _a, id: _i, addOptions: _o, ...editable } = b;
    const seasons = ((b.seasons ?? []) as Json[]).map(({ statistics: _x, ...season }) => season);
    matchEpisodesToSeasons(
      stored.resource.seasons as SeasonFlag[],
      seasons as unknown as SeasonFlag[],
      stored.episodes,
    );
    stored.resource = { ...stored.resource, ...editable, seasons, id };
    return this.logged(req, { status: 202, body: this.withStatistics(stored) });
  }

  private command(req: FakeRequest): FakeResponse {
    const b = (req.body ?? {}) as Json;
    const name = String(b.name ?? '');
    if (
      !['SeasonSearch', 'SeriesSearch', 'EpisodeSearch', 'RefreshSeries', 'MissingEpisodeSearch'].includes(
        name,
      )
    ) {
      return this.logged(req, { status: 400, body: { message: `Unknown command: ${name}` } });
    }
    const series = typeof b.seriesId === 'number' ? this.library.get(b.seriesId) : undefined;
    const ok = name !== 'SeasonSearch' || (series !== undefined && Number.isInteger(b.seasonNumber));
    const covered = name === 'RefreshSeries' ? {} : searched(name, series?.episodes, Number(b.seasonNumber));
    this.commands.push({ body: b, status: ok ? 'queued' : 'failed', trigger: 'api', searched: covered });
    const now = new Date().toISOString();
    return this.logged(req, {
      status: 201,
      body: {
        name,
        commandName: name.replace(/([a-z])([A-Z])/g, '$1 $2'),
        body: {
          ...b,
          sendUpdatesToClient: true,
          updateScheduledTask: true,
          requiresDiskAccess: false,
          isExclusive: false,
          isLongRunning: false,
          trigger: 'manual',
          suppressMessages: false,
        },
        priority: 'normal',
        status: 'queued',
        result: 'unknown',
        queued: now,
        trigger: 'manual',
        sendUpdatesToClient: true,
        updateScheduledTask: true,
        id: this.commands.length,
      },
    });
  }

  private store(body: Json, w: WorldSeries): number {
    const id = this.nextId();
    const root = String(body.rootFolderPath ?? this.rootFolders[0]!.path).replace(/\/+$/, '');
    const images = (this.lookupShape(w).images as Json[]).map((i) => ({
      coverType: i.coverType,
      url: `/MediaCover/${id}/${String(i.coverType)}.jpg`,
      remoteUrl: i.remoteUrl ?? i.url,
    }));
    const seasons = ((body.seasons ?? []) as Json[]).map((s) => ({
      seasonNumber: s.seasonNumber,
      monitored: s.monitored,
    }));
    const resource: Json = {
      id,
      title: body.title ?? w.title,
      alternateTitles: [],
      sortTitle: sortTitle(w.title),
      status: 'ended',
      ended: true,
      overview: w.overview,
      network: 'HBO',
      airTime: '21:00',
      images,
      ...(this.major === 4 ? { originalLanguage: language(w.originalLanguage) } : {}),
      seasons,
      year: yearOf(w.firstAirDate) ?? 0,
      path: body.path ?? `${root}/${w.title}`,
      qualityProfileId: body.qualityProfileId,
      seasonFolder: body.seasonFolder ?? true,
      monitored: body.monitored ?? true,
      ...(this.major === 4 ? { monitorNewItems: body.monitorNewItems ?? 'all' } : {}),
      useSceneNumbering: false,
      runtime: 45,
      tvdbId: w.tvdb,
      tvRageId: 0,
      tvMazeId: 0,
      ...(this.major === 4 ? { tmdbId: w.tmdb } : {}),
      firstAired: `${w.firstAirDate}T00:00:00Z`,
      seriesType: body.seriesType ?? 'standard',
      cleanTitle: cleanTitle(w.title),
      ...(w.imdb ? { imdbId: w.imdb } : {}),
      titleSlug: slug(w.title),
      rootFolderPath: `${root}/`,
      certification: 'TV-MA',
      genres: genres(w),
      tags: body.tags ?? [],
      added: new Date().toISOString(),
      ...(body.addOptions ? { addOptions: body.addOptions } : {}),
      ratings: { votes: w.voteCount, value: 8.5 },
      // Sonarr 3.0.4 turned a posted 0 into 1; v4 always reports 1.
      languageProfileId: this.major === 3 ? (body.languageProfileId ?? 1) : 1,
    };
    this.library.set(id, { resource, episodes: undefined });
    return id;
  }

  /** src/NzbDrone.Core/Tv/SeriesAddedHandler.cs queues RefreshSeries; the scan follows it. */
  private scheduleScan(id: number): void {
    let timer: NodeJS.Timeout | undefined;
    const done = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        this.refreshAndScan(id);
        resolve();
      }, this.scanDelayMs);
    });
    this.pendingScans.set(id, { timer: timer!, done });
  }

  /** RefreshSeriesService, then SeriesScannedHandler: episodes, addOptions, the searches it asks for. */
  private refreshAndScan(id: number): void {
    const pending = this.pendingScans.get(id);
    if (pending) clearTimeout(pending.timer);
    this.pendingScans.delete(id);
    const s = this.library.get(id);
    if (!s || s.episodes) return;
    const seasons = s.resource.seasons as SeasonFlag[];
    s.episodes = refreshEpisodes(seasons, this.disk.nextEpisodeId);
    const options = s.resource.addOptions as AddOptionsJson | undefined;
    if (!options) return;
    applyAddOptions(seasons, s.episodes, options);
    for (const name of searchesAfterScan(options)) {
      this.commands.push({
        body: { name, seriesId: id },
        status: 'queued',
        trigger: 'scan',
        searched: searched(name, s.episodes),
      });
    }
    delete s.resource.addOptions;
  }

  /** Statistics are the server's, recomputed on every read from the files on "disk". */
  private withStatistics(s: Stored): Json {
    const seasons = (s.resource.seasons as SeasonFlag[]).map((x) => {
      const list = s.episodes?.get(x.seasonNumber) ?? [];
      const files = list.filter((e) => e.hasFile).length;
      const total = list.length;
      return {
        ...x,
        statistics: {
          episodeFileCount: files,
          // Sonarr counts an episode when it is monitored or has a file (SeasonStatistics).
          episodeCount: list.filter((e) => e.monitored || e.hasFile).length,
          totalEpisodeCount: total,
          sizeOnDisk: files * 1_500_000_000,
          releaseGroups: [],
          percentOfEpisodes: total === 0 ? 0 : (files / total) * 100,
        },
      };
    });
    const sum = (k: 'episodeFileCount' | 'episodeCount' | 'totalEpisodeCount' | 'sizeOnDisk') =>
      seasons.reduce((n, x) => n + x.statistics[k], 0);
    const episodeCount = sum('episodeCount');
    return {
      ...s.resource,
      seasons,
      statistics: {
        seasonCount: seasons.filter((x) => x.seasonNumber > 0).length,
        episodeFileCount: sum('episodeFileCount'),
        episodeCount,
        totalEpisodeCount: sum('totalEpisodeCount'),
        sizeOnDisk: sum('sizeOnDisk'),
        releaseGroups: [],
        percentOfEpisodes: episodeCount === 0 ? 0 : (sum('episodeFileCount') / episodeCount) * 100,
      },
    };
  }

  /** A lookup result: the recorded 3.0.4 shape on v3 (flexget.series-lookup.tvdb-81189), plus v4's fields on v4. */
  lookupShape(w: WorldSeries): Json {
    const poster = `https://artworks.thetvdb.com/banners/posters/${w.tvdb}-1.jpg`;
    const banner = `https://artworks.thetvdb.com/banners/graphical/${w.tvdb}-g1.jpg`;
    const cover = (coverType: string, url: string) =>
      this.major === 4 ? { coverType, url, remoteUrl: url } : { coverType, url };
    const seasons = Array.from({ length: w.seasons + 1 }, (_, n) => ({ seasonNumber: n, monitored: n > 0 }));
    const v4 = this.major === 4;
    return {
      title: w.title,
      sortTitle: sortTitle(w.title),
      ...(v4 ? {} : { seasonCount: w.seasons }),
      status: 'ended',
      ...(v4 ? { ended: true } : {}),
      overview: w.overview,
      network: 'HBO',
      airTime: '21:00',
      images: [cover('banner', banner), cover('poster', poster)],
      ...(v4 ? { originalLanguage: language(w.originalLanguage) } : {}),
      remotePoster: poster,
      seasons,
      year: yearOf(w.firstAirDate) ?? 0,
      ...(v4 ? {} : { profileId: 0 }),
      languageProfileId: v4 ? 1 : 0,
      seasonFolder: false,
      monitored: true,
      ...(v4 ? { monitorNewItems: 'all' } : {}),
      useSceneNumbering: false,
      runtime: 45,
      tvdbId: w.tvdb,
      tvRageId: 0,
      tvMazeId: 0,
      ...(v4 ? { tmdbId: w.tmdb } : {}),
      firstAired: `${w.firstAirDate}T00:00:00Z`,
      seriesType: 'standard',
      cleanTitle: cleanTitle(w.title),
      ...(w.imdb ? { imdbId: w.imdb } : {}),
      titleSlug: slug(w.title),
      ...(v4 ? { folder: w.title.replace(/[:/\\?*"<>|]/g, '') } : {}),
      certification: 'TV-MA',
      genres: genres(w),
      tags: [],
      added: '0001-01-01T00:00:00Z',
      ratings: { votes: w.voteCount, value: 8.5 },
      ...(v4
        ? {
            statistics: {
              seasonCount: w.seasons,
              episodeFileCount: 0,
              episodeCount: 0,
              totalEpisodeCount: 0,
              sizeOnDisk: 0,
              percentOfEpisodes: 0,
            },
          }
        : {}),
      qualityProfileId: 0,
    };
  }
}

function language(code: string): { id: number; name: string } {
  const known: Record<string, { id: number; name: string }> = {
    en: { id: 1, name: 'English' },
    fr: { id: 2, name: 'French' },
    ja: { id: 8, name: 'Japanese' },
  };
  return known[code] ?? { id: 0, name: 'Unknown' };
}

/** TheTVDB's genres, from TMDb's ids; Japanese animation is tagged Anime, as TheTVDB does. */
function genres(w: WorldSeries): string[] {
  const out = w.genreIds.flatMap((g) => GENRES[g] ?? []);
  if (w.originalLanguage === 'ja' && w.genreIds.includes(16)) out.push('Anime');
  return [...new Set(out)];
}

export async function startFakeSonarr(opts: FakeSonarrOptions): Promise<FakeSonarr> {
  return new FakeSonarr(opts).start();
}
