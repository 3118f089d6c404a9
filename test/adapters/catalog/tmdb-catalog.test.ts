import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TmdbCatalog, type TmdbCatalogOptions } from '../../../adapters/catalog/tmdb/tmdb-catalog.js';
import type { Candidate, CatalogHit } from '../../../src/core/types.js';
import { startFakeTmdb, type FakeTmdb } from '../../fakes/tmdb.js';
import { upstreamFailure } from '../../helpers/upstream-failure.js';

const KEY = 'tmdb-test-key-5f3a9c';
const IMAGES = 'https://image.tmdb.org/t/p/w342';
const signal = (): AbortSignal => new AbortController().signal;

let fake: FakeTmdb;

beforeAll(async () => {
  fake = await startFakeTmdb({ apiKey: KEY });
});
afterAll(() => fake.close());
afterEach(() => {
  fake.fail(null);
  fake.setLatency(0);
  fake.calls.length = 0;
});

function catalog(opts: Partial<TmdbCatalogOptions> = {}): TmdbCatalog {
  return new TmdbCatalog({ apiKey: KEY, baseUrl: fake.baseUrl, imageBase: IMAGES, timeoutMs: 2000, ...opts });
}

function candidate(hit: Partial<CatalogHit> & Pick<CatalogHit, 'kind' | 'ids'>): Candidate {
  return {
    source: 'tmdb',
    title: 'x',
    key: 'k',
    sources: ['tmdb'],
    score: 1,
    factors: { title: 1, year: 1, popularity: 1, completeness: 1, recency: 1, kind: 1 },
    ...hit,
  };
}

