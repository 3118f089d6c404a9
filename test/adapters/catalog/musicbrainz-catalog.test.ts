import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MusicBrainzCatalog,
  type MusicBrainzCatalogOptions,
} from '../../../adapters/catalog/musicbrainz/musicbrainz-catalog.js';
import { artistSearch, releaseGroupSearch } from '../../../adapters/catalog/musicbrainz/schemas.js';
import { mbScore, startFakeMusicBrainz, type FakeMusicBrainz } from '../../fakes/musicbrainz.js';
import { upstreamFailure } from '../../helpers/upstream-failure.js';

const RADIOHEAD = 'a74b1b7f-71a5-4011-9441-d0b5e4122711';
const VANGELIS = '1ca2f7c4-8a1b-4c8d-9a63-2f1f3f5e0a11';
/** Small intervals keep the file fast; the client and the fake agree on them unless a test says not. */
const INTERVAL = 200;
const signal = (): AbortSignal => new AbortController().signal;

let fake: FakeMusicBrainz;

beforeEach(async () => {
  // A fresh fake per test: its rate-limit memory must not carry over from the previous test.
  fake = await startFakeMusicBrainz({ minIntervalMs: INTERVAL });
});
afterEach(() => fake.close());

function catalog(opts: Partial<MusicBrainzCatalogOptions> = {}): MusicBrainzCatalog {
  return new MusicBrainzCatalog({ baseUrl: fake.baseUrl, minIntervalMs: INTERVAL, timeoutMs: 2000, ...opts });
}

