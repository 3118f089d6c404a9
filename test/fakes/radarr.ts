/**
 * A fake Radarr (v5, API v3) over test/fixtures/world.ts. Shapes come from the recorded 3.0.0
 * exchanges (flexget.movie-lookup-imdb.*, movie-post 201, qualityprofile, rootfolder) with the
 * fields current Radarr adds per the spec (`popularity`, per-source `ratings`, `remoteUrl`).
 * What the real server does that the fake copies:
 * - `/movie/lookup?term=` returns an ARRAY (title, `tmdb:`, `imdb:`); `/movie/lookup/tmdb` and
 *   `/movie/lookup/imdb` return ONE object, 404 for an id TMDb does not have;
 * - lookup results have no `id` unless the movie is in the library; a movie with no release date
 *   has `year: 0`;
 * - POST /movie is checked against MovieResource from the spec, then the server's rules (TmdbId
 *   set and not already added, profile and root folder exist), answers 201, and stores
 *   `minimumAvailability: tba` when none was sent (recorded).
 */
import { matchesQuery, movies as worldMovies, yearOf, type WorldMovie } from '../fixtures/world.js';
import type { FakeRequest, FakeResponse } from './fake-http.js';
import {
  FakeServarr,
  cleanTitle,
  failure,
  fixture,
  idTerm,
  sortTitle,
  type RootFolderFixture,
  type ValidationFailure,
} from './servarr.js';

export interface FakeRadarrOptions {
  apiKey: string;
  movies?: WorldMovie[];
}

export const RADARR_VERSION = '5.26.2.10099';

const GENRES: Record<number, string> = {
  12: 'Adventure',
  18: 'Drama',
  28: 'Action',
  53: 'Thriller',
  80: 'Crime',
  99: 'Documentary',
  878: 'Science Fiction',
};

type Json = Record<string, unknown>;

export class FakeRadarr extends FakeServarr {
  private readonly world: WorldMovie[];
  private readonly library = new Map<number, Json>();

  constructor(opts: FakeRadarrOptions) {
    super({
      app: 'radarr',
      apiKey: opts.apiKey,
      apiPath: '/api/v3',
      appName: 'Radarr',
      version: RADARR_VERSION,
      qualityProfiles: fixture('radarr.qualityprofile.flexget.json'),
      rootFolders: fixture<RootFolderFixture[]>('radarr.rootfolder.flexget.json'),
    });
    this.world = opts.movies ?? worldMovies;
    const api = this.api;
    this.route('GET', `${api}/movie/lookup`, (r) => ({ status: 200, body: this.lookup(r.query.term ?? '') }));
    this.route('GET', `${api}/movie/lookup/tmdb`, (r) =>
      this.lookupOne((m) => m.tmdb === Number(r.query.tmdbId), `TmdbId ${r.query.tmdbId}`),
    );
    this.route('GET', `${api}/movie/lookup/imdb`, (r) =>
      this.lookupOne((m) => m.imdb === r.query.imdbId, `ImdbId ${r.query.imdbId}`),
    );
    this.route('GET', `${api}/movie`, (r) => ({ status: 200, body: this.list(r.query.tmdbId) }));
    this.route('GET', `${api}/movie/:id`, (r) => this.get(Number(r.params.id)));
    this.route('POST', `${api}/movie`, (r) => this.post(r));
  }

  /** Put a world movie in the library as if added with defaults (or under `rootFolderPath`); returns its id. */
  addToLibrary(tmdbId: number, opts: { hasFile?: boolean; rootFolderPath?: string } = {}): number {
    const w = this.world.find((m) => m.tmdb === tmdbId);
    if (!w) throw new Error(`no world movie with tmdb ${tmdbId}`);
    const id = this.store(
      {
        tmdbId,
        qualityProfileId: this.qualityProfiles[0]!.id,
        rootFolderPath: opts.rootFolderPath ?? this.rootFolders[0]!.path,
        monitored: true,
        minimumAvailability: 'released',
      },
      w,
    );
    if (opts.hasFile) this.setHasFile(id);
    return id;
  }

