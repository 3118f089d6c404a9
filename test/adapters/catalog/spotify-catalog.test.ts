import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  SpotifyCatalog,
  type SpotifyCatalogOptions,
} from '../../../adapters/catalog/spotify/spotify-catalog.js';
import { albums as worldAlbums } from '../../fixtures/world.js';
import { startFakeSpotify, type FakeSpotify, type FakeSpotifyOptions } from '../../fakes/spotify.js';
import { upstreamFailure } from '../../helpers/upstream-failure.js';

const ID = 'spotify-client-id-1234';
const SECRET = 'spotify-client-secret-abcdef';
const signal = (): AbortSignal => new AbortController().signal;

let fake: FakeSpotify;

async function start(opts: FakeSpotifyOptions = {}): Promise<void> {
  await fake?.close();
  fake = await startFakeSpotify({ clientId: ID, clientSecret: SECRET, ...opts });
}

beforeEach(() => start());
afterEach(() => fake.close());

function catalog(opts: Partial<SpotifyCatalogOptions> = {}): SpotifyCatalog {
  return new SpotifyCatalog({
    clientId: ID,
    clientSecret: SECRET,
    apiBase: fake.apiBase,
    accountsBase: fake.accountsBase,
    timeoutMs: 2000,
    ...opts,
  });
}

const tokenCalls = (): number => fake.callsTo('POST', '/api/token').length;
const searchCalls = () => fake.callsTo('GET', '/v1/search');

describe('SpotifyCatalog.search', () => {
  it('GIVEN "Radiohead" with no hint THEN gets a client-credentials token and searches artists and albums', async () => {
    const hits = await catalog().search({ title: 'Radiohead' }, signal());

    const [token] = fake.callsTo('POST', '/api/token');
    expect(token?.headers.authorization).toBe(`Basic ${Buffer.from(`${ID}:${SECRET}`).toString('base64')}`);
    expect(token?.body).toEqual({ grant_type: 'client_credentials' });
    const [search] = searchCalls();
    expect(search?.query).toMatchObject({ q: 'Radiohead', type: 'artist,album', limit: '10' });
    expect(search?.headers.authorization).toMatch(/^Bearer BQ/);

    expect(hits).toEqual([
      {
        source: 'spotify',
        kind: 'artist',
        title: 'Radiohead',
        ids: { spotify: '4Z8W4fKeB5YxbusRsdQVPb' },
        popularity: 0.8,
        posterUrl: 'https://i.scdn.co/image/4Z8W4fKeB5YxbusRsdQVPb-640',
      },
      {
        source: 'spotify',
        kind: 'album',
        title: 'OK Computer',
        ids: { spotify: '6dVIqQ8qmQ5GBnJ9shOYGE' },
        artistName: 'Radiohead',
        year: 1997,
        posterUrl: 'https://i.scdn.co/image/6dVIqQ8qmQ5GBnJ9shOYGE-640',
        overview: 'Album by Radiohead (1997)',
      },
    ]);
    // No MusicBrainz ids: Lidarr cannot add these on their own.
    expect(hits.every((h) => h.ids.mbArtist === undefined && h.ids.mbReleaseGroup === undefined)).toBe(true);
  });

  it('GIVEN an artist or album hint THEN asks for that type only; GIVEN a video hint THEN asks nothing', async () => {
    const c = catalog();
    const artists = await c.search({ title: 'Vangelis', hint: 'artist' }, signal());
    const albums = await c.search({ title: 'Blade Runner', hint: 'album' }, signal());
    expect(artists.map((h) => h.kind)).toEqual(['artist']);
    expect(albums.map((h) => [h.kind, h.title, h.artistName, h.year])).toEqual([
      ['album', 'Blade Runner', 'Vangelis', 1994],
    ]);
    expect(searchCalls().map((s) => s.query.type)).toEqual(['artist', 'album']);

    expect(await c.search({ title: 'Heat', hint: 'movie' }, signal())).toEqual([]);
    expect(await c.search({ title: 'Heat', hint: 'series' }, signal())).toEqual([]);
    expect(searchCalls()).toHaveLength(2);
  });

  it('GIVEN partial release dates ("1997", "1997-05") THEN reads the year', async () => {
    await start({
      albums: [
        { ...worldAlbums[0]!, firstReleaseDate: '1997-05' },
        { ...worldAlbums[1]!, firstReleaseDate: '1994' },
      ],
    });
    const c = catalog();
    const [ok] = await c.search({ title: 'OK Computer', hint: 'album' }, signal());
    const [br] = await c.search({ title: 'Blade Runner', hint: 'album' }, signal());
    expect(ok?.year).toBe(1997);
    expect(br?.year).toBe(1994);
  });

  it('GIVEN several searches, some at once THEN one token serves them all and no request asks for more than 10', async () => {
    const c = catalog();
    await Promise.all([
      c.search({ title: 'Radiohead' }, signal()),
      c.search({ title: 'Vangelis' }, signal()),
      c.search({ title: 'Hans Zimmer' }, signal()),
    ]);
    await c.search({ title: 'Heat', hint: 'artist' }, signal());
    expect(tokenCalls()).toBe(1);
    expect(searchCalls()).toHaveLength(4);
    expect(searchCalls().every((s) => Number(s.query.limit) <= 10)).toBe(true);
  });

  it('GIVEN the token is revoked THEN a 401 triggers one refresh and the search succeeds', async () => {
    const c = catalog();
    await c.search({ title: 'Radiohead', hint: 'artist' }, signal());
    fake.revokeTokens();

    const hits = await c.search({ title: 'Vangelis', hint: 'artist' }, signal());
    expect(hits.map((h) => h.title)).toEqual(['Vangelis']);
    expect(tokenCalls()).toBe(2);
    expect(searchCalls()).toHaveLength(3); // ok, 401, ok
    const [first, refused, retried] = searchCalls();
    expect(refused?.headers.authorization).toBe(first?.headers.authorization);
    expect(retried?.headers.authorization).not.toBe(refused?.headers.authorization);
  });

  it('GIVEN tokens that live only 60 s THEN each search fetches a fresh one (refresh a minute early)', async () => {
    await start({ tokenLifetimeSec: 60 });
    const c = catalog();
    await c.search({ title: 'Radiohead', hint: 'artist' }, signal());
    await c.search({ title: 'Vangelis', hint: 'artist' }, signal());
    expect(tokenCalls()).toBe(2);
  });
});

