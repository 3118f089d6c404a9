/**
 * Overseerr as a MediaBackend: requests go through its approval, quotas and user accounts, and it
 * sends approved ones to Sonarr/Radarr itself. A chat user mapped in OVERSEERR_USER_MAP requests
 * as that Overseerr user (`X-API-User`); anyone else as the API key's owner.
 *
 * Overseerr's own request ids cannot be polled by media type, so the item id is the TMDb id.
 */
import { UpstreamError, isUpstreamError } from '../../../src/core/errors.js';
import type { AddOptions, AddResult, LibraryItem, Logger, MediaBackend } from '../../../src/core/ports.js';
import { userKey, type Candidate, type MediaKind } from '../../../src/core/types.js';
import { HttpClient } from '../../http/http-client.js';
import { isNotFound } from '../already-added.js';
import { MEDIA_STATUS, detailsSchema, requestResultSchema, type Details } from './schemas.js';

export interface OverseerrBackendOptions {
  name?: string;
  label?: string;
  /** Root URL, as in the browser (`http://nas:5055`). */
  url: string;
  apiKey: string;
  /** `telegram:123` → Overseerr user id. */
  userMap?: Record<string, number>;
  logger?: Logger;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

/** Overseerr's "wrong or missing key" 403; other 403s are permission or quota refusals. */
const BAD_KEY = /permission to access this endpoint/i;

export class OverseerrBackend implements MediaBackend {
  readonly name: string;
  readonly label: string;
  readonly kinds = ['movie', 'series'] as const;
  private readonly http: HttpClient;
  private readonly userMap: Record<string, number>;

  constructor(opts: OverseerrBackendOptions) {
    this.name = opts.name ?? 'overseerr';
    this.label = opts.label ?? 'Overseerr';
    this.userMap = opts.userMap ?? {};
    this.http = new HttpClient({
      service: this.name,
      baseUrl: opts.url.replace(/\/+$/, '') + '/api/v1',
      headers: { 'X-Api-Key': opts.apiKey },
      secrets: [opts.apiKey],
      timeoutMs: opts.timeoutMs ?? 15_000,
      logger: opts.logger,
      fetchImpl: opts.fetchImpl,
    });
  }

  canAdd(c: Candidate): boolean {
    return (c.kind === 'movie' || c.kind === 'series') && typeof c.ids.tmdb === 'number' && c.ids.tmdb > 0;
  }

  /** Requested, processing or (partly) available counts as present: Overseerr would refuse a second request. */
  async find(c: Candidate, signal: AbortSignal): Promise<LibraryItem | null> {
    if (!this.canAdd(c)) return null;
    const id = itemIdOf(c);
    const details = await this.details(id, c.kind, signal);
    const s = details?.mediaInfo?.status ?? 0;
    return details && s >= MEDIA_STATUS.PENDING && s <= MEDIA_STATUS.AVAILABLE ? toItem(id, details) : null;
  }

  async add(c: Candidate, options: AddOptions, signal: AbortSignal): Promise<AddResult> {
    if (!this.canAdd(c)) {
      const detail = `"${c.title}" has no TMDb id, which Overseerr needs`;
      throw new UpstreamError(this.name, 'rejected', `${this.name}: ${detail}`, { detail });
    }
    const tv = c.kind === 'series';
    const body = {
      mediaType: tv ? 'tv' : 'movie',
      mediaId: c.ids.tmdb,
      ...(tv ? { seasons: 'all' } : {}),
      is4k: false,
    };
    const asUser = options.requestedBy ? this.userMap[userKey(options.requestedBy)] : undefined;
    try {
      const res = await this.http.json({
        method: 'POST',
        path: '/request',
        body,
        headers: asUser === undefined ? {} : { 'X-API-User': String(asUser) },
        schema: requestResultSchema,
        signal,
      });
      // 202 "No seasons available to request": every season is already requested.
      if (res.id === undefined) return { outcome: 'already_present', itemId: itemIdOf(c), searching: false };
      return { outcome: 'added', itemId: itemIdOf(c), searching: res.status === 2 };
    } catch (e) {
      if (isUpstreamError(e) && e.status === 409)
        return { outcome: 'already_present', itemId: itemIdOf(c), searching: false };
      throw this.reclassify(e);
    }
  }

  async status(itemId: number, kind: MediaKind, signal: AbortSignal): Promise<LibraryItem | null> {
    const details = await this.details(itemId, kind, signal);
    return details ? toItem(itemId, details) : null;
  }

  private async details(itemId: number, kind: MediaKind, signal: AbortSignal): Promise<Details | null> {
    const path = kind === 'series' ? `/tv/${itemId}` : `/movie/${itemId}`;
    try {
      return await this.http.json({ path, schema: detailsSchema, signal });
    } catch (e) {
      if (isNotFound(e)) return null;
      throw this.reclassify(e);
    }
  }

  /** A 403 that is not about the key (quota, no permission for 4K…) is a refusal the person should read. */
  private reclassify(e: unknown): unknown {
    if (!isUpstreamError(e) || e.failure !== 'auth' || e.status !== 403 || BAD_KEY.test(e.detail ?? ''))
      return e;
    const opts = { status: 403, cause: e, ...(e.detail ? { detail: e.detail } : {}) };
    return new UpstreamError(this.name, 'rejected', e.message, opts);
  }
}

/** Partly available counts: some of it is on disk, as with Sonarr's "any episode file". */
function toItem(itemId: number, d: Details): LibraryItem {
  const s = d.mediaInfo?.status ?? 0;
  return {
    id: itemId,
    title: d.title ?? d.name ?? String(d.id),
    available: s === MEDIA_STATUS.AVAILABLE || s === MEDIA_STATUS.PARTIALLY_AVAILABLE,
  };
}

function itemIdOf(c: Candidate): number {
  return c.ids.tmdb ?? 0;
}
