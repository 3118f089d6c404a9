/**
 * A fake Bazarr (1.5; API under /api) over what a test puts in its database: films by Radarr id,
 * episodes by Sonarr episode id, each with the video path and the subtitles Bazarr indexed,
 * stored as Bazarr stores them: `[language, path, size]`, language `en`, `en:hi` or `en:forced`,
 * path null for an embedded track, paths as the *arr reports them (subtitles/indexer/movies.py
 * store_subtitles_movie saves path_replace_reverse_movie(path)). What the real server does that the
 * fake copies (files in morpheus65535/bazarr):
 * - every route but system/ping wants the key in `X-API-KEY`, `apikey` query or form, else a 401
 *   `{message}` (bazarr/api/utils.py authenticate → abort(401); libs/flask_restx/api.py
 *   handle_error; libs/werkzeug/exceptions.py Unauthorized.description);
 * - the API gives paths only: no route serves a subtitle's text (bazarr/api/*, app/ui.py);
 * - answers map every path through Bazarr's own path mappings, series and movies apart
 *   (api/utils.py postprocess; utilities/path_mappings.py path_replace: first mapping whose
 *   "from" occurs in the path, every occurrence replaced, then slashes made uniform).
 */
import { FakeHttp, type FakeRequest, type FakeResponse } from './fake-http.js';

export interface FakeBazarrOptions {
  apiKey: string;
  /** settings.general.path_mappings (series): [Sonarr's path, Bazarr's path] pairs. */
  pathMappings?: [string, string][];
  /** settings.general.path_mappings_movie: [Radarr's path, Bazarr's path] pairs. */
  pathMappingsMovie?: [string, string][];
}

/** One indexed subtitle: `language` as stored (`en`, `en:hi`, `fr:forced`), `path` null when embedded. */
export interface StoredSubtitle {
  language: string;
  path: string | null;
  size?: number;
}

export interface BazarrMovie {
  radarrId: number;
  title: string;
  year?: number;
  imdbId?: string;
  /** The movie file as Radarr reports it (radarr/sync/parser.py: movie['movieFile']['path']). */
  path: string;
  subtitles: StoredSubtitle[];
}

export interface BazarrEpisode {
  sonarrEpisodeId: number;
  sonarrSeriesId: number;
  season: number;
  episode: number;
  title?: string;
  /** The episode file as Sonarr reports it (sonarr/sync/parser.py: episode['episodeFile']['path']). */
  path: string;
  subtitles: StoredSubtitle[];
}

export const BAZARR_VERSION = 'v1.5.1';

/** languages/get_languages.py: language_from_alpha2 and alpha3_from_alpha2, for the codes tests use. */
const LANGUAGES: Record<string, [string, string]> = {
  en: ['English', 'eng'],
  fr: ['French', 'fra'],
  es: ['Spanish', 'spa'],
  de: ['German', 'deu'],
};

const UNAUTHORIZED =
  "The server could not verify that you are authorized to access the URL requested. You either supplied the wrong credentials (e.g. a bad password), or your browser doesn't understand how to supply the credentials required.";

export class FakeBazarr extends FakeHttp {
  readonly movies = new Map<number, BazarrMovie>();
  readonly episodes = new Map<number, BazarrEpisode>();
  private readonly opts: FakeBazarrOptions;

  constructor(opts: FakeBazarrOptions) {
    super();
    this.opts = opts;
    // api/system/ping.py: the one route without @authenticate.
    this.route('GET', '/api/system/ping', () => ({ status: 200, body: { status: 'OK' } }));
    this.route('GET', '/api/system/status', () => ({ status: 200, body: { data: this.status() } }));
    this.route('GET', '/api/movies', (r) => this.listMovies(r));
    this.route('GET', '/api/episodes', (r) => this.listEpisodes(r));
  }

  addMovie(m: BazarrMovie): void {
    this.movies.set(m.radarrId, m);
  }

  addEpisode(e: BazarrEpisode): void {
    this.episodes.set(e.sonarrEpisodeId, e);
  }

  protected override before(req: FakeRequest): FakeResponse | undefined {
    if (req.path === '/api/system/ping') return undefined;
    const header = req.headers['x-api-key'];
    const form =
      typeof req.body === 'object' && req.body ? (req.body as Record<string, string>).apikey : undefined;
    const given = [Array.isArray(header) ? header[0] : header, req.query.apikey, form];
    return given.includes(this.opts.apiKey) ? undefined : { status: 401, body: { message: UNAUTHORIZED } };
  }

