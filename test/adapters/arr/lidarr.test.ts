import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LidarrBackend, type LidarrSettings } from '../../../adapters/arr/lidarr/lidarr-backend.js';
import { LidarrCatalog } from '../../../adapters/arr/lidarr/lidarr-catalog.js';
import { ServarrClient } from '../../../adapters/arr/servarr-client.js';
import { UpstreamError } from '../../../src/core/errors.js';
import { startFakeLidarr, type FakeLidarr } from '../../fakes/lidarr.js';
import { candidate, signal } from './helpers.js';

const KEY = 'lidarr-key-77aa0c3e';
const RADIOHEAD = 'a74b1b7f-71a5-4011-9441-d0b5e4122711';
const OK_COMPUTER = 'b1392450-e666-3926-a536-22c65f834433';
const VANGELIS = '1ca2f7c4-8a1b-4c8d-9a63-2f1f3f5e0a11';
const BLADE_RUNNER_OST = '3c8e1f6a-2b7d-4e59-9a10-5f4d3c2b1a08';

let lidarr: FakeLidarr;

function setup(settings: Partial<LidarrSettings> = {}, apiKey = KEY) {
  const client = new ServarrClient({ service: 'lidarr', url: lidarr.url, apiKey, apiPath: '/api/v1' });
  const b = new LidarrBackend({
    name: 'lidarr',
    label: 'Lidarr',
    client,
    settings: { searchOnAdd: true, ...settings },
  });
  return { client, backend: b };
}

const radiohead = candidate('artist', 'Radiohead', { mbArtist: RADIOHEAD });
const okComputer = candidate(
  'album',
  'OK Computer',
  { mbReleaseGroup: OK_COMPUTER, mbArtist: RADIOHEAD },
  { artistName: 'Radiohead', year: 1997 },
);

beforeEach(async () => {
  lidarr = await startFakeLidarr({ apiKey: KEY });
});
afterEach(async () => {
  await lidarr.close();
});

describe('an artist reaches Lidarr', () => {
  it('GIVEN nothing configured WHEN Radiohead is added THEN the body has foreignArtistId, both profiles from the root folder defaults, and its monitor option', async () => {
    const { backend } = setup();
    const result = await backend.add(radiohead, {}, signal());

    expect(result).toEqual({ outcome: 'added', itemId: expect.any(Number), searching: true });
    expect(lidarr.callsTo('GET', '/api/v1/artist/lookup')[0]?.query).toEqual({ term: `lidarr:${RADIOHEAD}` });
    expect(lidarr.posted[0]).toMatchObject({
      path: '/api/v1/artist',
      status: 201,
      body: {
        foreignArtistId: RADIOHEAD,
        artistName: 'Radiohead',
        qualityProfileId: 1,
        metadataProfileId: 1,
        rootFolderPath: '/music/',
        monitored: true,
        monitorNewItems: 'all',
        addOptions: { monitor: 'all', searchForMissingAlbums: true },
      },
    });
  });

  it('GIVEN profiles and monitor configured by name THEN those are sent', async () => {
    const { backend } = setup({
      qualityProfile: 'Lossless',
      metadataProfile: 'standard',
      monitor: 'future',
      searchOnAdd: false,
    });
    const result = await backend.add(radiohead, {}, signal());

    expect(result.searching).toBe(false);
    expect(lidarr.posted[0]?.body).toMatchObject({
      qualityProfileId: 2,
      metadataProfileId: 1,
      addOptions: { monitor: 'future', searchForMissingAlbums: false },
    });
  });

  it('GIVEN a metadata profile Lidarr does not have THEN the add is refused before posting', async () => {
    const { backend } = setup({ metadataProfile: 'Everything' });
    await expect(backend.add(radiohead, {}, signal())).rejects.toMatchObject({
      failure: 'rejected',
      detail: expect.stringContaining('metadata profile "Everything" does not exist; it has: Standard (1)'),
    });
    expect(lidarr.posted).toHaveLength(0);
  });

  it('GIVEN Radiohead is in Lidarr THEN find returns it and nothing is posted; track files make it available', async () => {
    const id = lidarr.addToLibrary('artist', RADIOHEAD);
    const { backend } = setup();

    expect(await backend.find(radiohead, signal())).toEqual({ id, title: 'Radiohead', available: false });
    expect(lidarr.callsTo('GET', '/api/v1/artist')[0]?.query).toEqual({ mbId: RADIOHEAD });
    lidarr.setHasFile('artist', id);
    expect(await backend.status(id, 'artist', signal())).toEqual({ id, title: 'Radiohead', available: true });
    expect(lidarr.posted).toHaveLength(0);
  });

  it('GIVEN someone adds it between lookup and POST THEN the 400 "already been added" is already_present', async () => {
    const { backend } = setup();
    let id = 0;
    lidarr.beforeWrite = () => {
      id = lidarr.addToLibrary('artist', RADIOHEAD);
    };
    expect(await backend.add(radiohead, {}, signal())).toEqual({
      outcome: 'already_present',
      itemId: id,
      searching: false,
    });
    expect(lidarr.posted[0]?.status).toBe(400);
  });
});

