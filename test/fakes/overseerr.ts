/**
 * A fake Overseerr (API v1) over test/fixtures/world.ts: the routes the bot and its doctor use,
 * and what Overseerr does with a request after it answers. No recorded Overseerr exchange exists;
 * every behaviour below follows sct/overseerr's source (v1.34.0, the same on develop), file named
 * next to it. Its TMDb is the world: every show has a season 0 (Specials) as on TMDb, and
 * `tvdb_id` is the world's unless `lackTvdb` says TMDb has none.
 */
import { movies as worldMovies, series as worldSeries } from '../fixtures/world.js';
import { FakeHttp, type FakeRequest, type FakeResponse } from './fake-http.js';
import {
  requestMedia,
  type Media,
  type MediaType,
  type OverseerrState,
  tvdbFor,
} from './overseerr-requests.js';

export interface FakeOverseerrOptions {
  apiKey: string;
}

export interface FakeOverseerrUser {
  id: number;
  displayName: string;
  /** AUTO_APPROVE (or ADMIN): requests are approved, and sent to Sonarr/Radarr, at once. */
  autoApprove: boolean;
  /** Movie requests allowed (User.ts getQuota counts the user's non-declined ones); none = unlimited. */
  movieQuotaLimit?: number;
  /** Seasons allowed: every season of every non-declined TV request counts (User.ts getQuota). */
  tvQuotaLimit?: number;
}

// server/middleware/auth.ts isAuthenticated: the one 403 for no user, whatever the reason.
export const OVERSEERR_FORBIDDEN = {
  status: 403,
  error: 'You do not have permission to access this endpoint',
};

export class FakeOverseerr extends FakeHttp {
  /** Overseerr users by id; 1 is the admin the API key acts as (auth.ts checkUser). */
  readonly users = new Map<number, FakeOverseerrUser>([
    [1, { id: 1, displayName: 'admin', autoApprove: true }],
    [5, { id: 5, displayName: 'alice', autoApprove: false }],
  ]);
  /** Accepted and refused POST /request bodies, with the user they acted as. */
  readonly requests: { body: unknown; userId: number; status: number }[] = [];
  /** TMDb ids of shows whose TMDb `external_ids.tvdb_id` is null although TheTVDB has them. */
  readonly lackTvdb = new Set<number>();
  /** Overseerr cannot reach TMDb (an outage, a DNS failure on its host). */
  tmdbUnreachable = false;
  private readonly state: OverseerrState = { media: new Map(), ids: 0 };

  constructor(private readonly apiKey: string) {
    super();
    this.route('POST', '/api/v1/request', (r) => this.request(r));
    this.route('GET', '/api/v1/movie/:id', (r) => this.details('movie', r.params.id));
    this.route('GET', '/api/v1/tv/:id', (r) => this.details('tv', r.params.id));
    this.route('GET', '/api/v1/user/:id', (r) => this.user(r.params.id));
    this.route('GET', '/api/v1/auth/me', (r) => this.user(String(this.actingUser(r))));
  }

  /** Set Overseerr's view of a title: 2 pending, 3 processing, 4 partially available, 5 available. */
  setMediaStatus(mediaType: MediaType, tmdbId: number, status: number): void {
    this.mediaFor(mediaType, tmdbId).status = status;
  }

  /** A season Plex/Jellyfin (or Sonarr) reported: 4 partially available, 5 available. */
  setSeasonStatus(tmdbId: number, seasonNumber: number, status: number): void {
    this.mediaFor('tv', tmdbId).seasons.set(seasonNumber, status);
  }

  /** The requests Overseerr holds for a title (a deleted one is gone from here). */
  requestsFor(mediaType: MediaType, tmdbId: number): Media['requests'] {
    return this.state.media.get(`${mediaType}:${tmdbId}`)?.requests ?? [];
  }

  /**
   * An admin approves a pending request in Overseerr's UI (POST /request/:id/approve →
   * MediaRequest.ts sendToSonarr): a show with no TVDB id, neither TMDb's nor the one the request
   * carried, has its request and media deleted ("TVDB ID not found").
   */
  approve(requestId: number): 'sent' | 'deleted' {
    for (const [key, m] of this.state.media) {
      const r = m.requests.find((x) => x.id === requestId);
      if (!r) continue;
      r.status = 2;
      if (m.mediaType === 'tv' && m.status !== 5 && tvdbFor(m, this.lackTvdb) === undefined) {
        this.state.media.delete(key);
        return 'deleted';
      }
      // MediaRequest.ts updateParentStatus: approved → processing, unless (partly) available.
      if (m.status !== 4 && m.status !== 5) m.status = 3;
      return 'sent';
    }
    throw new Error(`no request ${requestId}`);
  }

