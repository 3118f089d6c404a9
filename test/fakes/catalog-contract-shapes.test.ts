/**
 * The catalog fakes answer in the vendors' real shapes: their bodies have the key sets (and value
 * types) of the recorded real responses in test/fixtures/{tmdb,musicbrainz,spotify}. If a fake
 * drifts from what the real service sends, the adapter tests against it stop meaning anything.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeMusicBrainz, type FakeMusicBrainz } from './musicbrainz.js';
import { startFakeSpotify, type FakeSpotify } from './spotify.js';
import { startFakeTmdb, type FakeTmdb } from './tmdb.js';

type Obj = Record<string, unknown>;

function fixture(path: string): Obj {
  return JSON.parse(readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8')) as Obj;
}

const keys = (o: unknown): string[] => Object.keys(o as Obj).sort();
const unionKeys = (rows: unknown[]): Set<string> => new Set(rows.flatMap((r) => Object.keys(r as Obj)));
const kindOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** Same keys; each value of the same JSON type, where null stands in for any type (nullable fields). */
function expectSameShape(actual: unknown, recorded: unknown): void {
  expect(keys(actual)).toEqual(keys(recorded));
  for (const [k, v] of Object.entries(recorded as Obj)) {
    const a = (actual as Obj)[k];
    if (v !== null && a !== null) expect(`${k}: ${kindOf(a)}`).toBe(`${k}: ${kindOf(v)}`);
  }
}

function expectKeysWithin(actual: unknown, allowed: Set<string>): void {
  for (const k of Object.keys(actual as Obj)) expect(allowed, `unexpected key ${k}`).toContain(k);
}

async function getJson(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Obj }> {
  const res = await fetch(url, {
    headers: { 'user-agent': 'reelbot-tests/1.0 ( tests@example.org )', ...headers },
  });
  return { status: res.status, body: (await res.json()) as Obj };
}

describe('fake TMDb vs recorded TMDb', () => {
  let fake: FakeTmdb;
  const key = 'shape-key';
  beforeAll(async () => {
    fake = await startFakeTmdb({ apiKey: key });
  });
  afterAll(() => fake.close());

  it('search/multi rows per media_type match jdrouet.search-multi and spec-example.search-person', async () => {
    const recorded = fixture('tmdb/search-multi.game-of-thrones.json');
    const recordedRows = recorded.results as Obj[];
    const { status, body } = await getJson(`${fake.baseUrl}/search/multi?query=Dexter&api_key=${key}`);
    expect(status).toBe(200);
    expect(keys(body)).toEqual(keys(recorded));
    const rows = body.results as Obj[];
    for (const type of ['movie', 'tv']) {
      const mine = rows.filter((r) => r.media_type === type);
      const theirs = recordedRows.find((r) => r.media_type === type);
      expect(mine.length).toBeGreaterThan(0);
      for (const r of mine) expectSameShape(r, theirs);
    }
    const person = rows.find((r) => r.media_type === 'person');
    const recordedPerson = (fixture('tmdb/search-person.tom-hanks.json').results as Obj[])[0];
    expectSameShape(person, { ...recordedPerson, media_type: 'person' });
  });

  it('search/movie and search/tv rows match the recorded typed searches', async () => {
    const movie = await getJson(`${fake.baseUrl}/search/movie?query=Dexter&api_key=${key}`);
    const tv = await getJson(`${fake.baseUrl}/search/tv?query=Dexter&api_key=${key}`);
    const recMovie = fixture('tmdb/search-movie.game-of-thrones.nulls.json');
    const recTv = fixture('tmdb/search-tv.game-of-thrones.json');
    expect(keys(movie.body)).toEqual(keys(recMovie));
    for (const r of movie.body.results as Obj[]) expectSameShape(r, (recMovie.results as Obj[])[0]);
    for (const r of tv.body.results as Obj[]) expectSameShape(r, (recTv.results as Obj[])[0]);
    // The trap is reproduced: a movie with no date has "" rather than null.
    expect((movie.body.results as Obj[]).some((r) => r.release_date === '')).toBe(true);
  });

  it('tv/{id}/external_ids matches the spec example, with tvdb_id null where TheTVDB has none', async () => {
    const rec = fixture('tmdb/tv-external-ids.1399.json');
    const dexter = await getJson(`${fake.baseUrl}/tv/1405/external_ids?api_key=${key}`);
    const synthetic = await getJson(`${fake.baseUrl}/tv/990201/external_ids?api_key=${key}`);
    expectSameShape(dexter.body, rec);
    expect(dexter.body.tvdb_id).toBe(79349);
    expect(keys(synthetic.body)).toEqual(keys(rec));
    expect(synthetic.body.tvdb_id).toBeNull();
  });

  it('error bodies are the recorded ones: 401 bad key, 404 unknown id, 422 empty query', async () => {
    const bad = await getJson(`${fake.baseUrl}/search/multi?query=Dexter&api_key=wrong`);
    expect(bad).toEqual({ status: 401, body: fixture('tmdb/error.401.json') });
    const missing = await getJson(`${fake.baseUrl}/tv/424242/external_ids`, {
      authorization: `Bearer ${key}`,
    });
    expect(missing).toEqual({ status: 404, body: fixture('tmdb/error.404.json') });
    const empty = await getJson(`${fake.baseUrl}/search/multi?query=&api_key=${key}`);
    expect(empty).toEqual({ status: 422, body: fixture('tmdb/error.422.json') });
  });
});

