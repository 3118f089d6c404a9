/**
 * The fake Overseerr's POST /request, step by step as sct/overseerr does it: the OpenAPI
 * validator (server/index.ts), then MediaRequest.request (server/entity/MediaRequest.ts) with its
 * errors mapped to statuses by server/routes/request.ts, then the @AfterInsert send to Sonarr.
 */
import { movies as worldMovies, series as worldSeries } from '../fixtures/world.js';
import type { FakeResponse } from './fake-http.js';
import type { FakeOverseerrUser } from './overseerr.js';

export type MediaType = 'movie' | 'tv';

export interface SeasonRequest {
  id: number;
  userId: number;
  /** 1 pending, 2 approved, 3 declined (MediaRequestStatus). */
  status: number;
  seasons: number[];
}

export interface Media {
  id: number;
  tmdbId: number;
  mediaType: MediaType;
  /** MediaStatus: 1 unknown, 2 pending, 3 processing, 4 partially available, 5 available. */
  status: number;
  /** The TVDB id stored when the media was created (MediaRequest.ts: body's, else TMDb's). */
  tvdbId?: number;
  /** Season number → MediaStatus, for seasons Overseerr's scans found. */
  seasons: Map<number, number>;
  requests: SeasonRequest[];
}

export interface OverseerrState {
  media: Map<string, Media>;
  ids: number;
}

interface Ask {
  body: unknown;
  user: FakeOverseerrUser;
  lackTvdb: ReadonlySet<number>;
  tmdbUnreachable: boolean;
}

/** What Sonarr gets sent (MediaRequest.ts sendToSonarr): TMDb's tvdb_id first, then the stored one. */
export function tvdbFor(m: Media, lackTvdb: ReadonlySet<number>): number | undefined {
  const w = worldSeries.find((s) => s.tmdb === m.tmdbId);
  return (lackTvdb.has(m.tmdbId) ? undefined : w?.tvdb) ?? m.tvdbId;
}

