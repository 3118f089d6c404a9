/**
 * A fake Spotify: the accounts service's client-credentials token endpoint and the Web API's
 * `GET /v1/search`, serving world.ts artists and albums that have Spotify ids. Shapes follow
 * ../shared/contracts/spotify (zmb3.search.artist, harmony.search.album-upc.found) and the
 * current spec (limit 1..10, default 5). One server plays both hosts: `accountsBase` is its root,
 * `apiBase` is `/v1` under it.
 */
import { randomBytes } from 'node:crypto';
import {
  albums as worldAlbums,
  artists as worldArtists,
  matchesQuery,
  type WorldAlbum,
  type WorldArtist,
} from '../fixtures/world.js';
import { FakeHttp, type FakeRequest, type FakeResponse } from './fake-http.js';

export interface FakeSpotifyOptions {
  clientId?: string;
  clientSecret?: string;
  /** `expires_in` of issued tokens, seconds. Default 3600. */
  tokenLifetimeSec?: number;
  artists?: WorldArtist[];
  albums?: WorldAlbum[];
}

const API = 'https://api.spotify.com/v1';
const MAX_LIMIT = 10;
const DEFAULT_LIMIT = 5;
const TYPES = ['album', 'artist', 'playlist', 'track', 'show', 'episode', 'audiobook'];

function apiError(status: number, message: string): FakeResponse {
  return { status, body: { error: { status, message } } };
}

function images(id: string): { height: number; url: string; width: number }[] {
  return [640, 300, 64].map((size) => ({
    height: size,
    url: `https://i.scdn.co/image/${id}-${size}`,
    width: size,
  }));
}

function simplifiedArtist(a: WorldArtist): Record<string, unknown> {
  const id = a.spotifyId ?? a.mbid;
  return {
    external_urls: { spotify: `https://open.spotify.com/artist/${id}` },
    href: `${API}/artists/${id}`,
    id,
    name: a.name,
    type: 'artist',
    uri: `spotify:artist:${id}`,
  };
}

/** Key set of zmb3.search.artist.tania-bowra (followers, now deprecated, absent as recorded). */
function artistItem(a: WorldArtist & { spotifyId: string }): Record<string, unknown> {
  return {
    external_urls: { spotify: `https://open.spotify.com/artist/${a.spotifyId}` },
    genres: [],
    href: `${API}/artists/${a.spotifyId}`,
    id: a.spotifyId,
    images: images(a.spotifyId),
    name: a.name,
    popularity: a.spotifyPopularity ?? 0,
    type: 'artist',
    uri: `spotify:artist:${a.spotifyId}`,
  };
}

/** Key set of harmony.search.album-upc.found (available_markets trimmed). */
function albumItem(
  g: WorldAlbum & { spotifyId: string },
  artist: WorldArtist | undefined,
): Record<string, unknown> {
  const precision =
    g.firstReleaseDate.length === 4 ? 'year' : g.firstReleaseDate.length === 7 ? 'month' : 'day';
  return {
    album_type:
      g.primaryType === 'Single'
        ? 'single'
        : g.secondaryTypes.includes('Compilation')
          ? 'compilation'
          : 'album',
    total_tracks: 12,
    available_markets: ['GB', 'US'],
    external_urls: { spotify: `https://open.spotify.com/album/${g.spotifyId}` },
    href: `${API}/albums/${g.spotifyId}`,
    id: g.spotifyId,
    images: images(g.spotifyId),
    name: g.title,
    release_date: g.firstReleaseDate,
    release_date_precision: precision,
    type: 'album',
    uri: `spotify:album:${g.spotifyId}`,
    artists: artist ? [simplifiedArtist(artist)] : [],
  };
}

function paging(
  q: string,
  type: string,
  items: Record<string, unknown>[],
  offset: number,
  limit: number,
): Record<string, unknown> {
  const link = (o: number): string =>
    `${API}/search?query=${encodeURIComponent(q)}&type=${type}&offset=${o}&limit=${limit}`;
  return {
    href: link(offset),
    limit,
    next: offset + limit < items.length ? link(offset + limit) : null,
    offset,
    previous: offset > 0 ? link(Math.max(0, offset - limit)) : null,
    total: items.length,
    items: items.slice(offset, offset + limit),
  };
}

