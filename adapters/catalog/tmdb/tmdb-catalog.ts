/**
 * TMDb v3 as a MediaCatalog for movies and series. A typed kind goes to `search/movie` or
 * `search/tv`; an untyped title goes to `search/multi` (people filtered out), plus the two typed
 * searches when a year was given, since `search/multi` takes no year. Rows whose own titles do
 * not explain the match get their alternative titles (alternative-titles.ts). Answers are cached for
 * five minutes so asking again, or a second person asking for the same title, costs no request.
 */
import { isUpstreamError } from '../../../src/core/errors.js';
import type { Logger, MediaCatalog, SearchQuery } from '../../../src/core/ports.js';
import type { Candidate, CatalogHit, ExternalIds, MediaKind } from '../../../src/core/types.js';
import type { WorkDetails, WorkIds } from '../../../src/core/vocab/ports.js';
import { HttpClient } from '../../http-client/http-client.js';
import {
  addAlternativeTitles,
  alternativeTitlesPath,
  movieAlternativeTitles,
  tvAlternativeTitles,
} from './alternative-titles.js';
import { rowKind, toExternalIds, toHit } from './map.js';
import { movieDetails, searchPage, tvDetails, tvExternalIds } from './schemas.js';

export interface TmdbCatalogOptions {
  /** A v3 API key (sent as `api_key`), or a v4 read access token (a JWT, "eyJ…", sent as Bearer). */
  apiKey: string;
  /** Includes the version: `https://api.themoviedb.org/3`. */
  baseUrl: string;
  /** Poster URL prefix including the size segment: `https://image.tmdb.org/t/p/w342`. */
  imageBase: string;
  /** Per attempt, ms. */
  timeoutMs?: number;
  /** Used as given: the caller scopes it (`logger.child({ module })`). Debug lines carry no keys. */
  logger?: Logger;
  fetchImpl?: typeof fetch;
}

/** TMDb pages hold 20 rows; the core never offers more than five, so ten is plenty. */
const PER_ENDPOINT = 10;
const CACHE_TTL_MS = 5 * 60_000;
/**
 * TMDb's ceiling is "somewhere in the 50 requests per second range", answered with 429 past it
 * (developer.themoviedb.org/docs/rate-limiting); Overseerr holds its TMDb client to 20 at a time
 * and 50 a second (sct/overseerr server/api/themoviedb/index.ts). A search and its alternative
 * titles are four requests at most.
 */
const LIMIT = { maxConcurrent: 20, minTime: 20 };

export class TmdbCatalog implements MediaCatalog, WorkDetails {
  readonly name = 'tmdb';
  readonly kinds: readonly MediaKind[] = ['movie', 'series'];
  private readonly http: HttpClient;
  private readonly imageBase: string;
  private readonly logger: Logger | undefined;

  constructor(opts: TmdbCatalogOptions) {
    const bearer = opts.apiKey.startsWith('eyJ');
    this.imageBase = opts.imageBase;
    this.logger = opts.logger;
    this.http = new HttpClient({
      service: 'tmdb',
      baseUrl: opts.baseUrl,
      ...(bearer
        ? { headers: { authorization: `Bearer ${opts.apiKey}` } }
        : { query: { api_key: opts.apiKey } }),
      secrets: [opts.apiKey],
      limit: LIMIT,
      cacheTtlMs: CACHE_TTL_MS,
      ...(opts.timeoutMs !== undefined && { timeoutMs: opts.timeoutMs }),
      ...(opts.logger && { logger: opts.logger }),
      ...(opts.fetchImpl && { fetchImpl: opts.fetchImpl }),
    });
  }

  async search(query: SearchQuery, signal: AbortSignal, deadline?: number): Promise<CatalogHit[]> {
    const title = query.title.trim();
    // TMDb answers an empty query with 422; there is nothing to look for anyway.
    if (!title) return [];
    const hits = await this.find(title, query, signal);
    const fetchTitles = (hit: CatalogHit, s: AbortSignal) => this.alternativeTitles(hit, s);
    return addAlternativeTitles(hits, title, fetchTitles, signal, deadline);
  }

  private find(title: string, query: SearchQuery, signal: AbortSignal): Promise<CatalogHit[]> {
    switch (query.hint) {
      case 'movie':
        return this.searchTyped('movie', title, query.year, signal);
      case 'series':
        return this.searchTyped('series', title, query.year, signal);
      case 'music':
      case 'artist':
      case 'album':
        return Promise.resolve([]);
      default:
        return this.searchAny(title, query.year, signal);
    }
  }

