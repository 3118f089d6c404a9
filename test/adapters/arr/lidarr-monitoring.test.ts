/**
 * Lidarr holds every album of the artists it has, most of them unmonitored: the fake's refresh,
 * scan and validation as the real server does them, and what the backend does about it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LidarrBackend, type LidarrSettings } from '../../../adapters/arr/lidarr/lidarr-backend.js';
import { ServarrClient } from '../../../adapters/arr/servarr-client.js';
import { startFakeLidarr, type FakeLidarr } from '../../fakes/lidarr.js';
import { candidate, signal } from './helpers.js';

const KEY = 'lidarr-key-5c1e90ab';
const RADIOHEAD = 'a74b1b7f-71a5-4011-9441-d0b5e4122711';
const OK_COMPUTER = 'b1392450-e666-3926-a536-22c65f834433';
const VANGELIS = '1ca2f7c4-8a1b-4c8d-9a63-2f1f3f5e0a11';
const BLADE_RUNNER_OST = '3c8e1f6a-2b7d-4e59-9a10-5f4d3c2b1a08';

let lidarr: FakeLidarr;

function setup(settings: Partial<LidarrSettings> = {}) {
  const client = new ServarrClient({ service: 'lidarr', url: lidarr.url, apiKey: KEY, apiPath: '/api/v1' });
  const backend = new LidarrBackend({
    name: 'lidarr',
    label: 'Lidarr',
    client,
    settings: { searchOnAdd: true, ...settings },
  });
  return { backend };
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

describe('Lidarr holds every album of its artists', () => {
  const titles = (albums: Record<string, unknown>[], monitored: boolean) =>
    albums.filter((a) => a.monitored === monitored).map((a) => a.title);
  const albumId = (mbid: string) =>
    lidarr.albumsByArtist(RADIOHEAD).find((a) => a.foreignAlbumId === mbid)?.id;

  it('GIVEN an artist added with monitor "latest" THEN its albums appear after Lidarr refreshes it, only the latest monitored, and its missing-album search covers that one', async () => {
    const { backend } = setup({ monitor: 'latest' });
    await backend.add(radiohead, {}, signal());
    expect(lidarr.albumsByArtist(RADIOHEAD)).toEqual([]);

    await lidarr.settle();
    const albums = lidarr.albumsByArtist(RADIOHEAD);
    expect(titles(albums, true)).toEqual(['Kid A']);
    expect(titles(albums, false)).toEqual(['OK Computer', 'The Bends']);
    expect(lidarr.commands).toEqual([
      expect.objectContaining({ trigger: 'lidarr', body: { name: 'MissingAlbumSearch', artistId: 1 } }),
    ]);
    expect(lidarr.commands[0]?.searched).toEqual([albums.find((a) => a.title === 'Kid A')?.id]);
  });

  it('GIVEN an artist added with monitor "none" THEN the artist itself is unmonitored, as AddArtistService does', async () => {
    const { backend } = setup({ monitor: 'none' });
    await backend.add(radiohead, {}, signal());
    await lidarr.settle();
    expect(lidarr.artist(RADIOHEAD)?.monitored).toBe(false);
    expect(titles(lidarr.albumsByArtist(RADIOHEAD), true)).toEqual([]);
  });

  it('GIVEN a POST /album of an album in the database, even unmonitored THEN 400 from AlbumExistsValidator', async () => {
    lidarr.addToLibrary('artist', RADIOHEAD, { monitor: 'none' });
    const res = await fetch(`${lidarr.url}/api/v1/album`, {
      method: 'POST',
      headers: { 'X-Api-Key': KEY, 'Content-Type': 'application/json' },
      body: JSON.stringify({ foreignAlbumId: OK_COMPUTER, artist: { foreignArtistId: RADIOHEAD } }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toContainEqual({
      propertyName: 'ForeignAlbumId',
      errorMessage: 'This album has already been added.',
      attemptedValue: OK_COMPUTER,
      severity: 'error',
      errorCode: 'AlbumExistsValidator',
    });
  });

  it('GIVEN OK Computer unmonitored in Lidarr THEN find does not count it, and add monitors it and asks for an AlbumSearch', async () => {
    lidarr.addToLibrary('artist', RADIOHEAD, { monitor: 'future' });
    const { backend } = setup();
    const id = albumId(OK_COMPUTER);

    expect(await backend.find(okComputer, signal())).toBeNull();
    expect(await backend.add(okComputer, {}, signal())).toEqual({
      outcome: 'monitored',
      itemId: id,
      searching: true,
    });
    expect(lidarr.posted.map((p) => [p.method, p.path, p.body])).toEqual([
      ['PUT', '/api/v1/album/monitor', { albumIds: [id], monitored: true }],
      ['POST', '/api/v1/command', { name: 'AlbumSearch', albumIds: [id] }],
    ]);
    expect(await backend.find(okComputer, signal())).toEqual({ id, title: 'OK Computer', available: false });
  });

  it('GIVEN search on add is off THEN the album is monitored and no search is asked for', async () => {
    lidarr.addToLibrary('artist', RADIOHEAD, { monitor: 'future' });
    const { backend } = setup({ searchOnAdd: false });
    expect(await backend.add(okComputer, {}, signal())).toMatchObject({
      outcome: 'monitored',
      searching: false,
    });
    expect(lidarr.commands).toEqual([]);
  });

  it('GIVEN someone adds Radiohead (nothing monitored) between our look and our POST THEN the 400 ends in monitoring the album and the artist', async () => {
    const { backend } = setup();
    lidarr.beforeWrite = () => {
      lidarr.beforeWrite = undefined;
      lidarr.addToLibrary('artist', RADIOHEAD, { monitor: 'none' });
    };
    const result = await backend.add(okComputer, {}, signal());

    expect(result).toEqual({ outcome: 'monitored', itemId: albumId(OK_COMPUTER), searching: true });
    expect(lidarr.posted.map((p) => `${p.method} ${p.path} ${p.status}`)).toEqual([
      'POST /api/v1/album 400',
      'PUT /api/v1/album/monitor 202',
      'PUT /api/v1/artist/editor 202',
      'POST /api/v1/command 201',
    ]);
    expect(lidarr.artist(RADIOHEAD)?.monitored).toBe(true);
  });

  it('GIVEN Vangelis in Lidarr unmonitored WHEN his soundtrack, which the metadata profile leaves out, is added THEN it is posted, the artist monitored, and Lidarr searches it', async () => {
    const artistId = lidarr.addToLibrary('artist', VANGELIS, { monitor: 'none' });
    expect(lidarr.albumsByArtist(VANGELIS).map((a) => a.title)).toEqual(['Albedo 0.39']);
    const { backend } = setup();
    const blade = candidate('album', 'Blade Runner', {
      mbReleaseGroup: BLADE_RUNNER_OST,
      mbArtist: VANGELIS,
    });

    const result = await backend.add(blade, {}, signal());
    await lidarr.settle();

    expect(result).toMatchObject({ outcome: 'added', searching: true });
    expect(lidarr.posted.map((p) => `${p.method} ${p.path} ${p.status}`)).toEqual([
      'POST /api/v1/album 201',
      'PUT /api/v1/artist/editor 202',
    ]);
    expect(lidarr.artist(VANGELIS)).toMatchObject({ id: artistId, monitored: true });
    expect(lidarr.commands).toEqual([
      expect.objectContaining({ trigger: 'lidarr', searched: [result.itemId] }),
    ]);
  });
});
