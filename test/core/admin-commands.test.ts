/**
 * The admin commands in chat, against the real App and the fakes: reclassify a misrouted
 * request, retry what failed, backfill missing ids, run the job now, report on a seeded store,
 * and the doctor's lines.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { newRequest, transition } from '../../src/core/media/request-lifecycle.js';
import type { Candidate, MediaRequest, RequestStatus, UserRef } from '../../src/core/types.js';
import { alice, radarrAdds, sonarrAdds, startWorld, type World } from '../helpers/world.js';
import { closedUrl } from '../ops/run-script.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const carol: UserRef = { platform: 'terminal', userId: 'carol', chatId: 'chat-carol' };
const env = { ADMIN_USERS: 'terminal:carol' };
const admin = (text: string) => (world as World).say(text, carol);

describe('reclassify', () => {
  it('GIVEN Fargo sent to Radarr when the person meant the series WHEN "reclassify <id> series" THEN Sonarr gets it and the person is told', async () => {
    world = await startWorld({ env });
    const ask = await world.say('add Fargo', alice);
    const misrouted = await world.pick(ask, 'Fargo (1996)', alice);
    expect(misrouted.code).toBe('media.added');
    const id = misrouted.requestId ?? '';
    expect(radarrAdds(world).map((b) => b.tmdbId)).toEqual([275]);

    const fixed = await admin(`reclassify ${id} series`);
    expect(fixed.code).toBe('media.added');
    expect(fixed.text).toContain(`Reclassified ${id} as series`);
    expect(sonarrAdds(world).map((b) => b.tvdbId)).toEqual([269613]);
    const r = await world.app.requests.get(id);
    expect(r).toMatchObject({ status: 'sent', backend: 'sonarr', query: { hint: 'series' } });
    expect(r?.chosen?.kind).toBe('series');
    const event = r?.audit.find((e) => e.note === 'reclassified as series');
    expect(event).toMatchObject({
      actor: 'terminal:carol',
      from: 'sent',
      detail: { before: { backend: 'radarr' } },
    });
    expect(world.chat.sent.map((s) => [s.to.userId, s.reply.code])).toEqual([
      ['alice', 'admin.reclassifiedNotice'],
    ]);
  });

  it('GIVEN the same misroute WHEN "reclassify <id> sonarr" THEN it is searched as a series and sent to Sonarr', async () => {
    world = await startWorld({ env });
    const ask = await world.say('add Fargo', alice);
    const id = (await world.pick(ask, 'Fargo (1996)', alice)).requestId ?? '';
    const fixed = await admin(`reclassify ${id} sonarr`);
    expect(fixed.code).toBe('media.added');
    expect(sonarrAdds(world).map((b) => b.tvdbId)).toEqual([269613]);
    expect((await world.app.requests.get(id))?.options.backend).toBe('sonarr');
  });

  it('GIVEN a target that is neither a kind nor a service THEN it says what would work', async () => {
    world = await startWorld({ env });
    const sent = await world.say('add Inception', alice);
    const reply = await admin(`reclassify ${sent.requestId} plex`);
    expect(reply.code).toBe('admin.unknownTarget');
    expect(reply.text).toContain('sonarr, radarr, lidarr');
    expect((await admin('reclassify zzzzzz movie')).code).toBe('admin.notFound');
    expect((await admin('reclassify')).code).toBe('parse.reclassifyUsage');
  });
});

describe('retry and process', () => {
  it('GIVEN a request that failed for good WHEN "retry" and "process" THEN it is sent once the backend is back', async () => {
    world = await startWorld({ env: { ...env, MAX_ATTEMPTS: '1' } });
    await world.radarr?.down();
    const failed = await world.say('add Inception', alice);
    const id = failed.requestId ?? '';
    expect((await world.app.requests.get(id))?.status).toBe('failed');
    await world.radarr?.up();

    const retried = await admin('retry');
    expect(retried.code).toBe('admin.retried');
    expect(retried.text).toContain(id);
    expect(await world.app.requests.get(id)).toMatchObject({ status: 'approved', attempts: 0 });

    const processed = await admin('process');
    expect(processed.code).toBe('admin.processed');
    expect(processed.text).toContain('1 sent');
    expect(radarrAdds(world).map((b) => b.tmdbId)).toEqual([27205]);
    expect((await admin('retry')).code).toBe('admin.retryNone');
    expect((await admin(`retry ${id}`)).code).toBe('admin.retryNotFailed');
  });
});

describe('backfill-ids', () => {
  it('GIVEN a stored series without its TVDB id THEN TMDb’s external ids fill it in, and known ids stay', async () => {
    world = await startWorld({ env });
    const dexter: Candidate = {
      key: 'series:tmdb:1405',
      source: 'tmdb',
      sources: ['tmdb'],
      kind: 'series',
      title: 'Dexter',
      year: 2006,
      ids: { tmdb: 1405, imdb: 'tt0773262' },
      score: 0.9,
      factors: { title: 1, year: 0.5, popularity: 1, completeness: 0.5, recency: 0.5, kind: 0.5 },
    };
    const r = newRequest('dex001', alice, { text: 'add Dexter', title: 'Dexter' }, new Date());
    r.chosen = dexter;
    transition(r, 'failed', 'system', new Date(), 'no backend id');
    await world.app.requests.insert(r);

    const reply = await admin('backfill-ids');
    expect(reply.code).toBe('admin.backfilled');
    expect(reply.text).toContain('dex001 Dexter (2006): +tvdb 79349');
    const after = await world.app.requests.get('dex001');
    expect(after?.chosen?.ids).toEqual({ tmdb: 1405, imdb: 'tt0773262', tvdb: 79349 });
    expect(after?.audit.at(-1)).toMatchObject({ actor: 'terminal:carol', note: 'ids backfilled' });
    expect((await admin('backfill-ids')).code).toBe('admin.backfillNone');
  });
});

describe('report', () => {
  const DAY = 24 * 3600_000;

  function seeded(
    id: string,
    ageMs: number,
    status: RequestStatus,
    opts: { backend?: string; score?: number; outcomeAfterMs?: number } = {},
  ): MediaRequest {
    const created = new Date(Date.now() - ageMs);
    const r = newRequest(id, alice, { text: `add ${id}`, title: id }, created);
    if (opts.score !== undefined)
      r.chosen = {
        key: `movie:tmdb:${id}`,
        source: 'tmdb',
        sources: ['tmdb'],
        kind: 'movie',
        title: id,
        ids: {},
        score: opts.score,
        factors: { title: 1, year: 1, popularity: 1, completeness: 1, recency: 1, kind: 1 },
      };
    if (opts.backend) r.backend = opts.backend;
    transition(r, status, 'system', new Date(created.getTime() + (opts.outcomeAfterMs ?? 1000)));
    return r;
  }

  it('GIVEN a seeded store THEN the counts, rate, confidence and median are right for the window', async () => {
    world = await startWorld({ env });
    const rows = [
      seeded('aaa001', 1 * DAY, 'sent', { backend: 'radarr', score: 0.9, outcomeAfterMs: 2000 }),
      seeded('aaa002', 2 * DAY, 'available', { backend: 'radarr', score: 0.8, outcomeAfterMs: 4000 }),
      seeded('aaa003', 2 * DAY, 'already_present', { backend: 'sonarr', score: 0.6, outcomeAfterMs: 6000 }),
      seeded('aaa004', 3 * DAY, 'failed', { backend: 'sonarr', score: 0.5, outcomeAfterMs: 60_000 }),
      seeded('aaa005', 3 * DAY, 'failed'),
      seeded('aaa006', 4 * DAY, 'cancelled'),
      seeded('aaa007', 20 * DAY, 'sent', { backend: 'lidarr', score: 0.3 }),
    ];
    for (const r of rows) await world.app.requests.insert(r);

    const week = await admin('report --days 7');
    expect(week.code).toBe('admin.report');
    const text = week.text;
    expect(text).toContain(
      'Requests in the last 7 days: 6 (1 already_present, 1 available, 1 cancelled, 2 failed, 1 sent)',
    );
    expect(text).toContain('  none: 1 cancelled, 1 failed');
    expect(text).toContain('  radarr: 1 available, 1 sent');
    expect(text).toContain('  sonarr: 1 already_present, 1 failed');
    expect(text).not.toContain('lidarr');
    expect(text).toContain('Success rate: 60% (3 of 5 finished)');
    expect(text).toContain('Confidence: average 0.70 over 4 decision(s); 2 low-confidence');
    expect(text).toMatch(/• aaa004 aaa004 \(0\.50\)\n {2}• aaa003 aaa003 \(0\.60\)/);
    // Outcomes after 1 s (aaa005), 2 s, 4 s, 6 s, 60 s: the median is 4 s. aaa006 was cancelled.
    expect(text).toContain('Median time to outcome: 4.0 s');

    const all = await admin('report --days 0');
    expect(all.text).toContain('Requests in all time: 7');
    expect(all.text).toContain('  lidarr: 1 sent');
    expect((await admin('report —days 30')).text).toContain('the last 30 days: 7');
    expect((await admin('report --days soon')).code).toBe('parse.reportUsage');
  });

  it('GIVEN nothing stored THEN it says so', async () => {
    world = await startWorld({ env });
    expect((await admin('report')).text).toBe('No requests in the last 30 days.');
  });
});

describe('doctor in chat', () => {
  it('GIVEN Radarr with a wrong key THEN the admin reads a ✗ line for Radarr and how to fix it', async () => {
    // No internet in tests: the script site is an address that refuses.
    const imsdb = await closedUrl();
    world = await startWorld({
      env: { ...env, RADARR_API_KEY: 'wrong-radarr-key-0001', IMSDB_BASE_URL: imsdb },
    });
    const reply = await admin('doctor');
    expect(reply.code).toBe('admin.doctor');
    const failing = reply.text.split('\n').filter((l) => l.startsWith('✗'));
    expect(
      failing.some((l) => l.startsWith('✗ Radarr: rejected the key (HTTP 401) → copy the key again')),
    ).toBe(true);
    expect(reply.text).toContain('✓ Sonarr: reachable, key accepted');
    expect(reply.text).not.toContain('wrong-radarr-key-0001');
  });
});
