/**
 * Shows requested through Overseerr, as a person in the chat sees it: the season they named is the
 * season Overseerr gets, a season that does not exist is said so, a show no source has a TVDB id
 * for is refused before Overseerr would delete it, and a wrong OVERSEERR_USER_MAP is named.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOverseerr, type FakeOverseerr } from '../fakes/overseerr.js';
import { startWorld, type World } from '../helpers/world.js';

const KEY = 'overseerr-story-key-0001';
let world: World | undefined;
let overseerr: FakeOverseerr | undefined;

afterEach(async () => {
  await world?.close();
  await overseerr?.close();
  world = undefined;
  overseerr = undefined;
});

/** Overseerr is the only place shows go; alice is Overseerr user `aliceId` (5 exists, no auto-approve). */
async function start(aliceId = 5): Promise<{ world: World; overseerr: FakeOverseerr }> {
  overseerr = await startFakeOverseerr({ apiKey: KEY });
  world = await startWorld({
    sonarr: false,
    radarr: false,
    lidarr: false,
    env: {
      OVERSEERR_URL: overseerr.url,
      OVERSEERR_API_KEY: KEY,
      OVERSEERR_USER_MAP: `terminal:alice=${aliceId}`,
    },
  });
  return { world, overseerr };
}

function requestBodies(o: FakeOverseerr) {
  return o.callsTo('POST', '/api/v1/request').map((c) => c.body);
}

describe('asking Overseerr for a show', () => {
  it('"add Dexter season 3" → Overseerr is asked for season 3 only, with the TVDB id', async () => {
    const { world, overseerr } = await start();
    const reply = await world.say('add Dexter season 3');
    expect(reply.code).toBe('media.added');
    expect(requestBodies(overseerr)).toEqual([
      { mediaType: 'tv', mediaId: 1405, tvdbId: 79349, seasons: [3], is4k: false },
    ]);
    expect(overseerr.requestsFor('tv', 1405)).toMatchObject([{ userId: 5, seasons: [3] }]);
  });

  it('"add Dexter season 12" → the show has no such season, and nothing is requested', async () => {
    const { world, overseerr } = await start();
    const reply = await world.say('add Dexter season 12');
    expect(reply.code).toBe('media.noSuchSeason');
    expect(reply.text).toBe('Dexter (2006) has no season 12 in Overseerr.');
    expect(requestBodies(overseerr)).toEqual([]);
    expect((await world.app.requests.get(reply.requestId ?? ''))?.status).toBe('failed');
  });

  it('a show with no TVDB id anywhere → refused up front, not accepted and deleted on approval', async () => {
    const { world, overseerr } = await start();
    const reply = await world.say('add show Tiny Kitchen Stories');
    expect(reply.code).toBe('media.noId');
    expect(requestBodies(overseerr)).toEqual([]);
  });

  it('OVERSEERR_USER_MAP names a user Overseerr does not have → the reply names that setting, not the key', async () => {
    const { world } = await start(9);
    const reply = await world.say('add Dexter season 2');
    expect(reply.code).toBe('media.failedRefused');
    expect(reply.text).toContain('Overseerr user 9');
    expect(reply.text).toContain('fix OVERSEERR_USER_MAP');
    expect(reply.text).not.toContain('OVERSEERR_API_KEY');
    expect((await world.app.requests.get(reply.requestId ?? ''))?.status).toBe('failed');
  });
});
