/**
 * A fake TMDb v3 serving test/fixtures/world.ts in TMDb's real shapes (from
 * ../shared/contracts/tmdb: jdrouet.search-*.json, spec-example.search-person, the error bodies
 * and tv-external-ids). Search rows are ordered by popularity; `search/multi` mixes in people,
 * as the real one does. Auth: the configured key as `api_key` or as a Bearer token.
 */
import {
  movies as worldMovies,
  people as worldPeople,
  series as worldSeries,
  matchesQuery,
  yearOf,
  type WorldMovie,
  type WorldPerson,
  type WorldSeries,
} from '../fixtures/world.js';
import { FakeHttp, type FakeRequest, type FakeResponse } from './fake-http.js';

export interface FakeTmdbOptions {
  /** The key (v3) or read token (v4) the fake accepts. Default `tmdb-test-key`. */
  apiKey?: string;
  movies?: WorldMovie[];
  series?: WorldSeries[];
  people?: WorldPerson[];
  /** Episodes per season (season 1 first) by TMDb series id; default EPISODES below. */
  episodes?: Record<number, number[]>;
  /** Alternative titles by `movie:<id>` or `tv:<id>`; works not listed have none. */
  alternativeTitles?: Record<string, AlternativeTitle[]>;
}

/** One row of `movie/{id}/alternative_titles` (`titles`) or `tv/{id}/alternative_titles` (`results`). */
export interface AlternativeTitle {
  iso_3166_1: string;
  title: string;
  type: string;
}

/**
 * Real episode counts per season (TMDb `tv/{id}` seasons[].episode_count) of the series the
 * vocabulary stories use. Series not listed get STAND_IN_EPISODES per season.
 */
export const EPISODES: Record<number, number[]> = {
  1396: [7, 13, 13, 13, 16],
  1399: [10, 10, 10, 10, 10, 10, 7, 6],
  1405: [12, 12, 12, 12, 12, 12, 12, 12],
};
const STAND_IN_EPISODES = 10;

/** Recorded bodies: jdrouet.error.401-invalid-api-key, 404-resource-not-found, 422-query-must-be-provided. */
export const TMDB_401 = {
  status_message: 'Invalid API key: You must be granted a valid key.',
  success: false,
  status_code: 7,
};
export const TMDB_404 = { status_message: 'The resource you requested could not be found.', status_code: 34 };
export const TMDB_422 = { errors: ['query must be provided'] };

const PAGE_SIZE = 20;
const COUNTRY: Record<string, string> = { en: 'US', ja: 'JP', fr: 'FR' };

type Row = Record<string, unknown> & { popularity: number };

function backdrop(id: number, poster: string | null): string | null {
  return poster === null ? null : `/bd${id}.jpg`;
}

function voteAverage(voteCount: number, id: number): number {
  return voteCount === 0 ? 0 : Math.round((6 + (id % 30) / 10) * 1000) / 1000;
}

/** Key order as in jdrouet.search-movie (no media_type) and jdrouet.search-multi (with it). */
export function movieRow(m: WorldMovie, multi: boolean): Row {
  const base = {
    adult: false,
    backdrop_path: backdrop(m.tmdb, m.posterPath),
    genre_ids: m.genreIds,
    id: m.tmdb,
    original_language: m.originalLanguage,
    original_title: m.title,
    overview: m.overview,
    popularity: m.popularity,
    poster_path: m.posterPath,
    release_date: m.releaseDate,
    title: m.title,
    video: false,
    vote_average: voteAverage(m.voteCount, m.tmdb),
    vote_count: m.voteCount,
  };
  return multi ? { ...base, media_type: 'movie' } : base;
}

export function tvRow(s: WorldSeries, multi: boolean): Row {
  const base = {
    adult: false,
    backdrop_path: backdrop(s.tmdb, s.posterPath),
    genre_ids: s.genreIds,
    id: s.tmdb,
    origin_country: [COUNTRY[s.originalLanguage] ?? 'US'],
    original_language: s.originalLanguage,
    original_name: s.title,
    overview: s.overview,
    popularity: s.popularity,
    poster_path: s.posterPath,
    first_air_date: s.firstAirDate,
    name: s.title,
    vote_average: voteAverage(s.voteCount, s.tmdb),
    vote_count: s.voteCount,
  };
  return multi ? { ...base, media_type: 'tv' } : base;
}

