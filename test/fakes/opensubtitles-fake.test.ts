/**
 * The fake OpenSubtitles answers as the documentation says the real one does, for the requests a
 * careless client makes: unsorted or upper-case parameters, default values, no User-Agent of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenSubtitles, type FakeOpenSubtitles } from './opensubtitles.js';

const KEY = 'fake-contract-key-1';
const headers = { 'api-key': KEY, 'user-agent': 'contract v1', accept: 'application/json' };
let os: FakeOpenSubtitles;

beforeAll(async () => {
  os = await startFakeOpenSubtitles({ apiKey: KEY });
});
afterAll(() => os.close());

const get = (path: string, h: Record<string, string> = headers) =>
  fetch(`${os.baseUrl}${path}`, { headers: h, redirect: 'manual' });

describe('the fake OpenSubtitles', () => {
  it('redirects a search whose parameters are unsorted, upper-case or defaults to the canonical one', async () => {
    for (const [asked, canonical] of [
      ['languages=en&imdb_id=1375666', 'imdb_id=1375666&languages=en'],
      ['imdb_id=tt01375666&languages=EN', 'imdb_id=1375666&languages=en'],
      ['imdb_id=1375666&languages=en&machine_translated=exclude', 'imdb_id=1375666&languages=en'],
    ]) {
      const res = await get(`/subtitles?${asked}`);
      expect(res.status).toBe(301);
      expect(res.headers.get('location')).toBe(`/api/v1/subtitles?${canonical}`);
    }
    expect((await get('/subtitles?imdb_id=1375666&languages=en')).status).toBe(200);
  });

  it('answers a User-Agent that is not "<app> v<version>", or a missing key, with 403', async () => {
    const node = await get('/infos/formats', { 'api-key': KEY, 'user-agent': 'node', accept: '*/*' });
    expect([node.status, await node.json()]).toEqual([403, { message: 'You cannot consume this service' }]);
    const noKey = await get('/infos/formats', { 'user-agent': 'contract v1', accept: '*/*' });
    expect(noKey.status).toBe(403);
    expect((await get('/infos/formats')).status).toBe(200);
  });

  it('refuses a wrong login with the recorded 401 body', async () => {
    const res = await fetch(`${os.baseUrl}/login`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'nobody', password: 'x' }),
    });
    expect([res.status, await res.json()]).toEqual([
      401,
      { message: 'Error, invalid username/password', status: 401 },
    ]);
  });
});
