/**
 * What the HTTP API refuses before a route runs, each as `{"error": {"code", "message"}}` with the
 * status that says what to change: too large (413, 431), not JSON (415), a method the path does
 * not take (405 with Allow), no token (401, for unknown /api paths too). And where it listens.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaRequest } from '../../../src/core/types.js';
import { startWorld, type World } from '../../helpers/world.js';

const TOKEN = 'test-api-token-0123456789';
let world: World;
let base: string;

beforeAll(async () => {
  world = await startWorld({ env: { HTTP_PORT: '0', API_TOKEN: TOKEN } });
  base = world.app.httpUrl ?? '';
});
afterAll(() => world.close());

const auth = { authorization: `Bearer ${TOKEN}` };

async function send(path: string, init: RequestInit = {}) {
  const res = await fetch(`${base}${path}`, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, error: (JSON.parse(text) as { error: unknown }).error };
}

/** The raw bytes of one answer: for what fetch itself would refuse to send. */
function rawRequest(request: string): Promise<string> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    let answer = '';
    socket.on('data', (d) => (answer += d.toString('utf8')));
    socket.on('close', () => resolve(answer));
    socket.on('error', (e) => (answer ? resolve(answer) : reject(e)));
    socket.write(request);
  });
}

describe('GIVEN the default HTTP_HOST', () => {
  it('THEN the API listens on the loopback address only', () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});

describe('GIVEN a request that is too large', () => {
  it('a body over 64 KiB → 413 too_large, and nothing is stored', async () => {
    const before = (await world.app.requests.list()).length;
    const r = await send('/api/requests', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'x'.repeat(70 * 1024) }),
    });
    expect(r.status).toBe(413);
    expect(r.error).toEqual({ code: 'too_large', message: 'The body is larger than 65536 bytes.' });
    expect((await world.app.requests.list()).length).toBe(before);
  });

  it('headers over 16 KiB → 431 in the same error shape', async () => {
    const answer = await rawRequest(
      `GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Padding: ${'a'.repeat(20 * 1024)}\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({
      error: { code: 'headers_too_large', message: 'The request headers are larger than 16384 bytes.' },
    });
  });
});

describe('GIVEN a body that is not JSON', () => {
  it('no body at all where one is needed → 415; an empty JSON body → 400 invalid_json', async () => {
    const none = await send('/api/admin', { method: 'POST', headers: auth });
    expect(none.status).toBe(415);
    expect(none.error).toMatchObject({ code: 'unsupported_media_type' });
    const empty = await send('/api/admin', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: '',
    });
    expect(empty.status).toBe(400);
    expect(empty.error).toEqual({ code: 'invalid_json', message: 'The body is not valid JSON.' });
  });

  it('reclassify takes no body at all as {} (a fresh search)', async () => {
    const created = await fetch(`${base}/api/requests`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Inception' }),
    });
    const { request } = (await created.json()) as { request: MediaRequest };
    const res = await fetch(`${base}/api/requests/${request.id}/reclassify`, {
      method: 'POST',
      headers: auth,
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { request: MediaRequest }).request.id).toBe(request.id);
  });
});

describe('GIVEN a known path with a method it does not take', () => {
  it('THEN 405 with the methods it takes, in the Allow header and the message', async () => {
    const r = await send('/api/requests', { method: 'DELETE', headers: auth });
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('GET, POST');
    expect(r.error).toEqual({ code: 'method_not_allowed', message: 'Use GET or POST here.' });
    const health = await send('/healthz', { method: 'POST' });
    expect(health.status).toBe(405);
    expect(health.headers.get('allow')).toBe('GET');
  });

  it('an unknown path is a 404 whatever its body', async () => {
    const r = await send('/api/nothing', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: '{"title": ',
    });
    expect(r.status).toBe(404);
    expect(r.error).toMatchObject({ code: 'not_found' });
  });

  it('a trailing slash is the same path', async () => {
    expect((await fetch(`${base}/healthz/`)).status).toBe(200);
  });
});

describe('GIVEN no token', () => {
  it('an unknown /api path is a 401 too: what exists under /api is not told without the token', async () => {
    const r = await send('/api/nothing');
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toBe('Bearer realm="reelbot"');
    expect((await send('/nothing')).status).toBe(404);
  });
});
