/**
 * /metrics carries the bot's own series and the Node process metrics Prometheus users expect from
 * any exporter; two bots in one process each count their own. The server logs one debug line per
 * request through the app's logger, and never the token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaptureLogger } from '../../helpers/capture-logger.js';
import { startWorld, type World } from '../../helpers/world.js';
import { parsePrometheus } from './prometheus-text.js';

const TOKEN = 'test-api-token-0123456789';
const logger = new CaptureLogger();
let world: World;
let other: World;

beforeAll(async () => {
  world = await startWorld({ env: { HTTP_PORT: '0', API_TOKEN: TOKEN }, logger });
  other = await startWorld({ env: { HTTP_PORT: '0', API_TOKEN: TOKEN } });
});
afterAll(async () => {
  await world.close();
  await other.close();
});

const metricsOf = async (w: World) => parsePrometheus(await (await fetch(`${w.app.httpUrl}/metrics`)).text());

describe('/metrics', () => {
  it('GIVEN a request and a cron run THEN our series have their values, next to the process metrics', async () => {
    await world.say('add Inception');
    await world.app.core.processPending();
    const families = await metricsOf(world);

    // prom-client counts CPU from when the server started, not from the process start.
    const cpu = families.get('process_cpu_user_seconds_total');
    expect(cpu?.type).toBe('counter');
    expect(cpu?.samples[0]?.value).toBeGreaterThanOrEqual(0);
    expect(families.get('nodejs_heap_size_used_bytes')?.samples[0]?.value).toBeGreaterThan(0);
    const started = families.get('process_start_time_seconds')?.samples[0]?.value ?? 0;
    expect(Math.abs(started - (Date.now() / 1000 - process.uptime()))).toBeLessThan(5);

    const sent = families.get('reelbot_requests')?.samples.find((s) => s.labels.status === 'sent');
    expect(sent?.value).toBe(1);
    const lastRun = families.get('reelbot_last_process_run_timestamp_seconds')?.samples[0]?.value ?? 0;
    expect(Math.abs(lastRun - Date.now() / 1000)).toBeLessThan(60);
    expect(families.get('reelbot_chat_connected')?.samples).toEqual([
      { name: 'reelbot_chat_connected', labels: { platform: 'terminal' }, value: 1 },
    ]);
  });

  it('GIVEN two bots in one process THEN each counts its own requests', async () => {
    await other.say('add The Matrix');
    await other.say('add Blade Runner 1982');
    const count = (f: Awaited<ReturnType<typeof metricsOf>>) =>
      f.get('reelbot_requests')?.samples.reduce((n, s) => n + s.value, 0);
    expect(count(await metricsOf(world))).toBe(1);
    expect(count(await metricsOf(other))).toBe(2);
  });
});

describe('the server log', () => {
  it('has one debug line per request, through the app logger, and no token', async () => {
    const before = logger.entries.length;
    await fetch(`${world.app.httpUrl}/api/requests`, { headers: { authorization: `Bearer ${TOKEN}` } });
    await fetch(`${world.app.httpUrl}/api/requests`, {
      headers: { authorization: 'Bearer wrong-token-0000' },
    });
    const lines = logger.entries.slice(before).filter((e) => e.bindings.module === 'http-server');
    expect(lines.map((e) => [e.level, e.msg, e.obj.status])).toEqual([
      ['debug', 'HTTP request', 200],
      ['debug', 'HTTP request', 401],
    ]);
    expect(lines[0]?.obj).toMatchObject({ method: 'GET', path: '/api/requests' });
    expect(logger.dump()).not.toContain(TOKEN);
  });
});
