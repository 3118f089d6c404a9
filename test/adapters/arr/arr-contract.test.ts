/**
 * The fakes enforce the official OpenAPI schemas on every write, so a passing add proves our body
 * is schema-valid. These tests show that the enforcement bites (a wrong body is refused the way
 * the real server refuses it) and that the fakes' shapes match the recorded exchanges.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../../../adapters/http-client/http-client.js';
import { z } from 'zod';
import { createBackends } from '../../../adapters/arr/create-backends.js';
import { arrEnv } from '../../../src/config/arr-env.js';
import { startFakeLidarr, type FakeLidarr } from '../../fakes/lidarr.js';
import { startFakeRadarr, type FakeRadarr } from '../../fakes/radarr.js';
import { fixture } from '../../fakes/servarr.js';
import { startFakeSonarr, type FakeSonarr } from '../../fakes/sonarr.js';
import { candidate, recordingLogger, signal } from './helpers.js';

const KEY = 'contract-key-4411';
const fakes: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

async function sonarrFake(version: 3 | 4): Promise<FakeSonarr> {
  const f = await startFakeSonarr({ version, apiKey: KEY });
  fakes.push(f);
  return f;
}

/** A raw POST through the project's HTTP client; resolves to the thrown error's failure and detail. */
async function rawPost(
  url: string,
  path: string,
  body: unknown,
): Promise<{ failure: string; status?: number; detail?: string }> {
  const http = new HttpClient({ service: 'raw', baseUrl: url, headers: { 'X-Api-Key': KEY }, retries: 0 });
  try {
    await http.json({ method: 'POST', path, body, schema: z.unknown() });
    return { failure: 'none' };
  } catch (e) {
    const err = e as { failure: string; status?: number; detail?: string };
    return { failure: err.failure, status: err.status, detail: err.detail };
  }
}

function sonarrBody(extra: Record<string, unknown> = {}) {
  return {
    tvdbId: 79349,
    title: 'Dexter',
    qualityProfileId: 1,
    rootFolderPath: '/tmp',
    seasonFolder: true,
    monitored: true,
    seriesType: 'standard',
    seasons: [{ seasonNumber: 1, monitored: true }],
    addOptions: { monitor: 'all', searchForMissingEpisodes: false },
    ...extra,
  };
}

describe('every body our backends send is schema-valid', () => {
  it('GIVEN all four backends add something THEN every write was accepted (201) by the schema-checking fakes', async () => {
    const sonarr = await sonarrFake(3);
    const radarr: FakeRadarr = await startFakeRadarr({ apiKey: KEY });
    const lidarr: FakeLidarr = await startFakeLidarr({ apiKey: KEY });
    fakes.push(radarr, lidarr);
    const env = arrEnv.parse({
      SONARR_URL: sonarr.url,
      SONARR_API_KEY: KEY,
      RADARR_URL: radarr.url,
      RADARR_API_KEY: KEY,
      LIDARR_URL: lidarr.url,
      LIDARR_API_KEY: KEY,
    });
    const { backends } = createBackends(env, recordingLogger());
    const by = (name: string) => backends.find((b) => b.name === name)!;

    await by('sonarr').add(
      candidate('series', 'Attack on Titan', { tvdb: 267440 }, { anime: true }),
      { monitor: 'firstSeason' },
      signal(),
    );
    await by('radarr').add(candidate('movie', 'Blade Runner 2049', { tmdb: 335984 }), {}, signal());
    await by('lidarr').add(
      candidate('artist', 'Hans Zimmer', { mbArtist: 'e6d5c6a2-3b9d-4f0e-8a7c-1d2b3c4d5e61' }),
      {},
      signal(),
    );
    await by('lidarr').add(
      candidate('album', 'OK Computer', {
        mbReleaseGroup: 'b1392450-e666-3926-a536-22c65f834433',
        mbArtist: 'a74b1b7f-71a5-4011-9441-d0b5e4122711',
      }),
      {},
      signal(),
    );

    const writes = [...sonarr.posted, ...radarr.posted, ...lidarr.posted];
    expect(writes.map((w) => `${w.method} ${w.path} ${w.status}`)).toEqual([
      'POST /api/v3/series 201',
      'POST /api/v3/movie 201',
      'POST /api/v1/artist 201',
      'POST /api/v1/album 201',
    ]);
  });
});

