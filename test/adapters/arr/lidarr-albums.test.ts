/**
 * Asking for an album, against a Lidarr that behaves like the real one: once an artist is in
 * Lidarr, every album of it is in Lidarr's database too, most of them unmonitored, and nothing
 * unmonitored is ever downloaded.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { MediaRequest } from '../../../src/core/types.js';
import type { FakeLidarr } from '../../fakes/lidarr.js';
import { startWorld, type World } from '../../helpers/world.js';

const RADIOHEAD = 'a74b1b7f-71a5-4011-9441-d0b5e4122711';
const OK_COMPUTER = 'b1392450-e666-3926-a536-22c65f834433';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function stored(w: World, id: string | undefined): Promise<MediaRequest> {
  const r = id ? await w.app.requests.get(id) : undefined;
  if (!r) throw new Error(`request ${id} not stored`);
  return r;
}

async function musicWorld(): Promise<World & { lidarr: FakeLidarr }> {
  world = await startWorld({ sonarr: false, radarr: false });
  return world as World & { lidarr: FakeLidarr };
}

/** Album titles of an artist by monitored state, as Lidarr's album list shows them. */
function monitoring(lidarr: FakeLidarr, mbid: string): { monitored: unknown[]; unmonitored: unknown[] } {
  const albums = lidarr.albumsByArtist(mbid);
  return {
    monitored: albums.filter((a) => a.monitored).map((a) => a.title),
    unmonitored: albums.filter((a) => !a.monitored).map((a) => a.title),
  };
}

function okComputerId(lidarr: FakeLidarr): number {
  return lidarr.albumsByArtist(RADIOHEAD).find((a) => a.foreignAlbumId === OK_COMPUTER)?.id as number;
}

const writes = (lidarr: FakeLidarr) => lidarr.posted.map((p) => `${p.method} ${p.path} ${p.status}`);

describe('an album by an artist Lidarr already has', () => {
  it('GIVEN Radiohead in Lidarr with only future albums monitored WHEN alice adds OK Computer THEN it is monitored and searched, and she is told so', async () => {
    const w = await musicWorld();
    w.lidarr.addToLibrary('artist', RADIOHEAD, { monitor: 'future' });
    expect(monitoring(w.lidarr, RADIOHEAD).monitored).toEqual([]);

    const reply = await w.say('add album OK Computer');

    expect(reply.code).toBe('media.monitoredExisting');
    expect(reply.text).toBe(
      'OK Computer (1997) was in Lidarr but not monitored, so nothing would have been downloaded. I’ve turned monitoring on — searching for it now.',
    );
    const r = await stored(w, reply.requestId);
    expect(r.status).toBe('sent');
    expect(r.backendItemId).toBe(okComputerId(w.lidarr));
    expect(monitoring(w.lidarr, RADIOHEAD)).toEqual({
      monitored: ['OK Computer'],
      unmonitored: ['The Bends', 'Kid A'],
    });
    expect(w.lidarr.commands).toEqual([
      expect.objectContaining({ trigger: 'api', status: 'queued', searched: [okComputerId(w.lidarr)] }),
    ]);
    expect(writes(w.lidarr)).toEqual(['PUT /api/v1/album/monitor 202', 'POST /api/v1/command 201']);
  });

  it('GIVEN Radiohead added with monitor "none" (the artist itself unmonitored) WHEN OK Computer is added THEN the artist is monitored too, or Lidarr would skip its releases', async () => {
    const w = await musicWorld();
    w.lidarr.addToLibrary('artist', RADIOHEAD, { monitor: 'none' });
    expect(w.lidarr.artist(RADIOHEAD)?.monitored).toBe(false);

    const reply = await w.say('add album OK Computer');

    expect(reply.code).toBe('media.monitoredExisting');
    expect(w.lidarr.artist(RADIOHEAD)?.monitored).toBe(true);
    expect(monitoring(w.lidarr, RADIOHEAD).monitored).toEqual(['OK Computer']);
    expect(w.lidarr.commands.map((c) => c.searched)).toEqual([[okComputerId(w.lidarr)]]);
  });

  it('GIVEN OK Computer monitored already THEN "already in your library" and nothing is written', async () => {
    const w = await musicWorld();
    w.lidarr.addToLibrary('album', OK_COMPUTER);

    const reply = await w.say('add album OK Computer');

    expect(reply.code).toBe('media.alreadyPresent');
    expect((await stored(w, reply.requestId)).status).toBe('already_present');
    expect(writes(w.lidarr)).toEqual([]);
  });

  it('GIVEN OK Computer unmonitored but with its files on disk THEN "already in your library"', async () => {
    const w = await musicWorld();
    w.lidarr.addToLibrary('artist', RADIOHEAD, { monitor: 'none' });
    w.lidarr.setHasFile('album', okComputerId(w.lidarr));

    const reply = await w.say('add album OK Computer');

    expect(reply.code).toBe('media.alreadyPresent');
    expect(writes(w.lidarr)).toEqual([]);
  });

  it('GIVEN Radiohead added a moment ago (Lidarr still loading its albums) WHEN OK Computer is added THEN it stays monitored once Lidarr has applied that add', async () => {
    const w = await musicWorld();
    w.lidarr.refreshDelayMs = 400;
    w.lidarr.addPending(RADIOHEAD, { monitor: 'future' });

    const reply = await w.say('add album OK Computer');
    await w.lidarr.settle();

    expect(monitoring(w.lidarr, RADIOHEAD).monitored).toEqual(['OK Computer']);
    expect(reply.code).toBe('media.monitoredExisting');
    expect((await stored(w, reply.requestId)).status).toBe('sent');
  });
});

describe('an album by an artist Lidarr does not have', () => {
  it('WHEN alice adds OK Computer THEN Radiohead is added monitored with only OK Computer monitored, and Lidarr searches for it', async () => {
    const w = await musicWorld();

    const reply = await w.say('add album OK Computer');
    await w.lidarr.settle();

    expect(reply.code).toBe('media.added');
    expect(reply.text).toBe('Added OK Computer (1997) to Lidarr — searching for it now.');
    expect((await stored(w, reply.requestId)).status).toBe('sent');
    expect(w.lidarr.artist(RADIOHEAD)).toMatchObject({ monitored: true, monitorNewItems: 'none' });
    expect(w.lidarr.artist(RADIOHEAD)).not.toHaveProperty('addOptions');
    expect(monitoring(w.lidarr, RADIOHEAD)).toEqual({
      monitored: ['OK Computer'],
      unmonitored: ['The Bends', 'Kid A'],
    });
    expect(w.lidarr.commands).toEqual([
      expect.objectContaining({ trigger: 'lidarr', searched: [okComputerId(w.lidarr)] }),
    ]);
  });
});
