/**
 * From "add …" to the backend, on the in-memory ports: a title only one work fits is added at
 * once; one that two works fit is asked about; the click sends the one chosen, once.
 */
import { describe, expect, it } from 'vitest';
import { UpstreamError } from '../../../src/core/errors.js';
import { alice, bob, startCore } from '../fakes/fake-core.js';

describe('deciding', () => {
  it('add Inception → the 2010 film goes to Radarr at once, without asking', async () => {
    const w = startCore();
    const reply = await w.say('add Inception');
    expect(reply.code).toBe('media.added');
    expect(reply.choices).toBeUndefined();
    expect(reply.card).toMatchObject({
      title: 'Inception',
      year: 2010,
      kind: 'movie',
      destination: 'Radarr',
    });
    expect(w.radarr.adds.map((a) => a.candidate.ids.tmdb)).toEqual([27205]);
    expect(w.radarr.adds[0]?.options.requestedBy).toEqual(alice);
    const r = await w.requests.get(reply.requestId ?? '');
    expect(r?.status).toBe('sent');
    expect(r?.backendItemId).toBe(w.radarr.items[0]?.id);
    const moves = r?.audit.filter((e) => e.from !== e.to).map((e) => e.to);
    expect(moves).toEqual(['received', 'classified', 'approved', 'sent']);
    // Written before the POST, so a retry can tell its own earlier add from someone else's.
    expect(r?.audit.filter((e) => e.note === 'sending')).toHaveLength(1);
  });

  it('a series without a TVDB id gets it from the catalog before Sonarr is asked', async () => {
    const w = startCore();
    const reply = await w.say('add Breaking Bad');
    expect(reply.code).toBe('media.added');
    expect(w.sonarr.adds.map((a) => a.candidate.ids.tvdb)).toEqual([81189]);
  });

  it('a title nothing fits → "found nothing", stored as failed, nothing sent', async () => {
    const w = startCore();
    const reply = await w.say('add Qwxyz Flurb');
    expect(reply.code).toBe('media.notFound');
    expect((await w.requests.get(reply.requestId ?? ''))?.status).toBe('failed');
    expect(w.radarr.adds).toEqual([]);
  });

  it('every catalog down → kept to retry, with a backoff, and the person is told why', async () => {
    const w = startCore();
    w.tmdb.failAlways(new UpstreamError('tmdb', 'unavailable', 'tmdb: not reachable (ECONNREFUSED)'));
    w.musicbrainz.failAlways(
      new UpstreamError('musicbrainz', 'server_error', 'musicbrainz: 503', { status: 503 }),
    );
    const reply = await w.say('add Inception');
    expect(reply.code).toBe('media.catalogsDown');
    expect(reply.text).toContain('tmdb, musicbrainz did not answer');
    const r = await w.requests.get(reply.requestId ?? '');
    expect(r).toMatchObject({ status: 'failed_retryable', attempts: 1 });
    expect(r?.nextAttemptAt).toBe(new Date(w.clock.now().getTime() + 60_000).toISOString());

    // Back up after the backoff: the cron searches again, sends it, and tells the person.
    w.tmdb.failAlways(undefined);
    w.musicbrainz.failAlways(undefined);
    w.clock.advance(60_000);
    await w.core.processPending();
    expect(w.radarr.adds).toHaveLength(1);
    expect(w.notifier.to(alice).map((m) => m.code)).toEqual(['media.added']);
  });
});

describe('asking', () => {
  it('add Blade Runner → two plausible works (the film and the album): asks, sends nothing', async () => {
    const w = startCore();
    const reply = await w.say('add Blade Runner');
    expect(reply.code).toBe('media.pick');
    expect(reply.choices?.options.map((o) => o.label)).toEqual([
      'Blade Runner (1982) · movie',
      expect.stringMatching(/^Blade Runner — Vangelis \(1994\) · album/),
    ]);
    expect(reply.choices?.noneLabel).toBe('None of these');
    const r = await w.requests.get(reply.requestId ?? '');
    expect(r?.status).toBe('needs_choice');
    expect(r?.candidates.map((c) => c.key)).toEqual([
      'movie:tmdb:78',
      'album:mb:3c8e1f6a-2b7d-4e59-9a10-5f4d3c2b1a08',
    ]);
    expect(w.radarr.adds).toEqual([]);
    expect(w.lidarr.adds).toEqual([]);
  });

  it('the album is picked → Lidarr gets the album with its artist, not Radarr the film', async () => {
    const w = startCore();
    const ask = await w.say('add Blade Runner');
    const done = await w.pick(ask, 'Vangelis');
    expect(done.code).toBe('media.added');
    expect(w.lidarr.adds.map((a) => a.candidate.ids)).toEqual([
      {
        mbReleaseGroup: '3c8e1f6a-2b7d-4e59-9a10-5f4d3c2b1a08',
        mbArtist: '1ca2f7c4-8a1b-4c8d-9a63-2f1f3f5e0a11',
      },
    ]);
    expect(w.radarr.adds).toEqual([]);
  });
});