  /**
   * The movie file arrives, named by Radarr's default StandardMovieFormat "{Movie Title}
   * ({Release Year}) {Quality Full}" (src/NzbDrone.Core/Organizer/NamingConfig.cs). Library movies
   * carry it as `movieFile`, its `path` the movie's folder plus `relativePath`
   * (MovieRepository.cs joins the file; MovieFileResource.cs ToResource).
   */
  setHasFile(id: number, hasFile = true): void {
    const m = this.library.get(id);
    if (!m) throw new Error(`no movie ${id}`);
    const relativePath = `${String(m.folder)}${m.year ? ` (${String(m.year)})` : ''} Bluray-1080p.mkv`;
    Object.assign(m, {
      hasFile,
      movieFileId: hasFile ? id * 10 : 0,
      sizeOnDisk: hasFile ? 8_000_000_000 : 0,
      statistics: {
        movieFileCount: hasFile ? 1 : 0,
        sizeOnDisk: hasFile ? 8_000_000_000 : 0,
        releaseGroups: [],
      },
    });
    if (!hasFile) delete m.movieFile;
    else
      m.movieFile = {
        id: id * 10,
        movieId: id,
        relativePath,
        path: `${String(m.path)}/${relativePath}`,
        size: 8_000_000_000,
        dateAdded: new Date().toISOString(),
        releaseGroup: '',
        edition: '',
        languages: [{ id: 1, name: 'English' }],
        quality: {
          quality: { id: 7, name: 'Bluray-1080p', source: 'bluray', resolution: 1080, modifier: 'none' },
          revision: { version: 1, real: 0, isRepack: false },
        },
        customFormats: [],
        customFormatScore: 0,
        indexerFlags: 0,
        qualityCutoffNotMet: false,
      };
  }

  movie(id: number): Json | undefined {
    return this.library.get(id);
  }

  private inLibrary(tmdb: number): Json | undefined {
    return [...this.library.values()].find((m) => m.tmdbId === tmdb);
  }

  private lookup(term: string): Json[] {
    const tmdb = idTerm(term, ['tmdb', 'tmdbid']);
    const imdb = idTerm(term, ['imdb', 'imdbid']);
    const found =
      tmdb !== undefined
        ? this.world.filter((m) => m.tmdb === Number(tmdb))
        : imdb !== undefined
          ? this.world.filter((m) => m.imdb === imdb)
          : this.world.filter((m) => matchesQuery(m.title, term)).sort((a, b) => b.popularity - a.popularity);
    return found.map((w) => this.inLibrary(w.tmdb) ?? lookupShape(w));
  }

  private lookupOne(match: (m: WorldMovie) => boolean, what: string): FakeResponse {
    const w = this.world.find(match);
    return w ? { status: 200, body: lookupShape(w) } : this.notFound(`Movie with ${what} not found`);
  }

  private list(tmdbId: string | undefined): Json[] {
    const all = [...this.library.values()];
    return tmdbId === undefined ? all : all.filter((m) => m.tmdbId === Number(tmdbId));
  }

  private get(id: number): FakeResponse {
    const m = this.library.get(id);
    return m ? { status: 200, body: m } : this.notFound(`Movie with ID ${id} does not exist`);
  }

  private post(req: FakeRequest): FakeResponse {
    const bad = this.checkBody(req, 'MovieResource');
    if (bad) return bad;
    const b = req.body as Json;
    const failures: (ValidationFailure | undefined)[] = [
      this.tmdbRule(b.tmdbId),
      this.qualityProfileRule('QualityProfileId', b.qualityProfileId),
      b.path ? undefined : this.rootFolderRule('RootFolderPath', b.rootFolderPath),
    ];
    if (failures.some(Boolean)) return this.logged(req, this.invalid(failures));
    const w = this.world.find((m) => m.tmdb === b.tmdbId);
    if (!w)
      return this.logged(
        req,
        this.invalid([failure('TmdbId', 'A movie with this ID was not found.', b.tmdbId, 'MovieNotFound')]),
      );
    const id = this.store(b, w);
    return this.logged(req, { status: 201, body: this.library.get(id) });
  }