export class FakeSpotify extends FakeHttp {
  readonly clientId: string;
  readonly clientSecret: string;
  tokenLifetimeSec: number;
  readonly artists: WorldArtist[];
  readonly albums: WorldAlbum[];
  /** Tokens issued and their expiry (epoch ms). */
  private readonly tokens = new Map<string, number>();

  constructor(opts: FakeSpotifyOptions = {}) {
    super();
    this.clientId = opts.clientId ?? 'spotify-test-id';
    this.clientSecret = opts.clientSecret ?? 'spotify-test-secret';
    this.tokenLifetimeSec = opts.tokenLifetimeSec ?? 3600;
    this.artists = opts.artists ?? worldArtists;
    this.albums = opts.albums ?? worldAlbums;
    this.route('POST', '/api/token', (req) => this.token(req));
    this.route('GET', '/v1/search', (req) => this.search(req));
  }

  get apiBase(): string {
    return `${this.url}/v1`;
  }

  get accountsBase(): string {
    return this.url;
  }

  /** Every token issued so far stops working, as after a revocation or expiry. */
  revokeTokens(): void {
    this.tokens.clear();
  }

  private token(req: FakeRequest): FakeResponse {
    const expected = `Basic ${Buffer.from(`${this.clientId}:${this.clientSecret}`).toString('base64')}`;
    if (req.headers.authorization !== expected) return { status: 400, body: { error: 'invalid_client' } };
    const form = typeof req.body === 'object' && req.body ? (req.body as Record<string, string>) : {};
    if (form.grant_type !== 'client_credentials') {
      return {
        status: 400,
        body: { error: 'unsupported_grant_type', error_description: 'grant_type parameter is missing' },
      };
    }
    const token = `BQ${randomBytes(24).toString('base64url')}`;
    this.tokens.set(token, Date.now() + this.tokenLifetimeSec * 1000);
    return {
      status: 200,
      body: { access_token: token, token_type: 'Bearer', expires_in: this.tokenLifetimeSec },
    };
  }

  private search(req: FakeRequest): FakeResponse {
    const auth = req.headers.authorization;
    const token = typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice(7) : '';
    const expires = this.tokens.get(token);
    if (!token) return apiError(401, 'No token provided');
    if (expires === undefined) return apiError(401, 'Invalid access token');
    if (expires <= Date.now()) return apiError(401, 'The access token expired');

    const q = (req.query.q ?? '').trim();
    if (!q) return apiError(400, 'No search query');
    if (!req.query.type) return apiError(400, 'Missing parameter type');
    const types = req.query.type.split(',');
    if (types.some((t) => !TYPES.includes(t))) return apiError(400, 'Bad search type field');
    const limit = req.query.limit === undefined ? DEFAULT_LIMIT : Number(req.query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return apiError(400, 'Invalid limit');
    const offset = req.query.offset === undefined ? 0 : Number(req.query.offset);
    if (!Number.isInteger(offset) || offset < 0 || offset > 1000) return apiError(400, 'Invalid offset');

    const body: Record<string, unknown> = {};
    if (types.includes('album')) body.albums = paging(q, 'album', this.findAlbums(q), offset, limit);
    if (types.includes('artist')) body.artists = paging(q, 'artist', this.findArtists(q), offset, limit);
    return { status: 200, body };
  }

  private findArtists(q: string): Record<string, unknown>[] {
    return this.artists
      .filter((a): a is WorldArtist & { spotifyId: string } => a.spotifyId !== undefined)
      .filter((a) => matchesQuery(a.name, q))
      .sort((a, b) => (b.spotifyPopularity ?? 0) - (a.spotifyPopularity ?? 0))
      .map(artistItem);
  }

  /** By title, then (as Spotify does) albums of an artist whose name matches. */
  private findAlbums(q: string): Record<string, unknown>[] {
    const artistOf = (g: WorldAlbum): WorldArtist | undefined =>
      this.artists.find((a) => a.mbid === g.artistMbid);
    const withId = this.albums.filter(
      (g): g is WorldAlbum & { spotifyId: string } => g.spotifyId !== undefined,
    );
    const byTitle = withId.filter((g) => matchesQuery(g.title, q));
    const byArtist = withId.filter((g) => !byTitle.includes(g) && matchesQuery(artistOf(g)?.name ?? '', q));
    return [...byTitle, ...byArtist].map((g) => albumItem(g, artistOf(g)));
  }
}

export async function startFakeSpotify(opts: FakeSpotifyOptions = {}): Promise<FakeSpotify> {
  return new FakeSpotify(opts).start();
}
