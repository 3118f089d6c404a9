/**
 * A hostile or broken upstream: an error page of 5 MB of "<" from Radarr must not freeze the bot.
 * The send fails as an upstream fault, and /healthz keeps answering meanwhile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, type World } from '../../helpers/world.js';

const TOKEN = 'hostile-upstream-token-0001';
let world: World;
beforeAll(async () => {
  world = await startWorld({ env: { HTTP_PORT: '0', API_TOKEN: TOKEN } });
});
afterAll(() => world.close());

describe('a hostile upstream', () => {
  it('5 MB of "<" in Radarr’s error page: the request is kept, and /healthz answers meanwhile', async () => {
    world.radarr?.fail({
      kind: 'status',
      status: 500,
      raw: '<'.repeat(5 * 1024 * 1024 - 64),
      headers: { 'content-type': 'text/html' },
    });
    const asking = world.say('add Inception');
    const started = performance.now();
    const health = await fetch(`${world.app.httpUrl}/healthz`);
    expect(performance.now() - started).toBeLessThan(1000);
    expect([200, 503]).toContain(health.status);
    const reply = await asking;
    world.radarr?.fail(null);
    expect(reply.text).not.toContain('<<<<');
    const stored = await world.app.requests.get(reply.requestId ?? '');
    expect(stored?.status).toBe('failed_retryable');
  }, 30_000);
});