describe('MusicBrainzCatalog.search', () => {
  it('GIVEN hint artist THEN searches /artist as JSON with a meaningful User-Agent', async () => {
    const hits = await catalog().search({ title: 'Radiohead', hint: 'artist' }, signal());

    expect(hits).toEqual([
      {
        source: 'musicbrainz',
        kind: 'artist',
        title: 'Radiohead',
        ids: { mbArtist: RADIOHEAD },
        overview: 'Group from GB',
      },
    ]);
    const [call] = fake.callsTo('GET', '/ws/2/artist');
    expect(call?.query).toMatchObject({ query: 'Radiohead', limit: '10', fmt: 'json' });
    expect(call?.headers['user-agent']).toBe('reelbot/0.1.0 ( https://github.com/reelbot/reelbot )');
    expect(fake.calls).toHaveLength(1);
  });

  it('GIVEN a contact THEN it goes into the User-Agent', async () => {
    await catalog({ contact: 'ops@example.org' }).search({ title: 'Vangelis', hint: 'artist' }, signal());
    expect(fake.calls[0]?.headers['user-agent']).toBe('reelbot/0.1.0 ( ops@example.org )');
  });

  it('GIVEN hint album THEN maps the release group with its artist, year, overview and release-count popularity', async () => {
    const [album] = await catalog().search({ title: 'Blade Runner', hint: 'album' }, signal());

    expect(album).toMatchObject({
      source: 'musicbrainz',
      kind: 'album',
      title: 'Blade Runner',
      ids: { mbReleaseGroup: '3c8e1f6a-2b7d-4e59-9a10-5f4d3c2b1a08', mbArtist: VANGELIS },
      artistName: 'Vangelis',
      year: 1994,
      overview: 'Soundtrack album by Vangelis (1994)',
    });
    // 27 releases on the shared scale: 9 releases is "known" (0.5), so the ceiling is (1 + 9)² − 1.
    expect(album?.popularity).toBeCloseTo(Math.log1p(27) / Math.log1p(99), 6);
    expect(album?.soundtrack).toBe(true);
    expect(fake.callsTo('GET', '/ws/2/release-group')[0]?.query).toMatchObject({ limit: '10', fmt: 'json' });
    expect(fake.callsTo('GET', '/ws/2/artist')).toHaveLength(0);
  });

  it('GIVEN a partial first-release-date ("1979") THEN the year is still read', async () => {
    const hits = await catalog().search({ title: 'Heat', hint: 'album' }, signal());
    expect(hits.map((h) => [h.title, h.year, h.artistName])).toEqual([['Heat', 1979, 'Heat']]);
  });

  it('GIVEN no hint THEN finds artists and albums in ONE release-group search by title or artist', async () => {
    const hits = await catalog().search({ title: 'Heat' }, signal());

    expect(fake.calls.map((c) => c.path)).toEqual(['/ws/2/release-group']);
    expect(fake.calls[0]?.query.query).toBe('releasegroup:(Heat) OR artistname:(Heat)');
    // The album called Heat, and its band, told apart from the film by kind.
    expect(hits.map((h) => `${h.kind}:${h.title}:${h.overview}`)).toEqual([
      'artist:Heat:1970s Los Angeles funk band',
      'album:Heat:Album by Heat (1979)',
    ]);
  });

  it('GIVEN no hint and an artist name THEN the artist comes from the credits, with their MBID', async () => {
    const hits = await catalog().search({ title: 'Radiohead' }, signal());
    const artist = hits.find((h) => h.kind === 'artist');
    expect(artist).toMatchObject({ title: 'Radiohead', ids: { mbArtist: RADIOHEAD } });
    expect(artist?.popularity).toBeGreaterThan(0.5);
    expect(fake.calls).toHaveLength(1);
  });

  it('GIVEN an artist with a sort name and aliases THEN they are its other titles, from the credits or its own row', async () => {
    await fake.close();
    fake = await startFakeMusicBrainz({
      minIntervalMs: INTERVAL,
      sortNames: { [RADIOHEAD]: 'Radiohead' },
      // Shape of the credited artist's aliases in live.release-group-search.in-times-before-the-light.
      aliases: { [RADIOHEAD]: [{ name: 'On a Friday', 'sort-name': 'On a Friday', type: 'Artist name' }] },
    });
    const c = catalog();
    const fromCredits = (await c.search({ title: 'Radiohead' }, signal())).find((h) => h.kind === 'artist');
    expect(fromCredits?.otherTitles).toEqual(['On a Friday']);
    const [fromRow] = await c.search({ title: 'Radiohead', hint: 'artist' }, signal());
    expect(fromRow?.otherTitles).toEqual(['On a Friday']);
  });

  it('GIVEN rows scored below 60 THEN they are dropped', async () => {
    // The fake does return both Heat bands for "Heat wave", as a fuzzy tail …
    expect(mbScore('Heat', 'Heat wave')).toBeGreaterThan(0);
    expect(mbScore('Heat', 'Heat wave')).toBeLessThan(60);
    const hits = await catalog().search({ title: 'Heat wave', hint: 'artist' }, signal());
    // … and the catalog keeps none of them.
    expect(hits).toEqual([]);
    expect(fake.calls).toHaveLength(1);
  });

  it('GIVEN Lucene special characters THEN escapes them', async () => {
    await catalog().search({ title: 'AC/DC (live) "Back in Black"?', hint: 'artist' }, signal());
    expect(fake.calls[0]?.query.query).toBe('AC\\/DC \\(live\\) \\"Back in Black\\"\\?');
  });

  it('GIVEN a movie or series hint THEN asks nothing', async () => {
    expect(await catalog().search({ title: 'Heat', hint: 'movie' }, signal())).toEqual([]);
    expect(await catalog().search({ title: 'Heat', hint: 'series' }, signal())).toEqual([]);
    expect(fake.calls).toHaveLength(0);
  });

  it('GIVEN the same search twice THEN the second costs no request', async () => {
    const c = catalog();
    await c.search({ title: 'Vangelis', hint: 'artist' }, signal());
    await c.search({ title: 'Vangelis', hint: 'artist' }, signal());
    expect(fake.calls).toHaveLength(1);
  });
});