export function requestMedia(state: OverseerrState, ask: Ask): FakeResponse {
  const b = (ask.body ?? {}) as Record<string, unknown>;
  const invalid = validate(b);
  if (invalid) return invalid;
  const mediaType = b.mediaType as MediaType;
  const tmdbId = b.mediaId as number;
  const { user } = ask;
  const used = usage(state, user.id);
  // MediaRequest.ts: the quota is checked before TMDb is asked.
  if (mediaType === 'movie' && user.movieQuotaLimit !== undefined && used.movies >= user.movieQuotaLimit)
    return { status: 403, body: { message: 'Movie Quota exceeded.' } };
  if (mediaType === 'tv' && user.tvQuotaLimit !== undefined && used.seasons >= user.tvQuotaLimit)
    return { status: 403, body: { message: 'Series Quota exceeded.' } };
  const world =
    mediaType === 'movie'
      ? worldMovies.find((m) => m.tmdb === tmdbId)
      : worldSeries.find((s) => s.tmdb === tmdbId);
  // api/themoviedb/index.ts getMovie/getTvShow rethrow axios' error; request.ts answers 500 with it.
  if (!world || ask.tmdbUnreachable) {
    const what = mediaType === 'movie' ? 'movie' : 'TV show';
    const why = ask.tmdbUnreachable
      ? 'getaddrinfo EAI_AGAIN api.themoviedb.org'
      : 'Request failed with status code 404';
    return { status: 500, body: { message: `[TMDB] Failed to fetch ${what} details: ${why}` } };
  }
  const key = `${mediaType}:${tmdbId}`;
  const media: Media = state.media.get(key) ?? {
    id: 0,
    tmdbId,
    mediaType,
    status: 1,
    seasons: new Map(),
    requests: [],
  };
  const live = media.requests.filter((r) => r.status !== 3);
  // MediaRequest.ts: a movie's first request, by anyone, blocks another unless it was declined.
  if (mediaType === 'movie' && media.requests[0] && media.requests[0].status !== 3)
    return { status: 409, body: { message: 'Request for this media already exists.' } };
  let seasons: number[] = [];
  if (mediaType === 'tv') {
    // MediaRequest.ts: 'all' is every season TMDb lists, Specials (0) included.
    const tmdbSeasons = Array.from({ length: (world as { seasons: number }).seasons + 1 }, (_, n) => n);
    const asked = b.seasons === 'all' ? tmdbSeasons : ((b.seasons ?? []) as number[]);
    const taken = new Set([
      ...live.flatMap((r) => r.seasons),
      ...[...media.seasons].filter(([, s]) => s !== 1).map(([n]) => n),
    ]);
    seasons = asked.filter((s) => !taken.has(s));
    if (seasons.length === 0) return { status: 202, body: { message: 'No seasons available to request' } };
    if (user.tvQuotaLimit !== undefined && seasons.length > user.tvQuotaLimit - used.seasons)
      return { status: 403, body: { message: 'Series Quota exceeded.' } };
  }
  const approved = user.autoApprove;
  if (!state.media.has(key)) {
    state.ids += 1;
    media.id = state.ids;
    const tmdbTvdb = ask.lackTvdb.has(tmdbId) ? undefined : (world as { tvdb?: number }).tvdb;
    const tvdb = (b.tvdbId as number | undefined) ?? tmdbTvdb;
    if (mediaType === 'tv' && tvdb !== undefined) media.tvdbId = tvdb;
    state.media.set(key, media);
  }
  state.ids += 1;
  const request: SeasonRequest = { id: state.ids, userId: user.id, status: approved ? 2 : 1, seasons };
  media.requests.push(request);
  if (media.status === 1) media.status = 2;
  if (approved) {
    // MediaRequest.ts sendToSonarr (@AfterInsert, awaited by save): unless already available, no
    // TVDB id → media and request removed, "TVDB ID not found" rethrown, request.ts answers 500.
    if (mediaType === 'tv' && media.status !== 5 && tvdbFor(media, ask.lackTvdb) === undefined) {
      state.media.delete(key);
      return { status: 500, body: { message: 'TVDB ID not found' } };
    }
    // MediaRequest.ts updateParentStatus.
    if (media.status !== 4 && media.status !== 5) media.status = 3;
  }
  const now = new Date().toISOString();
  return {
    status: 201,
    body: {
      id: request.id,
      status: request.status,
      createdAt: now,
      updatedAt: now,
      type: mediaType,
      is4k: b.is4k === true,
      serverId: null,
      profileId: null,
      rootFolder: null,
      media: { id: media.id, tmdbId, tvdbId: media.tvdbId ?? null, mediaType, status: media.status },
      requestedBy: { id: user.id, displayName: user.displayName },
      modifiedBy: approved ? { id: user.id } : null,
      seasonCount: seasons.length,
      seasons: seasons.map((n, i) => ({ id: i + 1, seasonNumber: n, status: request.status })),
    },
  };
}

/** User.ts getQuota: non-declined movie requests, and seasons of non-declined TV requests. */
function usage(state: OverseerrState, userId: number): { movies: number; seasons: number } {
  let movies = 0;
  let seasons = 0;
  for (const m of state.media.values())
    for (const r of m.requests)
      if (r.userId === userId && r.status !== 3) {
        if (m.mediaType === 'movie') movies += 1;
        else seasons += r.seasons.length;
      }
  return { movies, seasons };
}

/**
 * express-openapi-validator against overseerr-api.yml (server/index.ts), before any route: a
 * 400 `{message, errors}`. The shape is the validator's; its exact wording here is approximate.
 */
function validate(b: Record<string, unknown>): FakeResponse | undefined {
  const wrong = (field: string, rule: string): FakeResponse => ({
    status: 400,
    body: {
      message: `request.body.${field} ${rule}`,
      errors: [{ path: `.body.${field}`, message: rule, errorCode: 'type.openapi.validation' }],
    },
  });
  if (b.mediaType !== 'movie' && b.mediaType !== 'tv')
    return wrong('mediaType', 'must be equal to one of the allowed values: movie, tv');
  if (typeof b.mediaId !== 'number') return wrong('mediaId', 'must be number');
  // sct/overseerr#562: a null tvdbId is refused with 400.
  if ('tvdbId' in b && typeof b.tvdbId !== 'number') return wrong('tvdbId', 'must be number');
  const s = b.seasons;
  if (
    s !== undefined &&
    s !== 'all' &&
    !(Array.isArray(s) && s.every((n) => typeof n === 'number' && n >= 0))
  )
    return wrong('seasons', 'must match exactly one schema in oneOf');
  return undefined;
}
