/**
 * A fake MusicBrainz ws/2 search serving the artists and albums of test/fixtures/world.ts in the
 * shape of ../shared/contracts/musicbrainz (live.artist-search.*, live.release-group-search.*):
 * `{created, count, offset, artists | release-groups}` with integer scores, fields absent rather
 * than null. Queries are read as Lucene syntax, operators included (./lucene-query.ts). Like the
 * real server it refuses generic User-Agents (403) and answers 503 with its rate-limit body when
 * requests come faster than the configured interval.
 */
import {
  albums as worldAlbums,
  artists as worldArtists,
  fold,
  matchesQuery,
  type WorldAlbum,
  type WorldArtist,
} from '../fixtures/world.js';
import { FakeHttp, type FakeRequest, type FakeResponse } from './fake-http.js';
import { luceneMatch } from './lucene-query.js';

export interface FakeMusicBrainzOptions {
  /** Requests closer together than this get 503. Default 1000 ms, as the public server. */
  minIntervalMs?: number;
  artists?: WorldArtist[];
  albums?: WorldAlbum[];
  /** Sort names by artist MBID ("Kovenant, The"); an artist not listed files under its name. */
  sortNames?: Record<string, string>;
  /** Aliases by artist MBID; an artist not listed has none (the key is then absent, as in the recordings). */
  aliases?: Record<string, FakeAlias[]>;
}

/** An alias as artist rows and artist credits carry it (live.release-group-search.in-times-before-the-light). */
export interface FakeAlias {
  name: string;
  'sort-name': string;
  type: string | null;
}

/** The body MusicBrainz sends with its 503 when a client exceeds the rate limit. */
export const MB_RATE_LIMITED = {
  error:
    'Your requests are exceeding the allowable rate limit. Please see http://wiki.musicbrainz.org/XMLWebService for more information.',
};
export const MB_BLOCKED_UA =
  'Your requests are being blocked: set a meaningful User-Agent (see https://musicbrainz.org/doc/MusicBrainz_API/Rate_Limiting).';

/** Library and tool defaults MusicBrainz treats as anonymous. */
const GENERIC_UA =
  /^(node|undici|axios|got|python-requests|python-urllib|java|go-http-client|curl|wget|okhttp)\b/i;

const ARTIST_TYPE_ID: Record<string, string> = {
  Group: 'e431f5f6-b5d2-343d-8b36-72607fffb74b',
  Person: 'b6e035f4-3ce9-331c-97df-83397230b0df',
};
const PRIMARY_TYPE_ID: Record<string, string> = {
  Album: 'f529b476-6e62-324f-b0aa-1f3e33d313fc',
  EP: '6d0c5bf6-7a33-3420-a519-44fc63eedebf',
  Single: 'd6038452-8ee0-3f68-affc-2de9a1ede0b9',
};
const SECONDARY_TYPE_ID: Record<string, string> = {
  Compilation: 'dd2a21e1-0c00-3729-a7a0-de60b84eb5d1',
  Live: '6fd474e2-6b58-3102-9d17-d6f7eb7da0a0',
  Remix: '0c60f497-ff81-3818-befd-abfc84a4858b',
  Soundtrack: '22a628ad-c082-3c4f-b1b6-d41665107b88',
};
const OFFICIAL = '4e304316-386d-3409-af2e-78857eec5cfe';
/** The albums of same-named artists, as adapters/catalog/musicbrainz/artist-fame.ts asks for them. */
const ALBUMS_OF = /^arid:\(([^)]*)\) AND primarytype:(\w+) AND NOT secondarytype:\(([^)]*)\)$/;

/**
 * A Lucene-like score: 100 for the exact name, 70–99 when every word matches (more for shorter
 * titles), under 50 when only some words do: the fuzzy tail the real search returns too.
 */
export function mbScore(title: string, query: string): number {
  if (fold(title) === fold(query)) return 100;
  const words = fold(query).split(' ').filter(Boolean);
  if (words.length === 0) return 0;
  const titleWords = fold(title).split(' ').filter(Boolean).length;
  if (matchesQuery(title, query)) return Math.round(70 + 29 * Math.min(1, words.length / titleWords));
  const matched = words.filter((w) => matchesQuery(title, w)).length;
  return Math.round((50 * matched) / words.length);
}

/**
 * The score of `title` for a Lucene query: 0 when the query's operators rule it out (upper-case
 * `NOT Dead` forbids "dead"; `Love AND Theft` requires both words), else mbScore over its words.
 */