  protected override before(req: FakeRequest): FakeResponse | undefined {
    // server/middleware/auth.ts checkUser: a wrong key, or an X-API-User naming no user, leaves
    // req.user unset, and isAuthenticated answers the same 403 for both.
    if (req.headers['x-api-key'] !== this.apiKey) return { status: 403, body: OVERSEERR_FORBIDDEN };
    if (!this.users.has(this.actingUser(req))) return { status: 403, body: OVERSEERR_FORBIDDEN };
    return undefined;
  }

  /** auth.ts checkUser: X-API-User when sent (any non-empty value, as a number), else user 1. */
  private actingUser(req: FakeRequest): number {
    const h = req.headers['x-api-user'];
    return typeof h === 'string' && h !== '' ? Number(h) : 1;
  }

  private mediaFor(mediaType: MediaType, tmdbId: number): Media {
    const key = `${mediaType}:${tmdbId}`;
    let m = this.state.media.get(key);
    if (!m) {
      this.state.ids += 1;
      m = { id: this.state.ids, tmdbId, mediaType, status: 1, seasons: new Map(), requests: [] };
      this.state.media.set(key, m);
    }
    return m;
  }

  private request(req: FakeRequest): FakeResponse {
    const userId = this.actingUser(req);
    const res = requestMedia(this.state, {
      body: req.body,
      user: this.users.get(userId) as FakeOverseerrUser,
      lackTvdb: this.lackTvdb,
      tmdbUnreachable: this.tmdbUnreachable,
    });
    this.requests.push({ body: req.body, userId, status: res.status });
    return res;
  }

  private details(mediaType: MediaType, rawId: string | undefined): FakeResponse {
    const tmdbId = Number(rawId);
    const m = this.state.media.get(`${mediaType}:${tmdbId}`);
    const mediaInfo = m && {
      id: m.id,
      tmdbId,
      tvdbId: m.tvdbId ?? null,
      mediaType,
      status: m.status,
      requests: m.requests.map((r) => ({ id: r.id, status: r.status })),
      seasons: [...m.seasons].map(([seasonNumber, status]) => ({ seasonNumber, status })),
    };
    const w =
      mediaType === 'movie'
        ? worldMovies.find((x) => x.tmdb === tmdbId)
        : worldSeries.find((x) => x.tmdb === tmdbId);
    // server/routes/movie.ts, tv.ts: any failure to fetch from TMDb (an unknown id, TMDb down)
    // is caught and answered 500 with one fixed message.
    if (!w || this.tmdbUnreachable)
      return {
        status: 500,
        body: { message: mediaType === 'movie' ? 'Unable to retrieve movie.' : 'Unable to retrieve series.' },
      };
    if (mediaType === 'movie' && 'releaseDate' in w)
      return {
        status: 200,
        body: {
          id: w.tmdb,
          title: w.title,
          releaseDate: w.releaseDate,
          overview: w.overview,
          posterPath: w.posterPath,
          externalIds: { imdbId: w.imdb ?? null },
          ...(mediaInfo ? { mediaInfo } : {}),
        },
      };
    const s = w as (typeof worldSeries)[number];
    // server/models/Tv.ts mapTvDetails: TMDb's seasons, Specials (season 0) included.
    return {
      status: 200,
      body: {
        id: s.tmdb,
        name: s.title,
        firstAirDate: s.firstAirDate,
        overview: s.overview,
        posterPath: s.posterPath,
        numberOfSeasons: s.seasons,
        seasons: Array.from({ length: s.seasons + 1 }, (_, n) => ({
          id: s.tmdb * 100 + n,
          seasonNumber: n,
          name: n === 0 ? 'Specials' : `Season ${n}`,
          episodeCount: n === 0 ? 2 : 12,
        })),
        externalIds: { tvdbId: this.lackTvdb.has(s.tmdb) ? null : (s.tvdb ?? null), imdbId: s.imdb ?? null },
        ...(mediaInfo ? { mediaInfo } : {}),
      },
    };
  }

  /** server/routes/user/index.ts GET /:id: the user, or 404 "User not found.". */
  private user(rawId: string | undefined): FakeResponse {
    const u = this.users.get(Number(rawId));
    if (!u) return { status: 404, body: { message: 'User not found.' } };
    return {
      status: 200,
      body: {
        id: u.id,
        displayName: u.displayName,
        username: u.displayName,
        permissions: u.autoApprove ? 128 : 32,
      },
    };
  }
}

export async function startFakeOverseerr(opts: FakeOverseerrOptions): Promise<FakeOverseerr> {
  return new FakeOverseerr(opts.apiKey).start();
}