/** A person row as search/multi mixes them in (spec-example.search-person plus media_type). */
export function personRow(p: WorldPerson): Row {
  return {
    adult: false,
    id: p.tmdb,
    name: p.name,
    original_name: p.name,
    media_type: 'person',
    popularity: p.popularity,
    gender: 2,
    known_for_department: 'Acting',
    profile_path: `/pp${p.tmdb}.jpg`,
    known_for: [],
  };
}

/** Shape of spec-example.tv-external-ids.1399; tvdb_id null where TheTVDB has no entry. */
function tvExternalIdsBody(s: WorldSeries): Record<string, unknown> {
  return {
    id: s.tmdb,
    imdb_id: s.imdb ?? null,
    freebase_mid: null,
    freebase_id: null,
    tvdb_id: s.tvdb ?? null,
    tvrage_id: null,
    wikidata_id: null,
    facebook_id: null,
    instagram_id: null,
    twitter_id: null,
  };
}

/** `append_to_response=videos,external_ids`: a comma-separated list of sub-requests. */
function appended(req: FakeRequest, name: string): boolean {
  return (req.query.append_to_response ?? '').split(',').includes(name);
}

export class FakeTmdb extends FakeHttp {
  readonly apiKey: string;
  readonly movies: WorldMovie[];
  readonly series: WorldSeries[];
  readonly people: WorldPerson[];
  readonly episodes: Record<number, number[]>;
  readonly alternativeTitles: Record<string, AlternativeTitle[]>;
  /** Real milliseconds the alternative_titles routes take (the searches answer at once). */
  alternativeTitlesDelayMs = 0;