describe('TmdbCatalog.search', () => {
  it('GIVEN "Dexter" with no hint THEN finds the 2006 series (tmdb 1405) via search/multi and drops the person row', async () => {
    const hits = await catalog().search({ title: 'Dexter' }, signal());

    const dexter = hits.find((h) => h.ids.tmdb === 1405);
    expect(dexter).toMatchObject({ source: 'tmdb', kind: 'series', title: 'Dexter', year: 2006 });
    expect(dexter?.posterUrl).toBe(`${IMAGES}/q8dWfc4JwQuv3HayIZeO84jAXED.jpg`);
    expect(dexter?.overview).toMatch(/^Dexter Morgan/);
    expect(hits.some((h) => h.title === 'Dexter Fletcher')).toBe(false);
    expect(hits.every((h) => h.kind === 'movie' || h.kind === 'series')).toBe(true);
    // The fake did mix a person in: the filter is what removed it.
    expect(fake.callsTo('GET', '/3/search/multi')).toHaveLength(1);
    expect(fake.calls).toHaveLength(1);
  });

  it('GIVEN a movie whose release_date is "" and poster_path null THEN it has no year and no poster', async () => {
    const hits = await catalog().search({ title: 'Dexter', hint: 'movie' }, signal());
    const doc = hits.find((h) => h.ids.tmdb === 990101);
    expect(doc).toBeDefined();
    expect(doc?.kind).toBe('movie');
    expect(doc?.year).toBeUndefined();
    expect(doc?.posterUrl).toBeUndefined();
    expect(fake.callsTo('GET', '/3/search/movie')).toHaveLength(1);
  });

  it('GIVEN hint series and a year THEN asks search/tv with first_air_date_year', async () => {
    const hits = await catalog().search({ title: 'Fargo', year: 2014, hint: 'series' }, signal());
    expect(hits.map((h) => [h.kind, h.ids.tmdb, h.year])).toEqual([['series', 60622, 2014]]);
    const [call] = fake.callsTo('GET', '/3/search/tv');
    expect(call?.query).toMatchObject({ query: 'Fargo', first_air_date_year: '2014' });
  });

  it('GIVEN hint movie and a year THEN asks search/movie with year', async () => {
    const hits = await catalog().search({ title: 'Dune', year: 1984, hint: 'movie' }, signal());
    expect(hits.map((h) => h.ids.tmdb)).toEqual([841]);
    expect(fake.callsTo('GET', '/3/search/movie')[0]?.query).toMatchObject({ query: 'Dune', year: '1984' });
  });

  it('GIVEN no hint and a year THEN adds the typed searches to search/multi and merges by id', async () => {
    const hits = await catalog().search({ title: 'Fargo', year: 1996 }, signal());
    expect(fake.calls.map((c) => c.path).sort()).toEqual([
      '/3/search/movie',
      '/3/search/multi',
      '/3/search/tv',
    ]);
    const keys = hits.map((h) => `${h.kind}:${h.ids.tmdb}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(expect.arrayContaining(['movie:275', 'series:60622']));
  });

  it('GIVEN a music hint THEN returns nothing without a request', async () => {
    for (const hint of ['music', 'artist', 'album'] as const) {
      expect(await catalog().search({ title: 'Heat', hint }, signal())).toEqual([]);
    }
    expect(await catalog().search({ title: '   ' }, signal())).toEqual([]);
    expect(fake.calls).toHaveLength(0);
  });

  it('THEN log-scales popularity into 0..1 and marks Japanese animation as anime', async () => {
    const c = catalog();
    const [bb] = await c.search({ title: 'Breaking Bad', hint: 'series' }, signal());
    const doc = (await c.search({ title: 'Dexter', hint: 'movie' }, signal())).find(
      (h) => h.ids.tmdb === 990101,
    );
    const [aot] = await c.search({ title: 'Attack on Titan', hint: 'series' }, signal());
    const [lab] = await c.search({ title: "Dexter's Laboratory", hint: 'series' }, signal());

    expect(bb?.popularity).toBe(1); // 298.9: past the ceiling (99) that puts "known" (9) at 0.5
    expect(doc?.popularity).toBeGreaterThan(0);
    expect(doc?.popularity).toBeLessThan(0.15); // 0.6: an obscure short
    expect(aot?.anime).toBe(true); // genre 16 and original_language ja
    expect(lab?.anime).toBeUndefined(); // genre 16 but English: a cartoon, not anime
  });

  it('GIVEN the same search twice THEN the second is served from the cache', async () => {
    const c = catalog();
    const first = await c.search({ title: 'Inception' }, signal());
    const second = await c.search({ title: 'Inception' }, signal());
    expect(second).toEqual(first);
    expect(fake.calls).toHaveLength(1);
  });

  it('GIVEN a v3 key THEN sends it as api_key; GIVEN a v4 token THEN as a Bearer header only', async () => {
    await catalog().search({ title: 'Heat', hint: 'movie' }, signal());
    expect(fake.calls[0]?.query.api_key).toBe(KEY);
    expect(fake.calls[0]?.headers.authorization).toBeUndefined();

    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJ0ZXN0In0.c2lnbmF0dXJl';
    const bearerFake = await startFakeTmdb({ apiKey: jwt });
    try {
      const hits = await catalog({ apiKey: jwt, baseUrl: bearerFake.baseUrl }).search(
        { title: 'Heat' },
        signal(),
      );
      expect(hits.map((h) => h.ids.tmdb)).toContain(949);
      expect(bearerFake.calls[0]?.headers.authorization).toBe(`Bearer ${jwt}`);
      expect(bearerFake.calls[0]?.query.api_key).toBeUndefined();
    } finally {
      await bearerFake.close();
    }
  });
});

describe('TmdbCatalog failures', () => {
  it('GIVEN a wrong key THEN fails as auth without the key in message or detail', async () => {
    const wrong = 'wrong-key-8d7e6f5a4b';
    const e = await upstreamFailure(catalog({ apiKey: wrong }).search({ title: 'Dexter' }, signal()));
    expect(e.failure).toBe('auth');
    expect(e.status).toBe(401);
    expect(e.service).toBe('tmdb');
    expect(e.detail).toContain('Invalid API key');
    expect(e.message).not.toContain(wrong);
    expect(e.detail ?? '').not.toContain(wrong);
    expect(String(e.stack)).not.toContain(wrong);
  });

  it('GIVEN malformed JSON THEN fails as bad_response', async () => {
    fake.fail({ kind: 'malformed' });
    const e = await upstreamFailure(catalog().search({ title: 'Dexter' }, signal()));
    expect(e.failure).toBe('bad_response');
    expect(e.message).not.toContain(KEY);
  });

  it('GIVEN a hung server THEN fails as timeout within the timeout', async () => {
    fake.fail({ kind: 'hang' });
    const started = Date.now();
    const e = await upstreamFailure(catalog({ timeoutMs: 300 }).search({ title: 'Dexter' }, signal()));
    expect(e.failure).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('GIVEN the server is down THEN fails as unavailable', async () => {
    const down = await startFakeTmdb({ apiKey: KEY });
    const url = down.baseUrl;
    await down.close();
    const e = await upstreamFailure(catalog({ baseUrl: url }).search({ title: 'Dexter' }, signal()));
    expect(e.failure).toBe('unavailable');
    expect(e.retryable).toBe(true);
  });
});

describe('TmdbCatalog.resolveIds', () => {
  it('GIVEN Dexter (tmdb 1405) THEN resolves tvdb 79349 and the imdb id', async () => {
    const ids = await catalog().resolveIds(candidate({ kind: 'series', ids: { tmdb: 1405 } }), signal());
    expect(ids).toEqual({ tvdb: 79349, imdb: 'tt0773262' });
    expect(fake.callsTo('GET', '/3/tv/1405/external_ids')).toHaveLength(1);
  });

  it('GIVEN a show TheTVDB does not know (tvdb_id null) THEN returns no tvdb id', async () => {
    const ids = await catalog().resolveIds(candidate({ kind: 'series', ids: { tmdb: 990201 } }), signal());
    expect(ids).toEqual({});
    expect(fake.callsTo('GET', '/3/tv/990201/external_ids')).toHaveLength(1);
  });

  it('GIVEN an id TMDb answers 404 for THEN returns {}', async () => {
    expect(
      await catalog().resolveIds(candidate({ kind: 'series', ids: { tmdb: 424242 } }), signal()),
    ).toEqual({});
  });

  it('GIVEN a movie, or a series that already has its tvdb id THEN asks nothing', async () => {
    const c = catalog();
    expect(await c.resolveIds(candidate({ kind: 'movie', ids: { tmdb: 27205 } }), signal())).toEqual({});
    expect(
      await c.resolveIds(candidate({ kind: 'series', ids: { tmdb: 1405, tvdb: 79349 } }), signal()),
    ).toEqual({});
    expect(fake.calls).toHaveLength(0);
  });

  it('GIVEN a wrong key THEN resolveIds fails as auth rather than answering {}', async () => {
    const e = await upstreamFailure(
      catalog({ apiKey: 'nope-nope-nope' }).resolveIds(
        candidate({ kind: 'series', ids: { tmdb: 1405 } }),
        signal(),
      ),
    );
    expect(e.failure).toBe('auth');
  });
});
