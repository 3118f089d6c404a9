/**
 * MusicBrainz ws/2 as a MediaCatalog for artists and albums (release groups): the MBIDs Lidarr
 * adds by. The public server allows about one request a second per IP and throttles anonymous or
 * generic User-Agents, so every request carries `reelbot/<version> ( contact )` and goes through
 * a one-at-a-time limiter; a request that would wait past the caller's deadline fails at once as
 * `rate_limited` instead of queueing.
 */
import { isUpstreamError } from '../../../src/core/errors.js';
import type { Logger, MediaCatalog, SearchQuery } from '../../../src/core/ports.js';
import type { CatalogHit, MediaKind } from '../../../src/core/types.js';
import { HttpClient } from '../../http-client/http-client.js';
import { ALBUMS_LIMIT, albumsQuery, namesakes, withArtistFame } from './artist-fame.js';
import { escapeLucene } from './escape-lucene.js';
import { artistToHit, creditedArtists, releaseGroupToHit } from './map.js';
import { artistSearch, countedReleaseGroupSearch, releaseGroupSearch } from './schemas.js';

export interface MusicBrainzCatalogOptions {
  /** Includes the version path: `https://musicbrainz.org/ws/2`. */
  baseUrl: string;
  /** An email or URL MusicBrainz can reach the operator at; goes into the User-Agent. */
  contact?: string;
  /** Minimum ms between two requests. Default 1000 (the public server's limit); a mirror can take 0. */
  minIntervalMs?: number;
  /** Per attempt, ms. */
  timeoutMs?: number;
  /** Used as given: the caller scopes it (`logger.child({ module })`). Debug lines carry no keys. */
  logger?: Logger;
  fetchImpl?: typeof fetch;
}

/** Kept in step with package.json by hand: MusicBrainz wants the application's version. */
const VERSION = '0.1.0';
const DEFAULT_CONTACT = 'https://github.com/reelbot/reelbot';
const LIMIT = 10;
/** The combined search returns an artist's albums too, so it needs more rows to reach other artists. */
const BOTH_LIMIT = 25;
/** Below this Lucene score a row is a loose fuzzy match, not a reading of what was typed. */
const MIN_SCORE = 60;
const CACHE_TTL_MS = 5 * 60_000;
/** The albums search for namesakes is done this long before the decision's deadline, so the search itself is never late. */
const DEADLINE_MARGIN_MS = 250;
/** Without a deadline (the HTTP API's classify), the albums search may take this long. */
const BUDGET_MS = 1500;

export class MusicBrainzCatalog implements MediaCatalog {
  readonly name = 'musicbrainz';
  readonly kinds: readonly MediaKind[] = ['artist', 'album'];
  readonly userAgent: string;
  private readonly http: HttpClient;
  private readonly logger: Logger | undefined;

  constructor(opts: MusicBrainzCatalogOptions) {
    this.userAgent = `reelbot/${VERSION} ( ${opts.contact?.trim() || DEFAULT_CONTACT} )`;
    this.logger = opts.logger;
    this.http = new HttpClient({
      service: 'musicbrainz',
      baseUrl: opts.baseUrl,
      headers: { 'user-agent': this.userAgent },
      // The public server allows ~1 request/s, one at a time; a mirror (interval 0) takes the
      // artist and release-group searches at once.
      limit: {
        minTime: opts.minIntervalMs ?? 1000,
        maxConcurrent: (opts.minIntervalMs ?? 1000) === 0 ? 4 : 1,
      },
      // At one request a second, a burst of questions would each wait their turn: past half a
      // second MusicBrainz is left out of that decision (and named in the reply) instead.
      maxQueueWaitMs: 500,
      cacheTtlMs: CACHE_TTL_MS,
      ...(opts.timeoutMs !== undefined && { timeoutMs: opts.timeoutMs }),
      ...(opts.logger && { logger: opts.logger }),
      ...(opts.fetchImpl && { fetchImpl: opts.fetchImpl }),
    });
  }

  async search(query: SearchQuery, signal: AbortSignal, deadline?: number): Promise<CatalogHit[]> {
    const title = query.title.trim();
    if (!title) return [];
    const lucene = escapeLucene(title);
    switch (query.hint) {
      case 'movie':
      case 'series':
        return [];
      case 'artist':
        return this.artists(lucene, title, signal, deadline);
      case 'album':
        return this.releaseGroups(lucene, signal, deadline);
      default:
        return this.both(lucene, signal, deadline);
    }
  }

  /**
   * Artists and albums in ONE request: release groups whose title or credited artist matches.
   * Two searches would cost two of MusicBrainz's one-per-second slots, so every decision would
   * wait a second for the second one.
   */
  private async both(lucene: string, signal: AbortSignal, deadline?: number): Promise<CatalogHit[]> {
    const body = await this.http.json({
      path: '/release-group',
      query: { query: `releasegroup:(${lucene}) OR artistname:(${lucene})`, limit: BOTH_LIMIT, fmt: 'json' },
      schema: releaseGroupSearch,
      signal,
      ...(deadline !== undefined && { deadline }),
    });
    const rows = body['release-groups'].filter((g) => g.score >= MIN_SCORE);
    return [...creditedArtists(rows), ...rows.map(releaseGroupToHit)];
  }

  private async artists(
    lucene: string,
    typed: string,
    signal: AbortSignal,
    deadline?: number,
  ): Promise<CatalogHit[]> {
    const body = await this.http.json({
      path: '/artist',
      query: { query: lucene, limit: LIMIT, fmt: 'json' },
      schema: artistSearch,
      signal,
      ...(deadline !== undefined && { deadline }),
    });
    const hits = body.artists.filter((a) => a.score >= MIN_SCORE).map(artistToHit);
    return this.withNamesakesFame(hits, typed, signal, deadline);
  }

  /**
   * Artists of the typed name told apart by their albums (artist-fame.ts), as far as one more
   * request answers within the budget. It waits for its slot past the 500 ms a new search may:
   * it is part of a decision already under way, and the budget still ends before its deadline.
   */
  private async withNamesakesFame(
    hits: CatalogHit[],
    typed: string,
    signal: AbortSignal,
    deadline?: number,
  ): Promise<CatalogHit[]> {
    const asked = namesakes(hits, typed);
    if (asked.length === 0) return hits;
    const budget = deadline === undefined ? BUDGET_MS : deadline - Date.now() - DEADLINE_MARGIN_MS;
    if (budget <= 0) return hits;
    try {
      const answer = await this.http.json({
        path: '/release-group',
        query: { query: albumsQuery(asked), limit: ALBUMS_LIMIT, fmt: 'json' },
        schema: countedReleaseGroupSearch,
        signal: AbortSignal.any([signal, AbortSignal.timeout(budget)]),
        deadline: Date.now() + budget,
        maxQueueWaitMs: budget,
      });
      return withArtistFame(hits, asked, answer);
    } catch (e) {
      this.logger?.debug(
        { error: isUpstreamError(e) ? e.failure : 'unexpected' },
        'namesakes left as they were',
      );
      return hits;
    }
  }

  private async releaseGroups(lucene: string, signal: AbortSignal, deadline?: number): Promise<CatalogHit[]> {
    const body = await this.http.json({
      path: '/release-group',
      query: { query: lucene, limit: LIMIT, fmt: 'json' },
      schema: releaseGroupSearch,
      signal,
      ...(deadline !== undefined && { deadline }),
    });
    return body['release-groups'].filter((g) => g.score >= MIN_SCORE).map(releaseGroupToHit);
  }
}