  constructor(opts: FakeTmdbOptions = {}) {
    super();
    this.apiKey = opts.apiKey ?? 'tmdb-test-key';
    this.movies = opts.movies ?? worldMovies;
    this.series = opts.series ?? worldSeries;
    this.people = opts.people ?? worldPeople;
    this.episodes = opts.episodes ?? EPISODES;
    this.alternativeTitles = opts.alternativeTitles ?? {};
    // specs/tmdb-v3-openapi.json /3/search/movie: "Search for movies by their original, translated
    // and alternative titles"; /3/search/tv likewise by "also known as" names.
    const movieMatches = (m: WorldMovie, q: string) =>
      [m.title, ...this.altTitles('movie', m.tmdb)].some((t) => matchesQuery(t, q));
    const tvMatches = (x: WorldSeries, q: string) =>
      [x.title, ...this.altTitles('tv', x.tmdb)].some((t) => matchesQuery(t, q));
    this.route('GET', '/3/search/multi', (req) =>
      this.search(req, (q) => [
        ...this.movies.filter((m) => movieMatches(m, q)).map((m) => movieRow(m, true)),
        ...this.series.filter((s) => tvMatches(s, q)).map((s) => tvRow(s, true)),
        ...this.people.filter((p) => matchesQuery(p.name, q)).map(personRow),
      ]),
    );
    this.route('GET', '/3/search/movie', (req) => {
      const year = Number(req.query.year ?? req.query.primary_release_year ?? NaN);
      return this.search(req, (q) =>
        this.movies
          .filter((m) => movieMatches(m, q))
          .filter((m) => !Number.isFinite(year) || yearOf(m.releaseDate) === year)
          .map((m) => movieRow(m, false)),
      );
    });
    this.route('GET', '/3/search/tv', (req) => {
      const year = Number(req.query.first_air_date_year ?? req.query.year ?? NaN);
      return this.search(req, (q) =>
        this.series
          .filter((s) => tvMatches(s, q))
          .filter((s) => !Number.isFinite(year) || yearOf(s.firstAirDate) === year)
          .map((s) => tvRow(s, false)),
      );
    });
    // specs/tmdb-v3-openapi.json /3/movie/{movie_id}/alternative_titles (example for 550) answers
    // `{id, titles}`; /3/tv/{series_id}/alternative_titles (example for 1399) `{id, results}`.
    this.route('GET', '/3/movie/:id/alternative_titles', async (req) => {
      const m = this.movies.find((x) => String(x.tmdb) === req.params.id);
      if (!m) return { status: 404, body: TMDB_404 };
      await this.altDelay();
      return { status: 200, body: { id: m.tmdb, titles: this.altTitleRows('movie', m.tmdb) } };
    });
    this.route('GET', '/3/tv/:id/alternative_titles', async (req) => {
      const x = this.series.find((y) => String(y.tmdb) === req.params.id);
      if (!x) return { status: 404, body: TMDB_404 };
      await this.altDelay();
      return { status: 200, body: { id: x.tmdb, results: this.altTitleRows('tv', x.tmdb) } };
    });
    this.route('GET', '/3/tv/:id/external_ids', (req) => {
      const s = this.series.find((x) => String(x.tmdb) === req.params.id);
      if (!s) return { status: 404, body: TMDB_404 };
      return { status: 200, body: tvExternalIdsBody(s) };
    });
    // specs/tmdb-v3-openapi.json /3/tv/{series_id} example "Result" (trimmed to what clients read
    // and a few neighbours); append_to_response adds each named sub-request's answer under its name
    // (developer.themoviedb.org/docs/append-to-response).
    this.route('GET', '/3/tv/:id', (req) => {
      const s = this.series.find((x) => String(x.tmdb) === req.params.id);
      if (!s) return { status: 404, body: TMDB_404 };
      const counts = this.episodes[s.tmdb] ?? Array.from({ length: s.seasons }, () => STAND_IN_EPISODES);
      const body: Record<string, unknown> = {
        ...tvRow(s, false),
        number_of_episodes: counts.reduce((a, b) => a + b, 0),
        number_of_seasons: counts.length,
        // Season 0 holds the specials, as in the example (Game of Thrones: 272 of them).
        seasons: [0, ...counts].map((episodeCount, season) => ({
          air_date: s.firstAirDate,
          episode_count: season === 0 ? 2 : episodeCount,
          id: s.tmdb * 100 + season,
          name: season === 0 ? 'Specials' : `Season ${season}`,
          overview: '',
          poster_path: null,
          season_number: season,
          vote_average: 0,
        })),
      };
      if (appended(req, 'external_ids')) body.external_ids = tvExternalIdsBody(s);
      return { status: 200, body };
    });
    // specs/tmdb-v3-openapi.json /3/movie/{movie_id} example "OK": imdb_id at the top level.
    this.route('GET', '/3/movie/:id', (req) => {
      const m = this.movies.find((x) => String(x.tmdb) === req.params.id);
      if (!m) return { status: 404, body: TMDB_404 };
      const body: Record<string, unknown> = { ...movieRow(m, false), imdb_id: m.imdb ?? null, runtime: 120 };
      if (appended(req, 'external_ids'))
        // jdrouet.movie-external-ids.550: no tvdb_id for movies.
        body.external_ids = { id: m.tmdb, imdb_id: m.imdb ?? null, wikidata_id: null, facebook_id: null };
      return { status: 200, body };
    });
  }

  private altTitleRows(kind: 'movie' | 'tv', id: number): AlternativeTitle[] {
    return this.alternativeTitles[`${kind}:${id}`] ?? [];
  }

  private altTitles(kind: 'movie' | 'tv', id: number): string[] {
    return this.altTitleRows(kind, id).map((t) => t.title);
  }

  private altDelay(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, this.alternativeTitlesDelayMs));
  }

  /** What clients are configured with: TMDb base URLs include the version. */
  get baseUrl(): string {
    return `${this.url}/3`;
  }

  protected override before(req: FakeRequest): FakeResponse | undefined {
    const auth = req.headers.authorization;
    const bearer = typeof auth === 'string' && auth === `Bearer ${this.apiKey}`;
    if (bearer || req.query.api_key === this.apiKey) return undefined;
    return { status: 401, body: TMDB_401 };
  }

  private search(req: FakeRequest, find: (query: string) => Row[]): FakeResponse {
    const query = (req.query.query ?? '').trim();
    if (!query) return { status: 422, body: TMDB_422 };
    const page = Math.max(1, Number(req.query.page ?? 1) || 1);
    const rows = find(query).sort((a, b) => b.popularity - a.popularity);
    return {
      status: 200,
      body: {
        page,
        results: rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
        total_pages: Math.max(1, Math.ceil(rows.length / PAGE_SIZE)),
        total_results: rows.length,
      },
    };
  }
}

export async function startFakeTmdb(opts: FakeTmdbOptions = {}): Promise<FakeTmdb> {
  return new FakeTmdb(opts).start();
}