describe('the fakes refuse what the real servers refuse', () => {
  it('GIVEN a seriesType outside the spec enum THEN Sonarr answers 400 naming the property', async () => {
    const sonarr = await sonarrFake(4);
    const res = await rawPost(sonarr.url, '/api/v3/series', sonarrBody({ seriesType: 'cartoon' }));
    expect(res).toMatchObject({
      failure: 'rejected',
      status: 400,
      detail: expect.stringContaining('SeriesType must be equal to one of the allowed values'),
    });
    expect(sonarr.posted[0]?.status).toBe(400);
  });

  it('GIVEN a property SeriesResource does not have (a v3-era profileId) THEN 400', async () => {
    const sonarr = await sonarrFake(4);
    const res = await rawPost(sonarr.url, '/api/v3/series', sonarrBody({ profileId: 1 }));
    expect(res).toMatchObject({
      status: 400,
      detail: expect.stringContaining('ProfileId must NOT have additional properties'),
    });
  });

  it('GIVEN no tvdbId THEN the recorded Sonarr#7565 answer', async () => {
    const sonarr = await sonarrFake(4);
    const res = await rawPost(
      sonarr.url,
      '/api/v3/series',
      sonarrBody({ tvdbId: undefined, tmdbId: 990201 }),
    );
    expect(res).toMatchObject({ status: 400, detail: "'Tvdb Id' must be greater than '0'." });
  });

  it('GIVEN Sonarr v3 and no languageProfileId THEN "Language profile does not exist"; v4 accepts the same body', async () => {
    const v3 = await sonarrFake(3);
    expect(await rawPost(v3.url, '/api/v3/series', sonarrBody())).toMatchObject({
      status: 400,
      detail: 'Language profile does not exist',
    });
    expect(await rawPost(v3.url, '/api/v3/series', sonarrBody({ languageProfileId: 0 }))).toMatchObject({
      status: 400,
    });
    const v4 = await sonarrFake(4);
    expect(await rawPost(v4.url, '/api/v3/series', sonarrBody())).toEqual({ failure: 'none' });
  });

  it('GIVEN a quality profile or root folder the server lacks THEN both problems come back in one array', async () => {
    const sonarr = await sonarrFake(4);
    const res = await rawPost(
      sonarr.url,
      '/api/v3/series',
      sonarrBody({ qualityProfileId: 99, rootFolderPath: '/nope' }),
    );
    expect(res.detail).toBe("Quality Profile does not exist; Root folder '/nope' does not exist");
  });

  it('GIVEN a Radarr add monitor option outside the spec THEN 400', async () => {
    const radarr = await startFakeRadarr({ apiKey: KEY });
    fakes.push(radarr);
    const res = await rawPost(radarr.url, '/api/v3/movie', {
      tmdbId: 603,
      qualityProfileId: 1,
      rootFolderPath: '/tmp',
      addOptions: { monitor: 'everything', searchForMovie: false },
    });
    expect(res).toMatchObject({ status: 400, detail: expect.stringContaining('AddOptions.Monitor') });
  });

  it('GIVEN a Lidarr artist without metadataProfileId THEN 400', async () => {
    const lidarr = await startFakeLidarr({ apiKey: KEY });
    fakes.push(lidarr);
    const res = await rawPost(lidarr.url, '/api/v1/artist', {
      foreignArtistId: 'a74b1b7f-71a5-4011-9441-d0b5e4122711',
      artistName: 'Radiohead',
      qualityProfileId: 1,
      rootFolderPath: '/music/',
    });
    // Lidarr.Http RuleBuilderExtensions ValidId is GreaterThanValidator(0).
    expect(res).toMatchObject({ status: 400, detail: "'Metadata Profile Id' must be greater than '0'." });
  });

  it('GIVEN no API key at all THEN 401 with an empty body, on every app', async () => {
    const sonarr = await sonarrFake(4);
    const res = await fetch(`${sonarr.url}/api/v3/system/status`);
    expect(res.status).toBe(401);
    expect(await res.text()).toBe('');
    const viaQuery = await fetch(`${sonarr.url}/api/v3/system/status?apikey=${KEY}`);
    expect(await viaQuery.json()).toMatchObject({ appName: 'Sonarr', version: '4.0.19.2735' });
  });
});