function queryScore(title: string, query: string): number {
  const match = luceneMatch(query, (word) => matchesQuery(title, word));
  return match ? mbScore(title, match.scoreBy) : 0;
}

/** `sort-name` and `aliases` as both artist search rows and artist credits carry them. */
type Names = (mbid: string, name: string) => Record<string, unknown>;

function artistRow(a: WorldArtist, score: number, names: Names): Record<string, unknown> {
  return {
    id: a.mbid,
    type: a.type,
    'type-id': ARTIST_TYPE_ID[a.type],
    score,
    name: a.name,
    ...names(a.mbid, a.name),
    ...(a.country && { country: a.country }),
    ...(a.disambiguation && { disambiguation: a.disambiguation }),
    'life-span': { ended: null },
  };
}

/** A stable fake release MBID for the n-th release of a group. */
function releaseId(group: string, n: number): string {
  return `${group.slice(0, 24)}${n.toString(16).padStart(12, '0')}`;
}

function releaseGroupRow(
  g: WorldAlbum,
  artist: WorldArtist | undefined,
  score: number,
  names: Names,
): Record<string, unknown> {
  const secondaryIds = g.secondaryTypes.map(
    (t) => SECONDARY_TYPE_ID[t] ?? '00000000-0000-0000-0000-000000000000',
  );
  return {
    id: g.mbid,
    'type-id': secondaryIds[0] ?? PRIMARY_TYPE_ID[g.primaryType],
    score,
    'primary-type-id': PRIMARY_TYPE_ID[g.primaryType],
    count: g.releases,
    title: g.title,
    'first-release-date': g.firstReleaseDate,
    'primary-type': g.primaryType,
    ...(g.secondaryTypes.length > 0 && {
      'secondary-types': g.secondaryTypes,
      'secondary-type-ids': secondaryIds,
    }),
    'artist-credit': [
      {
        name: artist?.name ?? '[unknown]',
        artist: {
          id: g.artistMbid,
          name: artist?.name ?? '[unknown]',
          ...names(g.artistMbid, artist?.name ?? '[unknown]'),
          ...(artist?.disambiguation && { disambiguation: artist.disambiguation }),
        },
      },
    ],
    releases: Array.from({ length: g.releases }, (_, n) => ({
      id: releaseId(g.mbid, n),
      'status-id': OFFICIAL,
      title: g.title,
      status: 'Official',
    })),
  };
}

export class FakeMusicBrainz extends FakeHttp {
  minIntervalMs: number;
  readonly artists: WorldArtist[];
  readonly albums: WorldAlbum[];
  /** Requests answered 503 for coming too fast. */
  throttled = 0;
  private lastAt: number | undefined;

  constructor(opts: FakeMusicBrainzOptions = {}) {
    super();
    this.minIntervalMs = opts.minIntervalMs ?? 1000;
    this.artists = opts.artists ?? worldArtists;
    this.albums = opts.albums ?? worldAlbums;
    const names: Names = (mbid, name) => {
      const aliases = opts.aliases?.[mbid];
      // Alias rows as recorded: locale and primary null unless set, no dates.
      const rows = aliases?.map((x) => ({
        ...x,
        locale: null,
        primary: null,
        'begin-date': null,
        'end-date': null,
      }));
      return { 'sort-name': opts.sortNames?.[mbid] ?? name, ...(rows && { aliases: rows }) };
    };
    this.route('GET', '/ws/2/artist', (req) =>
      this.search(req, 'artists', (q) =>
        this.artists.map((a) => ({
          score: queryScore(a.name, q),
          tie: 0,
          row: (s: number) => artistRow(a, s, names),
        })),
      ),
    );
    this.route('GET', '/ws/2/release-group', (req) =>
      this.search(req, 'release-groups', (q) =>
        this.albums.map((g) => ({
          score: this.releaseGroupScore(g, q),
          tie: g.releases,
          row: (s: number) =>
            releaseGroupRow(
              g,
              this.artists.find((a) => a.mbid === g.artistMbid),
              s,
              names,
            ),
        })),
      ),
    );
  }

