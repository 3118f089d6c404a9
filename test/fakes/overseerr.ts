/**
 * A fake Overseerr (API v1) with the three routes the bot uses, over test/fixtures/world.ts.
 * No recorded Overseerr exchange was saved; behaviour follows sct/overseerr's routes
 * (server/routes/request.ts, movie.ts, tv.ts, middleware/auth.ts):
 * - `X-Api-Key` must match, and an `X-API-User` must name a known user, else 403
 *   `{status:403, error:"You do not have permission to access this endpoint"}`;
 * - POST /request answers 201 with the MediaRequest (status 2 approved for users with
 *   auto-approve, 1 pending otherwise), 409 "Request for this media already exists." for a
 *   second movie request, 202 "No seasons available to request" when every season is requested,
 *   403 `{message}` when a user's quota is used up;
 * - GET /movie/{tmdbId} and /tv/{tmdbId} return TMDb details plus `mediaInfo` (absent until
 *   requested; `status` 2 pending … 5 available).
 */
import { movies as worldMovies, series as worldSeries } from '../fixtures/world.js';
import { FakeHttp, type FakeRequest, type FakeResponse } from './fake-http.js';

export interface FakeOverseerrOptions {
  apiKey: string;
}

export interface FakeOverseerrUser {
  id: number;
  autoApprove: boolean;
  /** Requests left before "Movie Quota exceeded."; unlimited when absent. */
  quota?: number;
}

export const OVERSEERR_FORBIDDEN = {
  status: 403,
  error: 'You do not have permission to access this endpoint',
};

type MediaType = 'movie' | 'tv';

interface Media {
  id: number;
  tmdbId: number;
  mediaType: MediaType;
  status: number;
  requests: { id: number; userId: number; seasons: number[] }[];
}

export class FakeOverseerr extends FakeHttp {
  /** Overseerr users by id; 1 is the admin the API key acts as. */
  readonly users = new Map<number, FakeOverseerrUser>([
    [1, { id: 1, autoApprove: true }],
    [5, { id: 5, autoApprove: false }],
  ]);
  /** Accepted and refused POST /request bodies, with the user they acted as. */
  readonly requests: { body: unknown; userId: number; status: number }[] = [];
  private readonly media = new Map<string, Media>();
  private ids = 0;

  constructor(private readonly apiKey: string) {
    super();
    this.route('POST', '/api/v1/request', (r) => this.request(r));
    this.route('GET', '/api/v1/movie/:id', (r) => this.details('movie', Number(r.params.id)));
    this.route('GET', '/api/v1/tv/:id', (r) => this.details('tv', Number(r.params.id)));
  }

  /** Set Overseerr's view of a title: 2 pending, 3 processing, 4 partially available, 5 available. */
  setMediaStatus(mediaType: MediaType, tmdbId: number, status: number): void {
    this.mediaFor(mediaType, tmdbId).status = status;
  }

  protected override before(req: FakeRequest): FakeResponse | undefined {
    if (req.headers['x-api-key'] !== this.apiKey) return { status: 403, body: OVERSEERR_FORBIDDEN };
    const asUser = req.headers['x-api-user'];
    if (asUser !== undefined && !this.users.has(Number(asUser)))
      return { status: 403, body: OVERSEERR_FORBIDDEN };
    return undefined;
  }

  private mediaFor(mediaType: MediaType, tmdbId: number): Media {
    const key = `${mediaType}:${tmdbId}`;
    let m = this.media.get(key);
    if (!m) {
      this.ids += 1;
      m = { id: this.ids, tmdbId, mediaType, status: 1, requests: [] };
      this.media.set(key, m);
    }
    return m;
  }

  private request(req: FakeRequest): FakeResponse {
    const userId = req.headers['x-api-user'] === undefined ? 1 : Number(req.headers['x-api-user']);
    const res = this.answer(req.body as Record<string, unknown>, userId);
    this.requests.push({ body: req.body, userId, status: res.status });
    return res;
  }

