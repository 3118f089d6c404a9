/**
 * Which seasons a show request asks Overseerr for, and the TVDB id it carries: what
 * sct/overseerr's MediaRequest.ts does with them (quota per season, Specials in 'all', a request
 * deleted on approval when no TVDB id is known).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OverseerrBackend } from '../../../adapters/arr/overseerr/overseerr-backend.js';
import type { AddOptions } from '../../../src/core/ports.js';
import type { UserRef } from '../../../src/core/types.js';
import { startFakeOverseerr, type FakeOverseerr } from '../../fakes/overseerr.js';
import { candidate, signal } from './helpers.js';

const KEY = 'overseerr-key-MTcyMDU1';
const alice: UserRef = { platform: 'telegram', userId: '123', chatId: '123' };
const dexter = candidate('series', 'Dexter', { tmdb: 1405, tvdb: 79349 }, { year: 2006 });
const ALL_DEXTER = [1, 2, 3, 4, 5, 6, 7, 8];

let overseerr: FakeOverseerr;
beforeEach(async () => {
  overseerr = await startFakeOverseerr({ apiKey: KEY });
});
afterEach(async () => {
  await overseerr.close();
});

function backend() {
  return new OverseerrBackend({ url: overseerr.url, apiKey: KEY, userMap: { 'telegram:123': 5 } });
}

function lastBody(): Record<string, unknown> {
  return overseerr.callsTo('POST', '/api/v1/request').at(-1)?.body as Record<string, unknown>;
}

describe('the seasons a show request names', () => {
  it('GIVEN no season asked THEN every regular season, as numbers, without the Specials', async () => {
    expect(await backend().add(dexter, {}, signal())).toEqual({
      outcome: 'added',
      itemId: 1405,
      searching: true,
    });
    expect(lastBody()).toEqual({
      mediaType: 'tv',
      mediaId: 1405,
      tvdbId: 79349,
      seasons: ALL_DEXTER,
      is4k: false,
    });
    expect(overseerr.requestsFor('tv', 1405).map((r) => r.seasons)).toEqual([ALL_DEXTER]);
  });

  it('GIVEN "add Dexter season 3" THEN only season 3 is requested', async () => {
    await backend().add(dexter, { season: 3 }, signal());
    expect(lastBody()).toMatchObject({ seasons: [3] });
  });

  it('GIVEN a season the show does not have THEN no_such_season and nothing is requested', async () => {
    expect(await backend().add(dexter, { season: 12 }, signal())).toEqual({
      outcome: 'no_such_season',
      searching: false,
    });
    expect(overseerr.callsTo('POST', '/api/v1/request')).toEqual([]);
  });

  it.each<[string, number[]]>([
    ['all', ALL_DEXTER],
    ['firstSeason', [1]],
    ['latestSeason', [8]],
    ['lastSeason', [8]],
    ['future', [8]],
  ])('GIVEN the season question answered %s THEN seasons %j', async (monitor, seasons) => {
    await backend().add(dexter, { monitor } satisfies AddOptions, signal());
    expect(lastBody()).toMatchObject({ seasons });
  });

  it('GIVEN a quota of 8 seasons THEN the 8 seasons of Dexter fit (Specials would have made 9)', async () => {
    overseerr.users.get(5)!.tvQuotaLimit = 8;
    const result = await backend().add(dexter, { requestedBy: alice }, signal());
    expect(result).toEqual({ outcome: 'added', itemId: 1405, searching: false });
    expect(overseerr.requests.map((r) => r.status)).toEqual([201]);
  });

  it('GIVEN season 1 requested by someone else THEN "add Dexter season 2" still reaches Overseerr', async () => {
    const b = backend();
    await b.add(dexter, { season: 1 }, signal());
    expect(await b.find(dexter, signal())).toBeNull();
    expect(await b.add(dexter, { season: 2, requestedBy: alice }, signal())).toMatchObject({
      outcome: 'added',
    });
    expect(overseerr.requestsFor('tv', 1405).map((r) => r.seasons)).toEqual([[1], [2]]);
  });

  it('GIVEN seasons 1–7 on disk THEN "add Dexter" gets season 8 requested', async () => {
    overseerr.setMediaStatus('tv', 1405, 4);
    for (let n = 1; n <= 7; n++) overseerr.setSeasonStatus(1405, n, 5);
    const b = backend();
    expect(await b.find(dexter, signal())).toBeNull();
    expect(await b.add(dexter, {}, signal())).toMatchObject({ outcome: 'added' });
    expect(overseerr.requestsFor('tv', 1405).map((r) => r.seasons)).toEqual([[8]]);
  });

  it('GIVEN a show whose every season is on disk THEN find says present', async () => {
    overseerr.setMediaStatus('tv', 1405, 5);
    expect(await backend().find(dexter, signal())).toEqual({ id: 1405, title: 'Dexter', available: true });
  });
});

describe('the TVDB id', () => {
  it('GIVEN TMDb has no TVDB id for a show we know one for THEN the request survives its approval', async () => {
    overseerr.lackTvdb.add(1405);
    await backend().add(dexter, { requestedBy: alice }, signal());
    const [request] = overseerr.requestsFor('tv', 1405);

    expect(overseerr.approve(request?.id ?? 0)).toBe('sent');
    expect(overseerr.requestsFor('tv', 1405)).toHaveLength(1);
  });

  it('GIVEN no TVDB id on the candidate THEN canAdd is false, so the core looks one up first', () => {
    const b = backend();
    expect(b.canAdd(candidate('series', 'Dexter', { tmdb: 1405 }))).toBe(false);
    expect(b.canAdd(dexter)).toBe(true);
  });
});
