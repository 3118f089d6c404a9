/**
 * After the first try: a retryable failure waits for its backoff by the core's clock, then the
 * cron sends it; after MAX_ATTEMPTS it gives up and says so once; "already there" (someone else
 * added it) is told apart from "sent" (our own earlier POST landed but its answer was lost).
 */
import { describe, expect, it } from 'vitest';
import { UpstreamError } from '../../../src/core/errors.js';
import { alice, startCore } from '../fakes/fake-core.js';
import { bladeRunnerAlbum, inception } from '../fakes/hits.js';

const radarrDown = () =>
  new UpstreamError('radarr', 'unavailable', 'radarr: /movie is not reachable (ECONNREFUSED)');
const MINUTE = 60_000;

describe('retrying with backoff', () => {
  it('Radarr down → failed_retryable, due in a minute; not retried before, sent after, and the person told once', async () => {
    const w = startCore();
    w.radarr.failNext('find', radarrDown());
    const reply = await w.say('add Inception');
    expect(reply.code).toBe('media.retrying');
    expect(reply.text).toContain('Radarr');
    const id = reply.requestId ?? '';
    const failedAt = w.clock.now().getTime();
    expect(await w.requests.get(id)).toMatchObject({
      status: 'failed_retryable',
      attempts: 1,
      nextAttemptAt: new Date(failedAt + MINUTE).toISOString(),
    });

    w.clock.advance(MINUTE - 1);
    expect(await w.core.processPending()).toMatchObject({ retried: 0, sent: 0 });
    expect(w.radarr.adds).toEqual([]);

    w.clock.advance(1);
    expect(await w.core.processPending()).toMatchObject({ retried: 1, sent: 1 });
    expect(w.radarr.adds).toHaveLength(1);
    expect((await w.requests.get(id))?.status).toBe('sent');
    expect(w.notifier.to(alice).map((m) => m.code)).toEqual(['media.added']);

    await w.core.processPending();
    expect(w.radarr.adds).toHaveLength(1);
    expect(w.notifier.sent).toHaveLength(1);
  });

  it('Radarr down when the person picks → kept; the cron sends it once Radarr is back, and tells them once', async () => {
    const w = startCore();
    const ask = await w.say('add Blade Runner');
    w.radarr.failNext('find', radarrDown(), { times: 2 });
    const picked = await w.pick(ask, 'Blade Runner (1982)');
    expect(picked.code).toBe('media.retrying');
    const id = picked.requestId ?? '';
    expect((await w.requests.get(id))?.status).toBe('failed_retryable');

    // Still down: the cron run leaves it waiting and does not pester the person.
    w.clock.advance(MINUTE);
    await w.core.processPending();
    expect(w.notifier.sent).toEqual([]);

    w.clock.advance(2 * MINUTE);
    expect((await w.core.processPending()).sent).toBe(1);
    await w.core.processPending();
    expect(w.radarr.adds.map((a) => a.candidate.ids.tmdb)).toEqual([78]);
    expect(w.notifier.sent).toEqual([{ to: alice, reply: expect.objectContaining({ code: 'media.added' }) }]);
    expect((await w.requests.get(id))?.audit.map((e) => e.to)).toContain('failed_retryable');
  });

  it('still down at the retry → the wait doubles, and the person is not told again', async () => {
    const w = startCore();
    w.radarr.failNext('find', radarrDown(), { times: 2 });
    const reply = await w.say('add Inception');
    w.clock.advance(MINUTE);
    await w.core.processPending();
    const r = await w.requests.get(reply.requestId ?? '');
    expect(r).toMatchObject({
      status: 'failed_retryable',
      attempts: 2,
      nextAttemptAt: new Date(w.clock.now().getTime() + 2 * MINUTE).toISOString(),
    });
    expect(w.notifier.sent).toEqual([]);
  });

  it('Lidarr still loading the album’s artist (adapters/arr/lidarr/album-add.ts) → “still loading”, finished by the cron', async () => {
    const w = startCore();
    const detail = 'Lidarr is still loading the albums of this artist';
    w.lidarr.failNext('add', new UpstreamError('lidarr', 'busy', `lidarr: ${detail}`, { detail }));
    const ask = await w.say('add Blade Runner');
    const reply = await w.pick(ask, 'Vangelis');
    expect(reply.code).toBe('media.retryingBusy');
    expect(reply.text).toContain(detail);
    w.clock.advance(MINUTE);
    await w.core.processPending();
    expect((await w.requests.get(reply.requestId ?? ''))?.status).toBe('sent');
    expect(w.lidarr.adds).toHaveLength(2);
  });
});

