/**
 * OpenSubtitles with an account (OPENSUBTITLES_USERNAME/PASSWORD): one login, the token on every
 * request, the VIP host the login names, a fresh login when the token is refused or about to
 * expire, none after the credentials were refused, and no secret in any log line or error.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOpenSubtitlesSource } from '../../../adapters/vocab/opensubtitles-source.js';
import { vocabEnv } from '../../../src/config/vocab-env.js';
import type { ScriptQuery, ScriptSource } from '../../../src/core/vocab/ports.js';
import { FakeClock } from '../../core/fakes/clock.js';
import { startFakeOpenSubtitles, type FakeOpenSubtitles } from '../../fakes/opensubtitles.js';
import { CaptureLogger } from '../../helpers/capture-logger.js';

const KEY = 'os-app-key-0b7e44c1d3';
const PASSWORD = 'correct-horse-battery-91';
const inception: ScriptQuery = { title: 'Inception', year: 2010, kind: 'movie', imdbId: 'tt1375666' };
const signal = () => AbortSignal.timeout(10_000);

let os: FakeOpenSubtitles;
let clock: FakeClock;
let logger: CaptureLogger;

async function start(opts: { expiredTokenStatus?: 401 | 406 } = {}): Promise<void> {
  os = await startFakeOpenSubtitles({
    apiKey: KEY,
    now: () => clock.now().getTime(),
    accounts: [
      { username: 'ariadne', password: PASSWORD, level: 'Sub leecher', allowedDownloads: 20 },
      { username: 'saito', password: PASSWORD, level: 'VIP Member', allowedDownloads: 1000, vip: true },
    ],
    ...opts,
  });
}

beforeEach(async () => {
  clock = new FakeClock('2025-06-01T12:00:00.000Z');
  logger = new CaptureLogger();
  await start();
});
afterEach(() => os.close());

function source(username: string, password = PASSWORD, fetchImpl?: typeof fetch): ScriptSource {
  const env = vocabEnv.parse({
    OPENSUBTITLES_API_KEY: KEY,
    OPENSUBTITLES_BASE_URL: os.baseUrl,
    OPENSUBTITLES_USERNAME: username,
    OPENSUBTITLES_PASSWORD: password,
  });
  const s = createOpenSubtitlesSource(env, logger, { clock, ...(fetchImpl ? { fetchImpl } : {}) });
  if (!s) throw new Error('expected a source');
  return s;
}

const logins = () => os.callsTo('POST', '/api/v1/login');
const bearer = (host: FakeOpenSubtitles['vip'], path: string) =>
  host
    .callsTo(path.startsWith('/api/v1/download') ? 'POST' : 'GET', path)
    .map((c) => c.headers.authorization);

describe('GIVEN an ordinary account', () => {
  it('THEN it logs in once, sends the token with the search and the download, and the download counts for the account', async () => {
    const s = source('ariadne');
    expect((await s.find(inception, signal())).found).toBe(true);
    expect((await s.find({ title: 'The Prestige', imdbId: 'tt0482571' }, signal())).found).toBe(true);
    expect(logins().map((c) => c.body)).toEqual([{ username: 'ariadne', password: PASSWORD }]);
    const tokens = [...bearer(os, '/api/v1/subtitles'), ...bearer(os, '/api/v1/download')];
    expect(tokens).toHaveLength(4);
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).toMatch(/^Bearer ey/);
    expect(os.downloadsBy('user:ariadne')).toBe(2);
    expect(os.downloadsBy('ip:127.0.0.1')).toBe(0);
  });

  it('THEN a token the server no longer takes is replaced by one new login, and the search goes on', async () => {
    const s = source('ariadne');
    await s.find(inception, signal());
    os.expireTokens();
    expect((await s.find(inception, signal())).found).toBe(true);
    expect(logins()).toHaveLength(2);
    // The search refused with 401, then the same search with the new token.
    expect(os.callsTo('GET', '/api/v1/subtitles')).toHaveLength(3);
  });

  it('THEN a 406 "invalid token" on /download is a refused token too', async () => {
    await os.close();
    await start({ expiredTokenStatus: 406 });
    let expired = false;
    // The token runs out between the search and the download.
    const fetchImpl: typeof fetch = (input, init) => {
      if (!expired && String(input).endsWith('/download') && init?.method === 'POST') {
        expired = true;
        os.expireTokens();
      }
      return fetch(input, init);
    };
    expect((await source('ariadne', PASSWORD, fetchImpl).find(inception, signal())).found).toBe(true);
    expect(logins()).toHaveLength(2);
    expect(os.callsTo('POST', '/api/v1/download')).toHaveLength(2);
  });

  it('THEN a day later it logs in again before the token expires, without a refused request first', async () => {
    const s = source('ariadne');
    await s.find(inception, signal());
    clock.advance(24 * 3600_000 - 5 * 60_000);
    await s.find(inception, signal());
    expect(logins()).toHaveLength(2);
  });
});

describe('GIVEN a VIP account', () => {
  it('THEN everything after the login goes to the host the login named, with the token', async () => {
    expect((await source('saito').find(inception, signal())).found).toBe(true);
    expect(os.calls.map((c) => c.path)).toEqual(['/api/v1/login']);
    expect(os.vip.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /api/v1/subtitles',
      'POST /api/v1/download',
    ]);
    expect(os.vip.calls.every((c) => String(c.headers.authorization).startsWith('Bearer '))).toBe(true);
    expect(os.downloadsBy('user:saito')).toBe(1);
  });
});

describe('GIVEN a wrong password', () => {
  it('THEN it is an auth failure, and the login is not tried again ("login is expensive")', async () => {
    const s = source('ariadne', 'wrong-password-00');
    await expect(s.find(inception, signal())).rejects.toMatchObject({ failure: 'auth', status: 401 });
    await expect(s.find(inception, signal())).rejects.toMatchObject({ failure: 'auth' });
    expect(logins()).toHaveLength(1);
    expect(os.callsTo('GET', '/api/v1/subtitles')).toHaveLength(0);
  });
});

describe('secrets', () => {
  it('THEN neither the key, the password nor the token is in any log line or error', async () => {
    await source('saito').find(inception, signal());
    const err = await source('ariadne', 'wrong-password-00')
      .find(inception, signal())
      .catch((e: unknown) => e as Error);
    const token = String(os.vip.calls[0]?.headers.authorization).replace('Bearer ', '');
    const seen = `${logger.dump()}\n${String(err)}\n${JSON.stringify(err)}`;
    for (const secret of [KEY, PASSWORD, 'wrong-password-00', token]) expect(seen).not.toContain(secret);
    expect(logger.dump()).toContain('opensubtitles login');
  });
});