describe('an album reaches Lidarr', () => {
  it('GIVEN OK Computer WHEN added THEN POST /album carries the release group and a new artist monitored for that album only', async () => {
    const { backend } = setup();
    const result = await backend.add(okComputer, {}, signal());

    expect(lidarr.posted[0]).toMatchObject({
      path: '/api/v1/album',
      status: 201,
      body: {
        foreignAlbumId: OK_COMPUTER,
        monitored: true,
        artist: {
          foreignArtistId: RADIOHEAD,
          artistName: 'Radiohead',
          qualityProfileId: 1,
          metadataProfileId: 1,
          rootFolderPath: '/music/',
          monitored: true,
          monitorNewItems: 'none',
          addOptions: {
            monitor: 'all',
            albumsToMonitor: [OK_COMPUTER],
            monitored: true,
            searchForMissingAlbums: true,
          },
        },
        addOptions: { searchForNewAlbum: true },
      },
    });
    expect(lidarr.callsTo('GET', '/api/v1/artist/lookup')).toHaveLength(0);
    expect(result).toEqual({ outcome: 'added', itemId: 1, searching: true });
  });

  it('GIVEN an album candidate without the artist name THEN the name comes from the artist lookup', async () => {
    const { backend } = setup();
    await backend.add(
      candidate('album', 'Blade Runner', { mbReleaseGroup: BLADE_RUNNER_OST, mbArtist: VANGELIS }),
      {},
      signal(),
    );
    expect(lidarr.callsTo('GET', '/api/v1/artist/lookup')[0]?.query).toEqual({ term: `lidarr:${VANGELIS}` });
    expect(lidarr.posted[0]?.body).toMatchObject({ artist: { artistName: 'Vangelis' } });
  });

  it('GIVEN an added album and an artist with the same numeric id THEN status tells them apart', async () => {
    const { backend } = setup();
    const { itemId } = await backend.add(okComputer, {}, signal());
    const artist = await backend.find(radiohead, signal());

    expect(artist?.id).toBe(1);
    expect(itemId).toBe(1);
    lidarr.setHasFile('album', 1);
    expect(await backend.status(itemId!, 'album', signal())).toEqual({
      id: 1,
      title: 'OK Computer',
      available: true,
    });
    expect(await backend.status(1, 'artist', signal())).toMatchObject({ title: 'Radiohead' });
    expect(lidarr.callsTo('GET', '/api/v1/album/1')).toHaveLength(1);
  });

  it('GIVEN the album is in Lidarr and monitored THEN find returns it by foreignAlbumId; an add is already_present without a write', async () => {
    lidarr.addToLibrary('album', OK_COMPUTER);
    const { backend } = setup();

    expect(await backend.find(okComputer, signal())).toEqual({
      id: 1,
      title: 'OK Computer',
      available: false,
    });
    expect(lidarr.callsTo('GET', '/api/v1/album')[0]?.query).toEqual({ foreignAlbumId: OK_COMPUTER });
    expect(await backend.add(okComputer, {}, signal())).toEqual({
      outcome: 'already_present',
      itemId: 1,
      searching: false,
    });
    expect(lidarr.posted).toEqual([]);
  });

  it('canAdd: an artist needs its MBID, an album its release group AND artist MBIDs', () => {
    const { backend } = setup();
    expect(backend.canAdd(radiohead)).toBe(true);
    expect(backend.canAdd(okComputer)).toBe(true);
    expect(backend.canAdd(candidate('album', 'OK Computer', { mbReleaseGroup: OK_COMPUTER }))).toBe(false);
    expect(backend.canAdd(candidate('artist', 'Radiohead', { spotify: '4Z8W4fKeB5YxbusRsdQVPb' }))).toBe(
      false,
    );
    expect(backend.canAdd(candidate('movie', 'Heat', { tmdb: 949 }))).toBe(false);
  });

  it('GIVEN a wrong key THEN auth, without the key in the message', async () => {
    const { backend } = setup({}, 'bad-lidarr-key-123');
    const err = await backend.add(radiohead, {}, signal()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamError);
    expect(err).toMatchObject({ failure: 'auth', status: 401 });
    expect((err as UpstreamError).message).not.toContain('bad-lidarr-key-123');
  });
});

