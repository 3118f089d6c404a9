import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RadarrBackend, type RadarrSettings } from '../../../adapters/arr/radarr/radarr-backend.js';
import { RadarrCatalog } from '../../../adapters/arr/radarr/radarr-catalog.js';
import { ServarrClient } from '../../../adapters/arr/servarr-client.js';
import { UpstreamError } from '../../../src/core/errors.js';
import { startFakeRadarr, type FakeRadarr } from '../../fakes/radarr.js';
import { candidate, signal } from './helpers.js';

const KEY = 'radarr-key-5f1c9a7e';
let radarr: FakeRadarr;

function backend(settings: Partial<RadarrSettings> = {}, apiKey = KEY) {
  const client = new ServarrClient({ service: 'radarr', url: radarr.url, apiKey, apiPath: '/api/v3' });
  const full: RadarrSettings = { minimumAvailability: 'released', searchOnAdd: true, ...settings };
  return { client, radarr: new RadarrBackend({ name: 'radarr', label: 'Radarr', client, settings: full }) };
}

const inception = candidate('movie', 'Inception', { tmdb: 27205, imdb: 'tt1375666' }, { year: 2010 });

beforeEach(async () => {
  radarr = await startFakeRadarr({ apiKey: KEY });
});
afterEach(async () => {
  await radarr.close();
});

describe('a movie reaches Radarr', () => {
  it('GIVEN no profile configured WHEN added THEN Radarr gets the tmdbId, the first profile and folder, and minimumAvailability released', async () => {
    const { radarr: b } = backend();
    const result = await b.add(inception, {}, signal());

    expect(result).toEqual({ outcome: 'added', itemId: expect.any(Number), searching: true });
    const [post] = radarr.posted;
    expect(post?.status).toBe(201);
    expect(post?.body).toMatchObject({
      tmdbId: 27205,
      title: 'Inception',
      year: 2010,
      qualityProfileId: 1,
      rootFolderPath: '/tmp',
      minimumAvailability: 'released',
      monitored: true,
      addOptions: { monitor: 'movieOnly', searchForMovie: true },
    });
    // Left out, Radarr would have stored "tba" (recorded); the stored movie shows what we sent.
    expect(radarr.movie(result.itemId!)).toMatchObject({ minimumAvailability: 'released', tmdbId: 27205 });
  });

  it('GIVEN a profile configured by name and search off THEN that profile id is sent and no search is claimed', async () => {
    const { radarr: b } = backend({
      qualityProfile: 'hd-1080p',
      rootFolder: '/tmp/',
      searchOnAdd: false,
      minimumAvailability: 'inCinemas',
    });
    const result = await b.add(inception, {}, signal());

    expect(result.searching).toBe(false);
    expect(radarr.posted[0]?.body).toMatchObject({
      qualityProfileId: 4,
      rootFolderPath: '/tmp',
      minimumAvailability: 'inCinemas',
      addOptions: { searchForMovie: false },
    });
  });

  it('GIVEN a profile name Radarr does not have THEN the add is refused naming the ones it has, and nothing is posted', async () => {
    const { radarr: b } = backend({ qualityProfile: '4K Remux' });
    const err = await b.add(inception, {}, signal()).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(UpstreamError);
    expect(err).toMatchObject({ failure: 'rejected', retryable: false });
    expect((err as UpstreamError).detail).toContain('quality profile "4K Remux" does not exist');
    expect((err as UpstreamError).detail).toContain('HD-1080p (4)');
    expect(radarr.posted).toHaveLength(0);
  });

  it('GIVEN a TMDb id Radarr cannot look up (404) THEN the add is refused, not retried', async () => {
    const { radarr: b } = backend();
    const err = await b
      .add(candidate('movie', 'Lost Film', { tmdb: 424242 }), {}, signal())
      .catch((e: unknown) => e);

    expect(err).toMatchObject({ failure: 'rejected', detail: expect.stringContaining('TMDb id 424242') });
    expect(radarr.callsTo('GET', '/api/v3/movie/lookup/tmdb')).toHaveLength(1);
  });
});