describe('the fakes answer in the recorded shapes', () => {
  it('Sonarr v3 lookup results have exactly the keys of the recorded 3.0.4 lookup, no id, and the zero "added"', async () => {
    const sonarr = await sonarrFake(3);
    const [recorded] = fixture<Record<string, unknown>[]>('sonarr.series-lookup.tvdb-81189.flexget.json');
    const res = await fetch(`${sonarr.url}/api/v3/series/lookup?term=tvdb:81189`, {
      headers: { 'X-Api-Key': KEY },
    });
    const [served] = (await res.json()) as Record<string, unknown>[];

    expect(Object.keys(served!).sort()).toEqual(Object.keys(recorded!).sort());
    expect(served).not.toHaveProperty('id');
    expect(served).toMatchObject({
      added: '0001-01-01T00:00:00Z',
      tvdbId: 81189,
      imdbId: recorded!.imdbId,
      titleSlug: recorded!.titleSlug,
    });
  });

  it('Radarr lookups have every recorded 3.0.0 field that the current MovieResource still has', async () => {
    const radarr = await startFakeRadarr({ apiKey: KEY });
    fakes.push(radarr);
    const recorded = fixture<Record<string, unknown>>('radarr.movie-lookup-imdb.tt1690953.flexget.json');
    const spec = fixture<{ definitions: { MovieResource: { properties: Record<string, unknown> } } }>(
      'radarr.openapi-components.json',
    );
    const res = await fetch(`${radarr.url}/api/v3/movie/lookup/tmdb?tmdbId=27205`, {
      headers: { 'X-Api-Key': KEY },
    });
    const served = (await res.json()) as Record<string, unknown>;

    const missing = Object.keys(recorded).filter((k) => !(k in served));
    expect(missing.sort()).toEqual(['alternativeTitles', 'downloaded', 'profileId']);
    for (const k of missing) expect(spec.definitions.MovieResource.properties).not.toHaveProperty(k);
    expect(Array.isArray(served)).toBe(false);
    expect(served).not.toHaveProperty('id');
  });

  it('a 404 has the recorded {message, description} shape', async () => {
    const sonarr = await sonarrFake(4);
    const res = await fetch(`${sonarr.url}/api/v3/series/23`, { headers: { 'X-Api-Key': KEY } });
    const body = (await res.json()) as Record<string, unknown>;
    const recorded = fixture<Record<string, unknown>>('sonarr.series-404.flexget.json');
    expect(res.status).toBe(404);
    expect(Object.keys(body).sort()).toEqual(Object.keys(recorded).sort());
    expect(body.message).toBe(recorded.message);
  });

  it('a Radarr add answers 201 with the stored movie and an id, as recorded', async () => {
    const radarr = await startFakeRadarr({ apiKey: KEY });
    fakes.push(radarr);
    const recorded = fixture<Record<string, unknown>>('radarr.movie-post.201.flexget.json');
    const res = await fetch(`${radarr.url}/api/v3/movie`, {
      method: 'POST',
      headers: { 'X-Api-Key': KEY, 'content-type': 'application/json' },
      body: JSON.stringify({
        tmdbId: 603,
        title: 'The Matrix',
        qualityProfileId: 1,
        rootFolderPath: '/tmp',
        monitored: true,
        tags: [],
      }),
    });
    const body = (await res.json()) as Record<string, unknown>;
    expect(res.status).toBe(201);
    for (const k of [
      'id',
      'path',
      'folderName',
      'qualityProfileId',
      'monitored',
      'minimumAvailability',
      'tmdbId',
      'added',
    ]) {
      expect(recorded).toHaveProperty(k);
      expect(body).toHaveProperty(k);
    }
    // Recorded: minimumAvailability left out comes back as "tba".
    expect(body.minimumAvailability).toBe(recorded.minimumAvailability);
  });
});
