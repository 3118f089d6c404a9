import { afterEach, describe, expect, it } from 'vitest';
import { ServarrClient } from '../../../adapters/arr/servarr-client.js';
import { SonarrCatalog } from '../../../adapters/arr/sonarr/sonarr-catalog.js';
import { startFakeSonarr, type FakeSonarr } from '../../fakes/sonarr.js';
import { candidate, signal } from './helpers.js';

const KEY = 'sonarr-key-9d1f00aa';
let sonarr: FakeSonarr | undefined;

async function catalog(version: 3 | 4) {
  sonarr = await startFakeSonarr({ version, apiKey: KEY });
  const client = new ServarrClient({ service: 'sonarr', url: sonarr.url, apiKey: KEY, apiPath: '/api/v3' });
  return { fake: sonarr, catalog: new SonarrCatalog(client) };
}

afterEach(async () => {
  await sonarr?.close();
  sonarr = undefined;
});

const lookupTerms = (fake: FakeSonarr) =>
  fake.callsTo('GET', '/api/v3/series/lookup').map((c) => c.query.term);

describe('SonarrCatalog.search', () => {
  it('GIVEN "Dexter" on v4 THEN every hit is a series with TVDB and TMDb ids, a year, a poster and log-scaled votes', async () => {
    const { catalog: c } = await catalog(4);
    const hits = await c.search({ title: 'Dexter' }, signal());

    expect(hits.map((h) => [h.title, h.year, h.ids.tvdb, h.ids.tmdb])).toEqual([
      ['Dexter', 2006, 79349, 1405],
      ['Dexter: Original Sin', 2024, 427264, 219937],
      ['Dexter: New Blood', 2021, 392256, 131927],
      ["Dexter's Laboratory", 1996, 75164, 4229],
    ]);
    for (const h of hits) {
      expect(h).toMatchObject({
        source: 'sonarr',
        kind: 'series',
        posterUrl: expect.stringMatching(/^https:\/\/artworks\.thetvdb\.com\//),
      });
      expect(h.popularity).toBeGreaterThan(0);
      expect(h.popularity).toBeLessThanOrEqual(1);
      expect(h).not.toHaveProperty('inLibrary');
    }
    // 4,500 votes vs 1,300: more votes, more popular, but on a log scale.
    expect(hits[0]!.popularity!).toBeGreaterThan(hits[2]!.popularity!);
    expect(hits[0]!.popularity! / hits[2]!.popularity!).toBeLessThan(1.5);
    expect(hits[0]).toMatchObject({
      ids: { imdb: 'tt0773262' },
      overview: expect.stringContaining('Dexter Morgan'),
    });
  });

  it('GIVEN v3 (no tmdbId in lookups) THEN hits carry TVDB ids only', async () => {
    const { catalog: c } = await catalog(3);
    const [first] = await c.search({ title: 'Breaking Bad' }, signal());
    expect(first).toMatchObject({ title: 'Breaking Bad', ids: { tvdb: 81189, imdb: 'tt0903747' } });
    expect(first?.ids).not.toHaveProperty('tmdb');
  });

  it('GIVEN an anime show THEN its hit is marked anime (TheTVDB genre "Anime")', async () => {
    const { catalog: c } = await catalog(4);
    const [titan] = await c.search({ title: 'Attack on Titan' }, signal());
    expect(titan).toMatchObject({ ids: { tvdb: 267440 }, anime: true });
    const [bb] = await c.search({ title: 'Breaking Bad' }, signal());
    expect(bb).not.toHaveProperty('anime');
  });

  it('GIVEN a show in the library THEN its hit is marked inLibrary', async () => {
    const { fake, catalog: c } = await catalog(4);
    fake.addToLibrary(81189);
    const [bb] = await c.search({ title: 'Breaking Bad' }, signal());
    expect(bb).toMatchObject({ ids: { tvdb: 81189 }, inLibrary: true });
  });

  it('GIVEN a show TheTVDB does not know THEN Sonarr finds nothing', async () => {
    const { catalog: c } = await catalog(4);
    expect(await c.search({ title: 'Tiny Kitchen Stories' }, signal())).toEqual([]);
  });

  it('GIVEN a movie or music hint THEN it answers [] without asking Sonarr', async () => {
    const { fake, catalog: c } = await catalog(4);
    expect(await c.search({ title: 'Fargo', hint: 'movie' }, signal())).toEqual([]);
    expect(await c.search({ title: 'Fargo', hint: 'artist' }, signal())).toEqual([]);
    expect(fake.calls).toHaveLength(0);
    expect(await c.search({ title: 'Fargo', hint: 'series' }, signal())).toHaveLength(1);
  });

  it('passes the signal through: an aborted search fails without an answer', async () => {
    const { fake, catalog: c } = await catalog(4);
    fake.setLatency(500);
    const err = await c.search({ title: 'Dexter' }, AbortSignal.timeout(50)).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'UpstreamError', failure: 'timeout' });
  });
});

describe('SonarrCatalog.resolveIds', () => {
  const tmdbOnly = candidate('series', 'Dexter', { tmdb: 1405 }, { year: 2006 });

  it('GIVEN v4 and a TMDb-only candidate THEN the TVDB id comes from term=tmdb:', async () => {
    const { fake, catalog: c } = await catalog(4);
    expect(await c.resolveIds(tmdbOnly, signal())).toEqual({ tvdb: 79349, tmdb: 1405, imdb: 'tt0773262' });
    expect(lookupTerms(fake)).toEqual(['tmdb:1405']);
  });

  it('GIVEN v3 (no tmdb: lookups) THEN it searches the title and takes the one whose year matches', async () => {
    const { fake, catalog: c } = await catalog(3);
    expect(await c.resolveIds(tmdbOnly, signal())).toEqual({ tvdb: 79349, imdb: 'tt0773262' });
    expect(lookupTerms(fake)).toEqual(['Dexter']);
  });

  it('GIVEN v3 and a year no result has THEN it does not guess', async () => {
    const { catalog: c } = await catalog(3);
    expect(await c.resolveIds({ ...tmdbOnly, year: 1999 }, signal())).toEqual({});
  });

  it('GIVEN a show TheTVDB does not have THEN nothing is found on either version', async () => {
    const tiny = candidate('series', 'Tiny Kitchen Stories', { tmdb: 990201 }, { year: 2019 });
    const v4 = await catalog(4);
    expect(await v4.catalog.resolveIds(tiny, signal())).toEqual({});
    expect(lookupTerms(v4.fake)).toEqual(['tmdb:990201', 'Tiny Kitchen Stories']);
    await v4.fake.close();
    const v3 = await catalog(3);
    expect(await v3.catalog.resolveIds(tiny, signal())).toEqual({});
  });

  it('GIVEN a candidate that already has a TVDB id, or is not a series THEN it asks nothing', async () => {
    const { fake, catalog: c } = await catalog(4);
    expect(await c.resolveIds(candidate('series', 'Dexter', { tmdb: 1405, tvdb: 79349 }), signal())).toEqual(
      {},
    );
    expect(await c.resolveIds(candidate('movie', 'Heat', { tmdb: 949 }), signal())).toEqual({});
    expect(fake.calls).toHaveLength(0);
  });
});
