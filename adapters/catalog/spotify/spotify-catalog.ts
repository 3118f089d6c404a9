/**
 * Spotify as an optional MediaCatalog for artists and albums. It adds popularity and artwork to
 * what MusicBrainz finds; on its own it cannot feed Lidarr (no MBIDs). Search asks for at most
 * 10 rows per type: the current API's maximum (it was 50 before February 2026 and larger values
 * now get a 400).
 */
import { isUpstreamError } from '../../../src/core/errors.js';
import type { Logger, MediaCatalog, SearchQuery } from '../../../src/core/ports.js';
import type { CatalogHit, MediaKind } from '../../../src/core/types.js';
import { HttpClient } from '../../http-client/http-client.js';
import { albumToHit, artistToHit } from './map.js';
import { searchResponse } from './schemas.js';
import { SpotifyToken } from './spotify-token.js';

export interface SpotifyCatalogOptions {
  clientId: string;
  clientSecret: string;
  /** `https://api.spotify.com/v1`. */
  apiBase: string;
  /** `https://accounts.spotify.com` (the token endpoint is `/api/token` under it). */
  accountsBase: string;
  /** Per attempt, ms. */
  timeoutMs?: number;
  /** Used as given: the caller scopes it (`logger.child({ module })`). Debug lines carry no keys. */
  logger?: Logger;
  fetchImpl?: typeof fetch;
}

const LIMIT = 10;

export class SpotifyCatalog implements MediaCatalog {
  readonly name = 'spotify';
  readonly kinds: readonly MediaKind[] = ['artist', 'album'];
  private readonly api: HttpClient;
  private readonly token: SpotifyToken;

  constructor(opts: SpotifyCatalogOptions) {
    const basic = Buffer.from(`${opts.clientId}:${opts.clientSecret}`).toString('base64');
    const secrets = [opts.clientSecret, basic];
    const common = {
      service: 'spotify',
      secrets,
      ...(opts.timeoutMs !== undefined && { timeoutMs: opts.timeoutMs }),
      ...(opts.logger && { logger: opts.logger }),
      ...(opts.fetchImpl && { fetchImpl: opts.fetchImpl }),
    };
    this.api = new HttpClient({ ...common, baseUrl: opts.apiBase });
    this.token = new SpotifyToken(new HttpClient({ ...common, baseUrl: opts.accountsBase }), basic);
  }

  async search(query: SearchQuery, signal: AbortSignal): Promise<CatalogHit[]> {
    const title = query.title.trim();
    if (!title) return [];
    const type =
      query.hint === 'artist'
        ? 'artist'
        : query.hint === 'album'
          ? 'album'
          : query.hint === 'movie' || query.hint === 'series'
            ? undefined
            : 'artist,album';
    if (!type) return [];
    const body = await this.withToken(signal, (token) =>
      this.api.json({
        path: '/search',
        query: { q: title, type, limit: LIMIT },
        headers: { authorization: `Bearer ${token}` },
        schema: searchResponse,
        signal,
      }),
    );
    const artists = (body.artists?.items ?? []).flatMap((a) => (a ? [artistToHit(a)] : []));
    const albums = (body.albums?.items ?? []).flatMap((a) => (a ? [albumToHit(a)] : []));
    return [...artists, ...albums];
  }

  /** Run `call` with the current token; on a 401 fetch a new token and try once more. */
  private async withToken<T>(signal: AbortSignal, call: (token: string) => Promise<T>): Promise<T> {
    const token = await this.token.get(signal);
    try {
      return await call(token);
    } catch (e) {
      if (!isUpstreamError(e) || e.status !== 401) throw e;
      this.token.invalidate(token);
      return call(await this.token.get(signal));
    }
  }
}
