/**
 * The stories that need the real app: a process killed mid-send and restarted on the same data
 * folder, and a wrong key as the real HTTP client and logger report it. The core's own routing
 * (decide, ask, pick, retry, give up, already there) runs on in-memory ports in test/core/media/.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../adapters/log/pino-logger.js';
import { lockHolder } from '../../adapters/store/instance-lock.js';
import { postsTo, radarrAdds, startWorld, type World } from '../helpers/world.js';

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

describe('a request reaches its backend exactly once, in the real app', () => {
  it('a process killed between "approved" and "sent" → on restart it is sent once', async () => {
    world = await startWorld();
    // Radarr is slow to answer its library check, so the kill lands while the request is in flight.
    world.radarr?.setLatency(3000);
    // The data folder is one process's at a time: the bot under test is the child, on the same fakes.
    await world.stopApp();
    const child = spawn(join(process.cwd(), 'node_modules/.bin/tsx'), [join(process.cwd(), 'src/main.ts')], {
      env: { PATH: process.env.PATH ?? '', ...world.env, PROCESS_CRON: '0 0 1 1 *' },
      stdio: ['pipe', 'pipe', 'pipe'],
      // Its own process group: tsx runs the bot in a child of its own, and the kill takes both.
      detached: true,
    });
    child.stdin.write('add Inception\n');
    await until(
      () => world?.radarr?.calls.some((c) => c.path === '/api/v3/movie' && c.method === 'GET') ?? false,
      15_000,
    );
    process.kill(-(child.pid ?? 0), 'SIGKILL');
    await new Promise((r) => child.once('exit', r));
    world.radarr?.setLatency(0);
    // The killed bot's lock is taken over once its process is gone (adapters/store/instance-lock.ts).
    await until(() => lockHolder(world?.dataDir ?? '') === undefined);

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

  it('Radarr adds the film but the proxy in front loses the answer (502) → no second POST; the retry finds it and says "added"', async () => {
    world = await startWorld();
    const radarr = world.radarr!;
    radarr.fail({ kind: 'answer_lost', status: 502 }, 1);
    const first = await world.say('add Inception');
    expect(postsTo(radarr, '/api/v3/movie')).toHaveLength(1);
    expect(first.code).toBe('media.retrying');
    const id = first.requestId ?? '';
    await world.app.requests.update(id, (r) => void (r.nextAttemptAt = new Date(0).toISOString()));
    await world.app.core.processPending();
    expect(postsTo(radarr, '/api/v3/movie')).toHaveLength(1);
    expect((await world.app.requests.get(id))?.status).toBe('sent');
    expect(world.chat.sent.map((m) => m.reply.code)).toEqual(['media.added']);
  });

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
