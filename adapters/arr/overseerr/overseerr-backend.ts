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
import { HttpClient } from '../../http-client/http-client.js';
import { isNotFound } from '../already-added.js';
import { isCannotFetch, isNoUser, isTmdb404, noTmdb, refusal, unknownUser } from './overseerr-errors.js';
import { MEDIA_STATUS, detailsSchema, requestResultSchema, userSchema, type Details } from './schemas.js';
import { seasonsToRequest } from './seasons.js';

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

  /**
   * A TMDb id, and for a show its TVDB id too: Overseerr sends shows to Sonarr by TVDB id and
   * deletes a request it has none for (MediaRequest.ts sendToSonarr), so the core looks one up first.
   */
  canAdd(c: Candidate): boolean {
    if (!positive(c.ids.tmdb)) return false;
    return c.kind === 'movie' || (c.kind === 'series' && positive(c.ids.tvdb));
  }

  /**
   * A movie requested, processing or (partly) available is present: Overseerr would refuse a
   * second request. A show only when all of it is available: Overseerr itself drops the seasons
   * already requested or on disk from a new request (202 when none is left).
   */
  async find(c: Candidate, signal: AbortSignal): Promise<LibraryItem | null> {
    if (!this.canAdd(c)) return null;
    const id = itemIdOf(c);
    const details = await this.details(id, c.kind, signal);
    const s = details?.mediaInfo?.status ?? 0;
    const present =
      c.kind === 'series'
        ? s === MEDIA_STATUS.AVAILABLE
        : s >= MEDIA_STATUS.PENDING && s <= MEDIA_STATUS.AVAILABLE;
    return details && present ? toItem(id, details) : null;
  }

  async add(c: Candidate, options: AddOptions, signal: AbortSignal): Promise<AddResult> {
    if (!this.canAdd(c)) {
      const detail = `"${c.title}" lacks the ${c.kind === 'series' ? 'TMDb or TVDB id' : 'TMDb id'} Overseerr needs`;
      throw new UpstreamError(this.name, 'rejected', `${this.name}: ${detail}`, { detail });
    }
    const tmdbId = itemIdOf(c);
    let show = {};
    if (c.kind === 'series') {
      const seasons = seasonsToRequest(await this.tmdbSeasons(tmdbId, signal), options);
      if (seasons === 'no_such_season') return { outcome: 'no_such_season', searching: false };
      show = { tvdbId: c.ids.tvdb, seasons };
    }
    const body = { mediaType: c.kind === 'series' ? 'tv' : 'movie', mediaId: tmdbId, ...show, is4k: false };
    const who = options.requestedBy ? userKey(options.requestedBy) : undefined;
    const asUser = who === undefined ? undefined : this.userMap[who];
    try {
      const res = await this.http.json({
        method: 'POST',
        path: '/request',
        body,
        headers: asUser === undefined ? {} : { 'X-API-User': String(asUser) },
        schema: requestResultSchema,
        signal,
      });
      // 202 "No seasons available to request": every asked season is already requested or on disk.
      if (res.id === undefined) return { outcome: 'already_present', itemId: tmdbId, searching: false };
      return { outcome: 'added', itemId: tmdbId, searching: res.status === 2 };
    } catch (e) {
      if (isUpstreamError(e) && e.status === 409)
        return { outcome: 'already_present', itemId: tmdbId, searching: false };
      if (isTmdb404(e)) throw noTmdb(this.name, e, c.kind, tmdbId);
      if (
        who !== undefined &&
        asUser !== undefined &&
        isNoUser(e) &&
        (await this.userMissing(asUser, signal))
      )
        throw unknownUser(this.name, e, who, asUser);
      throw refusal(this.name, e);
    }
  }

  async status(itemId: number, kind: MediaKind, signal: AbortSignal): Promise<LibraryItem | null> {
    const details = await this.details(itemId, kind, signal);
    return details ? toItem(itemId, details) : null;
  }

  /** Null when Overseerr cannot get it from TMDb: nothing it could request or track. */
  private async details(itemId: number, kind: MediaKind, signal: AbortSignal): Promise<Details | null> {
    try {
      return await this.fetchDetails(itemId, kind, signal);
    } catch (e) {
      if (isNotFound(e) || isCannotFetch(e)) return null;
      throw refusal(this.name, e);
    }
  }

  private fetchDetails(itemId: number, kind: MediaKind, signal: AbortSignal): Promise<Details> {
    const path = kind === 'series' ? `/tv/${itemId}` : `/movie/${itemId}`;
    return this.http.json({ path, schema: detailsSchema, signal });
  }

  /** The show's season numbers as TMDb lists them (through Overseerr, so they match what it requests). */
  private async tmdbSeasons(tmdbId: number, signal: AbortSignal): Promise<number[]> {
    try {
      const details = await this.fetchDetails(tmdbId, 'series', signal);
      return (details.seasons ?? []).map((s) => s.seasonNumber);
    } catch (e) {
      if (isCannotFetch(e)) throw noTmdb(this.name, e, 'series', tmdbId);
      throw refusal(this.name, e);
    }
  }

  /** After a "no user" 403 with X-API-User: does the key itself still work, and the user not exist? */
  private async userMissing(overseerrId: number, signal: AbortSignal): Promise<boolean> {
    try {
      await this.http.json({ path: `/user/${overseerrId}`, schema: userSchema, signal });
      return false;
    } catch (e) {
      return isNotFound(e);
    }
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

function positive(n: number | undefined): n is number {
  return typeof n === 'number' && n > 0;
}
