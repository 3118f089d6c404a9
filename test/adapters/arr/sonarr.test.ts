import { afterEach, describe, expect, it } from 'vitest';
import { ServarrClient } from '../../../adapters/arr/servarr-client.js';
import { SonarrBackend, type SonarrSettings } from '../../../adapters/arr/sonarr/sonarr-backend.js';
import { UpstreamError } from '../../../src/core/errors.js';
import { startFakeSonarr, type FakeSonarr } from '../../fakes/sonarr.js';
import { candidate, recordingLogger, signal } from './helpers.js';

const KEY = 'sonarr-key-0b7e44d2';
let sonarr: FakeSonarr | undefined;

async function setup(version: 3 | 4, settings: Partial<SonarrSettings> = {}, apiKey = KEY) {
  sonarr = await startFakeSonarr({ version, apiKey: KEY });
  const logger = recordingLogger();
  const client = new ServarrClient({ service: 'sonarr', url: sonarr.url, apiKey, apiPath: '/api/v3' });
  const b = new SonarrBackend({
    name: 'sonarr',
    label: 'Sonarr',
    client,
    settings: { monitor: 'all', searchOnAdd: true, ...settings },
    logger,
  });
  return { fake: sonarr, backend: b, client, logger };
}

afterEach(async () => {
  await sonarr?.close();
  sonarr = undefined;
});

const dexter = candidate('series', 'Dexter', { tmdb: 1405, tvdb: 79349, imdb: 'tt0773262' }, { year: 2006 });
const titan = candidate(
  'series',
  'Attack on Titan',
  { tmdb: 1429, tvdb: 267440 },
  { year: 2013, anime: true },
);

describe('a show reaches Sonarr', () => {
  it('GIVEN Sonarr v4 WHEN Dexter is added THEN the body has the tvdbId, seasons from the lookup and NO languageProfileId', async () => {
    const { fake, backend } = await setup(4);
    const result = await backend.add(dexter, {}, signal());

    expect(result).toEqual({ outcome: 'added', itemId: expect.any(Number), searching: true });
    const [post] = fake.posted;
    expect(post?.status).toBe(201);
    expect(post?.body).toMatchObject({
      tvdbId: 79349,
      title: 'Dexter',
      qualityProfileId: 1,
      rootFolderPath: '/tmp',
      seasonFolder: true,
      monitored: true,
      seriesType: 'standard',
      addOptions: { monitor: 'all', searchForMissingEpisodes: true },
    });
    expect((post?.body as { seasons: unknown[] }).seasons).toHaveLength(9);
    expect((post?.body as { seasons: unknown[] }).seasons[0]).toEqual({ seasonNumber: 0, monitored: false });
    expect(post?.body).not.toHaveProperty('languageProfileId');
    expect(fake.callsTo('GET', '/api/v3/languageprofile')).toHaveLength(0);
  });

  it('GIVEN Sonarr v3 WHEN Dexter is added THEN the body carries the first language profile id', async () => {
    const { fake, backend } = await setup(3);
    const result = await backend.add(dexter, {}, signal());

    expect(result.outcome).toBe('added');
    expect(fake.posted[0]).toMatchObject({ status: 201, body: { tvdbId: 79349, languageProfileId: 1 } });
    expect(fake.callsTo('GET', '/api/v3/languageprofile')).toHaveLength(1);
  });

  it('GIVEN Sonarr v3 and its 2020-era quality profiles (cutoff as an object) THEN a profile configured by id still resolves', async () => {
    const { fake, backend } = await setup(3, { qualityProfile: '4' });
    await backend.add(dexter, {}, signal());
    expect(fake.posted[0]?.body).toMatchObject({ qualityProfileId: 4 });
  });

  it('GIVEN an anime show and an anime folder and profile THEN it is added as seriesType anime there', async () => {
    const { fake, backend } = await setup(4, { animeRootFolder: '/anime', animeQualityProfile: 'HD-1080p' });
    fake.addRootFolder('/anime');
    await backend.add(titan, {}, signal());

    expect(fake.posted[0]).toMatchObject({
      status: 201,
      body: { tvdbId: 267440, seriesType: 'anime', rootFolderPath: '/anime', qualityProfileId: 4 },
    });
  });

  it('GIVEN an anime show and no anime settings THEN it goes to the normal folder, still as seriesType anime', async () => {
    const { fake, backend } = await setup(4);
    await backend.add({ ...titan, anime: false }, {}, signal());
    // Sonarr's lookup lists the genre "Anime", which is enough on its own.
    expect(fake.posted[0]?.body).toMatchObject({ seriesType: 'anime', rootFolderPath: '/tmp' });
  });

  it('GIVEN a monitor option THEN each version gets its own spelling, and v3 gets "all" for a v4-only option', async () => {
    const v4 = await setup(4);
    await v4.backend.add(dexter, { monitor: 'latestSeason' }, signal());
    expect(v4.fake.posted[0]?.body).toMatchObject({ addOptions: { monitor: 'lastSeason' } });
    await v4.fake.close();

    const v3 = await setup(3, { monitor: 'lastSeason' });
    await v3.backend.add(dexter, {}, signal());
    expect(v3.fake.posted[0]?.body).toMatchObject({ addOptions: { monitor: 'latestSeason' } });
    await v3.fake.close();

    const v3b = await setup(3);
    await v3b.backend.add(dexter, { monitor: 'recent' }, signal());
    expect(v3b.fake.posted[0]).toMatchObject({ status: 201, body: { addOptions: { monitor: 'all' } } });
    expect(v3b.logger.lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        obj: expect.objectContaining({ asked: 'recent', used: 'all' }),
      }),
    );
  });

  it('GIVEN monitor none THEN Sonarr is not said to be searching', async () => {
    const { backend } = await setup(4, { monitor: 'none' });
    expect((await backend.add(dexter, {}, signal())).searching).toBe(false);
  });
});