describe('LidarrCatalog', () => {
  it('GIVEN "Heat" THEN it finds both bands named Heat and the album Heat, with MusicBrainz ids', async () => {
    const { client } = setup();
    const hits = await new LidarrCatalog(client).search({ title: 'Heat' }, signal());

    expect(hits.map((h) => [h.kind, h.title, h.ids])).toEqual([
      ['artist', 'Heat', { mbArtist: '5f9c2a77-0d1e-4c33-b5a0-7e2f1c6b9d02' }],
      ['artist', 'Heat', { mbArtist: '7b1e9c30-6a4d-4f25-9f8e-0c3d2b1a9e73' }],
      [
        'album',
        'Heat',
        {
          mbReleaseGroup: '4a0b7e2c-9d6f-4c31-8e5a-2b1c0d9f8e77',
          mbArtist: '7b1e9c30-6a4d-4f25-9f8e-0c3d2b1a9e73',
        },
      ],
    ]);
    expect(hits[2]).toMatchObject({
      source: 'lidarr',
      year: 1979,
      artistName: 'Heat',
      posterUrl: expect.stringContaining('coverartarchive'),
    });
    expect(hits[0]?.popularity).toBeGreaterThan(0);
    expect(hits[1]).not.toHaveProperty('popularity');
  });

  it('GIVEN hints THEN only the matching lookups are asked, and none for a movie hint', async () => {
    const { client } = setup();
    const c = new LidarrCatalog(client);
    expect((await c.search({ title: 'OK Computer', hint: 'album' }, signal())).map((h) => h.kind)).toEqual([
      'album',
    ]);
    expect(lidarr.callsTo('GET', '/api/v1/artist/lookup')).toHaveLength(0);
    expect(await c.search({ title: 'Heat', hint: 'movie' }, signal())).toEqual([]);
    expect(await c.search({ title: 'Heat', hint: 'series' }, signal())).toEqual([]);
    expect(lidarr.calls).toHaveLength(1);
    expect((await c.search({ title: 'Radiohead', hint: 'artist' }, signal())).map((h) => h.kind)).toEqual([
      'artist',
    ]);
  });

  it('GIVEN an artist in the library THEN its hit says so', async () => {
    lidarr.addToLibrary('artist', RADIOHEAD);
    const { client } = setup();
    const [hit] = await new LidarrCatalog(client).search({ title: 'Radiohead', hint: 'music' }, signal());
    expect(hit).toMatchObject({ kind: 'artist', inLibrary: true });
  });
});