  /** api/movies/movies.py Movies.get: `radarrid[]` filters; unknown ids just match nothing. */
  private listMovies(req: FakeRequest): FakeResponse {
    const ids = idsOf(req, 'radarrid[]');
    const all = [...this.movies.values()].sort((a, b) => a.title.localeCompare(b.title));
    const chosen = ids.length ? all.filter((m) => ids.includes(m.radarrId)) : all;
    const map = (p: string) => pathReplace(p, this.opts.pathMappingsMovie ?? []);
    const data = chosen.map((m) => ({
      alternativeTitles: [],
      audio_language: [{ name: 'English', code2: 'en', code3: 'eng' }],
      fanart: null,
      imdbId: m.imdbId ?? '',
      missing_subtitles: [],
      monitored: true,
      overview: '',
      path: map(m.path),
      poster: null,
      profileId: 1,
      radarrId: m.radarrId,
      sceneName: null,
      subtitles: subtitlesOut(m.subtitles, map),
      tags: [],
      title: m.title,
      // movies.py data_model: 'year': fields.String().
      year: m.year === undefined ? null : String(m.year),
    }));
    return { status: 200, body: { data, total: this.movies.size } };
  }

  /** api/episodes/episodes.py Episodes.get: by `episodeid[]`, else `seriesid[]`, else a 404. */
  private listEpisodes(req: FakeRequest): FakeResponse {
    const episodeIds = idsOf(req, 'episodeid[]');
    const seriesIds = idsOf(req, 'seriesid[]');
    if (!episodeIds.length && !seriesIds.length)
      return { status: 404, body: 'Series or Episode ID not provided' };
    const all = [...this.episodes.values()];
    const chosen = episodeIds.length
      ? all.filter((e) => episodeIds.includes(e.sonarrEpisodeId))
      : all
          .filter((e) => seriesIds.includes(e.sonarrSeriesId))
          .sort((a, b) => b.season - a.season || b.episode - a.episode);
    const map = (p: string) => pathReplace(p, this.opts.pathMappings ?? []);
    const data = chosen.map((e) => ({
      audio_language: [{ name: 'English', code2: 'en', code3: 'eng' }],
      episode: e.episode,
      missing_subtitles: [],
      monitored: true,
      path: map(e.path),
      season: e.season,
      sonarrEpisodeId: e.sonarrEpisodeId,
      sonarrSeriesId: e.sonarrSeriesId,
      subtitles: subtitlesOut(e.subtitles, map),
      title: e.title ?? `Episode ${e.episode}`,
      sceneName: null,
    }));
    return { status: 200, body: { data } };
  }

  /** api/system/status.py. */
  private status(): Record<string, unknown> {
    return {
      bazarr_version: BAZARR_VERSION,
      package_version: '',
      sonarr_version: '4.0.19.2735',
      radarr_version: '5.26.2.10099',
      operating_system: 'Linux-6.8.0-x86_64-with-glibc2.39',
      python_version: '3.12.3',
      database_engine: 'Sqlite 3.45.1',
      database_migration: '4274a5dfc4ad',
      bazarr_directory: '/app/bazarr/bin',
      bazarr_config_directory: '/config',
      start_time: 1_735_689_600,
      timezone: 'Etc/UTC',
    };
  }
}

/** reqparse `action='append'`: every value of a repeated parameter (the fake keeps the last). */
function idsOf(req: FakeRequest, name: string): number[] {
  const raw = req.query[name];
  return raw === undefined ? [] : [Number(raw)];
}

/** api/utils.py postprocess: each stored subtitle as {name, code2, code3, path, forced, hi, file_size}, sorted by name, forced. */
function subtitlesOut(subs: StoredSubtitle[], map: (p: string) => string): Record<string, unknown>[] {
  return subs
    .map((s) => {
      const [code2 = '', flag = ''] = s.language.split(':');
      const [name, code3] = LANGUAGES[code2] ?? [code2, code2];
      return {
        path: s.path === null ? null : map(s.path),
        name,
        code2,
        code3,
        forced: flag.toLowerCase() === 'forced',
        hi: flag.toLowerCase() === 'hi',
        file_size: s.size ?? 0,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || Number(a.forced) - Number(b.forced));
}

/** utilities/path_mappings.py path_replace. */
function pathReplace(path: string, mappings: [string, string][]): string {
  for (const [from, to] of mappings) {
    if (from === to || from === '' || to === '' || !path.includes(from)) continue;
    const out = path.split(from).join(to);
    if (out.startsWith('\\\\') || /^[a-zA-Z]:\\/.test(out)) return out.replace(/\//g, '\\');
    return out.startsWith('/') ? out.replace(/\\/g, '/') : out;
  }
  return path;
}

export async function startFakeBazarr(opts: FakeBazarrOptions): Promise<FakeBazarr> {
  return new FakeBazarr(opts).start();
}