describe('already in the library', () => {
  it('GIVEN the movie is in Radarr WHEN the caller checks first THEN find returns it and nothing is posted', async () => {
    const id = radarr.addToLibrary(27205);
    const { radarr: b } = backend();

    expect(await b.find(inception, signal())).toEqual({ id, title: 'Inception', available: false });
    expect(radarr.callsTo('GET', '/api/v3/movie')[0]?.query).toEqual({ tmdbId: '27205' });
    expect(radarr.posted).toHaveLength(0);
  });

  it('GIVEN someone adds it between our lookup and our POST WHEN Radarr answers 400 "already been added" THEN the outcome is already_present with its id', async () => {
    const { radarr: b } = backend();
    let id = 0;
    radarr.beforeWrite = () => {
      id = radarr.addToLibrary(27205);
    };
    const result = await b.add(inception, {}, signal());

    expect(radarr.posted[0]?.status).toBe(400);
    expect(radarr.posted[0]?.body).toMatchObject({ tmdbId: 27205 });
    expect(result).toEqual({ outcome: 'already_present', itemId: id, searching: false });
  });

  it('GIVEN a movie not in Radarr THEN find returns null', async () => {
    const { radarr: b } = backend();
    expect(await b.find(inception, signal())).toBeNull();
  });
});

describe('status', () => {
  it('GIVEN an added movie WHEN the file arrives THEN status reports it available', async () => {
    const { radarr: b } = backend();
    const { itemId } = await b.add(inception, {}, signal());

    expect(await b.status(itemId!, 'movie', signal())).toEqual({
      id: itemId,
      title: 'Inception',
      available: false,
    });
    radarr.setHasFile(itemId!);
    expect(await b.status(itemId!, 'movie', signal())).toEqual({
      id: itemId,
      title: 'Inception',
      available: true,
    });
  });

  it('GIVEN the movie was deleted in Radarr THEN status is null', async () => {
    const { radarr: b } = backend();
    expect(await b.status(999, 'movie', signal())).toBeNull();
  });
});

describe('failures', () => {
  it('GIVEN a wrong API key THEN the error is auth and never shows the key', async () => {
    const wrong = 'wrong-key-3c8d2f11';
    const { radarr: b } = backend({}, wrong);
    const err = await b.find(inception, signal()).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(UpstreamError);
    expect(err).toMatchObject({ service: 'radarr', failure: 'auth', status: 401, retryable: false });
    const e = err as UpstreamError;
    expect(`${e.message} ${e.detail ?? ''}`).not.toContain(wrong);
    expect(radarr.calls[0]?.headers['x-api-key']).toBe(wrong);
  });

  it('GIVEN a movie without a TMDb id THEN Radarr cannot add it', () => {
    const { radarr: b } = backend();
    expect(b.canAdd(candidate('movie', 'Home Video', {}))).toBe(false);
    expect(b.canAdd(candidate('series', 'Dexter', { tmdb: 1405 }))).toBe(false);
    expect(b.canAdd(inception)).toBe(true);
  });
});

describe('RadarrCatalog', () => {
  it('GIVEN a title THEN the lookup array becomes movie hits with TMDb ids, posters and log-scaled popularity', async () => {
    const { client } = backend();
    const hits = await new RadarrCatalog(client).search({ title: 'Dune' }, signal());

    expect(hits.map((h) => [h.title, h.year, h.ids.tmdb])).toEqual([
      ['Dune: Part Two', 2024, 693134],
      ['Dune', 2021, 438631],
      ['Dune', 1984, 841],
    ]);
    const [top] = hits;
    expect(top).toMatchObject({ source: 'radarr', kind: 'movie', ids: { imdb: 'tt15239678' } });
    expect(top?.posterUrl).toMatch(/^https:\/\/image\.tmdb\.org\/.+\.jpg$/);
    expect(top?.popularity).toBeGreaterThan(hits[2]!.popularity!);
    expect(top?.popularity).toBeLessThanOrEqual(1);
  });

  it('GIVEN a movie with no release date (year 0) THEN the hit has no year rather than year 0', async () => {
    const { client } = backend();
    const hits = await new RadarrCatalog(client).search({ title: 'Dexter' }, signal());
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ title: 'Dexter', ids: { tmdb: 990101 } });
    expect(hits[0]).not.toHaveProperty('year');
  });

  it('GIVEN a movie in the library THEN its hit says so', async () => {
    radarr.addToLibrary(949);
    const { client } = backend();
    const hits = await new RadarrCatalog(client).search({ title: 'Heat' }, signal());
    expect(hits[0]).toMatchObject({ ids: { tmdb: 949 }, inLibrary: true });
  });

  it('GIVEN a series or music hint THEN it answers [] without asking Radarr', async () => {
    const { client } = backend();
    const catalog = new RadarrCatalog(client);
    expect(await catalog.search({ title: 'Dune', hint: 'series' }, signal())).toEqual([]);
    expect(await catalog.search({ title: 'Dune', hint: 'music' }, signal())).toEqual([]);
    expect(radarr.calls).toHaveLength(0);
    expect(await catalog.search({ title: 'Dune', hint: 'movie' }, signal())).toHaveLength(3);
  });
});
