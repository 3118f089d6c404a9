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
}

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

export class FakeTmdb extends FakeHttp {
  readonly apiKey: string;
  readonly movies: WorldMovie[];
  readonly series: WorldSeries[];
  readonly people: WorldPerson[];

  constructor(opts: FakeTmdbOptions = {}) {
    super();
    this.apiKey = opts.apiKey ?? 'tmdb-test-key';
    this.movies = opts.movies ?? worldMovies;
    this.series = opts.series ?? worldSeries;
    this.people = opts.people ?? worldPeople;
    this.route('GET', '/3/search/multi', (req) =>
      this.search(req, (q) => [
        ...this.movies.filter((m) => matchesQuery(m.title, q)).map((m) => movieRow(m, true)),
        ...this.series.filter((s) => matchesQuery(s.title, q)).map((s) => tvRow(s, true)),
        ...this.people.filter((p) => matchesQuery(p.name, q)).map(personRow),
      ]),
    );
    this.route('GET', '/3/search/movie', (req) => {
      const year = Number(req.query.year ?? req.query.primary_release_year ?? NaN);
      return this.search(req, (q) =>
        this.movies
          .filter((m) => matchesQuery(m.title, q))
          .filter((m) => !Number.isFinite(year) || yearOf(m.releaseDate) === year)
          .map((m) => movieRow(m, false)),
      );
    });
    this.route('GET', '/3/search/tv', (req) => {
      const year = Number(req.query.first_air_date_year ?? req.query.year ?? NaN);
      return this.search(req, (q) =>
        this.series
          .filter((s) => matchesQuery(s.title, q))
          .filter((s) => !Number.isFinite(year) || yearOf(s.firstAirDate) === year)
          .map((s) => tvRow(s, false)),
      );
    });
    this.route('GET', '/3/tv/:id/external_ids', (req) => {
      const s = this.series.find((x) => String(x.tmdb) === req.params.id);
      if (!s) return { status: 404, body: TMDB_404 };
      // Shape of spec-example.tv-external-ids.1399; tvdb_id null where TheTVDB has no entry.
      return {
        status: 200,
        body: {
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
        },
      };
    });
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
