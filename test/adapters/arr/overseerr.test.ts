import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OverseerrBackend } from '../../../adapters/arr/overseerr/overseerr-backend.js';
import { UpstreamError } from '../../../src/core/errors.js';
import type { UserRef } from '../../../src/core/types.js';
import { startFakeOverseerr, type FakeOverseerr } from '../../fakes/overseerr.js';
import { candidate, signal } from './helpers.js';

const KEY = 'overseerr-key-MTcyMDU1';
const alice: UserRef = { platform: 'telegram', userId: '123', chatId: '123' };
const bob: UserRef = { platform: 'discord', userId: '456', chatId: 'c-9' };

let overseerr: FakeOverseerr;

function backend(apiKey = KEY) {
  return new OverseerrBackend({ url: overseerr.url, apiKey, userMap: { 'telegram:123': 5 } });
}

const heat = candidate('movie', 'Heat', { tmdb: 949 }, { year: 1995 });
const dexter = candidate('series', 'Dexter', { tmdb: 1405, tvdb: 79349 }, { year: 2006 });

beforeEach(async () => {
  overseerr = await startFakeOverseerr({ apiKey: KEY });
});
afterEach(async () => {
  await overseerr.close();
});

describe('requests go to Overseerr', () => {
  it('GIVEN an unmapped person WHEN a movie is requested THEN it goes as the key owner, auto-approved', async () => {
    const result = await backend().add(heat, { requestedBy: bob }, signal());

    expect(result).toEqual({ outcome: 'added', itemId: 949, searching: true });
    const [call] = overseerr.callsTo('POST', '/api/v1/request');
    expect(call?.body).toEqual({ mediaType: 'movie', mediaId: 949, is4k: false });
    expect(call?.headers['x-api-key']).toBe(KEY);
    expect(call?.headers).not.toHaveProperty('x-api-user');
  });

  it('GIVEN a mapped person WHEN a show is requested THEN X-API-User names their Overseerr user', async () => {
    const result = await backend().add(dexter, { requestedBy: alice }, signal());

    // User 5 has no auto-approve: the request waits for an admin, so nothing is searching yet.
    expect(result).toEqual({ outcome: 'added', itemId: 1405, searching: false });
    const [call] = overseerr.callsTo('POST', '/api/v1/request');
    expect(call?.headers['x-api-user']).toBe('5');
    expect(call?.body).toMatchObject({ mediaType: 'tv', mediaId: 1405, tvdbId: 79349 });
    expect(overseerr.requests[0]).toMatchObject({ userId: 5, status: 201 });
  });

  it('GIVEN the same movie twice THEN the 409 is already_present', async () => {
    const b = backend();
    await b.add(heat, {}, signal());
    expect(await b.add(heat, {}, signal())).toEqual({
      outcome: 'already_present',
      itemId: 949,
      searching: false,
    });
    expect(overseerr.requests.map((r) => r.status)).toEqual([201, 409]);
  });

  it('GIVEN every season already requested THEN the 202 "No seasons available" is already_present', async () => {
    const b = backend();
    await b.add(dexter, {}, signal());
    expect(await b.add(dexter, { requestedBy: alice }, signal())).toEqual({
      outcome: 'already_present',
      itemId: 1405,
      searching: false,
    });
    expect(overseerr.requests.map((r) => r.status)).toEqual([201, 202]);
  });

  it('GIVEN a used-up quota THEN the 403 is a refusal to show, not a bad key', async () => {
    overseerr.users.get(5)!.movieQuotaLimit = 0;
    const err = await backend()
      .add(heat, { requestedBy: alice }, signal())
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamError);
    expect(err).toMatchObject({ failure: 'rejected', status: 403, detail: 'Movie Quota exceeded.' });
  });

  it('GIVEN a wrong key THEN auth, without the key in the message', async () => {
    const err = await backend('wrong-overseerr-key-1')
      .add(heat, {}, signal())
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'UpstreamError', failure: 'auth', status: 403 });
    expect(`${(err as UpstreamError).message} ${(err as UpstreamError).detail ?? ''}`).not.toContain(
      'wrong-overseerr-key-1',
    );
  });
});