describe('giving up', () => {
  it('after MAX_ATTEMPTS retryable failures → failed, and the person is told once why', async () => {
    const w = startCore({ settings: { maxAttempts: 3 } });
    w.radarr.failNext('find', radarrDown(), { times: 10 });
    const reply = await w.say('add Inception');
    const id = reply.requestId ?? '';
    w.clock.advance(MINUTE);
    await w.core.processPending();
    expect((await w.requests.get(id))?.status).toBe('failed_retryable');
    w.clock.advance(2 * MINUTE);
    await w.core.processPending();
    const r = await w.requests.get(id);
    expect(r).toMatchObject({ status: 'failed', attempts: 3 });
    expect(r?.nextAttemptAt).toBeUndefined();

    w.clock.advance(60 * MINUTE);
    await w.core.processPending();
    expect(w.notifier.to(alice).map((m) => m.code)).toEqual(['media.gaveUp']);
    expect(w.notifier.to(alice)[0]?.text).toContain('after 3 tries');
    expect(w.radarr.adds).toEqual([]);
  });

  it('a refusal (4xx with Radarr’s reason) is final at once, with the reason', async () => {
    const w = startCore();
    const detail = 'Root folder /movies does not exist';
    w.radarr.failNext(
      'add',
      new UpstreamError('radarr', 'rejected', `radarr: ${detail}`, { status: 400, detail }),
    );
    const reply = await w.say('add Inception');
    expect(reply.code).toBe('media.failedRefused');
    expect(reply.text).toContain(detail);
    expect((await w.requests.get(reply.requestId ?? ''))?.status).toBe('failed');
  });

  it('a wrong API key is final and names the variable to fix', async () => {
    const w = startCore();
    w.radarr.failNext('find', new UpstreamError('radarr', 'auth', 'radarr: 401', { status: 401 }));
    const reply = await w.say('add Inception');
    expect(reply.code).toBe('media.failedAuth');
    expect(reply.text).toContain('RADARR_API_KEY');
  });
});

describe('already there, or sent by us', () => {
  it('someone else added it → “already there”, no POST', async () => {
    const w = startCore();
    w.radarr.hold(inception);
    const reply = await w.say('add Inception');
    expect(reply.code).toBe('media.alreadyPresent');
    expect(w.radarr.adds).toEqual([]);
    expect((await w.requests.get(reply.requestId ?? ''))?.status).toBe('already_present');
  });

  it('our POST landed but its answer was lost (a proxy’s 502) → the retry finds it and says “added”, with no second POST', async () => {
    const w = startCore();
    w.radarr.failNext('add', new UpstreamError('radarr', 'server_error', 'radarr: 502', { status: 502 }), {
      afterAdding: true,
    });
    const first = await w.say('add Inception');
    expect(first.code).toBe('media.retrying');
    expect(w.radarr.items).toHaveLength(1);

    w.clock.advance(MINUTE);
    await w.core.processPending();
    const r = await w.requests.get(first.requestId ?? '');
    expect(r?.status).toBe('sent');
    expect(r?.audit.at(-1)?.note).toBe('found after an interrupted send');
    expect(w.radarr.adds).toHaveLength(1);
    expect(w.notifier.to(alice).map((m) => m.code)).toEqual(['media.added']);
  });

  it('an album Lidarr holds unmonitored → monitored and searched, told so, not “already there”', async () => {
    const w = startCore();
    w.lidarr.hold(bladeRunnerAlbum, { monitored: false });
    const ask = await w.say('add Blade Runner');
    const done = await w.pick(ask, 'Vangelis');
    expect(done.code).toBe('media.monitoredExisting');
    expect(done.text).toContain('searching for it now');
    expect(w.lidarr.items[0]?.monitored).toBe(true);
    expect((await w.requests.get(ask.requestId ?? ''))?.status).toBe('sent');
  });
});

describe('after sending', () => {
  it('tells the person when the film has arrived, once', async () => {
    const w = startCore();
    const reply = await w.say('add Inception');
    await w.core.processPending();
    expect(w.notifier.sent).toEqual([]);
    const sent = await w.requests.get(reply.requestId ?? '');
    w.radarr.arrive(sent?.backendItemId ?? -1);
    await w.core.processPending();
    await w.core.processPending();
    expect(w.notifier.to(alice).map((m) => m.code)).toEqual(['media.available']);
    expect((await w.requests.get(reply.requestId ?? ''))?.status).toBe('available');
  });

  it('a status check that fails is logged and tried again on the next run', async () => {
    const w = startCore();
    const reply = await w.say('add Inception');
    const sent = await w.requests.get(reply.requestId ?? '');
    w.radarr.arrive(sent?.backendItemId ?? -1);
    w.radarr.failNext('status', radarrDown());
    expect((await w.core.processPending()).available).toBe(0);
    expect(w.logger.entries.some((e) => e.msg === 'status check failed')).toBe(true);
    expect((await w.core.processPending()).available).toBe(1);
  });
});