describe('MusicBrainzCatalog rate limit', () => {
  it('GIVEN a deadline 0.5 s away THEN a second concurrent search fails fast as rate_limited instead of queueing', async () => {
    fake.minIntervalMs = 0;
    fake.setLatency(300);
    const c = catalog({ minIntervalMs: 1000 });
    const first = c.search({ title: 'Radiohead', hint: 'artist' }, signal());
    await new Promise((r) => setTimeout(r, 50));

    const started = Date.now();
    const e = await upstreamFailure(
      c.search({ title: 'Vangelis', hint: 'artist' }, signal(), Date.now() + 500),
    );
    expect(e.failure).toBe('rate_limited');
    expect(e.status).toBeUndefined(); // ours, not the server's: nothing was sent
    // Queueing would have waited for the first search's turn to end (about 1 s); not a benchmark.
    expect(Date.now() - started).toBeLessThan(450);
    expect(fake.calls).toHaveLength(1);
    expect((await first).map((h) => h.ids.mbArtist)).toEqual([RADIOHEAD]);
  });

  it('GIVEN a search queued behind the rate limit longer than its grace THEN it fails fast without a request', async () => {
    const c = catalog({ minIntervalMs: 1000 });
    fake.minIntervalMs = 1000;
    await c.search({ title: 'Radiohead', hint: 'artist' }, signal(), Date.now() + 2000);
    const started = Date.now();
    const e = await upstreamFailure(
      c.search({ title: 'Vangelis', hint: 'artist' }, signal(), Date.now() + 2000),
    );
    expect(e.failure).toBe('rate_limited');
    // The queue's wait would be about 1 s; not a benchmark.
    expect(Date.now() - started).toBeLessThan(600);
    expect(fake.calls).toHaveLength(1);
  });

  it('GIVEN no hint and a server error THEN the search fails rather than hiding it', async () => {
    const c = catalog();
    fake.fail({ kind: 'status', status: 500, body: { error: 'Internal server error' } });
    const e = await upstreamFailure(c.search({ title: 'Radiohead' }, signal()));
    expect(e.failure).toBe('server_error');
  });

  it('GIVEN a deadline far enough away THEN the second search waits its turn', async () => {
    const c = catalog();
    const [a, b] = await Promise.all([
      c.search({ title: 'Radiohead', hint: 'artist' }, signal(), Date.now() + 3000),
      c.search({ title: 'Vangelis', hint: 'artist' }, signal(), Date.now() + 3000),
    ]);
    expect(a.map((h) => h.title)).toEqual(['Radiohead']);
    expect(b.map((h) => h.title)).toEqual(['Vangelis']);
    expect(fake.throttled).toBe(0);
  });

  it('GIVEN a client configured faster than the server allows THEN the 503 surfaces as rate_limited', async () => {
    fake.minIntervalMs = 1000;
    const c = catalog({ minIntervalMs: 0 });
    await c.search({ title: 'Radiohead', hint: 'artist' }, signal());
    const e = await upstreamFailure(c.search({ title: 'Vangelis', hint: 'artist' }, signal()));
    expect(e.failure).toBe('rate_limited');
    expect(e.status).toBe(503);
    expect(e.detail).toContain('exceeding the allowable rate limit');
    expect(fake.throttled).toBeGreaterThan(0);
  });

  it("GIVEN node's default User-Agent THEN the fake refuses it, as MusicBrainz does", async () => {
    const res = await fetch(`${fake.baseUrl}/artist?query=Radiohead&fmt=json`);
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/User-Agent/);
  });
});

describe('MusicBrainz failures and schemas', () => {
  it('GIVEN malformed JSON THEN fails as bad_response', async () => {
    fake.fail({ kind: 'malformed' });
    const e = await upstreamFailure(catalog().search({ title: 'Radiohead', hint: 'artist' }, signal()));
    expect(e.failure).toBe('bad_response');
  });

  it('GIVEN a hung server THEN fails as timeout within the timeout', async () => {
    fake.fail({ kind: 'hang' });
    const started = Date.now();
    const e = await upstreamFailure(
      catalog({ timeoutMs: 300 }).search({ title: 'Radiohead', hint: 'artist' }, signal()),
    );
    expect(e.failure).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('GIVEN old JSON with string scores and absent optional fields THEN parses', () => {
    const artists = artistSearch.parse({ artists: [{ id: 'x', score: '100', name: 'Manowar' }] });
    expect(artists.artists[0]?.score).toBe(100);
    const groups = releaseGroupSearch.parse({
      'release-groups': [{ id: 'y', score: '87', title: 'Into Glory Ride' }],
    });
    expect(groups['release-groups'][0]).toEqual({ id: 'y', score: 87, title: 'Into Glory Ride' });
  });
});