describe('fake MusicBrainz vs recorded MusicBrainz', () => {
  let fake: FakeMusicBrainz;
  beforeAll(async () => {
    fake = await startFakeMusicBrainz({ minIntervalMs: 0 });
  });
  afterAll(() => fake.close());

  it('artist search has the recorded envelope and only recorded row keys, integer scores', async () => {
    const recs = [
      fixture('musicbrainz/artist-search.manowar.json'),
      fixture('musicbrainz/artist-search.solstice.json'),
    ];
    const allowed = unionKeys(recs.flatMap((r) => r.artists as Obj[]));
    const { status, body } = await getJson(`${fake.baseUrl}/artist?query=Heat&fmt=json`);
    expect(status).toBe(200);
    expect(keys(body)).toEqual(keys(recs[0]));
    const rows = body.artists as Obj[];
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expectKeysWithin(r, allowed);
      expect(Number.isInteger(r.score)).toBe(true);
      expect(r).not.toHaveProperty('disambiguation', null); // absent, never null
    }
  });

  it('release-group search rows, credits and releases use only recorded keys', async () => {
    const rec = fixture('musicbrainz/release-group-search.in-times-before-the-light.json');
    const recRows = rec['release-groups'] as Obj[];
    const { body } = await getJson(`${fake.baseUrl}/release-group?query=Blade%20Runner&fmt=json`);
    expect(keys(body)).toEqual(keys(rec));
    const rows = body['release-groups'] as Obj[];
    expect(rows.length).toBeGreaterThan(0);
    const credits = recRows.flatMap((r) => r['artist-credit'] as Obj[]);
    for (const r of rows) {
      expectKeysWithin(r, unionKeys(recRows));
      for (const c of r['artist-credit'] as Obj[]) {
        expectKeysWithin(c, unionKeys(credits));
        expectKeysWithin(c.artist, unionKeys(credits.map((x) => x.artist)));
      }
      for (const rel of r.releases as Obj[]) expectSameShape(rel, (recRows[0]?.releases as Obj[])[0]);
      expect(r.count).toBe((r.releases as Obj[]).length);
    }
  });
});

describe('fake Spotify vs recorded Spotify', () => {
  let fake: FakeSpotify;
  let token = '';
  beforeAll(async () => {
    fake = await startFakeSpotify({ clientId: 'id', clientSecret: 'secret' });
    const res = await fetch(`${fake.accountsBase}/api/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from('id:secret').toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    const body = (await res.json()) as Obj;
    expect(keys(body)).toEqual(['access_token', 'expires_in', 'token_type']);
    token = String(body.access_token);
  });
  afterAll(() => fake.close());

  it('artist and album paging objects and items match zmb3 and harmony recordings', async () => {
    const recArtists = fixture('spotify/search.artist.tania-bowra.json').artists as Obj;
    const recAlbums = fixture('spotify/search.album-upc.found.json').albums as Obj;
    const { status, body } = await getJson(`${fake.apiBase}/search?q=Radiohead&type=artist,album&limit=10`, {
      authorization: `Bearer ${token}`,
    });
    expect(status).toBe(200);
    const artists = body.artists as Obj;
    const albums = body.albums as Obj;
    expectSameShape(artists, recArtists);
    expectSameShape(albums, recAlbums);
    const recAlbum = (recAlbums.items as Obj[])[0] as Obj;
    for (const a of artists.items as Obj[]) expectSameShape(a, (recArtists.items as Obj[])[0]);
    for (const a of albums.items as Obj[]) {
      expectSameShape(a, recAlbum);
      for (const credit of a.artists as Obj[]) expectSameShape(credit, (recAlbum.artists as Obj[])[0]);
    }
  });

  it('errors have the Web API error object shape', async () => {
    const bad = await getJson(`${fake.apiBase}/search?q=Radiohead&type=artist`, {
      authorization: 'Bearer nope',
    });
    expect(bad).toEqual({ status: 401, body: { error: { status: 401, message: 'Invalid access token' } } });
  });
});
