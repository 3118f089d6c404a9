import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../adapters/log/pino-logger.js';
import { newRequest } from '../../src/core/media/request-lifecycle.js';
import { alice, bob, postsTo, radarrAdds, sonarrAdds, startWorld, type World } from '../helpers/world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function until(check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('a request reaches its backend exactly once', () => {
  it('already in the library → "already there", and no POST', async () => {
    world = await startWorld();
    world.radarr?.addToLibrary(27205);
    const reply = await world.say('add Inception');
    expect(reply.code).toBe('media.alreadyPresent');
    expect(postsTo(world.radarr, '/api/v3/movie')).toEqual([]);
    expect((await world.app.requests.get(reply.requestId ?? ''))?.status).toBe('already_present');
  });

  it('Sonarr down when the person picks → kept; the cron sends it once Sonarr is back, and tells them', async () => {
    world = await startWorld();
    const ask = await world.say('add Fargo');
    expect(ask.code).toBe('media.pick');
    await world.sonarr?.down();
    const picked = await world.pick(ask, 'Fargo (2014)');
    expect(picked.code).toBe('media.retrying');
    expect(picked.text).toContain('Sonarr');
    const id = picked.requestId ?? '';
    expect((await world.app.requests.get(id))?.status).toBe('failed_retryable');

    // Still down: the cron run leaves it waiting and does not pester the person.
    await world.app.requests.update(id, (r) => void (r.nextAttemptAt = new Date(0).toISOString()));
    await world.app.core.processPending();
    expect(world.chat.sent).toEqual([]);

    await world.sonarr?.up();
    await world.app.requests.update(id, (r) => void (r.nextAttemptAt = new Date(0).toISOString()));
    const report = await world.app.core.processPending();
    expect(report.sent).toBe(1);
    await world.app.core.processPending();
    expect(sonarrAdds(world).map((b) => b.tvdbId)).toEqual([269613]);
    expect(world.chat.sent).toHaveLength(1);
    expect(world.chat.sent[0]?.to).toEqual(alice);
    expect(world.chat.sent[0]?.reply.code).toBe('media.added');
    const r = await world.app.requests.get(id);
    expect(r?.status).toBe('sent');
    expect(r?.audit.map((e) => e.to)).toContain('failed_retryable');
  });

  it('Radarr adds the film but the proxy in front loses the answer (502) → no second POST; the retry finds it and says "added", not "already there"', async () => {
    world = await startWorld();
    const radarr = world.radarr!;
    radarr.fail({ kind: 'answer_lost', status: 502 }, 1);
    const first = await world.say('add Inception');
    expect(postsTo(radarr, '/api/v3/movie')).toHaveLength(1);
    expect(first.code).toBe('media.retrying');
    const id = first.requestId ?? '';
    expect((await world.app.requests.get(id))?.status).toBe('failed_retryable');

    await world.app.requests.update(id, (r) => void (r.nextAttemptAt = new Date(0).toISOString()));
    await world.app.core.processPending();
    expect(postsTo(radarr, '/api/v3/movie')).toHaveLength(1);
    expect((await world.app.requests.get(id))?.status).toBe('sent');
    expect(world.chat.sent.map((m) => m.reply.code)).toEqual(['media.added']);
  });

  it('a process killed while classifying leaves the request "received" → the cron decides it and tells the person', async () => {
    world = await startWorld();
    // What a kill 0.8 s after "add Inception" leaves on disk: the request, stored, not yet decided.
    const asked = new Date(Date.now() - 60_000);
    await world.app.requests.insert(
      newRequest('stuck1', alice, { text: 'add Inception', title: 'Inception' }, asked),
    );
    const report = await world.app.core.processPending();
    expect(report.sent).toBe(1);
    expect((await world.app.requests.get('stuck1'))?.status).toBe('sent');
    expect(radarrAdds(world).map((b) => b.tmdbId)).toEqual([27205]);
    expect(world.chat.sent.map((m) => [m.to.userId, m.reply.code])).toEqual([['alice', 'media.added']]);
  });

  it('a request being classified right now is not taken up by the cron', async () => {
    world = await startWorld();
    await world.app.requests.insert(
      newRequest('fresh1', alice, { text: 'add Inception', title: 'Inception' }, new Date()),
    );
    await world.app.core.processPending();
    expect((await world.app.requests.get('fresh1'))?.status).toBe('received');
  });

  it('waits for the backoff before retrying', async () => {
    world = await startWorld();
    await world.radarr?.down();
    const reply = await world.say('add Inception');
    expect(reply.code).toBe('media.retrying');
    await world.radarr?.up();
    const report = await world.app.core.processPending();
    expect(report.retried).toBe(0);
    expect(postsTo(world.radarr, '/api/v3/movie')).toEqual([]);
  });

  it('gives up after the maximum attempts and says why', async () => {
    world = await startWorld({ env: { MAX_ATTEMPTS: '2' } });
    await world.radarr?.down();
    const reply = await world.say('add Inception');
    const id = reply.requestId ?? '';
    await world.app.requests.update(id, (r) => void (r.nextAttemptAt = new Date(0).toISOString()));
    await world.app.core.processPending();
    const r = await world.app.requests.get(id);
    expect(r?.status).toBe('failed');
    expect(world.chat.sent[0]?.reply.code).toBe('media.gaveUp');
  });

  it('a process killed between "approved" and "sent" → on restart it is sent once', async () => {
    world = await startWorld();
    // Radarr is slow to answer its library check, so the kill lands while the request is in flight.
    world.radarr?.setLatency(3000);
    const child = spawn(join(process.cwd(), 'node_modules/.bin/tsx'), [join(process.cwd(), 'src/main.ts')], {
      env: { PATH: process.env.PATH ?? '', ...world.env, PROCESS_CRON: '0 0 1 1 *' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stdin.write('add Inception\n');
    await until(
      () => world?.radarr?.calls.some((c) => c.path === '/api/v3/movie' && c.method === 'GET') ?? false,
      15_000,
    );
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    world.radarr?.setLatency(0);

    await world.stopApp();
    const restarted = await startWorld({ dataDir: world.dataDir, env: world.env });
    try {
      const [r] = await restarted.app.requests.list();
      expect(r?.status).toBe('approved');
      // The restarted app talks to the same fakes (same env); count POSTs on the original fake.
      await restarted.app.core.processPending();
      expect((await restarted.app.requests.get(r?.id ?? ''))?.status).toBe('sent');
      await restarted.app.core.processPending();
      expect(radarrAdds(world).map((b) => b.tmdbId)).toEqual([27205]);
      expect(restarted.chat.sent.map((s) => s.reply.code)).toEqual(['media.added']);
    } finally {
      await restarted.stopApp();
    }
  }, 30_000);

  it('a wrong API key → a clear failure the person and the log can act on, the key never printed', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _e, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const wrongKey = 'wrong-radarr-key-123';
    world = await startWorld({
      env: { RADARR_API_KEY: wrongKey, LOG_LEVEL: 'debug' },
      logger: createLogger({ level: 'debug', secrets: [wrongKey], destination }),
    });
    const reply = await world.say('add Inception');
    expect(reply.code).toBe('media.failedAuth');
    expect(reply.text).toContain('RADARR_API_KEY');
    expect(reply.text).not.toContain(wrongKey);
    expect(lines.join('')).toContain('radarr');
    expect(lines.join('')).not.toContain(wrongKey);
    expect((await world.app.requests.get(reply.requestId ?? ''))?.status).toBe('failed');
  });
});