describe('choosing', () => {
  it('a click sends the chosen film, once, and uses the buttons up', async () => {
    const w = startCore();
    const ask = await w.say('add Blade Runner');
    const done = await w.pick(ask, 'Blade Runner (1982)');
    expect(done.code).toBe('media.added');
    expect(w.radarr.adds.map((a) => a.candidate.ids.tmdb)).toEqual([78]);
    const r = await w.requests.get(ask.requestId ?? '');
    expect(r?.status).toBe('sent');
    expect(r?.audit.find((e) => e.note === 'picked')?.actor).toBe('terminal:alice');
    expect((await w.pick(ask, 'Blade Runner (1982)')).code).toBe('choice.expired');
    expect(w.radarr.adds).toHaveLength(1);
  });

  it('two clicks at the same moment → one add; the other click is told the buttons are used', async () => {
    const w = startCore();
    const ask = await w.say('add Blade Runner');
    const [a, b] = await Promise.all([
      w.pick(ask, 'Blade Runner (1982)'),
      w.pick(ask, 'Blade Runner (1982)'),
    ]);
    expect([a.code, b.code].sort()).toEqual(['choice.expired', 'media.added']);
    expect(w.radarr.adds).toHaveLength(1);
  });

  it('someone else’s click is refused and leaves the buttons working for the asker', async () => {
    const w = startCore();
    const ask = await w.say('add Blade Runner');
    expect(await w.pick(ask, 'Blade Runner (1982)', bob)).toMatchObject({
      code: 'choice.notYours',
      private: true,
    });
    expect((await w.pick(ask, 'Blade Runner (1982)')).code).toBe('media.added');
  });

  it('"none of these" cancels and suggests how to be more precise', async () => {
    const w = startCore();
    const ask = await w.say('add Blade Runner');
    expect((await w.pick(ask, 'none')).code).toBe('media.cancelledNone');
    expect((await w.requests.get(ask.requestId ?? ''))?.status).toBe('cancelled');
  });

  it('buttons expire with CHOICE_TTL_MINUTES by the core’s clock, and the cron purges them', async () => {
    const w = startCore();
    const ask = await w.say('add Blade Runner');
    w.clock.advance(60 * 60_000);
    expect((await w.pick(ask, 'Blade Runner (1982)')).code).toBe('choice.expired');
    await w.core.processPending();
    expect(w.choices.size).toBe(0);
    expect(w.radarr.adds).toEqual([]);
  });

  it('a cancelled pick leaves the old buttons doing nothing', async () => {
    const w = startCore();
    const ask = await w.say('add Blade Runner');
    expect((await w.say(`cancel ${ask.requestId}`)).code).toBe('cancel.done');
    expect((await w.pick(ask, 'Blade Runner (1982)')).code).toBe('choice.expired');
    expect(w.radarr.adds).toEqual([]);
  });
});

describe('my requests', () => {
  it('lists mine, newest first, and only mine', async () => {
    const w = startCore();
    await w.say('add Inception');
    w.clock.advance(60_000);
    await w.say('add Blade Runner');
    await w.say('add Breaking Bad', bob);
    const mine = await w.say('requests');
    expect(mine.text.indexOf('Blade Runner')).toBeLessThan(mine.text.indexOf('Inception'));
    expect(mine.text).not.toContain('Breaking Bad');
    expect(mine.text).toContain('waiting for your pick');
  });

  it('will not cancel someone else’s request, or one already sent', async () => {
    const w = startCore();
    const sent = await w.say('add Inception');
    expect((await w.say(`cancel ${sent.requestId}`, bob)).code).toBe('cancel.notFound');
    expect((await w.say(`cancel ${sent.requestId}`)).code).toBe('cancel.tooLate');
  });
});
