import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HttpClient } from '../../../adapters/http-client/http-client.js';
import { upstreamDetail } from '../../../adapters/http-client/upstream-detail.js';
import type { UpstreamError } from '../../../src/core/errors.js';
import { FakeHttp } from '../../fakes/fake-http.js';
import { upstreamFailure } from '../../helpers/upstream-failure.js';

const thing = z.object({ name: z.string() });
const KEY = 'k3y-that-must-not-leak';

let fake: FakeHttp;
beforeEach(async () => {
  fake = await new FakeHttp().route('GET', '/thing', () => ({ status: 200, body: { name: 'ok' } })).start();
});
afterEach(() => fake.close());

function client(extra: Partial<ConstructorParameters<typeof HttpClient>[0]> = {}) {
  return new HttpClient({
    service: 'svc',
    baseUrl: fake.url,
    query: { api_key: KEY },
    timeoutMs: 300,
    ...extra,
  });
}

describe('the shared HTTP client', () => {
  it('parses a good answer with its schema', async () => {
    await expect(client().json({ path: '/thing', schema: thing })).resolves.toEqual({ name: 'ok' });
    expect(fake.calls[0]?.query.api_key).toBe(KEY);
  });

  it('retries a 429 after its Retry-After and then succeeds', async () => {
    fake.fail({ kind: 'status', status: 429, headers: { 'retry-after': '0.2' } }, 1);
    const started = Date.now();
    await expect(client().json({ path: '/thing', schema: thing })).resolves.toEqual({ name: 'ok' });
    expect(fake.calls).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('retries a 503 and gives up after the configured retries as server_error', async () => {
    fake.fail({ kind: 'status', status: 503 });
    const e = await upstreamFailure(client({ retries: 1 }).json({ path: '/thing', schema: thing }));
    expect(e.failure).toBe('server_error');
    expect(e.retryable).toBe(true);
    expect(fake.calls).toHaveLength(2);
  });

  it('does not wait for a Retry-After longer than it may', async () => {
    fake.fail({ kind: 'status', status: 429, headers: { 'retry-after': '3600' } });
    const e = await upstreamFailure(client().json({ path: '/thing', schema: thing }));
    expect(e.failure).toBe('rate_limited');
    expect(e.retryAfter).toBe(3600);
    expect(fake.calls).toHaveLength(1);
  });

  it('turns a hung server into a timeout', async () => {
    fake.fail({ kind: 'hang' });
    const e = await upstreamFailure(client({ retries: 0 }).json({ path: '/thing', schema: thing }));
    expect(e.failure).toBe('timeout');
  });

  it('turns malformed JSON and a wrong shape into bad_response', async () => {
    fake.fail({ kind: 'malformed' }, 1);
    expect((await upstreamFailure(client().json({ path: '/thing', schema: thing }))).failure).toBe(
      'bad_response',
    );
    const e = await upstreamFailure(client().json({ path: '/thing', schema: z.object({ id: z.number() }) }));
    expect(e.failure).toBe('bad_response');
    expect(e.message).toContain('id');
  });

  it('says which service is down, without its key', async () => {
    await fake.down();
    const e = await upstreamFailure(client({ retries: 0 }).json({ path: '/thing', schema: thing }));
    expect(e.failure).toBe('unavailable');
    expect(e.message).toContain('svc');
    expect(e.message).not.toContain(KEY);
  });

  it('never puts the key in an error, even when the service echoes it back', async () => {
    fake.fail({ kind: 'status', status: 401, body: { status_message: `Invalid API key: ${KEY}` } });
    const e = await upstreamFailure(client().json({ path: '/thing', schema: thing }));
    expect(e.failure).toBe('auth');
    expect(`${e.message} ${e.detail}`).not.toContain(KEY);
    expect(e.detail).toContain('Invalid API key');
  });

  it('refuses a body larger than its cap without buffering it', async () => {
    fake.route('GET', '/big', () => ({ status: 200, raw: 'x'.repeat(200_000) }));
    const e = await upstreamFailure(client().bytes({ path: '/big', maxBytes: 100_000 }));
    expect(e.failure).toBe('bad_response');
  });

  it('serves a repeated GET from its cache', async () => {
    const c = client({ cacheTtlMs: 60_000 });
    await c.json({ path: '/thing', schema: thing });
    await c.json({ path: '/thing', schema: thing });
    expect(fake.calls).toHaveLength(1);
  });

  it('fails fast instead of queueing behind its rate limit past the deadline', async () => {
    const c = client({ limit: { minTime: 400, maxConcurrent: 1 } });
    const deadline = Date.now() + 600;
    const results = await Promise.allSettled(
      [1, 2, 3, 4].map(() => c.json({ path: '/thing', schema: thing, deadline })),
    );
    const late = results.filter((r) => r.status === 'rejected');
    expect(late.length).toBeGreaterThanOrEqual(2);
    for (const r of late)
      expect(((r as PromiseRejectedResult).reason as UpstreamError).failure).toBe('rate_limited');
    expect(fake.calls.length).toBeLessThanOrEqual(2);
  });
});

describe('a POST that may have been applied is not sent twice', () => {
  const post = (c: HttpClient, extra: { idempotent?: boolean } = {}) =>
    c.json({ method: 'POST', path: '/add', body: { title: 'Inception' }, schema: thing, ...extra });

  beforeEach(() => {
    fake.route('POST', '/add', () => ({ status: 201, body: { name: 'added' } }));
  });

  it('a 502 from a proxy after the add went through → one POST, and a retryable server_error for the caller to check', async () => {
    fake.fail({ kind: 'answer_lost', status: 502 }, 1);
    const e = await upstreamFailure(post(client()));
    expect(e.failure).toBe('server_error');
    expect(e.retryable).toBe(true);
    expect(fake.callsTo('POST', '/add')).toHaveLength(1);
  });

  it('a connection reset → one POST', async () => {
    fake.fail({ kind: 'reset' }, 1);
    await upstreamFailure(post(client()));
    expect(fake.callsTo('POST', '/add')).toHaveLength(1);
  });

  it('a 429 means it was not applied → retried', async () => {
    fake.fail({ kind: 'status', status: 429, headers: { 'retry-after': '0' } }, 1);
    await expect(post(client())).resolves.toEqual({ name: 'added' });
    expect(fake.callsTo('POST', '/add')).toHaveLength(2);
  });

  it('a connection refused never reached the server → retried', async () => {
    let attempts = 0;
    const counting: typeof fetch = (input, init) => {
      attempts += 1;
      return fetch(input, init);
    };
    await fake.down();
    const e = await upstreamFailure(post(client({ retries: 1, fetchImpl: counting })));
    expect(e.failure).toBe('unavailable');
    expect(attempts).toBe(2);
  });

  it('a POST marked idempotent (a search, a translation) is retried on a 503', async () => {
    fake.fail({ kind: 'status', status: 503 }, 1);
    await expect(post(client(), { idempotent: true })).resolves.toEqual({ name: 'added' });
    expect(fake.callsTo('POST', '/add')).toHaveLength(2);
  });
});

describe('redirects', () => {
  let other: FakeHttp;
  beforeEach(async () => {
    other = await new FakeHttp()
      .route('GET', '/login', () => ({ status: 200, raw: '<html>Sign in</html>' }))
      .route('GET', '/thing', () => ({ status: 200, body: { name: 'elsewhere' } }))
      .start();
  });
  afterEach(() => other.close());

  it('a redirect to another host (an SSO login page) is refused, and the key never goes there', async () => {
    fake.route('GET', '/sso', () => ({ status: 302, raw: '', headers: { location: `${other.url}/login` } }));
    const e = await upstreamFailure(
      client({ headers: { 'X-Api-Key': KEY }, secrets: [KEY] }).json({ path: '/sso', schema: thing }),
    );
    expect(e.failure).toBe('rejected');
    expect(e.detail).toContain('redirect to another address');
    expect(e.message).not.toContain(KEY);
    expect(other.calls).toEqual([]);
  });

  it('a redirect on the same host is followed with the key', async () => {
    fake.route('GET', '/moved', () => ({ status: 301, raw: '', headers: { location: '/thing' } }));
    await expect(
      client({ headers: { 'X-Api-Key': KEY }, secrets: [KEY] }).json({ path: '/moved', schema: thing }),
    ).resolves.toEqual({ name: 'ok' });
  });

  it('a client without credentials follows a redirect to another host', async () => {
    fake.route('GET', '/www', () => ({ status: 301, raw: '', headers: { location: `${other.url}/thing` } }));
    const open = new HttpClient({ service: 'svc', baseUrl: fake.url, timeoutMs: 300 });
    await expect(open.json({ path: '/www', schema: thing })).resolves.toEqual({ name: 'elsewhere' });
  });

  it('keepPostOnRedirect posts the form again after a 302, and a 303 still becomes a GET', async () => {
    fake
      .route('POST', '/old', () => ({ status: 302, raw: '', headers: { location: '/new' } }))
      .route('POST', '/new', (req) => ({
        status: 303,
        raw: '',
        headers: { location: `/done?q=${String((req.body as { q: string }).q)}` },
      }))
      .route('GET', '/done', (req) => ({ status: 200, body: { name: String(req.query.q) } }));
    const forms = new HttpClient({ service: 'imsdb', baseUrl: fake.url, keepPostOnRedirect: true });
    await expect(
      forms.json({ method: 'POST', path: '/old', form: { q: 'Heat' }, schema: thing, idempotent: true }),
    ).resolves.toEqual({ name: 'Heat' });
    expect(fake.calls.map((c) => `${c.method} ${c.path} ${c.rawBody}`)).toEqual([
      'POST /old q=Heat',
      'POST /new q=Heat',
      'GET /done ',
    ]);
  });

  it('without it, a POST answered 302 continues as a GET, as the Fetch standard says', async () => {
    fake.route('POST', '/old', () => ({ status: 302, raw: '', headers: { location: '/thing' } }));
    await expect(
      client().json({ method: 'POST', path: '/old', body: { q: 1 }, schema: thing }),
    ).resolves.toEqual({ name: 'ok' });
    expect(fake.calls.map((c) => c.method)).toEqual(['POST', 'GET']);
  });
});

describe('a hostile error page', () => {
  it('5 MB of "<" in an error body costs milliseconds, not the event loop', async () => {
    fake.route('GET', '/evil', () => ({ status: 500, raw: '<'.repeat(5 * 1024 * 1024) }));
    const started = performance.now();
    const e = await upstreamFailure(client({ retries: 0 }).json({ path: '/evil', schema: thing }));
    expect(e.failure).toBe('server_error');
    // Reading 5 MB over loopback is most of this; the old tag strip took tens of seconds.
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('upstreamDetail', () => {
  // A scan that backtracks over "<" would take hours on 5 MB; a linear one takes milliseconds. The
  // bound is loose on purpose: this guards against the former, it is not a benchmark.
  it('reads the reason of a 5 MB body of "<" in well under a second', () => {
    const body = '<'.repeat(5 * 1024 * 1024);
    const started = performance.now();
    expect(upstreamDetail(body)).toBe('<'.repeat(200));
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('still reads the title of an ordinary HTML error page', () => {
    expect(upstreamDetail('<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>')).toBe(
      '502 Bad Gateway nginx',
    );
  });
});

describe('credentials in the URL', () => {
  it('http://user:pass@host is sent as Basic auth, and the password is in no message', async () => {
    fake.fail({ kind: 'status', status: 503 }, 1);
    const base = fake.url.replace('http://', 'http://admin:s3cr%40t-pw@');
    const c = new HttpClient({ service: 'sonarr', baseUrl: base, timeoutMs: 300, retries: 0 });
    const e = await upstreamFailure(c.json({ path: '/thing', schema: thing }));
    expect(e.message).not.toContain('s3cr');
    await expect(c.json({ path: '/thing', schema: thing })).resolves.toEqual({ name: 'ok' });
    const auth = fake.calls.at(-1)?.headers.authorization;
    expect(auth).toBe(`Basic ${Buffer.from('admin:s3cr@t-pw').toString('base64')}`);
  });
});