describe('what happens after sending', () => {
  it('tells the person when the movie has arrived, once', async () => {
    world = await startWorld();
    const reply = await world.say('add Inception');
    expect(reply.code).toBe('media.added');
    await world.app.core.processPending();
    expect(world.chat.sent).toEqual([]);
    const sent = await world.app.requests.get(reply.requestId ?? '');
    world.radarr?.setHasFile(sent?.backendItemId ?? -1);
    await world.app.core.processPending();
    await world.app.core.processPending();
    expect(world.chat.sent.map((s) => s.reply.code)).toEqual(['media.available']);
    expect((await world.app.requests.get(reply.requestId ?? ''))?.status).toBe('available');
  });
});

describe('my requests', () => {
  it('lists mine, newest first, and only mine', async () => {
    world = await startWorld();
    await world.say('add Inception');
    await world.say('add Blade Runner');
    await world.say('add Breaking Bad', bob);
    const mine = await world.say('requests');
    expect(mine.text.indexOf('Blade Runner')).toBeLessThan(mine.text.indexOf('Inception'));
    expect(mine.text).not.toContain('Breaking Bad');
    expect(mine.text).toContain('waiting for your pick');
  });

  it('cancels a request waiting for a pick; the old buttons then do nothing', async () => {
    world = await startWorld();
    const ask = await world.say('add Blade Runner');
    const cancelled = await world.say(`cancel ${ask.requestId}`);
    expect(cancelled.code).toBe('cancel.done');
    const late = await world.pick(ask, 'Blade Runner (1982)');
    expect(late.code).toBe('choice.expired');
    expect(postsTo(world.radarr, '/api/v3/movie')).toEqual([]);
  });

  it('will not cancel someone else’s request, or one already sent', async () => {
    world = await startWorld();
    const sent = await world.say('add Inception');
    expect((await world.say(`cancel ${sent.requestId}`, bob)).code).toBe('cancel.notFound');
    expect((await world.say(`cancel ${sent.requestId}`)).code).toBe('cancel.tooLate');
  });
});

describe('buttons', () => {
  it('refuses a click from someone else and leaves the buttons working for the asker', async () => {
    world = await startWorld();
    const ask = await world.say('add Blade Runner');
    const refused = await world.pick(ask, 'Blade Runner (1982)', bob);
    expect(refused).toMatchObject({ code: 'choice.notYours', private: true });
    const ok = await world.pick(ask, 'Blade Runner (1982)');
    expect(ok.code).toBe('media.added');
  });

  it('a second click on used buttons gets a clear answer, and one POST', async () => {
    world = await startWorld();
    const ask = await world.say('add Blade Runner');
    const [a, b] = await Promise.all([
      world.pick(ask, 'Blade Runner (1982)'),
      world.pick(ask, 'Blade Runner (1982)'),
    ]);
    expect([a.code, b.code].sort()).toEqual(['choice.expired', 'media.added']);
    expect(postsTo(world.radarr, '/api/v3/movie')).toHaveLength(1);
  });

  it('"none of these" cancels and suggests how to be more precise', async () => {
    world = await startWorld();
    const ask = await world.say('add Blade Runner');
    const none = await world.pick(ask, 'none');
    expect(none.code).toBe('media.cancelledNone');
    expect((await world.app.requests.get(ask.requestId ?? ''))?.status).toBe('cancelled');
  });
});