describe('find and status', () => {
  it('GIVEN nothing requested THEN find is null; once requested it is present but not available; then available', async () => {
    const b = backend();
    expect(await b.find(heat, signal())).toBeNull();
    await b.add(heat, {}, signal());

    expect(await b.find(heat, signal())).toEqual({ id: 949, title: 'Heat', available: false });
    expect(overseerr.callsTo('GET', '/api/v1/movie/949')).toHaveLength(2);
    overseerr.setMediaStatus('movie', 949, 5);
    expect(await b.status(949, 'movie', signal())).toEqual({ id: 949, title: 'Heat', available: true });
  });

  it('GIVEN a show partly on disk THEN status says available, but find lets the missing seasons be asked for', async () => {
    overseerr.setMediaStatus('tv', 1405, 4);
    const b = backend();
    expect(await b.find(dexter, signal())).toBeNull();
    expect(overseerr.callsTo('GET', '/api/v1/tv/1405')).toHaveLength(1);
    expect(await b.status(1405, 'series', signal())).toEqual({ id: 1405, title: 'Dexter', available: true });
  });

  it('GIVEN a TMDb id Overseerr cannot fetch (its 500 "Unable to retrieve …") THEN find and status are null', async () => {
    const b = backend();
    expect(await b.find(candidate('movie', 'Nothing', { tmdb: 31337 }), signal())).toBeNull();
    expect(await b.status(31337, 'series', signal())).toBeNull();
  });

  it('GIVEN any other 500 on a lookup THEN a server error worth retrying', async () => {
    overseerr.fail({ kind: 'status', status: 500, body: { message: 'SQLITE_BUSY: database is locked' } });
    const err = await backend()
      .find(heat, signal())
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ failure: 'server_error', status: 500, retryable: true });
  });

  it('canAdd needs a TMDb id and a movie or series', () => {
    const b = backend();
    expect(b.canAdd(heat)).toBe(true);
    expect(b.canAdd(candidate('series', 'Tiny Kitchen Stories', { tvdb: 1 }))).toBe(false);
    expect(b.canAdd(candidate('artist', 'Heat', { mbArtist: 'x', tmdb: 1 }))).toBe(false);
  });
});

describe('what Overseerr cannot do, said as what to fix', () => {
  const nothing = candidate('movie', 'Nothing', { tmdb: 31337 });

  it('GIVEN a movie its TMDb does not know THEN a refusal that is not retried', async () => {
    const err = await backend()
      .add(nothing, {}, signal())
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ failure: 'not_found', retryable: false, status: 500 });
    expect((err as UpstreamError).detail).toBe('it could not get movie 31337 from TMDb');
  });

  it('GIVEN Overseerr cannot reach TMDb THEN its 500 stays a server error to retry', async () => {
    overseerr.tmdbUnreachable = true;
    const err = await backend()
      .add(heat, {}, signal())
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ failure: 'server_error', retryable: true, status: 500 });
  });

  it('GIVEN OVERSEERR_USER_MAP names a user Overseerr does not have THEN a config refusal naming it, not a bad key', async () => {
    const b = new OverseerrBackend({ url: overseerr.url, apiKey: KEY, userMap: { 'telegram:123': 9 } });
    const err = await b.add(heat, { requestedBy: alice }, signal()).catch((e: unknown) => e);
    expect(err).toMatchObject({ failure: 'rejected', status: 403, retryable: false });
    expect((err as UpstreamError).detail).toBe(
      'OVERSEERR_USER_MAP sends telegram:123 as Overseerr user 9, and Overseerr has no such user. An admin needs to fix OVERSEERR_USER_MAP.',
    );
    expect(overseerr.callsTo('GET', '/api/v1/user/9')).toHaveLength(1);
  });

  it('GIVEN a wrong key and a mapped person THEN still a bad key', async () => {
    const err = await backend('wrong-overseerr-key-1')
      .add(heat, { requestedBy: alice }, signal())
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ failure: 'auth', status: 403 });
  });
});
