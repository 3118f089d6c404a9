/**
 * The HTTP API against the real App and the fakes: the bearer token, the same core calls the
 * chats make, zod-checked bodies with clear 4xx answers, /healthz and /metrics.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaRequest } from '../../../src/core/types.js';
import { radarrAdds, sonarrAdds, startWorld, type World } from '../../helpers/world.js';
import { parsePrometheus } from './prometheus-text.js';

const TOKEN = 'test-api-token-0123456789';
let world: World;
let base: string;

beforeAll(async () => {
  world = await startWorld({ env: { HTTP_PORT: '0', API_TOKEN: TOKEN } });
  base = world.app.httpUrl ?? '';
});
afterAll(() => world.close());

async function call(
  method: string,
  path: string,
  body?: unknown,
  opts: { token?: string | null; contentType?: string } = {},
): Promise<{ status: number; json: Record<string, unknown>; text: string; type: string }> {
  const headers: Record<string, string> = {};
  const token = opts.token === undefined ? TOKEN : opts.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = opts.contentType ?? 'application/json';
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // /metrics is text
  }
  return { status: res.status, json, text, type: res.headers.get('content-type') ?? '' };
}

const errorOf = (r: { json: Record<string, unknown> }) => r.json.error as { code: string; message: string };

describe('authentication', () => {
  it('GIVEN no token or a wrong one THEN 401 with how to send it, and nothing happens', async () => {
    const none = await call('POST', '/api/requests', { title: 'Inception' }, { token: null });
    expect(none.status).toBe(401);
    expect(errorOf(none).message).toContain('Authorization: Bearer');
    const wrong = await call('GET', '/api/requests', undefined, { token: 'not-the-token-at-all' });
    expect(wrong.status).toBe(401);
    expect(radarrAdds(world)).toEqual([]);
  });
});

describe('POST /api/classify', () => {
  it('GIVEN a title THEN ranked candidates with confidence, nothing stored', async () => {
    const before = (await world.app.requests.list()).length;
    const r = await call('POST', '/api/classify', { query: 'Fargo' });
    expect(r.status).toBe(200);
    expect(r.json.decision).toBe('ask');
    const candidates = r.json.candidates as { key: string; kind: string; title: string; score: number }[];
    expect(
      candidates
        .slice(0, 2)
        .map((c) => `${c.title} ${c.kind}`)
        .sort(),
    ).toEqual(['Fargo movie', 'Fargo series']);
    expect(candidates[0]?.score).toBeGreaterThanOrEqual(candidates[1]?.score ?? 1);
    expect((await world.app.requests.list()).length).toBe(before);
  });

  it('GIVEN a bad body THEN 400 naming the field; not JSON → 400; wrong content type → 415', async () => {
    const empty = await call('POST', '/api/classify', { query: '' });
    expect(empty.status).toBe(400);
    expect(errorOf(empty)).toMatchObject({ code: 'invalid_body', message: 'query: must not be empty' });
    const extra = await call('POST', '/api/classify', { query: 'Dune', hint: 'movie' });
    expect(extra.status).toBe(400);
    expect(errorOf(extra).message).toBe('hint: not a field this endpoint takes');
    expect((await call('POST', '/api/classify', '{"query": ')).status).toBe(400);
    expect((await call('POST', '/api/classify', 'query=Dune', { contentType: 'text/plain' })).status).toBe(
      415,
    );
    expect((await call('GET', '/api/classify')).status).toBe(405);
  });
});

describe('POST /api/requests', () => {
  it('GIVEN a title THEN a stored request, sent like a chat request', async () => {
    const r = await call('POST', '/api/requests', { title: 'Inception' });
    expect(r.status).toBe(201);
    const request = r.json.request as MediaRequest;
    expect(request).toMatchObject({
      status: 'sent',
      backend: 'radarr',
      user: { platform: 'http', userId: 'api' },
    });
    expect(r.json.reply).toMatchObject({ code: 'media.added' });
    expect((await world.app.requests.get(request.id))?.status).toBe('sent');
    expect(radarrAdds(world).map((b) => b.tmdbId)).toContain(27205);
  });

  it('GIVEN a kind THEN it narrows the search; GIVEN a key from /api/classify THEN that one is taken', async () => {
    const ask = await call('POST', '/api/requests', { title: 'Breaking Bad', kind: 'series' });
    expect((ask.json.request as MediaRequest).chosen?.kind).toBe('series');
    const classified = await call('POST', '/api/classify', { query: 'Blade Runner' });
    const film = (classified.json.candidates as { key: string; title: string; year?: number }[]).find(
      (c) => c.title === 'Blade Runner' && c.year === 1982,
    );
    const r = await call('POST', '/api/requests', { title: 'Blade Runner', key: film?.key });
    expect(r.status).toBe(201);
    expect((r.json.request as MediaRequest).chosen?.key).toBe(film?.key);
  });

  it('GIVEN a bad kind or year THEN 400 saying what is allowed', async () => {
    const r = await call('POST', '/api/requests', { title: 'Dune', kind: 'film', year: 'soon' });
    expect(r.status).toBe(400);
    expect(errorOf(r).message).toBe(
      'kind: must be one of: movie, series, music, artist, album; year: must be a number',
    );
  });
});

describe('the input rule of the chats', () => {
  it.each([
    ['NUL, RLO and BEL', 'Du\u0000ne\u202e\u0007'],
    ['a bidi isolate', 'Dune\u2066'],
    ['a tag character', 'Dune\u{e0041}'],
  ])('GIVEN a title with %s THEN 400 and nothing stored', async (_, title) => {
    const before = (await world.app.requests.list()).length;
    const r = await call('POST', '/api/requests', { title });
    expect(r.status).toBe(400);
    expect(errorOf(r).message).toBe('title: must not contain control, format or private-use characters');
    expect(await world.app.requests.list()).toHaveLength(before);
  });
});

describe('requests: list and reclassify', () => {
  it('GET /api/requests?status= filters; an unknown status is a 400', async () => {
    const r = await call('GET', '/api/requests?status=sent,available');
    expect(r.status).toBe(200);
    const list = r.json.requests as MediaRequest[];
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((x) => x.status === 'sent' || x.status === 'available')).toBe(true);
    const bad = await call('GET', '/api/requests?status=done');
    expect(bad.status).toBe(400);
    expect(errorOf(bad).message).toContain('unknown status done');
  });

  it('POST /api/requests/{id}/reclassify {force_service} sends a misrouted request to the right backend', async () => {
    const created = await call('POST', '/api/requests', { title: 'Fargo', kind: 'movie' });
    const id = (created.json.request as MediaRequest).id;
    expect((created.json.request as MediaRequest).backend).toBe('radarr');
    const r = await call('POST', `/api/requests/${id}/reclassify`, { force_service: 'sonarr' });
    expect(r.status).toBe(200);
    expect(r.json.request).toMatchObject({ id, status: 'sent', backend: 'sonarr' });
    expect(sonarrAdds(world).map((b) => b.tvdbId)).toContain(269613);
  });

  it('reclassify: an unknown id is 404, an unknown service 400', async () => {
    expect((await call('POST', '/api/requests/zzzzzz/reclassify', {})).status).toBe(404);
    const sent = await call('GET', '/api/requests?status=sent');
    const id = (sent.json.requests as MediaRequest[])[0]?.id;
    const bad = await call('POST', `/api/requests/${id}/reclassify`, { force_service: 'plex' });
    expect(bad.status).toBe(400);
    expect(errorOf(bad)).toMatchObject({ code: 'admin.unknownTarget' });
  });
});

describe('/healthz and /metrics', () => {
  it('/healthz reports the chats, the store and the last cron run, without a token', async () => {
    const before = await call('GET', '/healthz', undefined, { token: null });
    expect(before.status).toBe(200);
    expect(before.json).toMatchObject({
      status: 'ok',
      store: { writable: true },
      chats: [{ platform: 'terminal', state: 'connected', connected: true }],
    });
    await world.app.core.processPending();
    const after = await call('GET', '/healthz', undefined, { token: null });
    expect(after.json.lastProcessRun).toMatchObject({ skipped: false, at: expect.any(String) });
  });

  it('/metrics parses as Prometheus text and counts requests by status and upstream errors', async () => {
    await world.radarr?.down();
    await call('POST', '/api/requests', { title: 'The Matrix' });
    await world.radarr?.up();
    const r = await call('GET', '/metrics', undefined, { token: null });
    expect(r.status).toBe(200);
    expect(r.type).toContain('text/plain; version=0.0.4');
    const families = parsePrometheus(r.text);
    const requests = families.get('reelbot_requests');
    expect(requests?.type).toBe('gauge');
    const stored = await world.app.requests.list();
    const sent = stored.filter((x) => x.status === 'sent').length;
    expect(requests?.samples.find((s) => s.labels.status === 'sent')?.value).toBe(sent);
    expect(requests?.samples.find((s) => s.labels.status === 'failed_retryable')?.value).toBe(1);
    const errors = families.get('reelbot_upstream_errors_total');
    expect(errors?.type).toBe('counter');
    expect(errors?.samples.find((s) => s.labels.service === 'radarr')?.value).toBeGreaterThanOrEqual(1);
    // No translator configured here: no jobs, nothing billed.
    expect(families.get('reelbot_job_queue_length')?.samples[0]?.value).toBe(0);
    expect(families.get('reelbot_translation_characters_total')?.samples[0]?.value).toBe(0);
    expect(families.get('reelbot_chat_connected')?.samples).toEqual([
      { name: 'reelbot_chat_connected', labels: { platform: 'terminal' }, value: 1 },
    ]);
  });

  it('the parser used here rejects what Prometheus would', () => {
    expect(() => parsePrometheus('reelbot_x 1\n')).toThrow(/before its TYPE/);
    expect(() => parsePrometheus('# TYPE a gauge\na{b="c} 1\n')).toThrow(/unterminated/);
    expect(() => parsePrometheus('# TYPE a gauge\na one\n')).toThrow(/bad value/);
  });

  it('an unknown path is a 404 with a pointer to the docs', async () => {
    const r = await call('GET', '/api/nothing');
    expect(r.status).toBe(404);
    expect(errorOf(r).message).toContain('README.md');
  });
});