  private answer(b: Record<string, unknown>, userId: number): FakeResponse {
    const mediaType = b.mediaType;
    const tmdbId = b.mediaId;
    if ((mediaType !== 'movie' && mediaType !== 'tv') || typeof tmdbId !== 'number') {
      return { status: 500, body: { message: 'Invalid media type' } };
    }
    const world =
      mediaType === 'movie'
        ? worldMovies.find((m) => m.tmdb === tmdbId)
        : worldSeries.find((s) => s.tmdb === tmdbId);
    if (!world)
      return { status: 404, body: { message: `${mediaType === 'movie' ? 'Movie' : 'Series'} not found` } };
    const user = this.users.get(userId)!;
    if (user.quota !== undefined && user.quota <= 0)
      return { status: 403, body: { message: 'Movie Quota exceeded.' } };
    const media = this.mediaFor(mediaType, tmdbId);
    let seasons: number[] = [];
    if (mediaType === 'movie') {
      if (media.requests.some((r) => r.userId === userId))
        return { status: 409, body: { message: 'Request for this media already exists.' } };
    } else {
      const all = Array.from({ length: (world as { seasons: number }).seasons }, (_, i) => i + 1);
      const asked = b.seasons === 'all' ? all : Array.isArray(b.seasons) ? (b.seasons as number[]) : [];
      const taken = new Set(media.requests.flatMap((r) => r.seasons));
      seasons = asked.filter((s) => !taken.has(s));
      if (seasons.length === 0) return { status: 202, body: { message: 'No seasons available to request' } };
    }
    if (user.quota !== undefined) user.quota -= 1;
    this.ids += 1;
    const approved = user.autoApprove;
    media.requests.push({ id: this.ids, userId, seasons });
    if (media.status < 2) media.status = approved ? 3 : 2;
    const now = new Date().toISOString();
    return {
      status: 201,
      body: {
        id: this.ids,
        status: approved ? 2 : 1,
        createdAt: now,
        updatedAt: now,
        type: mediaType,
        is4k: b.is4k === true,
        serverId: null,
        profileId: null,
        rootFolder: null,
        media: { id: media.id, tmdbId, mediaType, status: media.status, createdAt: now, updatedAt: now },
        requestedBy: { id: userId },
        modifiedBy: approved ? { id: userId } : null,
        seasons: seasons.map((n, i) => ({ id: i + 1, seasonNumber: n, status: approved ? 2 : 1 })),
      },
    };
  }

  private details(mediaType: MediaType, tmdbId: number): FakeResponse {
    const m = this.media.get(`${mediaType}:${tmdbId}`);
    const mediaInfo = m
      ? { id: m.id, tmdbId, status: m.status, requests: m.requests.map((r) => ({ id: r.id })) }
      : undefined;
    if (mediaType === 'movie') {
      const w = worldMovies.find((x) => x.tmdb === tmdbId);
      if (!w) return { status: 404, body: { message: 'Movie not found' } };
      return {
        status: 200,
        body: {
          id: w.tmdb,
          title: w.title,
          releaseDate: w.releaseDate,
          overview: w.overview,
          posterPath: w.posterPath,
          ...(mediaInfo ? { mediaInfo } : {}),
        },
      };
    }
    const w = worldSeries.find((x) => x.tmdb === tmdbId);
    if (!w) return { status: 404, body: { message: 'Series not found' } };
    return {
      status: 200,
      body: {
        id: w.tmdb,
        name: w.title,
        firstAirDate: w.firstAirDate,
        overview: w.overview,
        posterPath: w.posterPath,
        numberOfSeasons: w.seasons,
        ...(mediaInfo ? { mediaInfo } : {}),
      },
    };
  }
}

export async function startFakeOverseerr(opts: FakeOverseerrOptions): Promise<FakeOverseerr> {
  return new FakeOverseerr(opts.apiKey).start();
}