  /**
   * A plain query matches the title; `releasegroup:(…) OR artistname:(…)` (the catalog's combined
   * search) matches either field, scored by the better of the two, as Lucene's OR does; `arid:(…)
   * AND primarytype:… AND NOT secondarytype:(…)` (the albums of same-named artists) matches by
   * credited artist and type.
   */
  private releaseGroupScore(g: WorldAlbum, q: string): number {
    const albumsOf = ALBUMS_OF.exec(q);
    if (albumsOf) return this.albumsOfScore(g, albumsOf);
    const fields = /^releasegroup:\((.*)\) OR artistname:\((.*)\)$/.exec(q);
    if (!fields) return queryScore(g.title, q);
    const artist = this.artists.find((a) => a.mbid === g.artistMbid)?.name ?? '';
    return Math.max(queryScore(g.title, fields[1] ?? ''), queryScore(artist, fields[2] ?? ''));
  }

  /**
   * `arid` is an `mbid` field without norms (metabrainz/mbsssss release-group/conf/schema.xml), so
   * under BM25, Solr's default similarity there, a group scores its artist's idf: the albums of
   * the artist with fewer release groups come first. Scores are then scaled so the best is 100
   * (metabrainz/mb-solr MBXMLWriter.java adjustScore).
   */
  private albumsOfScore(g: WorldAlbum, [, ids = '', primary = '', excluded = '']: RegExpExecArray): number {
    const wanted = new Set(ids.split(' OR '));
    const skip = new Set(excluded.split(' OR '));
    const matches = (a: WorldAlbum) =>
      wanted.has(a.artistMbid) &&
      a.primaryType.toLowerCase() === primary &&
      !a.secondaryTypes.some((t) => skip.has(t.toLowerCase()));
    if (!matches(g)) return 0;
    const total = this.albums.length;
    const idf = (mbid: string) => {
      const n = this.albums.filter((a) => a.artistMbid === mbid).length;
      return Math.log(1 + (total - n + 0.5) / (n + 0.5));
    };
    const best = Math.max(...this.albums.filter(matches).map((a) => idf(a.artistMbid)));
    // At least 1: a match, however weak (the fake's 0 means no match).
    return Math.max(1, Math.trunc((100 * idf(g.artistMbid)) / best));
  }

  /** What clients are configured with: includes `/ws/2`. */
  get baseUrl(): string {
    return `${this.url}/ws/2`;
  }

  protected override before(req: FakeRequest): FakeResponse | undefined {
    const previous = this.lastAt;
    this.lastAt = req.at;
    // 10% slack: the client spaces request starts, the server sees arrivals a little jittered.
    if (previous !== undefined && req.at - previous < this.minIntervalMs * 0.9) {
      this.throttled += 1;
      // Headers as seen on the wire: "Retry-After: 0" (jack-cli-cd-ripper/jack#68) and the zone
      // header MusicBrainz documents on its forum (per-ip vs global).
      return {
        status: 503,
        body: MB_RATE_LIMITED,
        headers: { 'retry-after': '0', 'x-ratelimit-zone': 'per-ip' },
      };
    }
    const ua = req.headers['user-agent'];
    if (typeof ua !== 'string' || !ua.trim() || GENERIC_UA.test(ua)) {
      return { status: 403, raw: MB_BLOCKED_UA, headers: { 'content-type': 'text/plain; charset=utf-8' } };
    }
    return undefined;
  }

  private search(
    req: FakeRequest,
    key: 'artists' | 'release-groups',
    rank: (
      query: string,
    ) => { score: number; tie: number; row: (score: number) => Record<string, unknown> }[],
  ): FakeResponse {
    const json = req.query.fmt === 'json' || String(req.headers.accept ?? '').includes('json');
    if (!json) {
      return {
        status: 200,
        raw: '<?xml version="1.0" encoding="UTF-8"?><metadata xmlns="http://musicbrainz.org/ns/mmd-2.0#"/>',
        headers: { 'content-type': 'application/xml; charset=utf-8' },
      };
    }
    const query = (req.query.query ?? '').trim();
    if (!query)
      return { status: 400, body: { error: 'Must specify at least one parameter', help: 'For usage…' } };
    const limit = Math.min(100, Math.max(1, Number(req.query.limit ?? 25) || 25));
    const offset = Math.max(0, Number(req.query.offset ?? 0) || 0);
    const ranked = rank(query)
      .filter((r) => r.score > 0)
      .sort((a, b) => b.score - a.score || b.tie - a.tie);
    return {
      status: 200,
      body: {
        created: new Date().toISOString(),
        count: ranked.length,
        offset,
        [key]: ranked.slice(offset, offset + limit).map((r) => r.row(r.score)),
      },
    };
  }
}

export async function startFakeMusicBrainz(opts: FakeMusicBrainzOptions = {}): Promise<FakeMusicBrainz> {
  return new FakeMusicBrainz(opts).start();
}