describe('already in the library', () => {
  it('GIVEN Dexter is in Sonarr WHEN the caller checks first THEN find returns the library copy and nothing is posted', async () => {
    const { fake, backend } = await setup(4);
    const id = fake.addToLibrary(79349);

    expect(await backend.find(dexter, signal())).toEqual({ id, title: 'Dexter', available: false });
    expect(fake.callsTo('GET', '/api/v3/series/lookup')[0]?.query).toEqual({ term: 'tvdb:79349' });
    expect(fake.posted).toHaveLength(0);
  });

  it('GIVEN the tvdb lookup already returns the library copy THEN add answers already_present without posting', async () => {
    const { fake, backend } = await setup(4);
    const id = fake.addToLibrary(79349);
    expect(await backend.add(dexter, {}, signal())).toEqual({
      outcome: 'already_present',
      itemId: id,
      searching: false,
    });
    expect(fake.posted).toHaveLength(0);
  });

  it('GIVEN someone adds it between our lookup and our POST WHEN Sonarr answers 400 "already been added" THEN the outcome is already_present', async () => {
    const { fake, backend } = await setup(4);
    let id = 0;
    fake.beforeWrite = () => {
      id = fake.addToLibrary(79349);
    };
    const result = await backend.add(dexter, {}, signal());

    expect(fake.posted[0]).toMatchObject({
      status: 400,
      body: { tvdbId: 79349 },
    });
    expect(result).toEqual({ outcome: 'already_present', itemId: id, searching: false });
  });

  it('GIVEN a show not in Sonarr THEN find returns null', async () => {
    const { backend } = await setup(3);
    expect(await backend.find(dexter, signal())).toBeNull();
  });
});

describe('status and seasons', () => {
  it('GIVEN an added show WHEN episode files arrive THEN status reports it available', async () => {
    const { fake, backend } = await setup(4);
    const { itemId } = await backend.add(dexter, {}, signal());

    expect(await backend.status(itemId!, 'series', signal())).toEqual({
      id: itemId,
      title: 'Dexter',
      available: false,
    });
    fake.setHasFile(itemId!);
    expect(await backend.status(itemId!, 'series', signal())).toEqual({
      id: itemId,
      title: 'Dexter',
      available: true,
    });
  });

  it('GIVEN files only in a season nobody monitors THEN the show is not available', async () => {
    const { fake, backend } = await setup(4);
    const id = fake.addToLibrary(79349, { unmonitoredSeasons: [3] });
    fake.setHasFile(id, 3);
    expect((await backend.status(id, 'series', signal()))?.available).toBe(false);
  });

  it('GIVEN a deleted series THEN status is null', async () => {
    const { backend } = await setup(4);
    expect(await backend.status(77, 'series', signal())).toBeNull();
  });

  it('GIVEN an unmonitored season WHEN monitorSeason runs THEN Sonarr gets the series back with it monitored, then a SeasonSearch', async () => {
    const { fake, backend } = await setup(4);
    const id = fake.addToLibrary(79349, { unmonitoredSeasons: [2] });

    expect(await backend.monitorSeason(id, 2, signal())).toBe('monitored');

    const put = fake.posted.find((p) => p.method === 'PUT');
    expect(put).toMatchObject({ path: `/api/v3/series/${id}`, status: 202 });
    expect(
      (put?.body as { seasons: { seasonNumber: number; monitored: boolean }[] }).seasons[2],
    ).toMatchObject({
      seasonNumber: 2,
      monitored: true,
    });
    expect(fake.series(id)).toMatchObject({
      seasons: expect.arrayContaining([expect.objectContaining({ seasonNumber: 2, monitored: true })]),
    });
    expect(fake.commands).toEqual([
      {
        body: { name: 'SeasonSearch', seriesId: id, seasonNumber: 2 },
        status: 'queued',
        trigger: 'api',
        searched: { 2: 10 },
      },
    ]);
    const order = fake.calls.filter((c) => c.method !== 'GET').map((c) => `${c.method} ${c.path}`);
    expect(order).toEqual([`PUT /api/v3/series/${id}`, 'POST /api/v3/command']);
  });

  it('GIVEN a season already monitored THEN no PUT, just the search; an unknown season does nothing', async () => {
    const { fake, backend } = await setup(3);
    const id = fake.addToLibrary(79349);

    expect(await backend.monitorSeason(id, 1, signal())).toBe('already_monitored');
    expect(await backend.monitorSeason(id, 42, signal())).toBe('no_such_season');
    expect(fake.posted.filter((p) => p.method === 'PUT')).toHaveLength(0);
    expect(fake.commands.map((c) => c.body)).toEqual([
      { name: 'SeasonSearch', seriesId: id, seasonNumber: 1 },
    ]);
  });
});