  /** A series found by title carries a TMDb id; Sonarr needs the TVDB id. Movies need nothing more. */
  async resolveIds(candidate: Candidate, signal: AbortSignal): Promise<ExternalIds> {
    const tmdb = candidate.ids.tmdb;
    if (candidate.kind !== 'series' || tmdb === undefined || candidate.ids.tvdb !== undefined) return {};
    try {
      const ext = await this.http.json({ path: `/tv/${tmdb}/external_ids`, schema: tvExternalIds, signal });
      return toExternalIds(ext);
    } catch (e) {
      // TMDb no longer knows the id (merged or deleted): there is nothing to resolve.
      if (isUpstreamError(e) && e.failure === 'not_found') return {};
      throw e;
    }
  }

  /**
   * A film's IMDb id (`movie/{id}`); a series' IMDb and TVDB ids and episodes per season in one
   * request (`tv/{id}?append_to_response=external_ids`). Undefined when TMDb no longer knows the id.
   */
  async details(kind: 'movie' | 'tv', tmdbId: number, signal: AbortSignal): Promise<WorkIds | undefined> {
    try {
      if (kind === 'movie') {
        const movie = await this.http.json({ path: `/movie/${tmdbId}`, schema: movieDetails, signal });
        return movie.imdb_id ? { imdbId: movie.imdb_id } : {};
      }
      const tv = await this.http.json({
        path: `/tv/${tmdbId}`,
        query: { append_to_response: 'external_ids' },
        schema: tvDetails,
        signal,
      });
      const ext = toExternalIds({ id: tv.id, ...tv.external_ids });
      const ids: WorkIds = {};
      if (ext.imdb) ids.imdbId = ext.imdb;
      if (ext.tvdb !== undefined) ids.tvdbId = ext.tvdb;
      const seasons = (tv.seasons ?? []).filter((s) => s.season_number > 0 && (s.episode_count ?? 0) > 0);
      if (seasons.length > 0)
        ids.episodesPerSeason = Object.fromEntries(
          seasons.map((s) => [s.season_number, s.episode_count ?? 0]),
        );
      return ids;
    } catch (e) {
      if (isUpstreamError(e) && e.failure === 'not_found') return undefined;
      throw e;
    }
  }

  /** A work's alternative titles; a failure costs only them, never the search (debug line). */
  private async alternativeTitles(hit: CatalogHit, signal: AbortSignal): Promise<string[]> {
    const path = alternativeTitlesPath(hit);
    try {
      if (hit.kind === 'series') {
        const tv = await this.http.json({ path, schema: tvAlternativeTitles, signal });
        return tv.results.map((t) => t.title);
      }
      const movie = await this.http.json({ path, schema: movieAlternativeTitles, signal });
      return movie.titles.map((t) => t.title);
    } catch (e) {
      this.logger?.debug(
        { path, error: isUpstreamError(e) ? e.failure : 'unexpected' },
        'alternative titles left out',
      );
      throw e;
    }
  }

  private async searchAny(
    title: string,
    year: number | undefined,
    signal: AbortSignal,
  ): Promise<CatalogHit[]> {
    const lists = await Promise.all([
      this.request('/search/multi', { query: title }, undefined, signal),
      ...(year !== undefined
        ? [this.searchTyped('movie', title, year, signal), this.searchTyped('series', title, year, signal)]
        : []),
    ]);
    const seen = new Set<string>();
    const merged: CatalogHit[] = [];
    for (const hit of lists.flat()) {
      const key = `${hit.kind}:${hit.ids.tmdb}`;
      if (seen.has(key)) continue;
      seen.add(key);
      merged.push(hit);
    }
    return merged;
  }

  private searchTyped(
    kind: 'movie' | 'series',
    title: string,
    year: number | undefined,
    signal: AbortSignal,
  ): Promise<CatalogHit[]> {
    return kind === 'movie'
      ? this.request('/search/movie', { query: title, year }, 'movie', signal)
      : this.request('/search/tv', { query: title, first_air_date_year: year }, 'series', signal);
  }

  private async request(
    path: string,
    query: Record<string, string | number | undefined>,
    kind: MediaKind | undefined,
    signal: AbortSignal,
  ): Promise<CatalogHit[]> {
    const page = await this.http.json({
      path,
      query: { ...query, include_adult: 'false' },
      schema: searchPage,
      signal,
    });
    const hits: CatalogHit[] = [];
    for (const row of page.results) {
      const rk = rowKind(row, kind);
      const hit = rk && toHit(row, rk, this.imageBase);
      if (hit) hits.push(hit);
      if (hits.length >= PER_ENDPOINT) break;
    }
    return hits;
  }
}
