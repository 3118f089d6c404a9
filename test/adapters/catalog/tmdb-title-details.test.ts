/**
 * The vocabulary's title resolver over TMDb (the fake, test/fakes/tmdb.ts): a film's TMDb and IMDb
 * ids (search/movie, then movie/{id}); a series' ids and episodes per season in one request
 * (search/tv, then tv/{id}?append_to_response=external_ids); and the search hit alone when the
 * details fail, within the resolver's one deadline.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TmdbCatalog } from '../../../adapters/catalog/tmdb/tmdb-catalog.js';
import { catalogTitleResolver } from '../../../src/core/vocab/catalog-titles.js';
import { startFakeTmdb, TMDB_404, type FakeTmdb } from '../../fakes/tmdb.js';

const KEY = 'tmdb-test-key-77c1d0';
const signal = () => AbortSignal.timeout(5000);

let fake: FakeTmdb;
beforeAll(async () => {
  fake = await startFakeTmdb({ apiKey: KEY });
});
afterAll(() => fake.close());
afterEach(() => {
  fake.fail(null);
  fake.calls.length = 0;
});

function resolver() {
  const tmdb = new TmdbCatalog({
    apiKey: KEY,
    baseUrl: fake.baseUrl,
    imageBase: 'https://img/w342',
    timeoutMs: 2000,
  });
  return { tmdb, titles: catalogTitleResolver(tmdb, tmdb) };
}

describe('GIVEN a film', () => {
  it('THEN its canonical title, year, TMDb id and the IMDb id from movie/{id}', async () => {
    const found = await resolver().titles.resolve('heat', signal());
    expect(found).toEqual({ title: 'Heat', year: 1995, kind: 'movie', tmdbId: 949, imdbId: 'tt0113277' });
    expect(fake.callsTo('GET', '/3/movie/949')).toHaveLength(1);
  });
});

describe('GIVEN a series', () => {
  it('THEN one tv/{id} request with external_ids appended gives the IMDb and TVDB ids and the episodes per season, specials left out', async () => {
    const found = await resolver().titles.resolve('breaking bad', signal(), 'tv');
    expect(found).toEqual({
      title: 'Breaking Bad',
      year: 2008,
      kind: 'tv',
      tmdbId: 1396,
      imdbId: 'tt0903747',
      tvdbId: 81189,
      episodesPerSeason: { 1: 7, 2: 13, 3: 13, 4: 13, 5: 16 },
    });
    expect(fake.callsTo('GET', '/3/tv/1396').map((c) => c.query.append_to_response)).toEqual([
      'external_ids',
    ]);
    expect(fake.callsTo('GET', '/3/tv/1396/external_ids')).toEqual([]);
  });

  it('THEN a series asked for as a film is not found', async () => {
    expect(await resolver().titles.resolve('breaking bad', signal())).toBeUndefined();
  });
});

describe('GIVEN details that fail', () => {
  it('THEN TMDb no longer knowing the id is no details, and the search hit is the answer', async () => {
    const { tmdb, titles } = resolver();
    expect(await tmdb.details('tv', 999_999, signal())).toBeUndefined();
    // The search is answered from the client's cache; the details request gets the 404.
    await tmdb.search({ title: 'heat', hint: 'movie' }, signal());
    fake.fail({ kind: 'status', status: 404, body: TMDB_404 }, 1);
    expect(await titles.resolve('heat', signal())).toEqual({
      title: 'Heat',
      year: 1995,
      kind: 'movie',
      tmdbId: 949,
    });
  });

  it('THEN a server error on the details still gives the search hit, without the ids it would have added', async () => {
    const { tmdb, titles } = resolver();
    await tmdb.search({ title: 'breaking bad', hint: 'series' }, signal());
    fake.fail({ kind: 'status', status: 503, body: { status_message: 'Service unavailable' } }, 3);
    expect(await titles.resolve('breaking bad', signal(), 'tv')).toEqual({
      title: 'Breaking Bad',
      year: 2008,
      kind: 'tv',
      tmdbId: 1396,
    });
  });
});