describe('one season of a series not in Sonarr yet', () => {
  it.each([4, 3] as const)(
    'GIVEN Sonarr v%i WHEN season 3 of Dexter is added THEN after the scan only season 3 is monitored, and the scan searches it',
    async (version) => {
      const { fake, backend } = await setup(version, { monitor: 'all', searchOnAdd: false });
      const result = await backend.add(dexter, { season: 3 }, signal());
      expect(result).toMatchObject({ outcome: 'added' });
      const [post] = fake.posted;
      const addOptions = (post?.body as { addOptions: Record<string, unknown> }).addOptions;
      // v4 keeps the posted seasons with "skip"; v3 has no "skip" and keeps them when no monitor is sent.
      if (version === 4) expect(addOptions.monitor).toBe('skip');
      else expect(addOptions).not.toHaveProperty('monitor');
      await fake.settle();
      const episodes = fake.monitoredEpisodes(result.itemId ?? -1) ?? {};
      expect(Object.entries(episodes).filter(([, [n]]) => n > 0)).toEqual([['3', [10, 10]]]);
      expect(fake.commands).toEqual([expect.objectContaining({ trigger: 'scan', searched: { 3: 10 } })]);
    },
  );

  it('GIVEN a season the show does not have THEN nothing is posted', async () => {
    const { fake, backend } = await setup(4);
    expect(await backend.add(dexter, { season: 42 }, signal())).toEqual({
      outcome: 'no_such_season',
      searching: false,
    });
    expect(fake.posted).toEqual([]);
  });

  it('GIVEN a scan that does not finish WHEN a season is monitored THEN a retryable busy error, and nothing is changed', async () => {
    sonarr = await startFakeSonarr({ version: 4, apiKey: KEY, scanDelayMs: 60_000 });
    const client = new ServarrClient({ service: 'sonarr', url: sonarr.url, apiKey: KEY, apiPath: '/api/v3' });
    const backend = new SonarrBackend({
      name: 'sonarr',
      label: 'Sonarr',
      client,
      settings: { monitor: 'all', searchOnAdd: true },
      logger: recordingLogger(),
      scanWaitMs: 300,
    });
    const id = sonarr.addPending(79349, { monitor: 'none' });
    const error = await backend.monitorSeason(id, 2, signal()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ failure: 'busy', retryable: true });
    expect(sonarr.posted).toEqual([]);
    expect(sonarr.commands).toEqual([]);
  });
});

describe('failures', () => {
  it('GIVEN a wrong API key THEN the error is auth and never shows the key', async () => {
    const wrong = 'wrong-key-ffee1234';
    const { backend } = await setup(4, {}, wrong);
    const err = await backend.add(dexter, {}, signal()).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(UpstreamError);
    expect(err).toMatchObject({ service: 'sonarr', failure: 'auth', status: 401 });
    const e = err as UpstreamError;
    expect(`${e.message} ${e.detail ?? ''} ${String(e.cause ?? '')}`).not.toContain(wrong);
  });

  it('GIVEN Sonarr is down THEN the error is unavailable and retryable', async () => {
    const { fake, backend } = await setup(4);
    await fake.down();
    const err = await backend.find(dexter, signal()).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(UpstreamError);
    expect(err).toMatchObject({ service: 'sonarr', failure: 'unavailable', retryable: true });
    expect((err as UpstreamError).message).not.toContain(KEY);
  });

  it('GIVEN a series with no TVDB id THEN Sonarr cannot add it, and add refuses without asking', async () => {
    const { fake, backend } = await setup(4);
    const tiny = candidate('series', 'Tiny Kitchen Stories', { tmdb: 990201 }, { year: 2019 });

    expect(backend.canAdd(tiny)).toBe(false);
    expect(backend.canAdd(candidate('movie', 'Dexter', { tvdb: 79349 }))).toBe(false);
    expect(backend.canAdd(dexter)).toBe(true);
    await expect(backend.add(tiny, {}, signal())).rejects.toMatchObject({ failure: 'rejected' });
    expect(await backend.find(tiny, signal())).toBeNull();
    expect(fake.calls).toHaveLength(0);
  });
});
