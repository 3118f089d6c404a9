/**
 * TMDb v3 as a MediaCatalog for movies and series. A typed kind goes to `search/movie` or
 * `search/tv`; an untyped title goes to `search/multi` (people filtered out), plus the two typed
 * searches when a year was given, since `search/multi` takes no year. Answers are cached for five
 * minutes so asking again, or a second person asking for the same title, costs no request.
 */
import { isUpstreamError } from '../../../src/core/errors.js';
import type { Logger, MediaCatalog, SearchQuery } from '../../../src/core/ports.js';
import type { Candidate, CatalogHit, ExternalIds, MediaKind } from '../../../src/core/types.js';
import { HttpClient } from '../../http-client/http-client.js';
import { rowKind, toExternalIds, toHit } from './map.js';
import { searchPage, tvExternalIds } from './schemas.js';

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

export class TmdbCatalog implements MediaCatalog {
  readonly name = 'tmdb';
  readonly kinds: readonly MediaKind[] = ['movie', 'series'];
  private readonly http: HttpClient;
  private readonly imageBase: string;

  constructor(opts: TmdbCatalogOptions) {
    const bearer = opts.apiKey.startsWith('eyJ');
    this.imageBase = opts.imageBase;
    this.http = new HttpClient({
      service: 'tmdb',
      baseUrl: opts.baseUrl,
      ...(bearer
        ? { headers: { authorization: `Bearer ${opts.apiKey}` } }
        : { query: { api_key: opts.apiKey } }),
      secrets: [opts.apiKey],
      cacheTtlMs: CACHE_TTL_MS,
      ...(opts.timeoutMs !== undefined && { timeoutMs: opts.timeoutMs }),
      ...(opts.logger && { logger: opts.logger }),
      ...(opts.fetchImpl && { fetchImpl: opts.fetchImpl }),
    });
  }

  async search(query: SearchQuery, signal: AbortSignal): Promise<CatalogHit[]> {
    const title = query.title.trim();
    // TMDb answers an empty query with 422; there is nothing to look for anyway.
    if (!title) return [];
    switch (query.hint) {
      case 'movie':
        return this.searchTyped('movie', title, query.year, signal);
      case 'series':
        return this.searchTyped('series', title, query.year, signal);
      case 'music':
      case 'artist':
      case 'album':
        return [];
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