describe('SpotifyCatalog failures', () => {
  it('GIVEN a wrong client secret THEN fails as auth without the secret anywhere', async () => {
    const wrong = 'not-the-secret-9f8e7d';
    const e = await upstreamFailure(
      catalog({ clientSecret: wrong }).search({ title: 'Radiohead' }, signal()),
    );
    expect(e.failure).toBe('auth');
    expect(e.service).toBe('spotify');
    expect(e.detail).toContain('invalid_client');
    const basic = Buffer.from(`${ID}:${wrong}`).toString('base64');
    for (const text of [e.message, e.detail ?? '', String(e.stack)]) {
      expect(text).not.toContain(wrong);
      expect(text).not.toContain(basic);
    }
    expect(searchCalls()).toHaveLength(0);
  });

  it('GIVEN malformed JSON from search THEN fails as bad_response', async () => {
    const c = catalog();
    await c.search({ title: 'Radiohead', hint: 'artist' }, signal());
    fake.fail({ kind: 'malformed' });
    const e = await upstreamFailure(c.search({ title: 'Vangelis', hint: 'artist' }, signal()));
    expect(e.failure).toBe('bad_response');
  });

  it('GIVEN a hung server THEN fails as timeout within the timeout', async () => {
    fake.fail({ kind: 'hang' });
    const started = Date.now();
    const e = await upstreamFailure(catalog({ timeoutMs: 300 }).search({ title: 'Radiohead' }, signal()));
    expect(e.failure).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('GIVEN the fake THEN it refuses limit 20 as the current API does (older clients asked for 20/50)', async () => {
    const basic = Buffer.from(`${ID}:${SECRET}`).toString('base64');
    const tokenRes = await fetch(`${fake.accountsBase}/api/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    const { access_token } = (await tokenRes.json()) as { access_token: string };
    const res = await fetch(`${fake.apiBase}/search?q=Radiohead&type=artist&limit=20`, {
      headers: { authorization: `Bearer ${access_token}` },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { status: 400, message: 'Invalid limit' } });
  });
});