  private tmdbRule(tmdbId: unknown): ValidationFailure | undefined {
    if (typeof tmdbId !== 'number' || tmdbId === 0)
      return failure('TmdbId', "'Tmdb Id' must not be empty.", tmdbId ?? 0, 'NotEmptyValidator');
    return this.inLibrary(tmdbId)
      ? failure('TmdbId', 'This movie has already been added', tmdbId, 'MovieExistsValidator')
      : undefined;
  }

  private store(b: Json, w: WorldMovie): number {
    const id = this.nextId();
    const root = String(b.rootFolderPath ?? this.rootFolders[0]!.path).replace(/\/+$/, '');
    const base = lookupShape(w);
    const folder = `${w.title}${yearOf(w.releaseDate) ? ` (${yearOf(w.releaseDate)})` : ''}`;
    const movie: Json = {
      ...base,
      id,
      images: (base.images as Json[]).map((i) => ({
        coverType: i.coverType,
        url: `/MediaCover/${id}/${String(i.coverType)}.jpg`,
        remoteUrl: i.remoteUrl,
      })),
      path: b.path ?? `${root}/${folder}`,
      rootFolderPath: `${root}/`,
      folderName: `${root}/${folder}`,
      qualityProfileId: b.qualityProfileId,
      monitored: b.monitored ?? false,
      // Recorded: a POST without minimumAvailability comes back as "tba".
      minimumAvailability: b.minimumAvailability ?? 'tba',
      tags: b.tags ?? [],
      added: new Date().toISOString(),
      ...(b.addOptions ? { addOptions: b.addOptions } : {}),
      hasFile: false,
      movieFileId: 0,
      statistics: { movieFileCount: 0, sizeOnDisk: 0, releaseGroups: [] },
    };
    this.library.set(id, movie);
    return id;
  }
}

/** A lookup result: flexget.movie-lookup-imdb.tt1690953's fields, with v5's additions. */
export function lookupShape(w: WorldMovie): Json {
  const year = yearOf(w.releaseDate) ?? 0;
  const poster = w.posterPath ? `https://image.tmdb.org/t/p/original${w.posterPath}` : undefined;
  return {
    title: w.title,
    originalTitle: w.title,
    originalLanguage: { id: 1, name: 'English' },
    alternateTitles: [],
    secondaryYearSourceId: 0,
    sortTitle: sortTitle(w.title),
    sizeOnDisk: 0,
    status: w.releaseDate ? 'released' : 'tba',
    overview: w.overview,
    ...(w.releaseDate
      ? {
          inCinemas: `${w.releaseDate}T00:00:00Z`,
          physicalRelease: `${w.releaseDate}T00:00:00Z`,
          releaseDate: `${w.releaseDate}T00:00:00Z`,
        }
      : {}),
    images: poster ? [{ coverType: 'poster', url: poster, remoteUrl: poster }] : [],
    website: '',
    ...(poster ? { remotePoster: poster } : {}),
    year,
    youTubeTrailerId: '',
    studio: '',
    qualityProfileId: 0,
    hasFile: false,
    monitored: false,
    minimumAvailability: 'tba',
    isAvailable: Boolean(w.releaseDate),
    folderName: '',
    runtime: 0,
    cleanTitle: cleanTitle(w.title),
    ...(w.imdb ? { imdbId: w.imdb } : {}),
    tmdbId: w.tmdb,
    titleSlug: String(w.tmdb),
    folder: w.title,
    certification: 'R',
    genres: w.genreIds.map((g) => GENRES[g]).filter(Boolean),
    keywords: [],
    tags: [],
    added: '0001-01-01T00:00:00Z',
    ratings: { tmdb: { votes: w.voteCount, value: w.voteCount ? 7.5 : 0, type: 'user' } },
    popularity: w.popularity,
  };
}

export async function startFakeRadarr(opts: FakeRadarrOptions): Promise<FakeRadarr> {
  return new FakeRadarr(opts).start();
}
